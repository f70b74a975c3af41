/**
 * What a calculator is, declared once and read by both front ends: the palette walks `fields` as the steps
 * of a multi-step input (validating each as it is typed), the CLI reads them as `--flags`. Each field reads
 * its text with the values of the fields before it, so cross-field checks ("q must have as many values as
 * p") are shown at the step where they go wrong, before Enter.
 */
import type { ChartSpec } from "../protocol/webviewMessages";
import type { Parsed } from "./parsed";

export const CALCULATOR_IDS = ["quantize", "qparams", "memory", "softmax", "divergence", "distillation"] as const;
export type CalculatorId = (typeof CALCULATOR_IDS)[number];

export type FieldValue = number | number[] | string;
/** The values read so far, keyed by field key; a skipped or empty optional field is absent. */
export type FieldValues = Readonly<Record<string, FieldValue | undefined>>;

export interface Choice {
  value: string;
  label: string;
  detail?: string;
}

export interface CalculatorField {
  /** Key in the argument object a command accepts, and in remembered defaults. */
  key: string;
  /** The CLI flag, without the leading dashes. */
  flag: string;
  /** How messages name the field ("zero point"). */
  title: string;
  /** The sentence under the input box. */
  prompt: string;
  placeholder?: string;
  /** Text used when nothing is given; "" for none. */
  defaultText: string;
  /** When present the palette shows a quick pick, and the text must be one of the values. */
  choices?: readonly Choice[];
  /** Empty text means "not given" instead of an error. */
  optional?: boolean;
  /** Whether the field is asked at all, given the values before it. Absent: always. */
  appliesWhen?: (earlier: FieldValues) => boolean;
  /** Reads the text; `earlier` holds the values of the fields before this one. */
  parse(text: string, earlier: FieldValues): Parsed<FieldValue>;
}

export interface ResultLine {
  label: string;
  value: string;
}

export interface CalculatorResult {
  calculator: CalculatorId;
  /** The panel title, e.g. "Model memory: 7B at int4". */
  title: string;
  /** One line for a notification. */
  summary: string;
  /** Every figure, labelled and with its unit, for the CLI and the clipboard. */
  lines: ResultLine[];
  /** The same figures as numbers in base units (bytes, nats or bits), for `--json` and tests. */
  values: Record<string, unknown>;
  charts: ChartSpec[];
}

export interface Calculator {
  id: CalculatorId;
  /** "Model Memory": the palette's title and the CLI's heading. */
  title: string;
  /** One sentence for `--help`. */
  description: string;
  fields: readonly CalculatorField[];
  /** CLI lines shown under `--help`. */
  examples: readonly string[];
  /** Computes from values that `readInputs` accepted; throws only if the compute core rejects them. */
  compute(values: FieldValues): CalculatorResult;
}

export function fieldApplies(field: CalculatorField, earlier: FieldValues): boolean {
  return field.appliesWhen ? field.appliesWhen(earlier) : true;
}

/** The field's parse, with optional fields read as "not given" when empty. */
export function readField(field: CalculatorField, text: string, earlier: FieldValues): Parsed<FieldValue | undefined> {
  if (field.optional && text.trim() === "") return { ok: true, value: undefined };
  return field.parse(text, earlier);
}
