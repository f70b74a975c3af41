import type { PackProblem } from "../protocol/packProblem";

/**
 * One problem as a line a terminal, an editor's problem matcher and CI logs all understand:
 * `file:line:column: severity: message [code]`, with the JSON path before the message when there is one.
 * `displayPath` turns the absolute path into what the reader should see (usually relative to their directory).
 */
export function formatProblem(problem: PackProblem, displayPath: (file: string) => string = (f) => f): string {
  const where = problem.jsonPath !== undefined ? `${problem.jsonPath || "/"}: ` : "";
  return `${displayPath(problem.file)}:${problem.line}:${problem.column}: ${problem.severity}: ${where}${problem.message} [${problem.code}]`;
}

export function formatProblems(problems: readonly PackProblem[], displayPath?: (file: string) => string): string {
  return problems.map((p) => formatProblem(p, displayPath)).join("\n");
}
