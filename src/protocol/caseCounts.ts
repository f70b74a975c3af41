/**
 * The one definition of a case count, used by every view of a check (results panel, Problems, CodeLens,
 * status bar, Test Explorer, tree): a case is one CaseResult of the exercise, all its checks together; a case
 * fails when it failed or could not run. So "9 of 73" means the same thing wherever a learner reads it.
 */
import type { CheckReport } from "./checkReport";

export interface CaseCount {
  failing: number;
  passed: number;
  total: number;
}

export function caseCount(report: Pick<CheckReport, "summary">): CaseCount {
  const { passed, failed, errored, total } = report.summary;
  return { failing: failed + errored, passed, total };
}

/** "9 of 73 cases fail" / "all 73 cases pass". */
export function caseCountText(report: Pick<CheckReport, "summary">): string {
  const { failing, total } = caseCount(report);
  return failing === 0 ? `all ${total} ${total === 1 ? "case passes" : "cases pass"}` : `${failing} of ${total} ${total === 1 ? "case fails" : "cases fail"}`;
}

/** The share of the exercise's failing cases that call one function: "9 of 73 cases fail in quantize". */
export function functionCaseCountText(failingHere: number, total: number, fn: string): string {
  return `${failingHere} of ${total} ${total === 1 ? "case fails" : "cases fail"} in ${fn}`;
}
