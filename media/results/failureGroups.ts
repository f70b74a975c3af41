/**
 * The failure view's model: failing cases grouped by the misconception that explains them (its message said
 * once per group, not once per row), each row reduced to what a learner compares — input, expected, yours
 * and the difference — with every number short on screen and exact in `full` (hover and copy). Pure: no DOM,
 * unit-tested on Node.
 */
import type { CaseResult } from "../../src/protocol/checkReport";
import type { Json } from "../../src/protocol/json";
import { digitsToTellApart, fullNumber, signedDifference, significant, SIGNIFICANT_DIGITS } from "./numberFormat";
import * as l10n from "../shared/l10n";

/** A value as shown (`text`) and as it really is (`full`, for the tooltip and the clipboard). */
export interface ShownValue {
  text: string;
  full: string;
}

export interface FailureRow {
  caseId: string;
  /** The case's name as the pack wrote it ("quantize(2.5, 1, 0): a tie goes to even 2"). */
  name: string;
  status: CaseResult["status"];
  input: ShownValue;
  expected: ShownValue;
  yours: ShownValue;
  /** yours − expected, in the shape of the values (signed number, largest element difference, fields). */
  difference: ShownValue;
  /** What the message says beyond the four cells (a thrown error, a tolerance, NaN advice); absent when nothing. */
  note?: string;
}

export interface FailureGroup {
  /** The misconception id, "error:<message>" for cases that could not run, or "unexplained". */
  key: string;
  kind: "misconception" | "error" | "unexplained";
  /** Said once for the whole group. */
  message: string;
  rows: FailureRow[];
}

const MAX_ITEMS = 6;
const NOTHING: ShownValue = { text: "—", full: "" };

/** Groups failing cases (in report order: smallest failure first, so the first group explains it). */
export function groupFailures(cases: readonly CaseResult[]): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  for (const c of cases) {
    if (c.status === "passed") continue;
    const [key, kind, message] = groupOf(c);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, kind, message, rows: [] }));
    group.rows.push(failureRow(c, kind === "error"));
  }
  return [...groups.values()];
}

function groupOf(c: CaseResult): [string, FailureGroup["kind"], string] {
  if (c.misconception) return [c.misconception.id, "misconception", c.misconception.message];
  if (c.status === "error") {
    const reason = c.message.replace(/ at input \(.*?\)(?=:|$)/, "").replace(/ on a hidden case/, "");
    return [`error:${reason}`, "error", reason];
  }
  return ["unexplained", "unexplained", l10n.t("No known misconception matches these answers: compare them with the expected values.")];
}

export function failureRow(c: CaseResult, messageIsGroupHeading = false): FailureRow {
  const hidden = c.reveal === "category-only";
  const digits = typeof c.expected === "number" && typeof c.actual === "number" ? digitsToTellApart(c.expected, c.actual) : SIGNIFICANT_DIGITS;
  const row: FailureRow = {
    caseId: `${c.checkId}/${c.id}`,
    name: c.name,
    status: c.status,
    input: hidden ? { text: "hidden", full: "" } : showArguments(c.input),
    expected: c.expected === undefined ? { text: hidden || c.reveal === "actual-only" ? "hidden" : "—", full: "" } : showValue(c.expected, digits),
    yours: c.actual === undefined ? { text: hidden ? "hidden" : "—", full: "" } : showValue(c.actual, digits),
    difference: difference(c.expected, c.actual, digits),
  };
  const note = messageIsGroupHeading ? undefined : noteOf(c);
  if (note) row.note = note;
  return row;
}

/** The part of a case's message that the cells do not already say. */
function noteOf(c: CaseResult): string | undefined {
  let text = c.message;
  if (c.misconception && text.endsWith(c.misconception.message)) text = text.slice(0, -c.misconception.message.length).replace(/:\s*$/, "");
  text = text.replace(/ at input \(.*\)$/, "").replace(/ on a hidden case$/, "").trim();
  if (text === "" || /^(?:at \S+: )?expected [^()]*, got [^()]*$/.test(text) || /^wrong answer$/.test(text)) return undefined;
  return text;
}

