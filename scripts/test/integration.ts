/**
 * `npm run test:integration`: the integration layer, mocha inside code-server's real (Node) extension host.
 * Bundles test/integration, starts code-server with fresh state, opens the workbench in headless chromium with
 * the `payload` URL parameter (extensionDevelopmentPath = this repository, extensionTestsPath = the bundled
 * index.js), prints the mocha output the workbench forwards, and exits with the test runner's exit code, which
 * the workbench reports through window.codeAutomationExit. code-server is stopped whatever happens.
 */
import fs from "node:fs";
import path from "node:path";
import { launchBrowser, watchPage } from "../../test/e2e/lib/browser";
import { codeServerEnv, installCodeServer, runWithCodeServer, startCodeServer, stopCodeServer } from "../lib/codeServer";
import { ROOT, RESULTS_DIR, SCREENSHOTS_DIR } from "../lib/paths";
import { bundleIntegrationTests, INTEGRATION_ENTRY } from "./bundleIntegration";
import { recordMetric, resultsFile, writeLayerResults, type LayerResults } from "./results";

/** Workbench chatter that says nothing about the tests. */
const NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin|\[Service Worker\]|ChatSessionStore|Ignoring fetching additional builtin extensions from gallery)/;

async function runInCodeServer(): Promise<number | "timeout"> {
  const env = codeServerEnv();
  const payload = [
    // "remote" is code-server's fixed remote authority: these paths are on the machine code-server runs on.
    ["extensionDevelopmentPath", `vscode-remote://remote${ROOT}`],
    ["extensionTestsPath", `vscode-remote://remote${INTEGRATION_ENTRY}`],
  ];
  const url = `${env.CS_URL}/?folder=${encodeURIComponent(env.CS_WORKSPACE)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const watch = watchPage(page);
    let exit!: (code: number) => void;
    const exited = new Promise<number>((resolve) => (exit = resolve));
    await page.exposeFunction("codeAutomationLog", (type: string, args: unknown) => {
      const text = Array.isArray(args) ? args.join(" ") : String(args);
      if (!NOISE.test(text)) console.log(type === "info" ? text : `[${type}] ${text}`);
    });
    await page.exposeFunction("codeAutomationExit", (code: number) => exit(code));
    await page.goto(url);
    const timeoutMs = Number(process.env.INTEGRATION_TIMEOUT_MS ?? 300_000);
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([exited, new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)))]);
    clearTimeout(timer);
    fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, "integration-end.png") }).catch(() => undefined);
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    fs.writeFileSync(path.join(RESULTS_DIR, "integration-browser-console.log"), watch.consoleLines.join("\n"));
    if (watch.externalRequests.length > 0) {
      console.error(`integration: requests left 127.0.0.1, which an offline extension must not do:\n  ${watch.externalRequests.join("\n  ")}`);
      addFailure("integration: no request leaves 127.0.0.1", watch.externalRequests.join("\n"));
    }
    return code;
  } finally {
    await browser.close();
  }
}

/** Records a failure the mocha run inside VS Code could not see (a timeout, a request to the internet). */
function addFailure(title: string, error: string): void {
  const file = resultsFile("integration");
  const results: LayerResults = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, "utf8")) as LayerResults)
    : { layer: "integration", passed: 0, failed: 0, pending: 0, durationMs: 0, tests: [] };
  results.failed++;
  results.tests.push({ title, state: "failed", durationMs: 0, error });
  writeLayerResults(file, results);
}

async function main(): Promise<number> {
  const file = resultsFile("integration");
  fs.rmSync(file, { force: true });
  const tests = await bundleIntegrationTests();
  console.log(`integration: bundled ${tests.length} test file(s): ${tests.join(", ")}`);
  await installCodeServer();
  try {
    // The extension host inherits code-server's environment: that is how the results path reaches index.ts.
    const coldStartMs = await startCodeServer({ env: { TEST_RESULTS_FILE: file } });
    recordMetric("integration.codeServerColdStartMs", coldStartMs);
    const started = Date.now();
    const code = await runInCodeServer();
    recordMetric("integration.workbenchAndTestsMs", Date.now() - started);
    if (code === "timeout") {
      addFailure("integration: the test run finished", "VS Code did not report an exit code in time (INTEGRATION_TIMEOUT_MS)");
      return 1;
    }
    if (!fs.existsSync(file)) addFailure("integration: the test runner started", `VS Code exited with ${code} before writing ${file}; see out/test-results/integration-browser-console.log`);
    return code === 0 && fs.existsSync(file) ? 0 : 1;
  } finally {
    await stopCodeServer();
  }
}

runWithCodeServer("integration", main);
