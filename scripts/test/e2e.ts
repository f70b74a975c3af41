/**
 * `npm run test:e2e`: the end-to-end layer, a browser driving a real VS Code workbench.
 * Packages the extension (`npm run package` → dist/compression-tutor.vsix), starts code-server with fresh state
 * and that .vsix installed (so the packaged extension is what is tested, not this folder), runs every
 * test/e2e/**\/*.test.ts with mocha on Node, and stops code-server whatever happens.
 * `SKIP_PACKAGE=1` reuses an existing .vsix (handy while writing a test).
 */
import fs from "node:fs";
import { codeServerEnv, installCodeServer, runWithCodeServer, startCodeServer, stopCodeServer } from "../lib/codeServer";
import { VSIX } from "../lib/paths";
import { run, runOrThrow } from "../lib/run";
import { recordMetric, resultsFile } from "./results";

async function main(): Promise<number> {
  const file = resultsFile("e2e");
  fs.rmSync(file, { force: true });
  if (process.env.SKIP_PACKAGE !== "1" || !fs.existsSync(VSIX)) await runOrThrow("npm", ["run", "--silent", "package"]);
  await installCodeServer();
  try {
    const coldStartMs = await startCodeServer({ vsix: VSIX });
    recordMetric("e2e.codeServerColdStartMs", coldStartMs);
    const files = process.argv.slice(2);
    return await run(
      "npx",
      [
        "mocha",
        "--require",
        "tsx/cjs",
        "--require",
        "./test/e2e/lib/failureScreenshots.ts",
        "--reporter",
        "./scripts/test/resultsReporter.ts",
        "--reporter-option",
        `file=${file}`,
        "--reporter-option",
        "layer=e2e",
        "--timeout",
        "60000",
        ...(files.length > 0 ? files : ["test/e2e/**/*.test.ts"]),
      ],
      { env: { ...process.env, ...codeServerEnv() } },
    );
  } finally {
    await stopCodeServer();
  }
}

runWithCodeServer("e2e", main);
