/**
 * `npm test`: every layer, in order: typecheck, build, unit (mocha on Node), integration (mocha inside
 * code-server's extension host), e2e (a browser driving code-server with the packaged .vsix). A failing step
 * does not hide the later layers' results, but any failure makes the exit code 1. code-server is stopped by each
 * layer even when it fails. Ends with one plain line CI can read: `test: <passed> passed, <failed> failed`.
 */
import fs from "node:fs";
import path from "node:path";
import { runWithCodeServer, stopCodeServer } from "../lib/codeServer";
import { ROOT, RESULTS_DIR } from "../lib/paths";
import { run } from "../lib/run";
import { readLayerResults, readMetrics, resultsFile, type Layer } from "./results";

interface Step {
  name: string;
  layer?: Layer;
  command: string[];
}

const steps: Step[] = [
  { name: "typecheck", command: ["npm", "run", "--silent", "typecheck"] },
  { name: "build", command: ["npm", "run", "--silent", "build"] },
  {
    name: "unit",
    layer: "unit",
    command: ["npx", "mocha", "--require", "tsx/cjs", "--require", "./test/unit/support/isolatedCache.ts", "--reporter", "./scripts/test/resultsReporter.ts", "--reporter-option", `file=${resultsFile("unit")}`, "--reporter-option", "layer=unit", "test/unit/**/*.test.ts"],
  },
  // Each built-in pack's cases against mutants of its references (through the built dist/mutants.js): fails below 95 %.
  { name: "mutants", command: ["node", "dist/cli.js", "validate", "exercises/quantization-distillation", "--mutants", "--min-score", "95"] },
  { name: "mutants (compression in practice)", command: ["node", "dist/cli.js", "validate", "exercises/compression-in-practice", "--mutants", "--min-score", "95"] },
  { name: "integration", layer: "integration", command: ["npx", "tsx", "scripts/test/integration.ts"] },
  { name: "e2e", layer: "e2e", command: ["npx", "tsx", "scripts/test/e2e.ts"] },
];

function bundleSizes(): string {
  const file = path.join(ROOT, "dist", "bundle-sizes.json");
  if (!fs.existsSync(file)) return "no dist/bundle-sizes.json";
  const sizes = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, number>;
  return Object.entries(sizes).map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(0)} KiB`).join(", ");
}

/**
 * Every step gets its own TMPDIR inside the git-ignored .cache/, so temporary files a test forgets are counted
 * (and removed) here instead of piling up in the machine's /tmp.
 */
const TEST_TMPDIR = path.join(ROOT, ".cache", "test-tmp");

function leftoverTempFiles(): string[] {
  // tsx keeps its compile cache in $TMPDIR/tsx-<uid>: that is the tool's, not a test's leftover.
  return fs.existsSync(TEST_TMPDIR) ? fs.readdirSync(TEST_TMPDIR).filter((name) => !/^tsx-\d+$/.test(name)) : [];
}

async function main(): Promise<number> {
  const started = Date.now();
  fs.rmSync(RESULTS_DIR, { recursive: true, force: true });
  fs.rmSync(TEST_TMPDIR, { recursive: true, force: true });
  fs.mkdirSync(TEST_TMPDIR, { recursive: true });
  const failedSteps: string[] = [];
  for (const step of steps) {
    console.log(`\n=== ${step.name}: ${step.command.join(" ")}`);
    const stepStarted = Date.now();
    const code = await run(step.command[0], step.command.slice(1), { env: { ...process.env, TMPDIR: TEST_TMPDIR, FORCE_COLOR: process.env.CI ? "0" : process.env.FORCE_COLOR } });
    console.log(`=== ${step.name}: exit code ${code} after ${((Date.now() - stepStarted) / 1000).toFixed(1)} s`);
    if (code !== 0) failedSteps.push(step.name);
    // Without a type-correct build there is nothing meaningful to run the layers on.
    if (code !== 0 && (step.name === "typecheck" || step.name === "build")) break;
  }
  await stopCodeServer();
  const leftovers = leftoverTempFiles();
  if (leftovers.length > 0) console.log(`\nnote: the tests left ${leftovers.length} temporary file(s) behind (removed now): ${leftovers.slice(0, 5).join(", ")}${leftovers.length > 5 ? ", ..." : ""}`);
  fs.rmSync(TEST_TMPDIR, { recursive: true, force: true });

  let passed = 0;
  let failed = 0;
  let pending = 0;
  const perLayer: string[] = [];
  for (const layer of ["unit", "integration", "e2e"] as const) {
    const results = readLayerResults(layer);
    if (!results) {
      perLayer.push(`${layer} did not run`);
      continue;
    }
    passed += results.passed;
    failed += results.failed;
    pending += results.pending;
    perLayer.push(`${layer} ${results.passed}/${results.passed + results.failed}`);
    for (const test of results.tests.filter((t) => t.state === "failed")) console.log(`FAILED [${layer}] ${test.title}`);
  }
  const metrics = readMetrics();
  console.log(`\nmetrics: ${Object.entries(metrics).map(([k, v]) => `${k}=${v}`).join(" ") || "none"}`);
  console.log(`bundles: ${bundleSizes()}`);
  console.log(`layers: ${perLayer.join(", ")}; wall time ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const stepNote = failedSteps.length > 0 ? ` (failed steps: ${failedSteps.join(", ")})` : "";
  console.log(`test: ${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ""}${stepNote}`);
  return failedSteps.length === 0 && failed === 0 ? 0 : 1;
}

runWithCodeServer("test", main);
