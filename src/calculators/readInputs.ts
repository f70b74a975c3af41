/**
 * Reads a whole calculator form at once: what the CLI's flags and a command's argument object go through.
 * Fields are read in order, each with the values before it, exactly as the palette reads them step by step,
 * so both front ends accept and reject the same input with the same messages.
 */
import { type Calculator, type FieldValue, type FieldValues, fieldApplies, readField } from "./calculator";
import type { Parsed } from "./parsed";

/** A value as given by a caller: text as typed, or already a number / list / boolean in an argument object. */
export type RawValue = string | number | boolean | readonly number[];

/** The text a field parses for a value given in an argument object. */
export function rawToText(value: RawValue): string {
  if (Array.isArray(value)) return value.join(", ");
  return String(value);
}

export interface ReadOptions {
  /** How a field is named in front of its message: the CLI says "--temperature", an argument object "temperature". */
  nameOf?: (key: string, flag: string) => string;
}

/**
 * Reads `given` (keyed by field key) into values. Missing fields take their default text; a field that does
 * not apply (e.g. a group size for fp16) must not be given; unknown keys are reported with the known ones.
 */
export function readInputs(calculator: Calculator, given: Readonly<Record<string, RawValue | undefined>>, options: ReadOptions = {}): Parsed<FieldValues> {
  const nameOf = options.nameOf ?? ((key: string) => key);
  const known = new Set(calculator.fields.map((field) => field.key));
  const unknown = Object.keys(given).filter((key) => !known.has(key) && given[key] !== undefined);
  if (unknown.length > 0) {
    const names = calculator.fields.map((field) => nameOf(field.key, field.flag)).join(", ");
    return { ok: false, message: `${calculator.id}: unknown input ${unknown.map((key) => JSON.stringify(key)).join(", ")}; it takes ${names}` };
  }
  const values: Record<string, FieldValue | undefined> = {};
  for (const field of calculator.fields) {
    const raw = given[field.key];
    const name = nameOf(field.key, field.flag);
    if (!fieldApplies(field, values)) {
      if (raw !== undefined) return { ok: false, message: `${name} does not apply here: ${inapplicableReason(calculator, field.key, values)}` };
      continue;
    }
    const text = raw === undefined ? field.defaultText : rawToText(raw);
    const read = readField(field, text, values);
    if (!read.ok) return { ok: false, message: `${name}: ${read.message}` };
    if (read.value !== undefined) values[field.key] = read.value;
  }
  return { ok: true, value: values };
}

/** Names the earlier choices that switched the field off, so the message says what to change. */
function inapplicableReason(calculator: Calculator, key: string, values: FieldValues): string {
  const chosen = calculator.fields
    .filter((field) => field.choices && values[field.key] !== undefined)
    .map((field) => `${field.title} is ${String(values[field.key])}`);
  return chosen.length > 0 ? `${chosen.join(", ")}; remove ${key} or change those choices` : `remove ${key}`;
}
