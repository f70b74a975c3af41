/**
 * `compression-tutor inspect` on a generated safetensors file (1 GB by default: 15 float32 tensors of
 * 4096 × 4096 normal values) with `--schemes int8-per-channel,q4_0`, against `cat file > /dev/null` on the same
 * file. They alternate run by run (cat, inspect on the default threads, inspect --threads 1) so all see the same
 * page-cache state; medians with min and max of the wall time, and of the CPU time (user + system, from
 * /usr/bin/time where it exists), and the load average before and after, since the machine may be shared.
 * Target (issue 13): inspect within 2× cat. Needs `npm run build` (dist/cli.js, dist/kernels.wasm).
 *
 *   npx tsx bench/inspectModel.ts [--bytes N] [--repeats K] [--keep]
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "..");

export interface InspectBenchRow {
  metric: string;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** User + system CPU time, when /usr/bin/time can measure it. */
  cpu?: { medianMs: number; minMs: number; maxMs: number };
}

export interface InspectBenchResult {
  fileBytes: number;
  rows: InspectBenchRow[];
  /** inspect's median / cat's median (wall time, default threads). */
  ratio: number;
  targetHolds: boolean;
  /** os.loadavg() before and after the timed rounds. */
  loadBefore: number[];
  loadAfter: number[];
}

/** Writes a safetensors file of `tensors` float32 tensors of rows × cols seeded normal values, chunk by chunk. */
function writeModel(file: string, tensors: number, rows: number, cols: number): void {
  const bytesPer = rows * cols * 4;
  const header: Record<string, unknown> = {};
  for (let t = 0; t < tensors; t++) header[`layers.${t}.weight`] = { dtype: "F32", shape: [rows, cols], data_offsets: [t * bytesPer, (t + 1) * bytesPer] };
  const json = Buffer.from(JSON.stringify(header));
  const fd = fs.openSync(file, "w");
  const prefix = Buffer.alloc(8);
  prefix.writeBigUInt64LE(BigInt(json.length));
  fs.writeSync(fd, prefix);
  fs.writeSync(fd, json);
  let s = 12345;
  const chunk = new Float32Array(cols * 256);
  for (let written = 0; written < tensors * bytesPer; written += chunk.byteLength) {
    for (let i = 0; i < chunk.length; i += 2) {
      // xorshift + Box–Muller: weights-like values, with the odd outlier
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      const u1 = ((s >>> 0) + 0.5) / 4294967296;
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      const u2 = ((s >>> 0) + 0.5) / 4294967296;
      const r = 0.02 * Math.sqrt(-2 * Math.log(u1));
      chunk[i] = r * Math.cos(2 * Math.PI * u2);
      chunk[i + 1] = r * Math.sin(2 * Math.PI * u2);
    }
    fs.writeSync(fd, new Uint8Array(chunk.buffer));
  }
  fs.closeSync(fd);
}

const TIME = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

