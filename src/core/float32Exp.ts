/**
 * The exponential of softmaxRows' float32 path (src/core/softmax.ts): accurate to float32 precision, built only
 * from steps that WebAssembly SIMD repeats bit for bit. Internal to the core (not in CORE_FUNCTIONS): it takes
 * no argument checks, as it runs once per logit.
 */

const LOG2E = 1.4426950408889634;
/** ln 2 split so that k·LN2_HI is exact for |k| < 2^11 (fdlibm's constants). */
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
/** Adding and subtracting 1.5·2^52 rounds a double of magnitude below 2^51 to an integer, ties to even. */
const ROUND_TO_INT = 6755399441055744;
const f32 = Math.fround;
/** Cephes' expf polynomial: e^r ≈ 1 + r + r²·P(r) for |r| ≤ ln2/2, coefficients in float32. */
const EXP_P0 = f32(1.9875691500e-4);
const EXP_P1 = f32(1.3981999507e-3);
const EXP_P2 = f32(8.3334519073e-3);
const EXP_P3 = f32(4.1665795894e-2);
const EXP_P4 = f32(1.6666665459e-1);
const EXP_P5 = f32(5.0000001201e-1);
/** 2^k for k = 0, −1, …, −1010 (exact: halving a power of two). */
const POW2_NEGATIVE = (() => {
  const table = new Float64Array(1011);
  table[0] = 1;
  for (let k = 1; k < table.length; k++) table[k] = table[k - 1] / 2;
  return table;
})();

/**
 * e^z for softmax's shifted logits z ≤ 0, to float32 precision (within about 2 float32 ulps of e^z), in steps that
 * SIMD repeats exactly: k = round(z·log2 e) and r = z − k·ln2 in float64; r rounded to float32 and
 * p = 1 + r + r²·P(r) in float32 arithmetic (each step rounded with Math.fround); then p·2^k in float64 (exact).
 * z ≤ −700 (including −Infinity) gives 0: such a term is far below float32's range and cannot move a sum that
 * holds 1. NaN gives NaN.
 *
 * @param z a shifted logit (x − max x)/T, at most 0
 * @returns e^z as a float64 holding a float32 significand
 * @example
 * softmaxExpFloat32(0)   // 1
 * softmaxExpFloat32(-1)  // 0.3678794503211975 (e^−1 = 0.36787944117…)
 */
export function softmaxExpFloat32(z: number): number {
  if (!(z > -700)) return z === z ? 0 : NaN;
  const k = z * LOG2E + ROUND_TO_INT - ROUND_TO_INT;
  const r = f32(z - k * LN2_HI - k * LN2_LO);
  const rr = f32(r * r);
  let p = f32(f32(EXP_P0 * r) + EXP_P1);
  p = f32(f32(p * r) + EXP_P2);
  p = f32(f32(p * r) + EXP_P3);
  p = f32(f32(p * r) + EXP_P4);
  p = f32(f32(p * r) + EXP_P5);
  p = f32(f32(f32(p * rr) + r) + 1);
  return p * POW2_NEGATIVE[-k];
}
