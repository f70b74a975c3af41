/**
 * Array-kernel benchmark on 16M float32 values: the TypeScript core, the WebAssembly kernels (src/kernels, the
 * same results bit for bit) on ordinary typed arrays (copied through the module's memory chunk by chunk) and,
 * for fakeQuantize and groupQuantize, on arrays that live in a KernelArena (in place, no copies), numpy doing
 * the same work in place (bench/numpy_kernels.py, a child process that times one run per request), and a plain
 * Float32Array copy of the same array (the memory-bandwidth floor). All are interleaved run by run, in a
 * rotating order, so they see the same machine load; each figure is the median of the runs with its min and
 * max. Ratios use CPU time (this process's or numpy's) of the fastest exact path.
 *
 *   npx tsx bench/coreKernels.ts            prints a table and which speed targets hold
 *   npx tsx bench/coreKernels.ts --json     prints the rows as JSON
 *   options: --size N  --rows R  --row-length L  --repeats K  --no-numpy
 */
import { ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import * as path from "node:path";
import * as readline from "node:readline";
import { affineQParams, fakeQuantize, groupQuantize, integerRange, minMax, mse, softmaxRows } from "../src/core";
import { KernelArena, Kernels } from "../src/kernels";
import { loadKernels } from "../src/models/node/loadKernels";

export interface CoreKernelBenchOptions {
  /** Values per array kernel; default 16 Mi (16,777,216). */
  size?: number;
  /** Softmax batch: rows × rowLength logits; default 32 Ki × 256. */
  rows?: number;
  rowLength?: number;
  /** Interleaved rounds (the median is reported); default 7. */
  repeats?: number;
  /** Run the numpy baseline; default true. */
  numpy?: boolean;
  /** Progress and skip messages; default: none. */
  log?: (line: string) => void;
}

/** CPU-time statistics of one contender over the rounds, ms. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  /** Median wall time, ms. */
  wallMs: number;
}

export interface CoreKernelBenchRow {
  kernel: string;
  /** Values processed per run. */
  values: number;
  core: Spread;
  /** The WebAssembly kernel (undefined when dist/kernels.wasm is missing: run `npm run build`). */
  wasm?: Spread;
  /** The same kernel on arrays in a KernelArena, in place (fakeQuantize and groupQuantize only). */
  inMemory?: Spread;
  numpy?: Spread;
  copy: Spread;
  /** The fastest exact path (arena, else wasm, else core): median CPU ms, and what the targets are computed from. */
  cpuMs: number;
  /** Which path cpuMs is. */
  path: "arena" | "wasm" | "core";
  ms: number;
  /** float32 input bytes processed per CPU second by the fastest exact path, GB/s (1e9). */
  gbPerSecond: number;
  numpyCpuMs?: number;
  /** cpuMs / numpy's: below 1 means faster than numpy. */
  ratioToNumpy?: number;
  copyCpuMs: number;
  /** cpuMs / copy's: how many copies' worth of time the kernel takes. */
  ratioToCopy: number;
  /** The speed target for this kernel, and whether this run meets it (undefined: no numpy). */
  target: string;
  targetHolds?: boolean;
}

interface Sample {
  wall: number;
  cpu: number;
}

function spread(samples: Sample[]): Spread {
  const cpu = samples.map((s) => s.cpu).sort((a, b) => a - b);
  const wall = samples.map((s) => s.wall).sort((a, b) => a - b);
  const mid = Math.floor(cpu.length / 2);
  return { median: cpu[mid], min: cpu[0], max: cpu[cpu.length - 1], wallMs: wall[mid] };
}

function timeOnce(run: () => unknown): Sample {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  run();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
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

/** The numpy child: one request, one timed run. Environment without the OpenBLAS overrides (see README). */
class NumpyServer {
  private readonly lines: AsyncIterator<string>;
  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    this.lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  }

  static async start(size: number, rows: number, rowLength: number): Promise<{ server: NumpyServer; version: string }> {
    const env = { ...process.env };
    delete env.OPENBLAS_CORETYPE;
    delete env.OPENBLAS_L2_SIZE;
    const script = path.join(__dirname, "numpy_kernels.py");
    const child = spawn("python3", [script, "--size", String(size), "--rows", String(rows), "--row-length", String(rowLength)], { env });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += String(d)));
    const server = new NumpyServer(child);
    const first = await server.lines.next();
    if (first.done) throw new Error(stderr.trim().split("\n").pop() || "python3 exited");
    const hello = JSON.parse(first.value) as { numpy: string; blas: unknown };
    return { server, version: `numpy ${hello.numpy}, BLAS ${JSON.stringify(hello.blas)}` };
  }

  async time(kernel: string): Promise<Sample> {
    this.child.stdin.write(`${kernel}\n`);
    const line = await this.lines.next();
    if (line.done) throw new Error("numpy baseline exited");
    const r = JSON.parse(line.value) as { ms: number; cpuMs: number; error?: string };
    if (r.error) throw new Error(`numpy baseline: ${r.error}`);
    return { wall: r.ms, cpu: r.cpuMs };
  }

  stop(): void {
    this.child.stdin.end();
    this.child.kill();
  }
}

