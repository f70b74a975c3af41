/**
 * The runner's check of every message from the sandbox process. That process runs learner and pack code
 * (inside QuickJS), so what it sends is treated as hostile: each message must match its shape in
 * runnerIpc.ts exactly, every string and array is bounded, values are plain data within the result budget
 * (numbers, strings, booleans, null, undefined, arrays and plain objects, nested at most 66 deep), and the
 * whole message stays under a size budget. A message that fails is not believed; the run it names (if it
 * names one the runner is waiting for) fails alone, with what was wrong.
 */
import type { CallOutcome, CompileMessage, FromSandboxMessage, RunResult } from "../protocol/runnerIpc";
import { MAX_MESSAGE_CHARS, RESULT_ITEMS_PER_RUN } from "./limits";

export type ChannelCheck = { ok: true; message: FromSandboxMessage } | { ok: false; why: string; runId?: number };

class Refused extends Error {}

const MAX_VALUE_DEPTH = 66;
const MAX_TEXT = 100_000;
const MAX_COMPILE_MESSAGES = 1000;

/** Counts what a message carries, so a message over the budget is refused once it is seen to be. */
class Size {
  chars = 0;
  items = 0;
  add(chars: number, items = 1): void {
    this.chars += chars;
    this.items += items;
    if (this.chars > MAX_MESSAGE_CHARS) throw new Refused(`it is larger than ${MAX_MESSAGE_CHARS.toLocaleString("en")} characters`);
    if (this.items > RESULT_ITEMS_PER_RUN * 2 + 100_000) throw new Refused(`it holds more than ${(RESULT_ITEMS_PER_RUN * 2).toLocaleString("en")} values`);
  }
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function record(value: unknown, what: string, allowed: readonly string[]): Record<string, unknown> {
  if (!isPlainRecord(value)) throw new Refused(`${what} is not an object`);
  for (const key of Object.keys(value)) if (!allowed.includes(key)) throw new Refused(`${what} has an unexpected field ${JSON.stringify(key.slice(0, 40))}`);
  return value;
}

function text(value: unknown, what: string, size: Size, max = MAX_TEXT): string {
  if (typeof value !== "string") throw new Refused(`${what} is not text`);
  if (value.length > max) throw new Refused(`${what} is ${value.length.toLocaleString("en")} characters long (at most ${max.toLocaleString("en")})`);
  size.add(value.length);
  return value;
}

function optionalText(value: unknown, what: string, size: Size, max = MAX_TEXT): void {
  if (value !== undefined) text(value, what, size, max);
}

function finite(value: unknown, what: string, { integer = false, min = 0 } = {}): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || (integer && !Number.isSafeInteger(value))) throw new Refused(`${what} is not a ${integer ? "whole " : ""}number ≥ ${min}`);
  return value;
}

function optionalFinite(value: unknown, what: string, options?: { integer?: boolean; min?: number }): void {
  if (value !== undefined) finite(value, what, options);
}

/** Why `value` is not plain data within the budget, or undefined when it is. */
export function refusalOfValue(value: unknown): string | undefined {
  try {
    checkRawValue(value, new Size());
    return undefined;
  } catch (error) {
    if (error instanceof Refused) return error.message;
    throw error;
  }
}

/** A value a learner's function returned, as it arrives by structured clone. Iterative: no deep recursion. */
function checkRawValue(value: unknown, size: Size): void {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop() as { value: unknown; depth: number };
    if (depth > MAX_VALUE_DEPTH) throw new Refused(`a value is nested more than ${MAX_VALUE_DEPTH} levels deep`);
    switch (typeof v) {
      case "number":
      case "boolean":
      case "undefined":
        size.add(8);
        continue;
      case "string":
        size.add(v.length + 2);
        continue;
      case "object":
        break;
      default:
        throw new Refused(`a value is a ${typeof v}`);
    }
    if (v === null) {
      size.add(4);
      continue;
    }
    if (Array.isArray(v)) {
      if (Object.getPrototypeOf(v) !== Array.prototype) throw new Refused("an array has an unusual prototype");
      size.add(2, v.length);
      for (let i = 0; i < v.length; i++) stack.push({ value: v[i], depth: depth + 1 });
      continue;
    }
    if (!isPlainRecord(v)) throw new Refused(`a value is a ${Object.prototype.toString.call(v).slice(8, -1)}, not plain data`);
    if (Object.getOwnPropertySymbols(v).length > 0) throw new Refused("an object has symbol keys");
    for (const key of Object.keys(v)) {
      const descriptor = Object.getOwnPropertyDescriptor(v, key);
      if (!descriptor || !("value" in descriptor)) throw new Refused("an object has an accessor property");
      size.add(key.length + 3);
      stack.push({ value: descriptor.value, depth: depth + 1 });
    }
  }
}

const OUTCOME_FIELDS: Record<CallOutcome["kind"], readonly string[]> = {
  returned: ["kind", "value", "durationMs"],
  threw: ["kind", "message", "stack", "durationMs"],
  invalid: ["kind", "message", "durationMs"],
  timeout: ["kind", "message"],
  crashed: ["kind", "message"],
  "not-run": ["kind", "message"],
};

