import * as esbuild from "esbuild";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "../lib/paths";

export const INTEGRATION_SOURCE = path.join(ROOT, "test", "integration");
export const INTEGRATION_OUT = path.join(ROOT, "out", "test", "integration");
/** The file VS Code loads as extensionTestsPath. */
export const INTEGRATION_ENTRY = path.join(INTEGRATION_OUT, "index.js");

/**
 * Bundles the integration layer for the extension host: index.ts plus every *.test.ts under test/integration
 * (harness files are pulled into the tests that import them), one CommonJS file each, `vscode` left to the host
 * and mocha loaded from node_modules. Returns the test files it bundled.
 */
export async function bundleIntegrationTests(): Promise<string[]> {
  const tests = fs
    .readdirSync(INTEGRATION_SOURCE, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith(".test.ts") && !file.startsWith(`harness${path.sep}`))
    .sort();
  fs.rmSync(INTEGRATION_OUT, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: ["index.ts", ...tests].map((file) => path.join(INTEGRATION_SOURCE, file)),
    outbase: INTEGRATION_SOURCE,
    outdir: INTEGRATION_OUT,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    sourcemap: "inline",
    external: ["vscode", "mocha", "esbuild-wasm"],
    logLevel: "warning",
  });
  return tests;
}
