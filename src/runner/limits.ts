/**
 * The sandbox's limits in one place, each named the way a learner is told about it: time per call (and for
 * the whole run, scaled by the number of calls), memory per run (the QuickJS runtime's own allocator, so
 * typed arrays and strings count too), and the size of what a function may return (items and characters,
 * per call and per run). The accepted ranges of the numeric options are here too, so the CLI, the
 * extension's settings and the Runner refuse the same values with the same sentence.
 */

/** Per-call result budget: values (numbers, strings, keys) and characters of the encoded result. */
export const RESULT_ITEMS_PER_CALL = 1_000_000;
export const RESULT_CHARS_PER_CALL = 8_000_000;
/** Whole-run result budget, over every call of one run: a report stays small enough to write and to show. */
export const RESULT_ITEMS_PER_RUN = 4_000_000;
export const RESULT_CHARS_PER_RUN = 32_000_000;

/** How much of the returned values a check report shows (as JSON characters), per case and in all. */
export const REPORT_VALUE_CHARS_PER_CASE = 1_000_000;
export const REPORT_VALUE_CHARS_PER_CHECK = 4_000_000;

/**
 * The biggest message the runner accepts from the sandbox, in characters of its values: a run's results
 * within budget plus compile messages and a source map. Anything beyond is not believed.
 */
export const MAX_MESSAGE_CHARS = RESULT_CHARS_PER_RUN + 16_000_000;

/**
 * QuickJS's own stack limit. The interpreter runs on the sandbox process's native stack, which Node keeps
 * near 1 MB; 256 KB of QuickJS frames (about 1,300 plain recursive calls) stays well inside it, so deep
 * recursion is a catchable RangeError-like error in the learner's realm instead of a crash of the host.
 */
export const QUICKJS_STACK_BYTES = 256 * 1024;

export interface NumericRange {
  min: number;
  max: number;
  /** What the number is, for the one-line error. */
  what: string;
}

/**
 * Per-call time limit. The upper end keeps a whole-run limit (this × number of calls) far below what a
 * timer can hold (2^31 − 1 ms, about 24.8 days; beyond it Node fires the timer at once).
 */
export const TIMEOUT_MS_RANGE: NumericRange = { min: 50, max: 600_000, what: "the time limit per call, in ms" };
/** Memory per run. QuickJS runs in 32-bit WebAssembly, whose memory ends at 4 GiB (2 GiB in this build). */
export const MEMORY_MB_RANGE: NumericRange = { min: 16, max: 1536, what: "the memory limit per run, in MB" };

/** A value outside `range` as one sentence, or undefined when it is fine. */
export function outOfRange(value: number, range: NumericRange): string | undefined {
  if (!Number.isInteger(value)) return `${range.what} must be a whole number, got ${value}`;
  if (value < range.min || value > range.max) return `${range.what} must be between ${range.min} and ${range.max.toLocaleString("en")}, got ${value.toLocaleString("en")}`;
  return undefined;
}

/** The wall-clock limit of a whole run: loading plus every call, each with its full per-call limit. */
export function wholeRunLimitMs(timeoutMs: number, calls: number): number {
  return timeoutMs * (calls + 1);
}

/**
 * Time limits per call derived from the exercise's reference (grading a class; docs/grading.md): a call may
 * compute FACTOR times as long as the reference took on the same case in the reference sandbox, never less
 * than the floor and never more than the configured limit (the cap, which also stays each call's wall-clock
 * limit). The derived limit counts the sandbox process's CPU time, so a busy machine does not stop an honest
 * call. Most cases take the reference well under a millisecond, so a learner's endless loop costs the floor
 * instead of the full limit, while an honest solution twenty times slower than the reference still passes.
 */
export const REFERENCE_LIMIT_FACTOR = 20;
export const REFERENCE_LIMIT_FLOOR_MS = 20;

/** The limit of one call from the reference's time on that case (undefined: not measured, the cap). */
export function limitFromReferenceMs(referenceMs: number | undefined, capMs: number): number {
  if (referenceMs === undefined || !Number.isFinite(referenceMs) || referenceMs < 0) return capMs;
  return Math.min(capMs, Math.max(REFERENCE_LIMIT_FLOOR_MS, Math.ceil(referenceMs * REFERENCE_LIMIT_FACTOR)));
}

/** "38 MB" for a count of characters (one byte each in the report's ASCII-heavy JSON). */
export function megabytes(chars: number): string {
  const mb = chars / 1e6;
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}