function checkOutcome(value: unknown, what: string, size: Size): void {
  const kind = isPlainRecord(value) ? value.kind : undefined;
  if (typeof kind !== "string" || !Object.prototype.hasOwnProperty.call(OUTCOME_FIELDS, kind)) throw new Refused(`${what} has no known kind`);
  const o = record(value, what, OUTCOME_FIELDS[kind as CallOutcome["kind"]]);
  if (kind === "returned") {
    if (!("value" in o)) throw new Refused(`${what} has no value`);
    checkRawValue(o.value, size);
  } else text(o.message, `${what}'s message`, size, 10_000);
  if (kind === "threw") optionalText(o.stack, `${what}'s stack`, size, 10_000);
  if (kind === "returned" || kind === "threw" || kind === "invalid") finite(o.durationMs, `${what}'s duration`);
}

function checkCompileMessages(value: unknown, what: string, size: Size): void {
  if (!Array.isArray(value) || value.length > MAX_COMPILE_MESSAGES) throw new Refused(`${what} is not a list of at most ${MAX_COMPILE_MESSAGES}`);
  for (const [i, m] of value.entries()) {
    const r = record(m, `${what}[${i}]`, ["text", "file", "line", "columnBytes", "lengthBytes", "lineText", "severity"] satisfies (keyof CompileMessage)[]);
    text(r.text, `${what}[${i}].text`, size, 10_000);
    optionalText(r.file, `${what}[${i}].file`, size, 4096);
    optionalText(r.lineText, `${what}[${i}].lineText`, size, 10_000);
    for (const n of ["line", "columnBytes", "lengthBytes"] as const) optionalFinite(r[n], `${what}[${i}].${n}`, { integer: true });
    if (r.severity !== "error" && r.severity !== "warning") throw new Refused(`${what}[${i}].severity is neither error nor warning`);
  }
}

function checkRunResult(m: Record<string, unknown>, size: Size, expectedCalls: (id: number) => number | undefined): void {
  record(m, "the run result", ["type", "id", "compileMs", "runMs", "errors", "warnings", "outcomes", "sourceMap", "loadFailure", "bundleCode"] satisfies (keyof RunResult)[]);
  const id = m.id as number;
  finite(m.compileMs, "compileMs");
  finite(m.runMs, "runMs");
  checkCompileMessages(m.errors, "errors", size);
  checkCompileMessages(m.warnings, "warnings", size);
  optionalText(m.sourceMap, "the source map", size, 16_000_000);
  optionalText(m.bundleCode, "the bundle", size, 16_000_000);
  if (m.loadFailure !== undefined) checkOutcome(m.loadFailure, "the load failure", size);
  if (m.outcomes !== undefined) {
    const calls = expectedCalls(id);
    if (!Array.isArray(m.outcomes)) throw new Refused("outcomes is not a list");
    if (calls !== undefined && m.outcomes.length !== calls) throw new Refused(`it has ${m.outcomes.length} outcomes for ${calls} calls`);
    for (const [i, o] of m.outcomes.entries()) checkOutcome(o, `outcome ${i}`, size);
  }
}

/**
 * Checks one message. `expectedCalls(id)` is how many calls the runner asked for in run `id`, or undefined
 * when no such run is waiting (a `runResult` for it is then refused: a forged or late answer).
 */
export function checkSandboxMessage(message: unknown, expectedCalls: (id: number) => number | undefined): ChannelCheck {
  let runId: number | undefined;
  try {
    if (!isPlainRecord(message)) throw new Refused("it is not an object");
    const size = new Size();
    const type = message.type;
    if (type !== "ready" && message.id !== undefined) {
      runId = finite(message.id, "its run id", { integer: true, min: 1 });
      if (expectedCalls(runId) === undefined) {
        const named = runId;
        runId = undefined;
        throw new Refused(`it names run ${named}, which the runner is not waiting for`);
      }
    }
    switch (type) {
      case "ready": {
        const r = record(message, "ready", ["type", "esbuildInitMs", "engineInitMs", "permission"]);
        finite(r.esbuildInitMs, "esbuildInitMs");
        finite(r.engineInitMs, "engineInitMs");
        if (typeof r.permission !== "boolean") throw new Refused("permission is not true or false");
        break;
      }
      case "runResult":
        if (runId === undefined) throw new Refused("it names no run");
        checkRunResult(message, size, expectedCalls);
        break;
      case "resolve": {
        const r = record(message, "resolve", ["type", "id", "question", "specifier", "importer"]);
        if (runId === undefined) throw new Refused("it names no run");
        finite(r.question, "question", { integer: true, min: 1 });
        text(r.specifier, "specifier", size, 4096);
        text(r.importer, "importer", size, 4096);
        break;
      }
      case "load": {
        const r = record(message, "load", ["type", "id", "question", "path"]);
        if (runId === undefined) throw new Refused("it names no run");
        finite(r.question, "question", { integer: true, min: 1 });
        text(r.path, "path", size, 4096);
        break;
      }
      case "fatal":
        text(record(message, "fatal", ["type", "id", "message"]).message, "message", size, 10_000);
        break;
      default:
        throw new Refused(`its type ${JSON.stringify(String(type).slice(0, 40))} is unknown`);
    }
    return { ok: true, message: message as unknown as FromSandboxMessage };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, why: error.message, runId };
    return { ok: false, why: `it could not be checked (${error instanceof Error ? error.message : String(error)})`, runId };
  }
}
