/**
 * CSV for spreadsheets (RFC 4180: CRLF line ends, fields quoted when needed, a UTF-8 BOM so Excel reads
 * "✓", "é" and "→" correctly): one row per learner, exercise and case, with the reason, and beside a matched
 * misconception how many learners of the class made it on that exercise.
 */
import { misconceptionLearnerCounts, summariseClass } from "../grade/classSummary";
import type { GradeResult } from "../grade/gradeResult";

export const CSV_COLUMNS = ["learner", "exercise", "exercise_status", "check_id", "case_id", "case_name", "case_status", "misconception", "misconception_learners", "message"] as const;

export function csvField(value: string | number): string {
  let text = String(value);
  // A leading =, +, - or @ would make a spreadsheet evaluate a learner's text as a formula.
  if (/^[=+\-@\t\r]/.test(text) && typeof value === "string") text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatGradeCsv(result: GradeResult): string {
  const rows: (string | number)[][] = [[...CSV_COLUMNS]];
  const madeBy = misconceptionLearnerCounts(summariseClass(result));
  for (const learner of result.learners) {
    for (const exercise of learner.exercises) {
      if (exercise.cases.length === 0) {
        rows.push([learner.learner, exercise.exerciseId, exercise.status, "", "", "", exercise.status === "missing" ? "failed" : exercise.status === "passed" ? "passed" : "error", "", "", exercise.diagnostics.join("; ")]);
      }
      for (const c of exercise.cases) {
        rows.push([learner.learner, exercise.exerciseId, exercise.status, c.checkId, c.id, c.name, c.status, c.misconception ?? "", c.misconception ? (madeBy.get(exercise.exerciseId)?.get(c.misconception) ?? "") : "", c.message]);
      }
    }
  }
  return `\uFEFF${rows.map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
}