interface KernelCase {
  kernel: string;
  values: number;
  core: () => unknown;
  wasm?: () => unknown;
  inMemory?: () => unknown;
  /** "fast": ≥ 1.5× faster than numpy and within 2.5× a copy; "softmax": within 1.5× numpy. */
  target: "fast" | "softmax";
}

function targetHolds(kind: KernelCase["target"], cpu: number, numpy: number | undefined, copy: number): boolean | undefined {
  if (numpy === undefined) return undefined;
  return kind === "fast" ? numpy / cpu >= 1.5 && cpu / copy <= 2.5 : cpu / numpy <= 1.5;
}

/** Runs the benchmark and returns one row per kernel. */
export async function runCoreKernelBench(options: CoreKernelBenchOptions = {}): Promise<CoreKernelBenchRow[]> {
  const size = options.size ?? 16 * 1024 * 1024;
  const rows = options.rows ?? 32 * 1024;
  const rowLength = options.rowLength ?? 256;
  const repeats = options.repeats ?? 7;
  const log = options.log ?? (() => undefined);
  if (rows * rowLength > size) throw new Error(`runCoreKernelBench: rows × rowLength (${rows * rowLength}) must not exceed size (${size})`);

  const kernels: Kernels | undefined = loadKernels();
  if (!kernels) log("dist/kernels.wasm not found (run `npm run build`): timing the TypeScript core only");

  log(`generating ${size.toLocaleString("en-US")} float32 values…`);
  const x = normalFloat32(size, 1);
  const noise = normalFloat32(size, 2);
  const y = new Float32Array(size);
  for (let i = 0; i < size; i++) y[i] = x[i] + 0.01 * noise[i];
  const out = new Float32Array(size);
  const codes = new Int32Array(size);
  const scales = new Float64Array(Math.ceil(size / 128));
  const logits = x.subarray(0, rows * rowLength);
  const softOut = new Float32Array(rows * rowLength);

  const int8 = integerRange(8, true);
  const int4 = integerRange(4, true);
  const { min, max } = minMax(x);
  const q8 = affineQParams(min, max, int8);
  const scale4 = Math.max(-min, max) / 7;

  // The arena's copies of x and y and its outputs (x, y, out, codes: 4 × 4 bytes a value, then the group scales).
  let arena: KernelArena | undefined;
  let xa: Float32Array | undefined;
  let ya: Float32Array | undefined;
  let outA: Float32Array | undefined;
  let codesA: Int32Array | undefined;
  let scalesA: Float64Array | undefined;
  if (kernels) {
    arena = kernels.arena(size * 16 + scales.byteLength + 64);
    xa = arena.float32(size);
    xa.set(x);
    ya = arena.float32(size);
    ya.set(y);
    outA = arena.float32(size);
    codesA = arena.int32(size);
    scalesA = arena.float64(scales.length);
  }
  const inArena = (run: (a: KernelArena) => unknown) => (arena ? () => run(arena as KernelArena) : undefined);

  const cases: KernelCase[] = [
    {
      kernel: "fakeQuantize int8 affine",
      values: size,
      core: () => fakeQuantize(x, q8, { range: int8, out }),
      wasm: kernels && (() => kernels.fakeQuantizeF32(x, q8.scale, int8.qmin - q8.zeroPoint, int8.qmax - q8.zeroPoint, out)),
      inMemory: inArena((a) => a.fakeQuantizeF32(xa!, q8.scale, int8.qmin - q8.zeroPoint, int8.qmax - q8.zeroPoint, outA!)),
      target: "fast",
    },
    {
      kernel: "fakeQuantize int4 symmetric",
      values: size,
      core: () => fakeQuantize(x, { scale: scale4, zeroPoint: 0 }, { range: int4, out }),
      wasm: kernels && (() => kernels.fakeQuantizeF32(x, scale4, int4.qmin, int4.qmax, out)),
      inMemory: inArena((a) => a.fakeQuantizeF32(xa!, scale4, int4.qmin, int4.qmax, outA!)),
      target: "fast",
    },
    {
      kernel: "groupQuantize g128 int4",
      values: size,
      core: () => groupQuantize(x, 128, 4, { out: codes }),
      wasm: kernels && (() => kernels.groupQuantizeSymF32(x, 128, 4, codes, scales)),
      inMemory: inArena((a) => a.groupQuantizeSymF32(xa!, 128, 4, codesA!, scalesA!)),
      target: "fast",
    },
    {
      kernel: "mse",
      values: size,
      core: () => mse(x, y),
      wasm: kernels && (() => kernels.mseF32(x, y)),
      inMemory: inArena((a) => a.mseF32(xa!, ya!)),
      target: "fast",
    },
    {
      kernel: "softmax rows",
      values: rows * rowLength,
      core: () => softmaxRows(logits, rowLength, 1.5, { out: softOut }),
      wasm: kernels && (() => kernels.softmaxRowsF32(logits, rowLength, 1.5, softOut)),
      inMemory: inArena((a) => a.softmaxRowsF32(xa!.subarray(0, rows * rowLength), rowLength, 1.5, outA!.subarray(0, rows * rowLength))),
      target: "softmax",
    },
  ];

  let numpy: NumpyServer | undefined;
  if (options.numpy !== false) {
    try {
      const started = await NumpyServer.start(size, rows, rowLength);
      numpy = started.server;
      log(started.version);
    } catch (e) {
      log(`numpy baseline skipped: ${(e as Error).message} (needs python3 with numpy)`);
    }
  }

  const result: CoreKernelBenchRow[] = [];
  try {
    for (const k of cases) {
      log(`timing ${k.kernel} (core, wasm${k.inMemory ? ", arena" : ""}, numpy, copy interleaved, ${repeats} rounds)…`);
      const src = x.subarray(0, k.values);
      const dst = out.subarray(0, k.values);
      const copy = () => dst.set(src);
      // Warm-up: JIT, page-in, the module's memory grown.
      k.core();
      k.wasm?.();
      k.inMemory?.();
      copy();
      const samples: Record<"core" | "wasm" | "inMemory" | "numpy" | "copy", Sample[]> = { core: [], wasm: [], inMemory: [], numpy: [], copy: [] };
      const contenders: (keyof typeof samples)[] = ["core", "wasm", "inMemory", "numpy", "copy"];
      for (let r = 0; r < repeats; r++) {
        for (let j = 0; j < contenders.length; j++) {
          const who = contenders[(j + r) % contenders.length]; // rotate who goes first
          if (who === "core") samples.core.push(timeOnce(k.core));
          else if (who === "wasm" && k.wasm) samples.wasm.push(timeOnce(k.wasm));
          else if (who === "inMemory" && k.inMemory) samples.inMemory.push(timeOnce(k.inMemory));
          else if (who === "copy") samples.copy.push(timeOnce(copy));
          else if (who === "numpy" && numpy) samples.numpy.push(await numpy.time(k.kernel));
        }
      }
      const core = spread(samples.core);
      const wasm = samples.wasm.length ? spread(samples.wasm) : undefined;
      const inMemory = samples.inMemory.length ? spread(samples.inMemory) : undefined;
      const np = samples.numpy.length ? spread(samples.numpy) : undefined;
      const copyStats = spread(samples.copy);
      const best = inMemory ?? wasm ?? core;
      result.push({
        kernel: k.kernel,
        values: k.values,
        core,
        wasm,
        inMemory,
        path: inMemory ? "arena" : wasm ? "wasm" : "core",
        numpy: np,
        copy: copyStats,
        cpuMs: best.median,
        ms: best.wallMs,
        gbPerSecond: (k.values * 4) / (best.median * 1e6),
        numpyCpuMs: np?.median,
        ratioToNumpy: np && best.median / np.median,
        copyCpuMs: copyStats.median,
        ratioToCopy: best.median / copyStats.median,
        target: k.target === "fast" ? "≥1.5× faster than numpy, ≤2.5× a copy" : "≤1.5× numpy",
        targetHolds: targetHolds(k.target, best.median, np?.median, copyStats.median),
      });
    }
  } finally {
    numpy?.stop();
  }
  return result;
}

