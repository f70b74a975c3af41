/**
 * Turns one check's call outcomes and expected values into `CaseResult`s: pass or fail with a message a
 * learner can act on, what each case's reveal level allows to be shown, and a misconception only when its
 * variant reproduces every wrong answer it can be compared on.
 */
import type { CaseResult, CheckStatus } from "../protocol/checkReport";
import type { CaseSpec, CheckSpec, Misconception } from "../protocol/exercise";
import type { CallOutcome } from "../protocol/runnerIpc";
import { compareValues } from "./compare/compareValues";
import { formatArguments, toReportJson } from "./compare/formatValue";
import type { ProducedValue } from "./expectedValues";

/** Whether `actual` counts as equal to `expected` under the check's comparison. */
export function matches(check: CheckSpec, actual: unknown, expected: unknown): boolean {
  return compareValues(actual, expected, check.tolerance).equal;
}

/** Whether the learner's value is the variant's: with the check's tolerance, and a NaN reproduces a NaN. */
function reproduces(check: CheckSpec, actual: unknown, variantValue: unknown): boolean {
  return compareValues(actual, variantValue, { ...check.tolerance, nanEqual: true }).equal;
}

export interface CaseEvaluation {
  result: CaseResult;
  /** The outcome's stack, when the learner's code threw (for a runtime diagnostic). */
  stack?: string;
}

/** A failing case on which the learner's function returned a value (the only kind a variant can reproduce). */
export interface WrongAnswer {
  caseIndex: number;
  actual: unknown;
}

/**
 * The misconception that explains the learner's answers: the first whose variant reproduces the learner's value
 * on every failing case where the variant returns one (at least one). A variant that matches one case by
 * coincidence but disagrees elsewhere explains nothing, so no misconception is named and the learner reads
 * expected against actual on the smallest failing input instead.
 */
export async function explainingMisconception(
  check: CheckSpec,
  wrong: readonly WrongAnswer[],
  misconceptionValues: (m: Misconception) => Promise<ProducedValue[]>,
): Promise<Misconception | undefined> {
  if (wrong.length === 0) return undefined;
  for (const misconception of check.misconceptions) {
    const produced = await misconceptionValues(misconception);
    let reproduced = 0;
    let contradicted = false;
    for (const { caseIndex, actual } of wrong) {
      const value = produced[caseIndex];
      if (!value?.ok) continue;
      if (!reproduces(check, actual, value.value)) {
        contradicted = true;
        break;
      }
      reproduced++;
    }
    if (!contradicted && reproduced > 0) return misconception;
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

/**
 * Every case of one check: each outcome against its expected value, then the misconception that explains all
 * the wrong answers, if one does, named on each of them.
 */
export async function evaluateCheck(
  check: CheckSpec,
  outcomes: readonly CallOutcome[],
  expected: readonly ProducedValue[],
  misconceptionValues: (m: Misconception) => Promise<ProducedValue[]>,
): Promise<CaseEvaluation[]> {
  const evaluations = check.cases.map((_, i) => evaluateCase(check, i, outcomes[i] ?? NOT_RUN, expected[i] ?? NO_EXPECTED));
  const wrong: WrongAnswer[] = [];
  evaluations.forEach((evaluation, caseIndex) => {
    const outcome = outcomes[caseIndex];
    if (evaluation.result.status === "failed" && outcome?.kind === "returned") wrong.push({ caseIndex, actual: outcome.value });
  });
  const misconception = await explainingMisconception(check, wrong, misconceptionValues);
  if (misconception) {
    for (const { caseIndex } of wrong) {
      const result = evaluations[caseIndex].result;
      result.message = `${result.message}: ${misconception.message}`;
      result.misconception = { id: misconception.id, message: misconception.message };
    }
  }
  return evaluations;
}

const NOT_RUN: CallOutcome = { kind: "not-run", message: "was not run" };
const NO_EXPECTED: ProducedValue = { ok: false, message: "no expected value was produced" };

/** One case, without naming a misconception (that needs the whole check: `evaluateCheck`). */
export function evaluateCase(check: CheckSpec, caseIndex: number, outcome: CallOutcome, expected: ProducedValue): CaseEvaluation {
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
  const comparison = compareValues(actual, expected.value, check.tolerance);
  if (!comparison.equal) {
    firstDifferingIndex = comparison.firstDifferingIndex;
    const where = comparison.path ? `at ${comparison.path}: ` : "";
    detail = reveal === "full" ? `${where}${comparison.detail}` : `${where}your value is not the expected one`;
  }

  if (detail === undefined) {
    const result = baseResult(check, c, "passed", "");
    if (reveal === "full") result.expected = toReportJson(expected.value);
    if (reveal !== "category-only") result.actual = toReportJson(actual);
    if (durationMs !== undefined) result.durationMs = durationMs;
    return { result };
  }

  const message = reveal === "category-only" ? `wrong answer${at}` : `${detail}${at}`;
  const result = baseResult(check, c, "failed", message);
  if (reveal === "full") result.expected = toReportJson(expected.value);
  if (reveal !== "category-only") result.actual = toReportJson(actual);
  if (firstDifferingIndex !== undefined && reveal !== "category-only") result.firstDifferingIndex = firstDifferingIndex;
  if (durationMs !== undefined) result.durationMs = durationMs;
  return { result };
}
