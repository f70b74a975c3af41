/**
 * Inspects every tensor of a model file: shape, dtype, bytes, statistics, and what each scheme would cost and
 * how much error it would add. Two passes over each tensor's values, both streamed in chunks of at most
 * READ_CHUNK_BYTES (8 MiB) of file bytes (32 MiB once decoded to float32): the first finds the range, the moments
 * and the per-tensor and per-channel absmax the elementwise schemes need, the second runs the schemes and the
 * histogram. Memory held per tensor beyond the chunk: one float64 per channel.
 */
import { float32Chunks } from "./decode";
import { ModelFileError } from "./file";
import type { Kernels } from "../kernels";
import { ValueOps, valueOps } from "./valueOps";
import type { InspectReport, SchemeResult, TensorReport } from "../protocol/inspectMessages";
import { ModelIndex, TensorEntry } from "./tensor";
import { SchemeName, TensorScales, channelsOf, schemeAccumulator, schemeBytes } from "./schemes";

export const HISTOGRAM_BINS = 64;

export type { InspectReport, SchemeResult, TensorReport, TensorStats } from "../protocol/inspectMessages";

export interface InspectOptions {
  schemes: readonly SchemeName[];
  /** Which tensors to inspect (default all). */
  filter?: (name: string) => boolean;
  /** Called after every chunk with the value bytes processed so far (both passes) and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between chunks: inspection stops with an "inspection cancelled" error once it returns true. */
  isCancelled?: () => boolean;
  /** The WebAssembly kernels (src/models/node/loadKernels.ts); without them the same loops run in TypeScript. */
  kernels?: Kernels;
}

export class InspectCancelled extends Error {
  constructor() {
    super("inspection cancelled");
  }
}

/** A tensor's values reduced to one number each pass needs: the shared first pass. */
interface FirstPass extends TensorScales {
  n: number;
  sum: number;
  sumSq: number;
  min: number;
  max: number;
}

/** F32 values are read straight into the kernels' memory (no copy there); other dtypes are decoded first. */
function directRead(t: TensorEntry, ops: ValueOps): Uint8Array | undefined {
  return t.data?.dtype === "F32" && !t.data.bigEndian ? ops.readBuffer() : undefined;
}

async function firstPass(t: TensorEntry, ops: ValueOps, tick: (bytes: number) => void): Promise<FirstPass> {
  const channels = channelsOf(t.shape);
  const channelLength = t.params / channels;
  const channelAbsmax = new Float64Array(channels);
  const acc = Float64Array.of(0, 0, Infinity, -Infinity); // Σx, Σx², min, max
  let start = 0;
  for await (const chunk of float32Chunks(t.data!, directRead(t, ops))) {
    ops.begin(chunk);
    for (let i = 0; i < chunk.length; ) {
      const channel = Math.floor((start + i) / channelLength);
      const end = Math.min(chunk.length, (channel + 1) * channelLength - start);
      channelAbsmax[channel] = Math.max(channelAbsmax[channel], ops.moments(i, end, acc));
      i = end;
    }
    start += chunk.length;
    tick(chunk.length * (t.bytes / t.params));
  }
  let absmax = 0;
  for (const a of channelAbsmax) absmax = Math.max(absmax, a);
  return { n: t.params, sum: acc[0], sumSq: acc[1], min: acc[2], max: acc[3], absmax, channelAbsmax, channelLength };
}

