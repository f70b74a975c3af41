/**
 * Compiles the AssemblyScript kernels once per test run (about a second) so unit tests never need a build.
 * The compiler runs in a child process: loading it into the test process replaces built-ins such as
 * Array.prototype.sort (AssemblyScript's portable runtime), which changed what unrelated tests saw.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Kernels, instantiateKernels } from "../../../src/kernels";

let compiled: Promise<Kernels> | undefined;

function compileInChildProcess(): Uint8Array {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-kernels-"));
  try {
    const out = path.join(dir, "kernels.wasm");
    execFileSync(process.execPath, [path.join(__dirname, "../../../scripts/build-kernels.mjs"), out], { stdio: ["ignore", "ignore", "pipe"] });
    return fs.readFileSync(out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function kernelsForTest(): Promise<Kernels> {
  compiled ??= (async () => instantiateKernels(compileInChildProcess()))();
  return compiled;
}
