/**
 * A mocha reporter: mocha's spec output on the console, plus the layer's results as JSON (see results.ts) so
 * `npm test` can add the layers up. The file is `--reporter-option file=<path>`, else $TEST_RESULTS_FILE.
 * Used by the unit and e2e layers on Node and, bundled into test/integration/index.ts, inside VS Code.
 */
import Mocha from "mocha";
import path from "node:path";
import { writeLayerResults, type TestOutcome } from "./results";

class ResultsReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions & { reporterOptions?: Record<string, string> }) {
    super(runner, options);
    const file = options.reporterOptions?.file ?? process.env.TEST_RESULTS_FILE;
    const layer = options.reporterOptions?.layer ?? (file ? path.basename(file, ".json") : "tests");
    const tests: TestOutcome[] = [];
    const started = Date.now();
    runner.on("pass", (test) => tests.push({ title: test.fullTitle(), state: "passed", durationMs: test.duration ?? 0 }));
    runner.on("pending", (test) => tests.push({ title: test.fullTitle(), state: "pending", durationMs: 0 }));
    runner.on("fail", (test, error: Error) =>
      tests.push({ title: test.fullTitle(), state: "failed", durationMs: test.duration ?? 0, error: String(error?.stack ?? error) }),
    );
    runner.once("end", () => {
      if (!file) return;
      const count = (state: TestOutcome["state"]) => tests.filter((t) => t.state === state).length;
      writeLayerResults(file, {
        layer,
        passed: count("passed"),
        failed: count("failed"),
        pending: count("pending"),
        durationMs: Date.now() - started,
        tests,
      });
    });
  }
}

export = ResultsReporter;
