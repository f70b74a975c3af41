/**
 * The sandbox's side of the bridge out of QuickJS: the prelude (prelude.ts) answers each call with JSON text;
 * this turns that text into a `CallOutcome`, treating it as hostile: it is parsed once, every node is checked
 * against the encoding's shape, objects are rebuilt with their keys as own data properties (a `__proto__` key
 * stays a key), nesting and the run's item and character budgets are enforced, and anything unexpected
 * becomes a truthful "malformed" outcome instead of an exception.
 */
import type { CallOutcome } from "../../protocol/runnerIpc";
import { megabytes, RESULT_CHARS_PER_CALL, RESULT_CHARS_PER_RUN, RESULT_ITEMS_PER_CALL, RESULT_ITEMS_PER_RUN } from "../limits";

/** How deep an encoded value may nest: the prelude refuses past 64 levels; its object tags add one level each. */
const MAX_ENCODED_DEPTH = 64 * 2 + 2;

/** What a whole run has used of its result budget so far. */
export class RunBudget {
  items = 0;
  chars = 0;
  /** Which limit the next call runs into first: its own, or what is left of the run's. */
  limitForNextCall(): { items: number; chars: number; run: boolean } {
    const items = Math.max(0, RESULT_ITEMS_PER_RUN - this.items);
    const chars = Math.max(0, RESULT_CHARS_PER_RUN - this.chars);
    return { items: Math.min(items, RESULT_ITEMS_PER_CALL), chars: Math.min(chars, RESULT_CHARS_PER_CALL), run: items < RESULT_ITEMS_PER_CALL || chars < RESULT_CHARS_PER_CALL };
  }
}

class Malformed extends Error {}

const SPECIAL_NUMBERS: Record<string, number> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, "-Infinity": Number.NEGATIVE_INFINITY, "-0": -0 };

const TYPED_ARRAYS = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
} as const;

/** The bytes of the i-th typed array's buffer, copied out of the runtime (quickjsEngine.ts provides it). */
export type ViewBytes = (index: number) => Uint8Array;

function decodeTypedArray(node: Record<string, unknown>, viewBytes: ViewBytes | undefined): number[] {
  const { i, type, offset, length } = node;
  if (!viewBytes || typeof type !== "string" || !Object.prototype.hasOwnProperty.call(TYPED_ARRAYS, type)) throw new Malformed("a typed array of an unknown type");
  for (const n of [i, offset, length]) if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) throw new Malformed("a typed array without its position");
  const Type = TYPED_ARRAYS[type as keyof typeof TYPED_ARRAYS];
  const bytes = viewBytes(i as number);
  const end = (offset as number) + (length as number) * Type.BYTES_PER_ELEMENT;
  if (end > bytes.byteLength || (offset as number) % Type.BYTES_PER_ELEMENT !== 0) throw new Malformed("a typed array outside its buffer");
  const copy = bytes.slice(offset as number, end);
  return Array.from(new Type(copy.buffer, 0, length as number));
}

/** Rebuilds an encoded value; throws Malformed on anything the prelude would not have produced. */
export function decodeValue(encoded: unknown, depth = 0, viewBytes?: ViewBytes): unknown {
  if (depth > MAX_ENCODED_DEPTH) throw new Malformed("nested too deeply");
  switch (typeof encoded) {
    case "number":
    case "string":
    case "boolean":
      return encoded;
    case "object":
      break;
    default:
      throw new Malformed(`unexpected ${typeof encoded}`);
  }
  if (encoded === null) return null;
  if (Array.isArray(encoded)) {
    const copy: unknown[] = new Array(encoded.length);
    for (let i = 0; i < encoded.length; i++) copy[i] = decodeValue(encoded[i], depth + 1, viewBytes);
    return copy;
  }
  const node = encoded as Record<string, unknown>;
  const tag = Object.prototype.hasOwnProperty.call(node, "$") ? node.$ : undefined;
  if (tag === "u" && Object.keys(node).length === 1) return undefined;
  if (tag === "n" && Object.keys(node).length === 2 && typeof node.v === "string" && Object.prototype.hasOwnProperty.call(SPECIAL_NUMBERS, node.v)) return SPECIAL_NUMBERS[node.v];
  if (tag === "o" && Object.keys(node).length === 3 && Array.isArray(node.k) && Array.isArray(node.v) && node.k.length === node.v.length) {
    const object: Record<string, unknown> = {};
    for (let i = 0; i < node.k.length; i++) {
      const key = node.k[i];
      if (typeof key !== "string") throw new Malformed("an object key is not a string");
      // defineProperty, not assignment: a key named "__proto__" must stay an ordinary key.
      Object.defineProperty(object, key, { value: decodeValue(node.v[i], depth + 1, viewBytes), enumerable: true, writable: true, configurable: true });
    }
    return object;
  }
  if (tag === "t" && Object.keys(node).length === 5) return decodeTypedArray(node, viewBytes);
  throw new Malformed("an object that is not a tagged value");
}

