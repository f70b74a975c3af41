/**
 * Turns whatever a learner's function returned into a value that can cross the process boundary and be
 * compared: numbers (NaN, ±Infinity and -0 kept), strings, booleans, null, undefined, arrays (typed arrays
 * become plain arrays) and plain objects. Anything else is refused with a sentence saying what to return
 * instead. Values come from another realm (the vm context), so checks avoid `instanceof`.
 */

/** Past this many numbers, strings and keys in one result, the value is refused rather than copied. */
export const MAX_RESULT_ITEMS = 1_000_000;
const MAX_STRING_LENGTH = 1_000_000;
const MAX_DEPTH = 64;

export type Normalised = { ok: true; value: unknown } | { ok: false; message: string };

export function normaliseReturnedValue(value: unknown): Normalised {
  const budget = { items: 0 };
  try {
    return { ok: true, value: normalise(value, budget, 0) };
  } catch (refusal) {
    if (refusal instanceof RefusedValue) return { ok: false, message: refusal.message };
    throw refusal;
  }
}

class RefusedValue extends Error {}

function normalise(value: unknown, budget: { items: number }, depth: number): unknown {
  if (++budget.items > MAX_RESULT_ITEMS) {
    throw new RefusedValue(`returned more than ${MAX_RESULT_ITEMS.toLocaleString("en")} values; return only what the exercise asks for`);
  }
  if (depth > MAX_DEPTH) throw new RefusedValue(`returned a value nested more than ${MAX_DEPTH} levels deep`);
  switch (typeof value) {
    case "number":
    case "boolean":
    case "undefined":
      return value;
    case "string":
      if (value.length > MAX_STRING_LENGTH) throw new RefusedValue(`returned a string of ${value.length} characters; that is too long to compare`);
      return value;
    case "bigint":
      throw new RefusedValue(`returned a BigInt (${String(value)}n); return a number`);
    case "symbol":
      throw new RefusedValue("returned a Symbol; return a number, array or object");
    case "function":
      throw new RefusedValue("returned a function; call it and return its result");
  }
  if (value === null) return null;
  if (ArrayBuffer.isView(value)) {
    const tag = Object.prototype.toString.call(value).slice(8, -1);
    if (tag === "BigInt64Array" || tag === "BigUint64Array" || tag === "DataView") {
      throw new RefusedValue(`returned a ${tag}; return a number[] or Float32Array`);
    }
    const length = (value as unknown as ArrayLike<number>).length;
    budget.items += length;
    if (budget.items > MAX_RESULT_ITEMS) throw new RefusedValue(`returned a ${tag} of ${length.toLocaleString("en")} values; that is more than the exercise asks for`);
    return Array.from(value as unknown as ArrayLike<number>);
  }
  if (Array.isArray(value)) {
    if (value.length > MAX_RESULT_ITEMS) throw new RefusedValue(`returned an array of ${value.length.toLocaleString("en")} items; that is more than the exercise asks for`);
    const copy: unknown[] = [];
    for (let i = 0; i < value.length; i++) copy.push(normalise(value[i], budget, depth + 1));
    return copy;
  }
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  if (tag !== "Object") throw new RefusedValue(`returned a ${tag}; return a plain object, array, number or string`);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value as object)) copy[key] = normalise((value as Record<string, unknown>)[key], budget, depth + 1);
  return copy;
}

/** What a `throw` carried, in words: Errors by message and stack, anything else by what it was. */
export function describeThrown(thrown: unknown): { message: string; stack?: string } {
  if (thrown !== null && typeof thrown === "object") {
    const maybe = thrown as { message?: unknown; stack?: unknown; name?: unknown };
    if (typeof maybe.stack === "string" && typeof maybe.message === "string") {
      const name = typeof maybe.name === "string" ? maybe.name : "Error";
      return { message: `${name}: ${maybe.message}`, stack: maybe.stack };
    }
  }
  let shown: string;
  try {
    shown = typeof thrown === "string" ? JSON.stringify(thrown) : String(thrown);
  } catch {
    shown = "a value that cannot be printed";
  }
  if (shown.length > 200) shown = `${shown.slice(0, 200)}…`;
  return { message: `threw ${shown}, which is not an Error; throw new Error("…") so the message and line are shown` };
}
