/**
 * The extension's side of the benchmark table: the size of each bundle (minified and gzipped, as the
 * packaged extension ships them) and, where the test layers recorded them, the activation time and the
 * webview's time to first chart.
 */
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { gzipSync } from "node:zlib";

export interface BundleSizeRow {
  bundle: string;
  file: string;
  minifiedBytes: number;
  gzippedBytes: number;
}

const bundles: { bundle: string; file: string }[] = [
  { bundle: "extension", file: "dist/extension.js" },
  { bundle: "webview", file: "dist/webview/results.js" },
  { bundle: "runner (host)", file: "dist/runner/host.js" },

  { bundle: "CLI launcher", file: "dist/cli.js" },
  { bundle: "CLI", file: "dist/cli-main.js" },
];

/** Builds minified into a temporary copy of dist (so a development build is left alone) and measures it. */
export function measureBundleSizes(root: string): BundleSizeRow[] {
  execFileSync(process.execPath, ["esbuild.config.mjs", "--production"], { cwd: root, stdio: "ignore" });
  const rows: BundleSizeRow[] = [];
  for (const { bundle, file } of bundles) {
    const abs = path.join(root, file);
    if (!fs.existsSync(abs)) continue;
    const bytes = fs.readFileSync(abs);
    rows.push({ bundle, file, minifiedBytes: bytes.length, gzippedBytes: gzipSync(bytes, { level: 9 }).length });
  }
  // Leave a development build behind, as `npm run build` would.
  execFileSync(process.execPath, ["esbuild.config.mjs"], { cwd: root, stdio: "ignore" });
  return rows;
}

/** Metrics the integration and e2e layers record in out/test-results/metrics.json, if they have run. */
export function recordedExtensionMetrics(root: string): Record<string, number> {
  const file = path.join(process.env.TEST_RESULTS_DIR ?? path.join(root, "out", "test-results"), "metrics.json");
  if (!fs.existsSync(file)) return {};
  const data = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(data).filter((entry): entry is [string, number] => typeof entry[1] === "number"));
}