async function inspectTensor(t: TensorEntry, schemes: readonly SchemeName[], ops: ValueOps, tick: (bytes: number) => void): Promise<TensorReport> {
  const base = { name: t.name, dtype: t.dtype, shape: t.shape, params: t.params, bytes: t.bytes };
  if (!t.data) return { ...base, schemes: {}, note: `${t.dtype} values are not decoded: the table lists the tensor only` };
  if (t.params === 0) return { ...base, schemes: {}, note: "empty tensor" };
  const first = await firstPass(t, ops, tick);
  if (!Number.isFinite(first.min) || !Number.isFinite(first.max) || Number.isNaN(first.sum)) {
    return { ...base, schemes: {}, note: "holds NaN or ±Infinity: no scheme statistics" };
  }
  const mean = first.sum / first.n;
  const std = Math.sqrt(Math.max(0, first.sumSq / first.n - mean * mean));
  const accumulators = schemes.map((s) => schemeAccumulator(s, t.shape, first));
  const counts = new Uint32Array(HISTOGRAM_BINS);
  const binScale = first.max > first.min ? HISTOGRAM_BINS / (first.max - first.min) : 0;
  let outliers = 0;
  let start = 0;
  for await (const chunk of float32Chunks(t.data, directRead(t, ops))) {
    ops.begin(chunk);
    outliers += ops.histogram(0, chunk.length, first.min, binScale, mean, 6 * std, counts);
    for (const a of accumulators) a.push(chunk, start, ops);
    start += chunk.length;
    tick(chunk.length * (t.bytes / t.params));
  }
  const results: Partial<Record<SchemeName, SchemeResult>> = {};
  schemes.forEach((s, k) => {
    const e = accumulators[k].error;
    results[s] = {
      mse: e.sumSq / first.n,
      sqnrDb: e.sumSq > 0 && first.sumSq > 0 ? 10 * Math.log10(first.sumSq / e.sumSq) : null,
      maxAbsError: e.maxAbs,
      bytes: schemeBytes(s, t.shape),
    };
  });
  return {
    ...base,
    schemes: results,
    stats: { min: first.min, max: first.max, mean, std, beyond6Sigma: outliers / first.n, histogram: Array.from(counts) },
  };
}

/**
 * Inspects one tensor of an opened model: `tick` is told the value bytes of every chunk read (both passes) and may
 * throw InspectCancelled. Errors other than a ModelFileError or a cancellation name the tensor.
 */
export async function inspectOneTensor(t: TensorEntry, schemes: readonly SchemeName[], ops: ValueOps, tick: (bytes: number) => void): Promise<TensorReport> {
  try {
    return await inspectTensor(t, schemes, ops, tick);
  } catch (error) {
    if (error instanceof InspectCancelled || error instanceof ModelFileError) throw error;
    throw new Error(`tensor ${t.name}: ${(error as Error).message}`);
  }
}

/** The value bytes an inspection of these tensors reads (each decoded tensor twice): the progress total. */
export function progressTotal(tensors: readonly TensorEntry[]): number {
  return tensors.reduce((n, t) => n + (t.data ? 2 * t.bytes : 0), 0);
}

/** The report of a file from its tensors' reports, in order, with the totals added up in that order. */
export function assembleReport(fileName: string, format: string, reports: TensorReport[]): InspectReport {
  const totals: InspectReport["totals"] = { params: 0, bytes: 0, schemes: {} };
  for (const r of reports) {
    totals.params += r.params;
    totals.bytes += r.bytes;
    for (const [s, v] of Object.entries(r.schemes) as [SchemeName, SchemeResult][]) {
      totals.schemes[s] = { bytes: (totals.schemes[s]?.bytes ?? 0) + v.bytes };
    }
  }
  return { file: fileName, format, tensors: reports, totals };
}

/**
 * Inspects the tensors of an opened model (see openModel) one after the other on this thread and totals them.
 * src/models/node/inspectFile.ts spreads the tensors over worker threads; each tensor's report is the same bits.
 */
export async function inspectModel(fileName: string, model: ModelIndex, options: InspectOptions): Promise<InspectReport> {
  const tensors = model.tensors.filter((t) => options.filter?.(t.name) ?? true);
  const total = progressTotal(tensors);
  let done = 0;
  const tick = (bytes: number) => {
    if (options.isCancelled?.()) throw new InspectCancelled();
    done += bytes;
    options.onProgress?.(done, total);
  };
  const reports: TensorReport[] = [];
  const ops = valueOps(options.kernels);
  for (const t of tensors) reports.push(await inspectOneTensor(t, options.schemes, ops, tick));
  return assembleReport(fileName, model.format, reports);
}