/**
 * One call's answer from the prelude as an outcome. `budget` is the run's: characters and items add up
 * over the calls, and a call that would pass the run's budget is refused with the numbers.
 */
export function decodeOutcome(text: string, fn: string, durationMs: number, budget: RunBudget, viewBytes?: ViewBytes): CallOutcome {
  const malformed = (why: string): CallOutcome => ({ kind: "crashed", message: `the sandbox could not read what ${fn} returned (${why})` });
  // The prelude stops writing at the per-call budget; a longer text did not come from it unbroken.
  if (text.length > RESULT_CHARS_PER_CALL + 1000) return tooLarge(text.length, durationMs);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return malformed("not JSON");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return malformed("not an object");
  const answer = parsed as Record<string, unknown>;
  const text200 = (v: unknown): string | undefined => (typeof v === "string" ? v.slice(0, 8000) : undefined);
  switch (answer.kind) {
    case "returned": {
      const items = answer.items;
      if (typeof items !== "number" || !Number.isSafeInteger(items) || items < 0) return malformed("no item count");
      if (budget.items + items > RESULT_ITEMS_PER_RUN || budget.chars + text.length > RESULT_CHARS_PER_RUN) return runTooLarge(budget, items, text.length, durationMs);
      budget.items += items;
      budget.chars += text.length;
      try {
        return { kind: "returned", value: decodeValue(answer.value, 0, viewBytes), durationMs };
      } catch (error) {
        return malformed(error instanceof Malformed ? error.message : String(error));
      }
    }
    case "tooLarge":
      if (typeof answer.chars !== "number") return malformed("no size");
      return budget.limitForNextCall().run ? runTooLarge(budget, 0, answer.chars, durationMs) : tooLarge(answer.chars, durationMs);
    case "invalid":
      if (typeof answer.message !== "string") return malformed("no message");
      // The prelude counted against what was left of the run's budget: say that it is the run's.
      if (budget.limitForNextCall().run && /^returned (more than|an array of|a \w+ of) /.test(answer.message)) {
        return { kind: "invalid", message: `${answer.message.slice(0, 500)} (what is left of the whole check's ${RESULT_ITEMS_PER_RUN.toLocaleString("en")} values and ${megabytes(RESULT_CHARS_PER_RUN)}, after ${budget.items.toLocaleString("en")} values and ${megabytes(budget.chars)} from earlier calls)`, durationMs };
      }
      return { kind: "invalid", message: answer.message.slice(0, 2000), durationMs };
    case "threw":
      if (typeof answer.message !== "string") return malformed("no message");
      return { kind: "threw", message: answer.message.slice(0, 2000), stack: text200(answer.stack), durationMs };
    case "missing":
      return { kind: "invalid", message: `your file does not export a function named \`${fn}\`; add \`export function ${fn}(...)\``, durationMs: 0 };
    default:
      return malformed("unknown kind");
  }
}

function runTooLarge(budget: RunBudget, items: number, chars: number, durationMs: number): CallOutcome {
  return {
    kind: "invalid",
    message: `returned more than the whole check may: with this result your functions returned ${(budget.items + items).toLocaleString("en")} values and ${megabytes(budget.chars + chars)}; the limit for one check is ${RESULT_ITEMS_PER_RUN.toLocaleString("en")} values and ${megabytes(RESULT_CHARS_PER_RUN)}`,
    durationMs,
  };
}

function tooLarge(chars: number, durationMs: number): CallOutcome {
  return { kind: "invalid", message: `your function returned ${megabytes(chars)}; the limit is ${megabytes(RESULT_CHARS_PER_CALL)} per call (return only what the exercise asks for)`, durationMs };
}
