/**
 * Deep comparison of what a learner's function returned against the expected value, with the exercise's
 * tolerance. Numbers pass when |actual − expected| ≤ abs + rel·|expected|; with no tolerance given they must
 * be identical (so integers are exact). NaN equals NaN only with `nanEqual`. Arrays report the first differing
 * index; plain objects compare key by key; strings exactly.
 */
import type { Tolerance } from "../../protocol/exercise";
import { formatValue } from "./formatValue";
import { typeNameOf } from "./typeNameOf";

export type ValueComparison =
  | { equal: true }
  | {
      equal: false;
      /** Where inside the value they differ, e.g. "[3]" or ".scale"; "" at the top. */
      path: string;
      /** What differs there, in words: "expected 3, got 2". */
      detail: string;
      /** For arrays at the top level: the first index that differs. */
      firstDifferingIndex?: number;
    };

export function numbersMatch(actual: number, expected: number, tolerance: Tolerance): boolean {
  if (Number.isNaN(expected) || Number.isNaN(actual)) return Number.isNaN(expected) && Number.isNaN(actual) && tolerance.nanEqual === true;
  if (actual === expected) return true;
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return false;
  const abs = tolerance.abs ?? 0;
  const rel = tolerance.rel ?? 0;
  return Math.abs(actual - expected) <= abs + rel * Math.abs(expected);
}

const typeName = typeNameOf;

function differ(path: string, expected: unknown, actual: unknown, tolerance: Tolerance): ValueComparison {
  let detail = `expected ${formatValue(expected)}, got ${formatValue(actual)}`;
  if (typeof expected === "number" && typeof actual === "number") {
    // No guess at the cause of a NaN here: a misconception that reproduces the answer says why, or nothing does.
    if (Number.isNaN(expected) && Number.isNaN(actual)) detail += " (this exercise does not accept NaN here)";
    else if (Number.isFinite(expected) && Number.isFinite(actual) && (tolerance.abs !== undefined || tolerance.rel !== undefined)) {
      detail += ` (off by ${formatValue(Math.abs(actual - expected))}; allowed ${tolerance.abs ?? 0} + ${tolerance.rel ?? 0}·|expected|)`;
    }
  } else if (typeName(expected) !== typeName(actual)) {
    detail = `expected ${typeName(expected)} (${formatValue(expected)}), got ${typeName(actual)} (${formatValue(actual)})`;
  }
  return { equal: false, path, detail };
}

export function compareValues(actual: unknown, expected: unknown, tolerance: Tolerance, path = ""): ValueComparison {
  if (typeof expected === "number") {
    return typeof actual === "number" && numbersMatch(actual, expected, tolerance) ? { equal: true } : differ(path, expected, actual, tolerance);
  }
  if (typeof expected === "string" || typeof expected === "boolean" || expected === null || expected === undefined) {
    return actual === expected ? { equal: true } : differ(path, expected, actual, tolerance);
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return differ(path, expected, actual, tolerance);
    const shared = Math.min(actual.length, expected.length);
    for (let i = 0; i < shared; i++) {
      const inner = compareValues(actual[i], expected[i], tolerance, `${path}[${i}]`);
      if (!inner.equal) return path === "" ? { ...inner, firstDifferingIndex: i } : inner;
    }
    if (actual.length !== expected.length) {
      const result: ValueComparison = {
        equal: false,
        path,
        detail: `expected ${expected.length} items, got ${actual.length}`,
      };
      return path === "" ? { ...result, firstDifferingIndex: shared } : result;
    }
    return { equal: true };
  }
  if (typeof expected === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return differ(path, expected, actual, tolerance);
    const want = expected as Record<string, unknown>;
    const got = actual as Record<string, unknown>;
    for (const key of Object.keys(want)) {
      if (!(key in got)) return { equal: false, path: `${path}.${key}`, detail: `the property \`${key}\` is missing` };
      const inner = compareValues(got[key], want[key], tolerance, `${path}.${key}`);
      if (!inner.equal) return inner;
    }
    const extra = Object.keys(got).filter((k) => !(k in want));
    if (extra.length > 0) return { equal: false, path, detail: `unexpected ${extra.length === 1 ? "property" : "properties"} ${extra.map((k) => `\`${k}\``).join(", ")}` };
    return { equal: true };
  }
  return differ(path, expected, actual, tolerance);
}
