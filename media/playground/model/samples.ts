/**
 * The built-in sample tensors: seeded, shaped [rows, 256] so per-channel quantization has rows to work on,
 * and scaled like real weights (standard deviation 0.02).
 */
import { seededLaplace, seededNormal, seededUniform } from "./random";

export type SampleKind = "normal" | "laplace" | "outliers" | "weights";
export const SAMPLE_KINDS: readonly SampleKind[] = ["normal", "laplace", "outliers", "weights"];
export const SAMPLE_LABELS: Readonly<Record<SampleKind, string>> = {
  normal: "Normal (σ = 0.02)",
  laplace: "Laplace (σ = 0.02)",
  outliers: "Normal with 0.1% outliers (×20)",
  weights: "Weight-like matrix, per-row scales",
};
/** Sizes the sample picker offers: small, the 64k of the speed goal, and 1M. */
export const SAMPLE_SIZES: readonly number[] = [4096, 65536, 1048576];
export const SAMPLE_COLUMNS = 256;
const SIGMA = 0.02;

/** A tensor as the playground holds it: float32 values in row-major order and its shape. */
export interface Tensor {
  name: string;
  shape: number[];
  values: Float32Array;
}

/**
 * A seeded sample tensor of `size` values (a multiple of 256).
 *
 * - normal: N(0, σ²); laplace: the same variance, heavier tails;
 * - outliers: normal, with one value in a thousand multiplied by 20 (what breaks per-tensor absmax);
 * - weights: each row its own scale σ·e^(0.75·z), like the output channels of a linear layer.
 */
export function sampleTensor(kind: SampleKind, size: number, seed: number): Tensor {
  if (!SAMPLE_KINDS.includes(kind)) throw new Error(`sampleTensor: unknown sample "${String(kind)}"`);
  if (!Number.isInteger(size) || size < SAMPLE_COLUMNS || size % SAMPLE_COLUMNS !== 0) {
    throw new Error(`sampleTensor: size must be a positive multiple of ${SAMPLE_COLUMNS}, got ${size}`);
  }
  const values = new Float32Array(size);
  const rows = size / SAMPLE_COLUMNS;
  if (kind === "laplace") {
    const next = seededLaplace(seed);
    for (let i = 0; i < size; i++) values[i] = SIGMA * next();
  } else {
    const next = seededNormal(seed);
    for (let i = 0; i < size; i++) values[i] = SIGMA * next();
  }
  if (kind === "outliers") {
    const pick = seededUniform(seed ^ 0x5eed);
    for (let i = 0; i < size; i++) if (pick() < 0.001) values[i] *= 20;
  } else if (kind === "weights") {
    const rowScale = seededNormal(seed ^ 0x7a11);
    for (let r = 0; r < rows; r++) {
      const s = Math.exp(0.75 * rowScale());
      for (let c = 0; c < SAMPLE_COLUMNS; c++) values[r * SAMPLE_COLUMNS + c] *= s;
    }
  }
  return { name: `${SAMPLE_LABELS[kind]}, seed ${seed}`, shape: [rows, SAMPLE_COLUMNS], values };
}
