/**
 * One palette command per calculator. Run from the palette, a command asks its fields step by step
 * (remembering the last answers) and shows the result; run with an argument object, e.g.
 * `executeCommand("compressionTutor.calc.memory", { params: "7B", format: "int4", groupSize: 128 })`,
 * it skips the questions, and `openPanel: true` also opens the results panel. Either way it returns the
 * `CalculatorResult`, or undefined when cancelled; bad arguments reject with the field's message.
 */
import * as vscode from "vscode";
import type { TutorContext } from "../../extension/tutorContext";
import { CALCULATOR_IDS, type CalculatorId, type CalculatorResult } from "../calculator";
import { CALCULATORS } from "../calculators";
import type { RawValue } from "../readInputs";
import { runCalculator } from "../runCalculator";
import { askFields } from "./multiStepInput";
import { rememberedInputs, rememberInputs } from "./rememberedDefaults";
import { openResultInPanel, showCalculatorResult } from "./showCalculatorResult";

export const calculatorCommandId = (id: CalculatorId) => `compressionTutor.calc.${id}`;

/** What a command accepts instead of asking: field values by key, plus `openPanel`. */
export type CalculatorArguments = Record<string, RawValue | undefined> & { openPanel?: boolean };

export function registerCalculatorCommands(ctx: TutorContext): void {
  for (const id of CALCULATOR_IDS) {
    ctx.register(vscode.commands.registerCommand(calculatorCommandId(id), (args?: unknown) => runCalculatorCommand(ctx, id, args)));
  }
}

async function runCalculatorCommand(ctx: TutorContext, id: CalculatorId, args: unknown): Promise<CalculatorResult | undefined> {
  const calculator = CALCULATORS[id];
  if (isArgumentObject(args)) {
    const { openPanel, ...given } = args;
    const outcome = runCalculator(calculator, given);
    if (!outcome.ok) {
      void vscode.window.showErrorMessage(`${calculator.title}: ${outcome.message}`);
      throw new Error(outcome.message);
    }
    if (openPanel) openResultInPanel(ctx, outcome.value);
    else void showCalculatorResult(ctx, outcome.value);
    return outcome.value;
  }

  const texts = await askFields(calculator, rememberedInputs(ctx.extension.globalState, id));
  if (texts === undefined) return undefined;
  const outcome = runCalculator(calculator, texts);
  if (!outcome.ok) {
    // Each step was already checked as it was typed; this is the core refusing a combination.
    void vscode.window.showErrorMessage(`${calculator.title}: ${outcome.message}`);
    return undefined;
  }
  await rememberInputs(ctx.extension.globalState, id, texts);
  ctx.log.info(`calculator ${id}: ${outcome.value.summary}`);
  void showCalculatorResult(ctx, outcome.value);
  return outcome.value;
}

/** A plain object of inputs; a palette run passes nothing, a menu might pass a Uri, which is not one. */
function isArgumentObject(args: unknown): args is CalculatorArguments {
  return typeof args === "object" && args !== null && Object.getPrototypeOf(args) === Object.prototype;
}
