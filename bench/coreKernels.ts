/**
 * Core-kernel benchmark: the compute core's array kernels on 16M float32 values against numpy doing the same
 * computation (bench/numpy_kernels.py, in a child process) and against a plain `Float32Array.prototype.set`
 * copy of the same bytes (the memory-bandwidth floor). Each figure is the median of several runs.
 *
 *   npx tsx bench/coreKernels.ts            prints a table
 *   npx tsx bench/coreKernels.ts --json     prints the rows as JSON
 *   options: --size N  --rows R  --row-length L  --repeats K  --no-numpy
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { affineQParams, fakeQuantize, groupQuantize, integerRange, minMax, mse, softmaxRows } from "../src/core";

export interface CoreKernelBenchOptions {
  /** Values per array kernel; default 16 Mi (16,777,216). */
  size?: number;
  /** Softmax batch: rows × rowLength logits; default 32 Ki × 256. */
  rows?: number;
  rowLength?: number;
  /** Timed runs per kernel (the median is reported); default 5. */
  repeats?: number;
  /** Run the numpy baseline; default true. */
  numpy?: boolean;
  /** Progress and skip messages; default: none. */
  log?: (line: string) => void;
}

export interface CoreKernelBenchRow {
  kernel: string;
  /** Values processed per run. */
  values: number;
  /** Median wall time of one run, ms. */
  ms: number;
  /** Median CPU time of one run (this process, user + system), ms. */
  cpuMs: number;
  /** float32 input bytes processed per CPU second, GB/s (1e9). */
  gbPerSecond: number;
  /** numpy's medians for the same computation, ms (undefined when skipped). */
  numpyMs?: number;
  numpyCpuMs?: number;
  /** cpuMs / numpyCpuMs: below 1 means faster than numpy. */
  ratioToNumpy?: number;
  /** Medians of copying the same number of float32 values with Float32Array.prototype.set, ms. */
  copyMs: number;
  copyCpuMs: number;
  /** cpuMs / copyCpuMs: how many copies' worth of time the kernel takes. */
  ratioToCopy: number;
}

interface Timing {
  /** Median wall-clock time, ms. */
  wallMs: number;
  /** Median CPU time of this process (user + system), ms. */
  cpuMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Times `run` after a warm-up. Both clocks are kept: on a machine shared with other work, wall time includes
 * waiting for the CPU, while this process's CPU time is what the kernel itself costs.
 */
function time(run: () => unknown, repeats: number): Timing {
  run(); // warm-up: JIT-compile and page in the buffers
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    run();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wallMs: median(wall), cpuMs: median(cpu) };
}

/** A seeded standard-normal Float32Array (Box–Muller over a xorshift generator), so runs are comparable. */
function normalFloat32(n: number, seed: number): Float32Array {
  let s = seed >>> 0 || 1;
  const uniform = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) + 0.5) / 4294967296;
  };
  const out = new Float32Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(uniform()));
    const t = 2 * Math.PI * uniform();
    out[i] = r * Math.cos(t);
    if (i + 1 < n) out[i + 1] = r * Math.sin(t);
  }
  return out;
}

interface NumpyResult {
  numpy: string;
  rows: { kernel: string; ms: number; cpuMs: number }[];
}

function runNumpy(size: number, rows: number, rowLength: number, repeats: number, log: (l: string) => void): NumpyResult | undefined {
  const script = path.join(__dirname, "numpy_kernels.py");
  const args = [script, "--size", String(size), "--rows", String(rows), "--row-length", String(rowLength), "--repeats", String(repeats)];
  const result = spawnSync("python3", args, { encoding: "utf8", maxBuffer: 1 << 20 });
  if (result.error || result.status !== 0) {
    const why = result.error ? result.error.message : (result.stderr || "").trim().split("\n").pop();
    log(`numpy baseline skipped: ${why} (needs python3 with numpy: python3 -c "import numpy")`);
    return undefined;
  }
  return JSON.parse(result.stdout) as NumpyResult;
}