/** Wall time of a command, and its CPU time (user + system) when /usr/bin/time is there. */
function timeCommand(command: string, args: string[], stdout: "ignore" | "pipe"): { wallMs: number; cpuMs?: number } {
  const [file, argv] = TIME ? [TIME, ["-f", "cpu %U %S", command, ...args]] : [command, args];
  const t0 = performance.now();
  const r = spawnSync(file, argv, { stdio: ["ignore", stdout, "pipe"], maxBuffer: 64 << 20 });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${String(r.stderr).trim()}`);
  const m = /cpu (\d+\.\d+) (\d+\.\d+)\s*$/.exec(String(r.stderr));
  return { wallMs, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : undefined };
}

function spread(values: number[]): { medianMs: number; minMs: number; maxMs: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)], minMs: sorted[0], maxMs: sorted[sorted.length - 1] };
}

function stats(metric: string, runs: { wallMs: number; cpuMs?: number }[]): InspectBenchRow {
  const cpu = runs.every((r) => r.cpuMs !== undefined) ? spread(runs.map((r) => r.cpuMs!)) : undefined;
  return { metric, ...spread(runs.map((r) => r.wallMs)), cpu };
}

export function runInspectBench(options: { bytes?: number; repeats?: number; keep?: boolean; log?: (l: string) => void } = {}): InspectBenchResult {
  const log = options.log ?? (() => undefined);
  const cols = 4096;
  const rows = 4096;
  const tensors = Math.max(1, Math.round((options.bytes ?? 1e9) / (rows * cols * 4)));
  const cli = path.join(root, "dist/cli.js");
  if (!fs.existsSync(cli)) throw new Error("dist/cli.js is missing: run `npm run build` first");
  const dir = path.join(root, "out", "bench");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `inspect-${tensors}x${rows}x${cols}.safetensors`);
  if (!fs.existsSync(file)) {
    log(`writing ${file} (${((tensors * rows * cols * 4) / 1e9).toFixed(2)} GB)…`);
    writeModel(file, tensors, rows, cols);
  }
  const schemes = ["--schemes", "int8-per-channel,q4_0", "--format", "json"];
  const commands = {
    cat: ["cat", [file], "ignore"],
    inspect: [process.execPath, [cli, "inspect", file, ...schemes], "pipe"],
    inspect1: [process.execPath, [cli, "inspect", file, ...schemes, "--threads", "1"], "pipe"],
  } as const;
  const runs: Record<keyof typeof commands, { wallMs: number; cpuMs?: number }[]> = { cat: [], inspect: [], inspect1: [] };
  const repeats = options.repeats ?? 3;
  // Warm-up of each: the file into the page cache, node's code cache.
  for (const [command, args, out] of Object.values(commands)) timeCommand(command, [...args], out);
  const loadBefore = os.loadavg();
  const order = Object.keys(commands) as (keyof typeof commands)[];
  for (let r = 0; r < repeats; r++) {
    // Rotate who goes first, so none always follows the same neighbour.
    for (const who of [...order.slice(r % order.length), ...order.slice(0, r % order.length)]) {
      const [command, args, out] = commands[who];
      runs[who].push(timeCommand(command, [...args], out));
    }
    log(`round ${r + 1}: cat ${runs.cat.at(-1)!.wallMs.toFixed(0)} ms, inspect ${runs.inspect.at(-1)!.wallMs.toFixed(0)} ms, --threads 1 ${runs.inspect1.at(-1)!.wallMs.toFixed(0)} ms`);
  }
  const loadAfter = os.loadavg();
  const fileBytes = fs.statSync(file).size;
  if (!options.keep) fs.rmSync(file);
  const rowsOut = [
    stats("cat file > /dev/null", runs.cat),
    stats("inspect --schemes int8-per-channel,q4_0", runs.inspect),
    stats("  the same, --threads 1", runs.inspect1),
  ];
  const ratio = rowsOut[1].medianMs / rowsOut[0].medianMs;
  return { fileBytes, rows: rowsOut, ratio, targetHolds: ratio <= 2, loadBefore, loadAfter };
}

/** The rows as text: wall median [min–max], CPU median [min–max]. */
export function formatInspectBench(result: InspectBenchResult): string {
  const range = (s: { medianMs: number; minMs: number; maxMs: number }) => `${s.medianMs.toFixed(0).padStart(6)} ms [${s.minMs.toFixed(0)}–${s.maxMs.toFixed(0)}]`;
  const lines = result.rows.map((r) => `${r.metric.padEnd(42)} wall ${range(r)}${r.cpu ? `   cpu ${range(r.cpu)}` : ""}`);
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(" ");
  lines.push(`inspect / cat = ${result.ratio.toFixed(2)} (wall medians; target ≤ 2: ${result.targetHolds ? "holds" : "does NOT hold"})`);
  lines.push(`load average ${load(result.loadBefore)} before, ${load(result.loadAfter)} after (${os.availableParallelism?.() ?? os.cpus().length} cores)`);
  return lines.join("\n");
}

if (require.main === module) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const result = runInspectBench({ bytes: arg("--bytes"), repeats: arg("--repeats"), keep: process.argv.includes("--keep"), log: (l) => console.error(l) });
  console.log(formatInspectBench(result));
}
