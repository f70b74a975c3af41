/**
 * Rounding to an integer, with the tie rule named. JavaScript's `Math.round` rounds ties toward +∞, PyTorch
 * and Python's `round` round half to even, llama.cpp's reference (C `roundf`) rounds half away from zero; the
 * same value can quantize differently under each, so every function here says which rule it follows.
 */
import { fail, requireFinite, requireOneOf } from "./validate";

/**
 * - `half-even`: ties to the even neighbour (banker's rounding): Python `round`, `torch.round`, `np.rint`.
 * - `half-away`: ties away from zero: C `roundf`, llama.cpp's reference quantizers.
 * - `half-up`: ties toward +∞: JavaScript `Math.round`.
 */
export type RoundingMode = "half-even" | "half-away" | "half-up";

export const ROUNDING_MODES: readonly RoundingMode[] = Object.freeze(["half-even", "half-away", "half-up"]);

/**
 * 1.5·2^52: adding and subtracting it rounds any |x| ≤ 2^51 to an integer under the FPU's own
 * round-to-nearest-even, which is several times faster than branching on ties.
 */
export const HALF_EVEN_MAGIC = 6755399441055744;
/** Above this magnitude every double is already an integer or the magic-number trick no longer applies. */
const MAGIC_LIMIT = 2251799813685248; // 2^51


/** Half-away-from-zero rounding without validation, for kernels (result is never −0). */
export function roundHalfAwayUnchecked(x: number): number {
  return x < 0 ? -Math.round(-x) + 0 : Math.round(x);
}

/** Half-up (toward +∞) rounding without validation, for kernels (result is never −0). */
export function roundHalfUpUnchecked(x: number): number {
  return Math.round(x) + 0;
}

/** Half-to-even rounding without validation, for kernels (result is never −0). */
export function roundHalfEvenUnchecked(x: number): number {
  if (x < MAGIC_LIMIT && x > -MAGIC_LIMIT) return x + HALF_EVEN_MAGIC - HALF_EVEN_MAGIC;
  // 2^51 ≤ |x| < 2^52 can still carry a .5 fraction; decide it by parity.
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Returns the rounding function for a mode, so kernels can pick it once outside their loop. */
export function rounderFor(mode: RoundingMode): (x: number) => number {
  switch (mode) {
    case "half-even":
      return roundHalfEvenUnchecked;
    case "half-away":
      return roundHalfAwayUnchecked;
    case "half-up":
      return roundHalfUpUnchecked;
  }
}

/** Validates a rounding-mode argument, defaulting to half-even. */
export function requireRoundingMode(fn: string, value: unknown, name = "rounding"): RoundingMode {
  if (value === undefined) return "half-even";
  return requireOneOf(fn, name, value, ROUNDING_MODES);
}

/**
 * Rounds `x` to an integer, resolving ties (exact .5 fractions) by `mode`.
 *
 *   half-even: ⌊x⌉ with ties to the even integer;  half-away: sign(x)·⌊|x| + ½⌋;  half-up: ⌊x + ½⌋.
 *
 * @param x a finite number
 * @param mode the tie rule; default `"half-even"` (Python's `round`, PyTorch)
 * @returns the rounded integer (never −0)
 * @throws if `x` is not finite or `mode` is unknown
 * @example
 * round(2.5)               // 2
 * round(2.5, "half-away")  // 3
 * round(-2.5, "half-up")   // -2
 * round(-2.5, "half-away") // -3
 */
export function round(x: number, mode: RoundingMode = "half-even"): number {
  requireFinite("round", "x", x);
  const m = requireRoundingMode("round", mode, "mode");
  const r = rounderFor(m)(x);
  if (!Number.isFinite(r)) fail("round", `internal error rounding ${x}`);
  return r + 0;
}