function formatSpread(s: Spread | undefined): string {
  return s === undefined ? "—" : `${s.median.toFixed(1)} [${s.min.toFixed(1)}–${s.max.toFixed(1)}]`;
}

export function formatCoreKernelTable(rows: CoreKernelBenchRow[]): string {
  const header = ["kernel", "core ms", "wasm ms", "arena ms", "numpy ms", "copy ms", "× numpy", "× copy", "target", "holds"];
  const body = rows.map((r) => [
    r.kernel,
    formatSpread(r.core),
    formatSpread(r.wasm),
    formatSpread(r.inMemory),
    formatSpread(r.numpy),
    formatSpread(r.copy),
    r.ratioToNumpy === undefined ? "—" : `${r.ratioToNumpy.toFixed(2)}x`,
    `${r.ratioToCopy.toFixed(2)}x`,
    r.target,
    r.targetHolds === undefined ? "—" : r.targetHolds ? "yes" : "NO",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  const note =
    "CPU ms: median [min–max] over interleaved rounds. wasm: the WebAssembly kernel on ordinary typed arrays (copied in and out of its memory); arena: on arrays in a KernelArena, in place. × numpy and × copy compare the fastest exact path (arena, else wasm, else the core) by median CPU time";
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
    (rows) => process.stdout.write(json ? `${JSON.stringify(rows, null, 2)}\n` : `${formatCoreKernelTable(rows)}\n`),
    (e: Error) => {
      process.stderr.write(`${e.message}\n`);
      process.exitCode = 1;
    },
  );
}
