/**
 * Turns one call's outcome and its expected value into a `CaseResult`: pass or fail with a message a
 * learner can act on, the matching misconception when there is one, and what the case's reveal level allows
 * to be shown.
 */
import type { CaseResult, CheckStatus } from "../protocol/checkReport";
import type { CaseSpec, CheckSpec, Misconception } from "../protocol/exercise";
import type { CallOutcome } from "../protocol/runnerIpc";
import { compareCategories } from "./compare/compareCategories";
import { compareValues } from "./compare/compareValues";
import { formatArguments, toReportJson } from "./compare/formatValue";
import type { ProducedValue } from "./expectedValues";

/** Whether `actual` counts as equal to `expected` under the check's comparison. */
export function matches(check: CheckSpec, actual: unknown, expected: unknown): boolean {
  if (check.comparison.kind === "categories") return compareCategories(actual, check.comparison).equal;
  return compareValues(actual, expected, check.tolerance).equal;
}

export interface CaseEvaluation {
  result: CaseResult;
  /** The outcome's stack, when the learner's code threw (for a runtime diagnostic). */
  stack?: string;
}

/** Finds the first misconception whose value for this case equals what the learner returned. */
export async function matchMisconception(
  check: CheckSpec,
  caseIndex: number,
  actual: unknown,
  misconceptionValues: (m: Misconception) => Promise<ProducedValue[]>,
): Promise<Misconception | undefined> {
  for (const misconception of check.misconceptions) {
    const produced = (await misconceptionValues(misconception))[caseIndex];
    if (produced?.ok && matches(check, actual, produced.value)) return misconception;
  }
  return undefined;
}

function baseResult(check: CheckSpec, c: CaseSpec, status: CheckStatus, message: string): CaseResult {
  const reveal = c.reveal ?? check.reveal;
  return {
    id: c.id,
    checkId: check.id,
    function: check.function,
    name: c.name,
    status,
    // Hidden grading cases do not show their inputs.
    input: reveal === "category-only" ? [] : (toReportJson(c.input) as CaseResult["input"]),
    message,
    reveal,
  };
}

export async function evaluateCase(
  check: CheckSpec,
  caseIndex: number,
  outcome: CallOutcome,
  expected: ProducedValue,
  misconceptionValues: (m: Misconception) => Promise<ProducedValue[]>,
): Promise<CaseEvaluation> {
  const c = check.cases[caseIndex];
  const reveal = c.reveal ?? check.reveal;
  const at = reveal === "category-only" ? " on a hidden case" : ` at input ${formatArguments(c.input)}`;
  const durationMs = "durationMs" in outcome ? outcome.durationMs : undefined;

  if (outcome.kind !== "returned") {
    const status: CheckStatus = outcome.kind === "invalid" ? "failed" : "error";
    const what = outcome.kind === "threw" ? `threw${at}: ${outcome.message}` : `${outcome.message}${outcome.kind === "not-run" ? "" : at}`;
    const result = baseResult(check, c, status, `${check.function} ${what}`);
    if (durationMs !== undefined) result.durationMs = durationMs;
    return { result, stack: outcome.kind === "threw" ? outcome.stack : undefined };
  }
  if (!expected.ok) {
    const result = baseResult(check, c, "error", `cannot check this case: ${expected.message}. This is a problem in the exercise pack, not in your code.`);
    result.actual = reveal === "category-only" ? undefined : toReportJson(outcome.value);
    return { result };
  }

  const actual = outcome.value;
  let detail: string | undefined;
  let firstDifferingIndex: number | undefined;
  if (check.comparison.kind === "categories") {
    const categories = compareCategories(actual, check.comparison);
    if (!categories.equal) detail = categories.detail;
  } else {
    const comparison = compareValues(actual, expected.value, check.tolerance);
    if (!comparison.equal) {
      firstDifferingIndex = comparison.firstDifferingIndex;
      const where = comparison.path ? `at ${comparison.path}: ` : "";
      detail = reveal === "full" ? `${where}${comparison.detail}` : `${where}your value is not the expected one`;
    }
  }

  if (detail === undefined) {
    const result = baseResult(check, c, "passed", "");
    if (reveal === "full") result.expected = toReportJson(expected.value);
    if (reveal !== "category-only") result.actual = toReportJson(actual);
    if (durationMs !== undefined) result.durationMs = durationMs;
    return { result };
  }

  const misconception = await matchMisconception(check, caseIndex, actual, misconceptionValues);
  const message = reveal === "category-only" ? `wrong answer${at}` : `${detail}${at}`;
  const result = baseResult(check, c, "failed", misconception ? `${message}: ${misconception.message}` : message);
  if (reveal === "full") result.expected = toReportJson(expected.value);
  if (reveal !== "category-only") result.actual = toReportJson(actual);
  if (misconception) result.misconception = { id: misconception.id, message: misconception.message };
  if (firstDifferingIndex !== undefined && reveal !== "category-only") result.firstDifferingIndex = firstDifferingIndex;
  if (durationMs !== undefined) result.durationMs = durationMs;
  return { result };
}
