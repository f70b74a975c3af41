/** Builders for the fields calculators share, so each calculator file reads as its list of questions. */
import type { CalculatorField, Choice, FieldValue, FieldValues } from "./calculator";
import { parseBits, parseChoice } from "./parseInput";
import { reject, type Parsed } from "./parsed";

type Spec = Omit<CalculatorField, "flag" | "parse"> & { flag?: string };

/** "zeroPoint" → "zero-point": the CLI flag for a field key. */
export function flagOf(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** A typed field: `parse(title, text, earlier)` gets the field's title so messages name it. */
export function textField(spec: Spec, parse: (title: string, text: string, earlier: FieldValues) => Parsed<FieldValue>): CalculatorField {
  return { ...spec, flag: spec.flag ?? flagOf(spec.key), parse: (text, earlier) => parse(spec.title, text, earlier) };
}

/** A field answered by picking one of `choices` (a quick pick in the palette, a checked word on the CLI). */
export function choiceField(spec: Omit<Spec, "choices">, choices: readonly Choice[]): CalculatorField {
  const values = choices.map((choice) => choice.value);
  return {
    ...spec,
    choices,
    flag: spec.flag ?? flagOf(spec.key),
    parse: (text) => parseChoice(spec.title, text, values),
  };
}

export const ROUNDING_CHOICES: readonly Choice[] = [
  { value: "half-even", label: "half-even", detail: "ties to even: PyTorch, NumPy, Python's round" },
  { value: "half-away", label: "half-away", detail: "ties away from zero: llama.cpp's roundf" },
  { value: "half-up", label: "half-up", detail: "ties toward +∞: JavaScript's Math.round" },
];

export const SIGNED_CHOICES: readonly Choice[] = [
  { value: "signed", label: "signed", detail: "e.g. int8: -128 … 127" },
  { value: "unsigned", label: "unsigned", detail: "e.g. uint8: 0 … 255" },
];

/** The integer format's width, asked the same way by every calculator that needs it. */
export function bitsField(): CalculatorField {
  return textField({ key: "bits", title: "bits", prompt: "Bits of the integer format (1 to 32)", placeholder: "8", defaultText: "8" }, parseBits);
}

/** Signed or unsigned integers, asked the same way by every calculator that needs it. */
export function signedField(): CalculatorField {
  return choiceField({ key: "signed", title: "signedness", prompt: "Signed or unsigned integers?", defaultText: "signed" }, SIGNED_CHOICES);
}

/**
 * A list parser that also requires as many values as the list an earlier field read (`earlierKey`, named
 * `earlierName` in the message), so a mismatch is reported at the second list's step.
 */
export function sameLengthAs(
  parse: (title: string, text: string) => Parsed<number[]>,
  earlierKey: string,
  earlierName: string,
): (title: string, text: string, earlier: FieldValues) => Parsed<number[]> {
  return (title, text, earlier) => {
    const read = parse(title, text);
    const other = earlier[earlierKey] as number[] | undefined;
    if (read.ok && other && read.value.length !== other.length) {
      return reject(`${title} must have as many values as ${earlierName} (${other.length}), but has ${read.value.length}`);
    }
    return read;
  };
}
