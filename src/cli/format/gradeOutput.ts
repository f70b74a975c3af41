/** Renders a GradeResult in the chosen format and writes it to --out or stdout. */
import { summariseClass } from "../grade/classSummary";
import type { GradeResult } from "../grade/gradeResult";
import type { CliIo } from "../io";
import { writeOutputFile } from "../outputFile";
import { formatGradeCsv } from "./gradeCsv";
import { formatGradeHtml } from "./gradeHtml";
import { formatGradeJunit } from "./gradeJunit";

export const GRADE_FORMATS = ["json", "junit", "csv", "html"] as const;
export type GradeFormat = (typeof GRADE_FORMATS)[number];

export function renderGrade(result: GradeResult, format: GradeFormat): string {
  if (format === "junit") return formatGradeJunit(result);
  if (format === "csv") return formatGradeCsv(result);
  if (format === "html") return formatGradeHtml(result);
  // The summary is derived (merge drops it and recomputes it from the merged learners), so it comes last.
  return `${JSON.stringify({ ...result, summary: summariseClass(result) }, null, 2)}\n`;
}

/** Prints the result, or writes it to `out` (a path `checkOutputFile` accepted before the work began). */
export function writeGrade(command: string, result: GradeResult, format: GradeFormat, out: string | undefined, io: CliIo): void {
  const text = renderGrade(result, format);
  if (!out) return io.stdout(text);
  writeOutputFile(command, out, text);
}

/** One line per learner for the terminal: "alice  8/10 exercises, 74/80 cases". */
export function gradeSummary(result: GradeResult): string {
  const width = Math.max(8, ...result.learners.map((l) => l.learner.length));
  const lines = result.learners.map((l) => `${l.learner.padEnd(width)}  ${l.exercisesPassed}/${result.exerciseIds.length} exercises, ${l.casesPassed}/${l.casesTotal} cases`);
  lines.push(`graded ${result.learners.length} learners × ${result.exerciseIds.length} exercises in ${(result.durationMs / 1000).toFixed(1)} s with ${result.jobs} job(s)`);
  return `${lines.join("\n")}\n`;
}
