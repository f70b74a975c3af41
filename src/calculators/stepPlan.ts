/**
 * Which questions a calculator asks, given the answers so far: the palette's step counter ("3/5") and its
 * Back button both follow this plan, so a step that stops applying (a group size after switching to fp16)
 * drops out of the count at once.
 */
import { type CalculatorField, type FieldValue, fieldApplies, readField } from "./calculator";

type Values = Record<string, FieldValue | undefined>;

/** The values of the fields asked so far (indices into `fields`), read again from their accepted texts. */
export function valuesOf(fields: readonly CalculatorField[], asked: readonly number[], texts: Readonly<Record<string, string>>): Values {
  const values: Values = {};
  for (const i of asked) {
    const read = readField(fields[i], texts[fields[i].key] ?? "", values);
    if (read.ok && read.value !== undefined) values[fields[i].key] = read.value;
  }
  return values;
}

/** How many steps are left from `from` on, if each remaining text were accepted as it stands. */
export function remainingSteps(fields: readonly CalculatorField[], from: number, earlier: Values, texts: Readonly<Record<string, string>>): number {
  const values = { ...earlier };
  let count = 0;
  for (let i = from; i < fields.length; i++) {
    if (!fieldApplies(fields[i], values)) continue;
    count++;
    const read = readField(fields[i], texts[fields[i].key] ?? "", values);
    if (read.ok && read.value !== undefined) values[fields[i].key] = read.value;
  }
  return count;
}

/** The keys of the steps asked when every text is accepted as it stands: the whole plan, from the start. */
export function plannedSteps(fields: readonly CalculatorField[], texts: Readonly<Record<string, string>>): string[] {
  const values: Values = {};
  const keys: string[] = [];
  for (const field of fields) {
    if (!fieldApplies(field, values)) continue;
    keys.push(field.key);
    const read = readField(field, texts[field.key] ?? field.defaultText, values);
    if (read.ok && read.value !== undefined) values[field.key] = read.value;
  }
  return keys;
}
