/**
 * The integration layer's entry point, loaded by VS Code's extension host as `extensionTestsPath` (code-server
 * through scripts/test/integration.ts, or desktop VS Code through @vscode/test-electron). It runs every bundled
 * `*.test.js` beside it (one per test/integration/**\/*.test.ts) with mocha's BDD interface, prints mocha's spec
 * output and writes the results JSON that `npm test` adds up.
 */
import fs from "node:fs";
import path from "node:path";
import util from "node:util";
import Mocha from "mocha";
import ResultsReporter from "../../scripts/test/resultsReporter";

/** Bundled test files under `dir`, sorted so the run order does not depend on the file system. */
function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith(".test.js"))
    .sort()
    .map((file) => path.join(dir, file));
}

export function run(): Promise<void> {
  // The extension host forwards console.log arguments unformatted, so mocha's "%s"/"%d" lines would show raw.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(util.format(...args));
  const resultsFile = process.env.TEST_RESULTS_FILE ?? path.join(__dirname, "results.json");
  const mocha = new Mocha({
    ui: "bdd",
    color: false,
    timeout: Number(process.env.INTEGRATION_TEST_TIMEOUT_MS ?? 30_000),
    // INTEGRATION_GREP runs only the tests whose title matches (one area while working on it).
    ...(process.env.INTEGRATION_GREP ? { grep: process.env.INTEGRATION_GREP } : {}),
    reporter: ResultsReporter,
    reporterOptions: { file: resultsFile, layer: "integration" },
  });
  const files = testFiles(__dirname);
  if (files.length === 0) return Promise.reject(new Error(`no *.test.js files in ${__dirname}; did the bundling step run?`));
  for (const file of files) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
