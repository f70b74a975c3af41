/**
 * `compression-tutor inspect` on a generated safetensors file (1 GB by default: 16 float32 tensors of
 * 4096 × 4096 normal values) with `--schemes int8-per-channel,q4_0`, against `cat file > /dev/null` on the same
 * file. The two alternate run by run so both see the same page-cache state; medians with min and max.
 * Target (issue 13): inspect within 2× cat. Needs `npm run build` (dist/cli.js, dist/kernels.wasm).
 *
 *   npx tsx bench/inspectModel.ts [--bytes N] [--repeats K] [--keep]
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..");

export interface InspectBenchRow {
  metric: string;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

export interface InspectBenchResult {
  fileBytes: number;
  rows: InspectBenchRow[];
  /** inspect's median / cat's median. */
  ratio: number;
  targetHolds: boolean;
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

function timeCommand(command: string, args: string[], stdout: "ignore" | "pipe"): number {
  const t0 = performance.now();
  const r = spawnSync(command, args, { stdio: ["ignore", stdout, "pipe"], maxBuffer: 64 << 20 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed: ${String(r.stderr).trim()}`);
  return ms;
}

function stats(metric: string, values: number[]): InspectBenchRow {
  const sorted = [...values].sort((a, b) => a - b);
  return { metric, medianMs: sorted[Math.floor(sorted.length / 2)], minMs: sorted[0], maxMs: sorted[sorted.length - 1] };
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
  const cat: number[] = [];
  const inspect: number[] = [];
  const repeats = options.repeats ?? 3;
  // Warm-up of both: the file into the page cache, node's code cache.
  timeCommand("cat", [file], "ignore");
  timeCommand(process.execPath, [cli, "inspect", file, "--schemes", "int8-per-channel,q4_0", "--format", "json"], "pipe");
  for (let r = 0; r < repeats; r++) {
    const order = r % 2 === 0 ? ["cat", "inspect"] : ["inspect", "cat"];
    for (const who of order) {
      if (who === "cat") cat.push(timeCommand("cat", [file], "ignore"));
      else inspect.push(timeCommand(process.execPath, [cli, "inspect", file, "--schemes", "int8-per-channel,q4_0", "--format", "json"], "pipe"));
    }
    log(`round ${r + 1}: cat ${cat.at(-1)!.toFixed(0)} ms, inspect ${inspect.at(-1)!.toFixed(0)} ms`);
  }
  if (!options.keep) fs.rmSync(file);
  const rowsOut = [stats("cat file > /dev/null", cat), stats("inspect --schemes int8-per-channel,q4_0", inspect)];
  const ratio = rowsOut[1].medianMs / rowsOut[0].medianMs;
  return { fileBytes: fs.existsSync(file) ? fs.statSync(file).size : tensors * rows * cols * 4, rows: rowsOut, ratio, targetHolds: ratio <= 2 };
}

if (require.main === module) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const result = runInspectBench({ bytes: arg("--bytes"), repeats: arg("--repeats"), keep: process.argv.includes("--keep"), log: (l) => console.error(l) });
  for (const r of result.rows) console.log(`${r.metric.padEnd(42)} ${r.medianMs.toFixed(0).padStart(7)} ms  [${r.minMs.toFixed(0)}–${r.maxMs.toFixed(0)}]`);
  console.log(`inspect / cat = ${result.ratio.toFixed(2)} (target ≤ 2: ${result.targetHolds ? "holds" : "does NOT hold"})`);
}
