import fs from "node:fs";
import path from "node:path";
import { RESULTS_DIR } from "../lib/paths";

/** One test as a layer reports it. */
export interface TestOutcome {
  title: string;
  state: "passed" | "failed" | "pending";
  durationMs: number;
  error?: string;
}

/** What every layer (unit, integration, e2e) writes to `<RESULTS_DIR>/<layer>.json`; `npm test` sums them. */
export interface LayerResults {
  layer: string;
  passed: number;
  failed: number;
  pending: number;
  durationMs: number;
  tests: TestOutcome[];
}

export type Layer = "unit" | "integration" | "e2e";

export function resultsFile(layer: Layer): string {
  return path.join(RESULTS_DIR, `${layer}.json`);
}

export function writeLayerResults(file: string, results: LayerResults): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(results, null, 2));
}

/** The layer's results, or undefined when the layer never got to write them (it crashed or did not start). */
export function readLayerResults(layer: Layer): LayerResults | undefined {
  const file = resultsFile(layer);
  if (!fs.existsSync(file)) return undefined;
  return JSON.parse(fs.readFileSync(file, "utf8")) as LayerResults;
}

/** Numbers worth a line in the final report (cold start, activation time, ...), merged across layers. */
export function recordMetric(name: string, value: number | string): void {
  const file = path.join(RESULTS_DIR, "metrics.json");
  const metrics = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>) : {};
  metrics[name] = value;
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(metrics, null, 2));
}

export function readMetrics(): Record<string, number | string> {
  const file = path.join(RESULTS_DIR, "metrics.json");
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, number | string>) : {};
}