/** Runs the benchmark and returns one row per kernel. */
export async function runCoreKernelBench(options: CoreKernelBenchOptions = {}): Promise<CoreKernelBenchRow[]> {
  const size = options.size ?? 16 * 1024 * 1024;
  const rows = options.rows ?? 32 * 1024;
  const rowLength = options.rowLength ?? 256;
  const repeats = options.repeats ?? 5;
  const log = options.log ?? (() => undefined);
  if (rows * rowLength > size) throw new Error(`runCoreKernelBench: rows × rowLength (${rows * rowLength}) must not exceed size (${size})`);

  log(`generating ${size.toLocaleString("en-US")} float32 values…`);
  const x = normalFloat32(size, 1);
  const noise = normalFloat32(size, 2);
  const y = new Float32Array(size);
  for (let i = 0; i < size; i++) y[i] = x[i] + 0.01 * noise[i];
  const out = new Float32Array(size);
  const codes = new Int32Array(size);
  const logits = x.subarray(0, rows * rowLength);
  const softOut = new Float32Array(rows * rowLength);

  const int8 = integerRange(8, true);
  const int4 = integerRange(4, true);
  const { min, max } = minMax(x);
  const q8 = affineQParams(min, max, int8);
  const scale4 = Math.max(-min, max) / 7;

  const kernels: { kernel: string; values: number; run: () => unknown }[] = [
    { kernel: "fakeQuantize int8 affine", values: size, run: () => fakeQuantize(x, q8, { range: int8, out }) },
    { kernel: "fakeQuantize int4 symmetric", values: size, run: () => fakeQuantize(x, { scale: scale4, zeroPoint: 0 }, { range: int4, out }) },
    { kernel: "groupQuantize g128 int4", values: size, run: () => groupQuantize(x, 128, 4, { out: codes }) },
    { kernel: "mse", values: size, run: () => mse(x, y) },
    { kernel: "softmax rows", values: rows * rowLength, run: () => softmaxRows(logits, rowLength, 1.5, { out: softOut }) },
  ];

  const copyTimes = new Map<number, Timing>();
  const copyTime = (n: number): Timing => {
    let t = copyTimes.get(n);
    if (t === undefined) {
      const src = x.subarray(0, n);
      const dst = out.subarray(0, n);
      t = time(() => dst.set(src), repeats);
      copyTimes.set(n, t);
    }
    return t;
  };

  const result: CoreKernelBenchRow[] = [];
  for (const k of kernels) {
    log(`timing ${k.kernel}…`);
    const t = time(k.run, repeats);
    const c = copyTime(k.values);
    result.push({
      kernel: k.kernel,
      values: k.values,
      ms: t.wallMs,
      cpuMs: t.cpuMs,
      gbPerSecond: (k.values * 4) / (t.cpuMs * 1e6),
      copyMs: c.wallMs,
      copyCpuMs: c.cpuMs,
      ratioToCopy: t.cpuMs / c.cpuMs,
    });
  }

  if (options.numpy !== false) {
    log("timing numpy baselines…");
    const np = runNumpy(size, rows, rowLength, repeats, log);
    if (np) {
      for (const row of result) {
        const match = np.rows.find((r) => r.kernel === row.kernel);
        if (match) {
          row.numpyMs = match.ms;
          row.numpyCpuMs = match.cpuMs;
          row.ratioToNumpy = row.cpuMs / match.cpuMs;
        }
      }
      log(`numpy ${np.numpy}`);
    }
  }
  return result;
}

function formatTable(rows: CoreKernelBenchRow[]): string {
  const header = ["kernel", "values", "wall ms", "cpu ms", "GB/s", "numpy wall", "numpy cpu", "vs numpy", "copy cpu", "vs copy"];
  const body = rows.map((r) => [
    r.kernel,
    r.values.toLocaleString("en-US"),
    r.ms.toFixed(1),
    r.cpuMs.toFixed(1),
    r.gbPerSecond.toFixed(2),
    r.numpyMs === undefined ? "—" : r.numpyMs.toFixed(1),
    r.numpyCpuMs === undefined ? "—" : r.numpyCpuMs.toFixed(1),
    r.ratioToNumpy === undefined ? "—" : `${r.ratioToNumpy.toFixed(2)}x`,
    r.copyCpuMs.toFixed(1),
    `${r.ratioToCopy.toFixed(2)}x`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  const note = "ratios use CPU time (this machine may be shared; wall time also counts waiting for the CPU); GB/s = float32 input bytes per CPU second";
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line), "", note].join("\n");
}

function parseArgs(argv: string[]): { json: boolean; options: CoreKernelBenchOptions } {
  const options: CoreKernelBenchOptions = {};
  let json = false;
  const number = (flag: string, value: string | undefined): number => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${flag} needs a positive integer, got ${value ?? "nothing"}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") json = true;
    else if (a === "--no-numpy") options.numpy = false;
    else if (a === "--size") options.size = number(a, argv[++i]);
    else if (a === "--rows") options.rows = number(a, argv[++i]);
    else if (a === "--row-length") options.rowLength = number(a, argv[++i]);
    else if (a === "--repeats") options.repeats = number(a, argv[++i]);
    else throw new Error(`unknown option ${a}; use --json, --no-numpy, --size N, --rows R, --row-length L, --repeats K`);
  }
  return { json, options };
}

if (require.main === module) {
  const { json, options } = parseArgs(process.argv.slice(2));
  options.log = (line) => process.stderr.write(`${line}\n`);
  runCoreKernelBench(options).then(
    (rows) => process.stdout.write(json ? `${JSON.stringify(rows, null, 2)}\n` : `${formatTable(rows)}\n`),
    (e: Error) => {
      process.stderr.write(`${e.message}\n`);
      process.exitCode = 1;
    },
  );
}
