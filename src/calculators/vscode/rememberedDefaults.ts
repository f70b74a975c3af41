/** The texts a person last accepted in each calculator, kept in global state so the next run starts from them. */
import type * as vscode from "vscode";
import type { CalculatorId } from "../calculator";

const keyOf = (id: CalculatorId) => `compressionTutor.calc.${id}.lastInputs`;

export function rememberedInputs(state: vscode.Memento, id: CalculatorId): Record<string, string> {
  const stored = state.get<unknown>(keyOf(id));
  if (typeof stored !== "object" || stored === null) return {};
  // Only strings survive: a value from an older version of a field is ignored rather than trusted.
  return Object.fromEntries(Object.entries(stored).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

export function rememberInputs(state: vscode.Memento, id: CalculatorId, texts: Record<string, string>): Thenable<void> {
  return state.update(keyOf(id), { ...rememberedInputs(state, id), ...texts });
}
