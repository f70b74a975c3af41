/**
 * From the quantization state to everything the tab shows: the histogram with the grid over it, the error
 * per element, MSE and SQNR (also against bits, the current point marked), per-tensor vs per-channel vs
 * group side by side, and bytes per weight with scales. Pure: no DOM, the same numbers in Node and the browser.
 */
import { maxAbsError, minMax, mse, sqnrDb } from "../../../src/core";
import { type Reconstruction, type Scheme, bytesPerWeight, controlsFor, groupLength, reconstruct } from "./quantizeTensor";
import type { Tensor } from "./samples";
import { GRANULARITIES, type Granularity, LIMITS } from "./state";

export interface SchemeMetrics {
  mse: number;
  sqnrDb: number;
  maxAbsError: number;
  bytesPerWeight: number;
  groupLength: number;
  groups: number;
  /** Why the core could not quantize this tensor this way (the numbers are NaN then). */
  error?: string;
}

export interface QuantizationView {
  tensor: { name: string; shape: number[]; count: number; min: number; max: number };
  histogram: { centers: number[]; counts: number[]; binWidth: number };
  /** The first group's grid, only the levels inside the histogram's range (plus one each side). */
  grid: number[];
  /** x̂ − x against x, every `stride`-th element (at most ~2000 points, so painting stays cheap). */
  errors: { x: number[]; error: number[]; stride: number };
  current: SchemeMetrics;
  /** The integer scheme with the same settings at 2..8 bits; the current scheme is marked at `currentBits`. */
  /** null: not computed yet (a large tensor's sweep fills in after the first paint). */
  bitsCurve: { bits: number[]; mse: (number | null)[]; sqnrDb: (number | null)[]; currentBits: number };
  comparison: { granularity: Granularity; label: string; metrics: SchemeMetrics | undefined }[];
}

export const HISTOGRAM_BINS = 80;
const MAX_ERROR_POINTS = 2000;

function metricsOf(tensor: Tensor, scheme: Scheme, r: Reconstruction, range: { min: number; max: number }): SchemeMetrics {
  const x = tensor.values;
  return {
    mse: mse(x, r.values),
    // An all-zero tensor has no signal: SQNR is undefined there (the core refuses it), shown as NaN.
    sqnrDb: range.min === 0 && range.max === 0 ? NaN : sqnrDb(x, r.values),
    maxAbsError: maxAbsError(x, r.values),
    bytesPerWeight: bytesPerWeight(scheme, r.groupLength),
    groupLength: r.groupLength,
    groups: r.groups,
  };
}

/** The histogram of a tensor's values over [min, max] in equal bins. */
export function histogram(values: Float32Array, bins = HISTOGRAM_BINS): QuantizationView["histogram"] {
  const { min, max } = minMax(values);
  const width = max > min ? (max - min) / bins : 1;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) counts[Math.min(bins - 1, Math.floor((values[i] - min) / width))]++;
  const centers = counts.map((_, b) => min + (b + 0.5) * width);
  return { centers, counts, binWidth: width };
}

function key(scheme: Scheme): string {
  return JSON.stringify([scheme.format, scheme.bits, scheme.mode, scheme.granularity, scheme.groupSize, scheme.clipping, scheme.clipRatio, scheme.clipPercentile, scheme.rounding, scheme.roundingSeed]);
}

/**
 * The view of one tensor under changing schemes. Metrics are remembered per scheme, so moving one slider
 * recomputes only what it changed (moving bits reuses the whole bits curve, for instance).
 */
export class QuantizationLab {
  private readonly metrics = new Map<string, SchemeMetrics>();
  private cachedHistogram: QuantizationView["histogram"] | undefined;
  private cachedRange: { min: number; max: number } | undefined;

  constructor(readonly tensor: Tensor) {}

  private get range(): { min: number; max: number } {
    return (this.cachedRange ??= minMax(this.tensor.values));
  }

