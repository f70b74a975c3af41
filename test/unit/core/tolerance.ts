/**
 * The one tolerance helper every core test uses: deep comparison of numbers, arrays (plain or typed) and plain
 * objects, where a number passes when |actual − expected| ≤ abs + rel·|expected|. NaN equals NaN and
 * ±Infinity equals itself, because the reference vectors state exactly where those are the right answer.
 */
import * as assert from "node:assert/strict";

export interface Tolerance {
  abs?: number;
  rel?: number;
}

/** Tight enough that an off-by-one code or a wrong tie rule always fails, loose enough for summation order. */
export const DEFAULT_TOLERANCE: Required<Tolerance> = Object.freeze({ abs: 1e-12, rel: 1e-9 });
export const EXACT: Required<Tolerance> = Object.freeze({ abs: 0, rel: 0 });

function isArrayLike(v: unknown): v is ArrayLike<unknown> {
  return Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
}

function show(v: unknown): string {
  if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
  if (isArrayLike(v)) return `[${Array.from(v as ArrayLike<unknown>).slice(0, 8).map(show).join(", ")}${v.length > 8 ? ", …" : ""}]`;
  return JSON.stringify(v);
}

/** Where `actual` differs from `expected` beyond the tolerance, as "path: actual vs expected", or undefined. */
export function mismatch(actual: unknown, expected: unknown, tol: Tolerance = DEFAULT_TOLERANCE, path = "result"): string | undefined {
  const abs = tol.abs ?? DEFAULT_TOLERANCE.abs;
  const rel = tol.rel ?? DEFAULT_TOLERANCE.rel;
  if (typeof expected === "number") {
    if (typeof actual !== "number") return `${path}: got ${show(actual)}, expected the number ${show(expected)}`;
    if (Number.isNaN(expected)) return Number.isNaN(actual) ? undefined : `${path}: got ${show(actual)}, expected NaN`;
    if (!Number.isFinite(expected)) return actual === expected ? undefined : `${path}: got ${show(actual)}, expected ${show(expected)}`;
    if (!Number.isFinite(actual)) return `${path}: got ${show(actual)}, expected ${show(expected)}`;
    const allowed = abs + rel * Math.abs(expected);
    return Math.abs(actual - expected) <= allowed ? undefined : `${path}: got ${show(actual)}, expected ${show(expected)} (±${allowed})`;
  }
  if (isArrayLike(expected)) {
    if (!isArrayLike(actual)) return `${path}: got ${show(actual)}, expected an array ${show(expected)}`;
    if (actual.length !== expected.length) return `${path}: length ${actual.length}, expected ${expected.length}`;
    for (let i = 0; i < expected.length; i++) {
      const m = mismatch(actual[i], expected[i], tol, `${path}[${i}]`);
      if (m) return m;
    }
    return undefined;
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object" || isArrayLike(actual)) return `${path}: got ${show(actual)}, expected an object`;
    const ek = Object.keys(expected).sort();
    const ak = Object.keys(actual).sort();
    if (ek.join() !== ak.join()) return `${path}: keys ${ak.join(", ")}, expected ${ek.join(", ")}`;
    for (const k of ek) {
      const m = mismatch((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], tol, `${path}.${k}`);
      if (m) return m;
    }
    return undefined;
  }
  return Object.is(actual, expected) ? undefined : `${path}: got ${show(actual)}, expected ${show(expected)}`;
}

/** Asserts `actual` matches `expected` within the tolerance (default: `DEFAULT_TOLERANCE`). */
export function assertClose(actual: unknown, expected: unknown, tol: Tolerance = DEFAULT_TOLERANCE, label = "result"): void {
  const m = mismatch(actual, expected, tol, label);
  if (m) assert.fail(m);
}
