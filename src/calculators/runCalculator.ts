/** Reading a form and computing it in one call, with every failure turned into a message instead of a throw. */
import type { Calculator, CalculatorResult } from "./calculator";
import type { Parsed } from "./parsed";
import { type RawValue, readInputs, type ReadOptions } from "./readInputs";

export function runCalculator(calculator: Calculator, given: Readonly<Record<string, RawValue | undefined>>, options: ReadOptions = {}): Parsed<CalculatorResult> {
  const read = readInputs(calculator, given, options);
  if (!read.ok) return read;
  try {
    return { ok: true, value: calculator.compute(read.value) };
  } catch (error) {
    // The fields check what the core needs; a core refusal here means the two disagree, and its message
    // (which names the core function and argument) is still the most useful thing to show.
    return { ok: false, message: `${calculator.id}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** JSON that keeps ∞ (KL with a zero in q) visible as the string "Infinity" instead of null. */
export function resultToJson(result: CalculatorResult): string {
  const { calculator, title, summary, values } = result;
  return JSON.stringify({ calculator, title, summary, values }, (_key, value: unknown) => (typeof value === "number" && !Number.isFinite(value) ? String(value) : value), 2);
}