  /**
   * Metrics of one scheme, from the cache or computed (the reconstruction is dropped). A scheme the core
   * refuses for this tensor (Q4_0's fp16 scale overflowing, say) gets NaN metrics and the core's message.
   */
  metricsFor(scheme: Scheme): SchemeMetrics {
    const k = key(scheme);
    let m = this.metrics.get(k);
    if (!m) {
      try {
        m = metricsOf(this.tensor, scheme, reconstruct(this.tensor, scheme), this.range);
      } catch (error) {
        m = { mse: NaN, sqnrDb: NaN, maxAbsError: NaN, bytesPerWeight: NaN, groupLength: 0, groups: 0, error: error instanceof Error ? error.message : String(error) };
      }
      if (this.metrics.size > 500) this.metrics.clear();
      this.metrics.set(k, m);
    }
    return m;
  }

  /** Whether a scheme's metrics are already known. */
  has(scheme: Scheme): boolean {
    return this.metrics.has(key(scheme));
  }

  /** The schemes the bits curve and the side-by-side comparison need besides the current one. */
  sweepSchemes(scheme: Scheme): Scheme[] {
    const curve: Scheme[] = [];
    for (let b = LIMITS.bits.min; b <= LIMITS.bits.max; b++) curve.push({ ...scheme, format: "int", bits: b });
    return [...GRANULARITIES.map((granularity) => ({ ...scheme, granularity })), ...curve];
  }

  /**
   * What depends on the current scheme alone (one reconstruction): histogram and grid, errors, the numbers.
   * The bits curve and the comparison are filled from what is known; `missing` lists the schemes still to
   * compute (`metricsFor` each, then call again). `view` does both at once.
   */
  current(scheme: Scheme): { view: QuantizationView; missing: Scheme[] } {
    const x = this.tensor.values;
    this.cachedHistogram ??= histogram(x);
    const r = reconstruct(this.tensor, scheme);
    const current = metricsOf(this.tensor, scheme, r, this.range);
    this.metrics.set(key(scheme), current);

    const stride = Math.max(1, Math.ceil(x.length / MAX_ERROR_POINTS));
    const errors = { x: [] as number[], error: [] as number[], stride };
    for (let i = 0; i < x.length; i += stride) {
      errors.x.push(x[i]);
      errors.error.push(r.values[i] - x[i]);
    }

    const { min, max } = this.range;
    const below = r.grid.filter((v) => v < min);
    const above = r.grid.filter((v) => v > max);
    const grid = [...below.slice(-1), ...r.grid.filter((v) => v >= min && v <= max), ...above.slice(0, 1)];

    const { bitsCurve, comparison, missing } = this.sweep(scheme);
    return {
      view: {
        tensor: { name: this.tensor.name, shape: this.tensor.shape.slice(), count: x.length, min, max },
        histogram: this.cachedHistogram,
        grid,
        errors,
        current,
        bitsCurve,
        comparison,
      },
      missing,
    };
  }

  /** The bits curve and the comparison from the metrics known so far, and the schemes still missing. */
  sweep(scheme: Scheme): Pick<QuantizationView, "bitsCurve" | "comparison"> & { missing: Scheme[] } {
    const missing = this.sweepSchemes(scheme).filter((s) => !this.has(s));
    const known = (s: Scheme): SchemeMetrics | undefined => this.metrics.get(key(s));
    const bits: number[] = [];
    const curveMse: (number | null)[] = [];
    const curveSqnr: (number | null)[] = [];
    for (let b = LIMITS.bits.min; b <= LIMITS.bits.max; b++) {
      const m = known({ ...scheme, format: "int", bits: b });
      bits.push(b);
      curveMse.push(m ? m.mse : null);
      curveSqnr.push(m ? m.sqnrDb : null);
    }
    const comparison = GRANULARITIES.map((granularity) => {
      const length = groupLength(granularity, scheme.groupSize, this.tensor, scheme.format);
      return { granularity, label: granularityLabel(granularity, length), metrics: known({ ...scheme, granularity }) };
    });
    const currentBits = controlsFor(scheme.format).nominalBits(scheme.bits);
    return { bitsCurve: { bits, mse: curveMse, sqnrDb: curveSqnr, currentBits }, comparison, missing };
  }

  /** Everything at once (the unit tests, the bench, and small tensors). */
  view(scheme: Scheme): QuantizationView {
    for (const s of this.current(scheme).missing) this.metricsFor(s);
    return this.current(scheme).view;
  }
}

export function granularityLabel(granularity: Granularity, length: number): string {
  switch (granularity) {
    case "tensor":
      return "per-tensor";
    case "channel":
      return `per-channel (${length} per row)`;
    case "group":
      return `group of ${length}`;
  }
}
