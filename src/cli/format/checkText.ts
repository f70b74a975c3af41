/**
 * The human form of a CheckReport on a terminal: a line per case with ✓/✗, the expected and actual values
 * for failures, `file:line:column` diagnostics an editor or terminal can jump to, and a summary line.
 */
import path from "node:path";
import type { CheckReport } from "../../protocol/checkReport";

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

export function formatCheckText(report: CheckReport, cwd: string): string {
  const lines: string[] = [];
  const file = path.relative(cwd, report.file) || report.file;
  lines.push(`${report.exerciseId} — ${file}`);
  for (const c of report.cases) {
    const mark = c.status === "passed" ? "✓" : "✗";
    lines.push(`  ${mark} ${c.name}${c.status === "passed" ? "" : `: ${c.message}`}`);
    if (c.status === "failed" && c.expected !== undefined) lines.push(`      expected: ${show(c.expected)}`);
    if (c.status === "failed" && c.actual !== undefined) lines.push(`      actual:   ${show(c.actual)}`);
  }
  if (report.diagnostics.length > 0) lines.push("");
  for (const d of report.diagnostics) {
    lines.push(`${path.relative(cwd, d.file) || d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
  }
  const { passed, failed, errored, total } = report.summary;
  const t = report.timings;
  lines.push("");
  lines.push(
    `${report.status.toUpperCase()}: ${passed}/${total} passed, ${failed} failed, ${errored} errors ` +
      `(compile ${Math.round(t.compileMs)} ms, run ${Math.round(t.runMs)} ms, compare ${Math.round(t.compareMs)} ms)`,
  );
  return `${lines.join("\n")}\n`;
}