function showArguments(input: Json[]): ShownValue {
  const shown = input.map((v) => showValue(v, SIGNIFICANT_DIGITS));
  return { text: `(${shown.map((s) => s.text).join(", ")})`, full: `(${input.map((v) => JSON.stringify(v)).join(", ")})` };
}

export function showValue(value: Json, digits = SIGNIFICANT_DIGITS): ShownValue {
  return { text: shortText(value, digits), full: typeof value === "number" ? fullNumber(value) : JSON.stringify(value) };
}

function shortText(value: Json, digits: number): string {
  if (typeof value === "number") return significant(value, digits);
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    const shown = value.slice(0, MAX_ITEMS).map((v) => shortText(v, digits));
    return `[${shown.join(", ")}${value.length > MAX_ITEMS ? `, … ${value.length - MAX_ITEMS} more` : ""}]`;
  }
  return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${shortText(v, digits)}`).join(", ")} }`;
}

function difference(expected: Json | undefined, actual: Json | undefined, digits: number): ShownValue {
  if (expected === undefined || actual === undefined) return NOTHING;
  if (typeof expected === "number" && typeof actual === "number") return numberDifference(expected, actual, digits);
  if (Array.isArray(expected) && Array.isArray(actual)) return arrayDifference(expected, actual);
  if (isObject(expected) && isObject(actual)) return fieldDifference(expected, actual);
  return { text: typeof actual === typeof expected ? "differs" : `a ${kindOf(actual)}, not a ${kindOf(expected)}`, full: "" };
}

function numberDifference(expected: number, actual: number, digits: number): ShownValue {
  if (Number.isNaN(actual)) return { text: "NaN", full: "NaN" };
  if (!Number.isFinite(actual) || !Number.isFinite(expected)) return { text: "—", full: "" };
  const d = actual - expected;
  return { text: signedDifference(d, Math.min(digits, SIGNIFICANT_DIGITS)), full: fullNumber(d) };
}

function arrayDifference(expected: Json[], actual: Json[]): ShownValue {
  if (expected.length !== actual.length) return { text: `${actual.length} items, not ${expected.length}`, full: "" };
  let differing = 0;
  let largest = { index: -1, size: -1, d: 0 };
  const full: (number | null)[] = [];
  for (let i = 0; i < expected.length; i++) {
    const [e, a] = [expected[i], actual[i]];
    if (typeof e === "number" && typeof a === "number") {
      const d = a - e;
      full.push(Number.isFinite(d) ? d : null);
      if (d !== 0 || Number.isNaN(d)) differing++;
      const size = Number.isNaN(d) ? Infinity : Math.abs(d);
      if (d !== 0 && size > largest.size) largest = { index: i, size, d };
    } else {
      full.push(null);
      if (JSON.stringify(e) !== JSON.stringify(a)) differing++;
    }
  }
  if (differing === 0) return { text: "0", full: JSON.stringify(full) };
  const worst = largest.index >= 0 ? `; largest ${Number.isNaN(largest.d) ? "NaN" : signedDifference(largest.d)} at [${largest.index}]` : "";
  return { text: `${differing} of ${expected.length} differ${worst}`, full: JSON.stringify(full) };
}

function fieldDifference(expected: Record<string, Json>, actual: Record<string, Json>): ShownValue {
  const parts: string[] = [];
  const full: Record<string, number | string> = {};
  for (const [key, e] of Object.entries(expected)) {
    const a = actual[key];
    if (!(key in actual)) {
      parts.push(`${key} missing`);
      full[key] = "missing";
    } else if (typeof e === "number" && typeof a === "number") {
      if (a !== e) {
        parts.push(`${key} ${Number.isNaN(a - e) ? "NaN" : signedDifference(a - e, digitsToTellApart(e, a))}`);
        full[key] = a - e;
      }
    } else if (JSON.stringify(e) !== JSON.stringify(a)) {
      parts.push(`${key} differs`);
      full[key] = "differs";
    }
  }
  for (const key of Object.keys(actual)) if (!(key in expected)) parts.push(`${key} not expected`);
  return { text: parts.length ? parts.join("; ") : "0", full: JSON.stringify(full) };
}

function isObject(value: Json): value is Record<string, Json> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function kindOf(value: Json): string {
  return value === null ? "null" : Array.isArray(value) ? "list" : typeof value;
}
