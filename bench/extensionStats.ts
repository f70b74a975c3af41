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

export interface ExtensionLoad {
  /** CPU time of evaluating the production dist/extension.js, median of `rounds` processes [min–max]. */
  cpuMs: { median: number; min: number; max: number };
  rounds: number;
}

/**
 * What the extension host does before it calls `activate()`: read and evaluate dist/extension.js (the
 * production build, as packaged). Measured in fresh Node processes, with a stand-in `vscode` module (every
 * name is a constructible stub: evaluating the bundle only defines classes and reads a few names), as the CPU
 * time of the `require` alone; `activate()` itself is timed by the integration run (its log says `activated in`).
 */
function measureExtensionLoad(root: string, rounds = 9): ExtensionLoad {
  const probe = `
const Module = require("node:module");
const stub = new Proxy(function Stub() {}, {
  get: (target, name) => (name === "prototype" ? target.prototype : name === Symbol.toPrimitive ? () => "" : stub),
  apply: () => stub,
  construct: () => new Proxy({}, { get: (_, name) => (name === "then" ? undefined : stub) }),
});
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) { return request === "vscode" ? "vscode" : resolve.call(this, request, ...rest); };
require.cache.vscode = { id: "vscode", filename: "vscode", loaded: true, exports: Object.create(new Proxy({}, { get: (_, name) => (name === "__esModule" ? false : stub) })) };
const before = process.cpuUsage();
const extension = require(process.argv[1]);
const used = process.cpuUsage(before);
if (typeof extension.activate !== "function") throw new Error("no activate export");
process.stdout.write(String((used.user + used.system) / 1000));
`;
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    samples.push(Number(execFileSync(process.execPath, ["-e", probe, path.join(root, "dist", "extension.js")], { encoding: "utf8" })));
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { cpuMs: { median: sorted[sorted.length >> 1], min: sorted[0], max: sorted[sorted.length - 1] }, rounds };
}

/**
 * Builds minified (the production build, as packaged), measures each bundle's size and the extension
 * bundle's load, then leaves a development build behind, as `npm run build` would.
 */
export function measureBundleSizes(root: string): { sizes: BundleSizeRow[]; extensionLoad: ExtensionLoad } {
  execFileSync(process.execPath, ["esbuild.config.mjs", "--production"], { cwd: root, stdio: "ignore" });
  try {
    const sizes: BundleSizeRow[] = [];
    for (const { bundle, file } of bundles) {
      const abs = path.join(root, file);
      if (!fs.existsSync(abs)) continue;
      const bytes = fs.readFileSync(abs);
      sizes.push({ bundle, file, minifiedBytes: bytes.length, gzippedBytes: gzipSync(bytes, { level: 9 }).length });
    }
    return { sizes, extensionLoad: measureExtensionLoad(root) };
  } finally {
    execFileSync(process.execPath, ["esbuild.config.mjs"], { cwd: root, stdio: "ignore" });
  }
}

/** Metrics the integration and e2e layers record in out/test-results/metrics.json, if they have run. */
export function recordedExtensionMetrics(root: string): Record<string, number> {
  const file = path.join(process.env.TEST_RESULTS_DIR ?? path.join(root, "out", "test-results"), "metrics.json");
  if (!fs.existsSync(file)) return {};
  const data = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(data).filter((entry): entry is [string, number] => typeof entry[1] === "number"));
}
