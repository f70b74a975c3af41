/**
 * `compression-tutor calc <quantize|qparams|memory|softmax|divergence|distillation> [--flags] [--json]`.
 * The calculators and their flags live in src/calculators (shared with the palette); this file only hands
 * them the arguments and prints what they return. Exit 0 computed, 2 bad input (one message, no stack trace).
 */
import { runCalcCli } from "../../calculators/calcCli";
import type { CliIo } from "../io";

export async function calcCommand(args: string[], io: CliIo): Promise<number> {
  const outcome = runCalcCli(args);
  if (outcome.stdout) io.stdout(outcome.stdout);
  if (outcome.stderr) io.stderr(outcome.stderr);
  return outcome.exitCode;
}
