/**
 * Shared argument checks for the compute core. Every check throws an `Error` whose message starts with the
 * calling function's name and names the offending argument, e.g.
 * `"klDivergence: p and q differ in length (3 vs 2)"`, so a learner or pack author can act on it.
 */

/** Throws `Error("<fn>: <message>")`. */
export function fail(fn: string, message: string): never {
  throw new Error(`${fn}: ${message}`);
}

function describe(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}

/**
 * Runs `body`, which calls another core function, and re-labels that function's errors as the caller's
 * (`"mse: …"` becomes `"perTensorVsPerChannelMse: …"`), so the message names the function the user called.
 */
export function asCaller<T>(fn: string, body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e instanceof Error && /^[A-Za-z0-9_]+: /.test(e.message) && !e.message.startsWith(`${fn}: `)) {
      throw new Error(`${fn}: ${e.message.replace(/^[A-Za-z0-9_]+: /, "")}`);
    }
    throw e;
  }
}

/** A finite number (not NaN, not ±Infinity). */
export function requireFinite(fn: string, name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    fail(fn, `${name} must be a finite number, got ${describe(value)}`);
  }
  return value;
}

/** A finite number strictly greater than zero (scales, temperatures). */
export function requirePositive(fn: string, name: string, value: unknown): number {
  const x = requireFinite(fn, name, value);
  if (x <= 0) fail(fn, `${name} must be greater than 0, got ${x}`);
  return x;
}

/** A finite number ≥ 0 (parameter counts, byte sizes, maxima of absolute values). */
export function requireNonNegative(fn: string, name: string, value: unknown): number {
  const x = requireFinite(fn, name, value);
  if (x < 0) fail(fn, `${name} must not be negative, got ${x}`);
  return x;
}

/** An integer (a safe one: |n| ≤ 2^53 − 1). */
export function requireInteger(fn: string, name: string, value: unknown): number {
  const x = requireFinite(fn, name, value);
  if (!Number.isSafeInteger(x)) fail(fn, `${name} must be an integer, got ${x}`);
  return x;
}

/** An integer in [min, max]. */
export function requireIntegerIn(fn: string, name: string, value: unknown, min: number, max: number): number {
  const x = requireInteger(fn, name, value);
  if (x < min || x > max) fail(fn, `${name} must be an integer from ${min} to ${max}, got ${x}`);
  return x;
}

/** A bit width in 1..32 (or a narrower interval where the caller needs one). */
export function requireBits(fn: string, bits: unknown, min = 1, max = 32, name = "bits"): number {
  return requireIntegerIn(fn, name, bits, min, max);
}

/** A number in [0, 1] (loss weights). */
export function requireUnitInterval(fn: string, name: string, value: unknown): number {
  const x = requireFinite(fn, name, value);
  if (x < 0 || x > 1) fail(fn, `${name} must be between 0 and 1, got ${x}`);
  return x;
}

/** A boolean. */
export function requireBoolean(fn: string, name: string, value: unknown): boolean {
  if (typeof value !== "boolean") fail(fn, `${name} must be true or false, got ${describe(value)}`);
  return value;
}

/** An array-like of numbers with at least one element; elements are not checked (see `requireFiniteArray`). */
export function requireArrayLike(fn: string, name: string, value: unknown): ArrayLike<number> {
  if (
    value === null ||
    typeof value !== "object" ||
    typeof (value as { length?: unknown }).length !== "number"
  ) {
    fail(fn, `${name} must be an array of numbers, got ${describe(value)}`);
  }
  const a = value as ArrayLike<number>;
  if (a.length === 0) fail(fn, `${name} must not be empty`);
  return a;
}

/** A non-empty array of finite numbers; names the first bad index. */
export function requireFiniteArray(fn: string, name: string, value: unknown): ArrayLike<number> {
  const a = requireArrayLike(fn, name, value);
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      fail(fn, `${name}[${i}] must be a finite number, got ${describe(v)}`);
    }
  }
  return a;
}

/**
 * Throws naming the first non-finite element of `a`. Hot kernels fold a cheap NaN detector into their main
 * loop and call this only when it fired, so valid input pays for one pass, not two.
 */
export function reportNonFinite(fn: string, name: string, a: ArrayLike<number>): never {
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      fail(fn, `${name}[${i}] must be a finite number, got ${describe(v)}`);
    }
  }
  fail(fn, `${name} must contain only finite numbers`);
}

/** A non-empty matrix: an array of rows of finite numbers, all of one length; names the first bad row or entry. */
export function requireMatrix(fn: string, name: string, m: unknown): number[][] {
  if (!Array.isArray(m) || m.length === 0) fail(fn, `${name} must be a non-empty array of rows`);
  const rows = m.map((row, i) => Array.from(requireFiniteArray(fn, `${name}[${i}]`, row)));
  for (let i = 1; i < rows.length; i++) {
    if (rows[i].length !== rows[0].length) fail(fn, `${name}'s rows differ in length (row 0 has ${rows[0].length}, row ${i} has ${rows[i].length})`);
  }
  return rows;
}

/** Two arrays of the same length. */
export function requireSameLength(
  fn: string,
  aName: string,
  bName: string,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
): void {
  if (a.length !== b.length) fail(fn, `${aName} and ${bName} differ in length (${a.length} vs ${b.length})`);
}

/** How far from 1 a probability vector's sum may be. */
export const PROBABILITY_SUM_TOLERANCE = 1e-6;

/** A non-empty vector of finite, non-negative numbers summing to 1 within 1e-6. */
export function requireProbabilities(fn: string, name: string, value: unknown): ArrayLike<number> {
  const p = requireFiniteArray(fn, name, value);
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] < 0) fail(fn, `${name}[${i}] is negative (${p[i]}); probabilities must be ≥ 0`);
    sum += p[i];
  }
  if (Math.abs(sum - 1) > PROBABILITY_SUM_TOLERANCE) {
    fail(fn, `${name} sums to ${sum}, not 1 (within ${PROBABILITY_SUM_TOLERANCE}); pass probabilities, or softmax the logits first`);
  }
  return p;
}

/** One of the given string values. */
export function requireOneOf<T extends string>(fn: string, name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    fail(fn, `${name} must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}, got ${describe(value)}`);
  }
  return value as T;
}

/** An options argument: undefined (all defaults) or a plain object. */
export function requireOptions<T extends object>(fn: string, name: string, value: unknown): Partial<T> {
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    fail(fn, `${name} must be an object of options, got ${describe(value)}`);
  }
  return value as Partial<T>;
}
