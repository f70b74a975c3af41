/**
 * `npm run test:electron`: the same bundled integration suite, run by @vscode/test-electron in desktop VS Code
 * (Electron) instead of code-server. test-electron downloads VS Code $VSCODE_VERSION (default 1.100.3, the
 * engines.vscode floor) into .vscode-test/ on first use, so this needs update.code.visualstudio.com; offline it
 * fails while "Resolving version" (ENOTFOUND), which is expected. On a Linux machine without a display run it
 * under `xvfb-run -a`.
 */
import fs from "node:fs";
import path from "node:path";
import { runTests } from "@vscode/test-electron";
import { ROOT } from "../lib/paths";
import { runOrThrow } from "../lib/run";
import { bundleIntegrationTests, INTEGRATION_ENTRY } from "./bundleIntegration";
import { resultsFile } from "./results";

async function main(): Promise<number> {
  await runOrThrow("npm", ["run", "--silent", "build"]);
  const tests = await bundleIntegrationTests();
  console.log(`test:electron: bundled ${tests.length} test file(s); VS Code ${process.env.VSCODE_VERSION ?? "1.100.3"} from .vscode-test/`);
  const workspace = path.join(ROOT, ".cache", "electron-workspace");
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.mkdirSync(workspace, { recursive: true });
  return runTests({
    version: process.env.VSCODE_VERSION ?? "1.100.3",
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: INTEGRATION_ENTRY,
    extensionTestsEnv: { TEST_RESULTS_FILE: resultsFile("integration") },
    launchArgs: [workspace, "--disable-extensions", "--disable-workspace-trust", "--skip-welcome", "--skip-release-notes"],
  });
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`test:electron: ${error.message ?? error}`);
    console.error("test:electron: @vscode/test-electron needs to download VS Code (update.code.visualstudio.com); offline, use npm run test:integration, which runs the same suite in code-server.");
    process.exit(1);
  },
);
