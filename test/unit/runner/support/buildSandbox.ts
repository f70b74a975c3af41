/**
 * Builds the sandbox script (host.js) and the compute core's Worker (core.js), and copies esbuild-wasm and QuickJS's WebAssembly next to it, into a private temp
 * folder, once per test process: tests exercise the real sandbox without touching the shared dist/.
 */
import * as esbuild from "esbuild";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const repoRoot = path.resolve(__dirname, "..", "..", "..", "..");
let built: Promise<string> | undefined;

/** The path of a freshly built host.js. */
export function sandboxHostScript(): Promise<string> {
  built ??= (async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-runner-"));
    for (const [entry, name] of [
      ["sandbox/host.ts", "host"],
      ["coreWorker.ts", "core"],
    ]) {
      await esbuild.build({
        entryPoints: [path.join(repoRoot, "src", "runner", entry)],
        outfile: path.join(out, `${name}.js`),
        bundle: true,
        platform: "node",
        format: "cjs",
        target: "node20",
        external: ["esbuild-wasm"],
        sourcemap: "linked",
        logLevel: "silent",
      });
    }
    const wasmPackage = path.dirname(require.resolve("esbuild-wasm/package.json"));
    fs.copyFileSync(path.join(wasmPackage, "lib", "browser.js"), path.join(out, "esbuild-browser.js"));
    fs.copyFileSync(path.join(wasmPackage, "esbuild.wasm"), path.join(out, "esbuild.wasm"));
    fs.copyFileSync(require.resolve("@jitl/quickjs-wasmfile-release-sync/wasm"), path.join(out, "quickjs.wasm"));
    process.on("exit", () => fs.rmSync(out, { recursive: true, force: true }));
    return path.join(out, "host.js");
  })();
  return built;
}

export const fixturesDir = path.join(__dirname, "..", "fixtures");
