/**
 * The extension's side of the benchmark table: the size of each bundle (minified and gzipped, as the
 * packaged extension ships them) and, where the test layers recorded them, the activation time and the
 * webview's time to first chart.
 */
import fs from "node:fs";
import os from "node:os";
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
  { bundle: "extension launcher", file: "dist/extension.js" },
  { bundle: "extension", file: "dist/extension-main.js" },
  { bundle: "webview", file: "dist/webview/results.js" },
  { bundle: "runner (host)", file: "dist/runner/host.js" },

  { bundle: "CLI launcher", file: "dist/cli.js" },
  { bundle: "CLI", file: "dist/cli-main.js" },
];

export interface ExtensionLoad {
  /**
   * CPU time of loading the production dist/extension.js (the launcher and, through it, dist/extension-main.js),
   * median of `rounds` processes [min–max]: in a window after the first (V8's code cache stored), and in a
   * first window (no cache yet).
   */
  cpuMs: { median: number; min: number; max: number };
  firstWindowCpuMs: { median: number; min: number; max: number };
  rounds: number;
}

/** Times `require(argv[1])` in a process started with bench/vscodeStandIn.cjs. */
const LOAD_PROBE = `
const before = process.cpuUsage();
const loaded = require(process.argv[1]);
const used = process.cpuUsage(before);
if (typeof loaded.activate !== "function") throw new Error("no activate export");
process.stdout.write(String((used.user + used.system) / 1000));
`;

const STAND_IN = path.join(__dirname, "vscodeStandIn.cjs");

function medianSpread(values: number[]): { median: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[sorted.length >> 1], min: sorted[0], max: sorted[sorted.length - 1] };
}

/**
 * What the extension host does before it calls `activate()`: load dist/extension.js (the production build, as
 * packaged), which loads dist/extension-main.js with V8's code cache (src/extension/launch.ts). Measured in
 * fresh Node processes with a stand-in `vscode` module (evaluating the bundle only defines classes and reads a
 * few names), as the CPU time of the `require` alone; `activate()` itself is timed by the integration run
 * (its log says `activated in`). The cache a window stores after activating is stored here by the launcher's
 * own code (src/runner/codeCache.ts) before the timed loads; a first window is timed with an empty folder.
 */
function measureExtensionLoad(root: string, rounds = 9): ExtensionLoad {
  const cacheRoot = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-bench-activation-"));
  const load = (cacheFolder: string): number =>
    Number(execFileSync(process.execPath, ["-r", STAND_IN, "-e", LOAD_PROBE, path.join(root, "dist", "extension.js")], { encoding: "utf8", env: { ...process.env, COMPRESSION_TUTOR_CACHE: cacheFolder } }));
  try {
    const store = `const l = require(${JSON.stringify(path.join(root, "src", "runner", "codeCache.ts"))}).loadWithCodeCache(${JSON.stringify(path.join(root, "dist", "extension-main.js"))}, ${JSON.stringify(path.join(cacheRoot, "code-cache"))}); l.storeCache();`;
    execFileSync(process.execPath, ["--require", "tsx/cjs", "-r", STAND_IN, "-e", store], { cwd: root, stdio: "ignore" });
    const later: number[] = [];
    const first: number[] = [];
    for (let i = 0; i < rounds; i++) {
      later.push(load(cacheRoot));
      const empty = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-bench-first-window-"));
      try {
        first.push(load(empty));
      } finally {
        fs.rmSync(empty, { recursive: true, force: true });
      }
    }
    return { cpuMs: medianSpread(later), firstWindowCpuMs: medianSpread(first), rounds };
  } finally {
    fs.rmSync(cacheRoot, { recursive: true, force: true });
  }
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
