/** Builds the pack-loading Worker (src/packs/node/loadPackWorker.ts) into a temp folder once per test process. */
import * as esbuild from "esbuild";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const repoRoot = path.resolve(__dirname, "..", "..", "..", "..");
let built: Promise<string> | undefined;

export function packWorkerScript(): Promise<string> {
  built ??= (async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-pack-worker-"));
    const outfile = path.join(out, "loadPackWorker.js");
    await esbuild.build({
      entryPoints: [path.join(repoRoot, "src", "packs", "node", "loadPackWorker.ts")],
      outfile,
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      mainFields: ["module", "main"], // as esbuild.config.mjs: jsonc-parser's ESM build
      logLevel: "silent",
    });
    process.on("exit", () => fs.rmSync(out, { recursive: true, force: true }));
    return outfile;
  })();
  return built;
}
