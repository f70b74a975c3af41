/**
 * The class report: one self-contained HTML file an instructor opens in any browser, offline. No script at all:
 * the charts are SVG drawn here, the stylesheet is inline and allowed by its hash in a Content-Security-Policy that
 * refuses everything else (no network, no script, no frames), and every learner-provided string is escaped.
 * Each chart has a table beside it with the same numbers, for screen readers and for copying.
 */
import { createHash } from "node:crypto";
import { summariseClass, type ClassSummary, type ExerciseSummary } from "../grade/classSummary";
import type { ExerciseGrade, GradeResult } from "../grade/gradeResult";

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const STYLE = `
:root { color-scheme: light; --text: #1f2328; --muted: #59636e; --line: #d1d9e0; --pass: #1a7f37; --fail: #cf222e; --misc: #8250df; --track: #eff2f5; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--text); background: #ffffff; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .25rem; }
p.lead, .muted { color: var(--muted); }
svg.chart { display: block; max-width: 100%; height: auto; }
svg.chart text { font: 13px system-ui, sans-serif; fill: var(--text); }
svg.chart .track { fill: var(--track); }
svg.chart .bar-pass { fill: var(--pass); }
svg.chart .bar-misconception { fill: var(--misc); }
svg.chart .bar-fail { fill: var(--fail); }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: 14px; }
th, td { border: 1px solid var(--line); padding: .2rem .5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.matrix-wrap { overflow-x: auto; }
.matrix td { white-space: nowrap; font-variant-numeric: tabular-nums; }
.s-passed { background: #dafbe1; color: #116329; }
.s-failed { background: #ffebe9; color: #a40e26; }
.s-error { background: #fff8c5; color: #6c4400; }
.s-missing { background: #f6f8fa; color: #59636e; }
details summary { cursor: pointer; }
`;

const BAR_ROW = 26;
const LABEL_WIDTH = 260;
const BAR_WIDTH = 360;
const VALUE_WIDTH = 130;

interface Bar {
  label: string;
  /** 0..1 of the bar's track. */
  fraction: number;
  valueText: string;
}

/** A horizontal bar chart in SVG: one labelled row per bar; role=img with a text alternative naming every bar. */
function barChart(id: string, title: string, bars: Bar[], barClass: string): string {
  const height = bars.length * BAR_ROW + 8;
  const width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
  const rows = bars.map((bar, i) => {
    const y = 4 + i * BAR_ROW;
    const label = bar.label.length > 34 ? `${bar.label.slice(0, 33)}…` : bar.label;
    const w = Math.max(0, Math.min(1, bar.fraction)) * BAR_WIDTH;
    return (
      `<g><title>${escapeHtml(`${bar.label}: ${bar.valueText}`)}</title>` +
      `<text x="${LABEL_WIDTH - 8}" y="${y + 17}" text-anchor="end">${escapeHtml(label)}</text>` +
      `<rect class="track" x="${LABEL_WIDTH}" y="${y + 3}" width="${BAR_WIDTH}" height="${BAR_ROW - 8}" rx="3"/>` +
      `<rect class="${barClass}" data-fraction="${bar.fraction.toFixed(4)}" x="${LABEL_WIDTH}" y="${y + 3}" width="${w.toFixed(1)}" height="${BAR_ROW - 8}" rx="3"/>` +
      `<text x="${LABEL_WIDTH + BAR_WIDTH + 8}" y="${y + 17}">${escapeHtml(bar.valueText)}</text></g>`
    );
  });
  const description = bars.map((b) => `${b.label}: ${b.valueText}`).join("; ");
  return (
    `<svg class="chart" id="${id}" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(description)}</desc>${rows.join("")}</svg>`
  );
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 1000) / 10} %`;
}

function passRateSection(summary: ClassSummary): string {
  const bars = summary.exercises.map((e) => ({ label: e.exerciseId, fraction: e.passRate, valueText: `${percent(e.passRate)} (${e.passed}/${e.learners})` }));
  const rows = summary.exercises.map(
    (e) =>
      `<tr><th scope="row">${escapeHtml(e.exerciseId)}</th><td class="num">${percent(e.passRate)}</td><td class="num">${e.passed}</td><td class="num">${e.failed}</td><td class="num">${e.errors}</td><td class="num">${e.missing}</td></tr>`,
  );
  return (
    `<section aria-labelledby="pass-rate"><h2 id="pass-rate">Pass rate per exercise</h2>` +
    barChart("chart-pass-rate", "Share of learners who passed each exercise", bars, "bar-pass") +
    `<details><summary>Pass rate as a table</summary><table><thead><tr><th scope="col">Exercise</th><th scope="col">Pass rate</th><th scope="col">Passed</th><th scope="col">Failed</th><th scope="col">Errors</th><th scope="col">Missing</th></tr></thead><tbody>${rows.join("")}</tbody></table></details></section>`
  );
}

function misconceptionBlock(exercise: ExerciseSummary, index: number, learners: number): string {
  const heading = `<h3 id="misconceptions-${index}">${escapeHtml(exercise.exerciseId)}</h3>`;
  if (exercise.misconceptions.length === 0) return `${heading}<p class="muted">No answer matched a named misconception.</p>`;
  const bars = exercise.misconceptions.map((m) => ({
    label: m.id,
    fraction: learners === 0 ? 0 : m.learners / learners,
    valueText: `${m.learners} learner${m.learners === 1 ? "" : "s"}`,
  }));
  const rows = exercise.misconceptions.map(
    (m) => `<tr><th scope="row">${escapeHtml(m.id)}</th><td>${escapeHtml(m.message ?? "")}</td><td class="num">${m.learners}</td><td class="num">${m.cases}</td></tr>`,
  );
  return (
    heading +
    barChart(`chart-misconceptions-${index}`, `Misconceptions in ${exercise.exerciseId}, by learners who made them`, bars, "bar-misconception") +
    `<table aria-labelledby="misconceptions-${index}"><thead><tr><th scope="col">Misconception</th><th scope="col">What it is</th><th scope="col">Learners</th><th scope="col">Cases</th></tr></thead><tbody>${rows.join("")}</tbody></table>`
  );
}

function misconceptionsSection(summary: ClassSummary): string {
  return (
    `<section aria-labelledby="misconceptions"><h2 id="misconceptions">Misconceptions across the class</h2>` +
    `<p class="lead">A misconception is named when a learner's answer equals what that wrong idea computes. Learners are counted once per exercise, however many cases matched.</p>` +
    summary.exercises.map((e, i) => misconceptionBlock(e, i, summary.learners)).join("") +
    `</section>`
  );
}

function failedCasesSection(summary: ClassSummary): string {
  const all = summary.exercises
    .flatMap((e) => e.mostFailedCases.map((c) => ({ exerciseId: e.exerciseId, ...c })))
    .sort((a, b) => b.learners - a.learners)
    .slice(0, 15);
  if (all.length === 0) return `<section aria-labelledby="failed-cases"><h2 id="failed-cases">Cases most often failed</h2><p class="muted">No case was failed.</p></section>`;
  const max = Math.max(1, summary.learners);
  const bars = all.map((c) => ({ label: `${c.exerciseId}: ${c.name}`, fraction: c.learners / max, valueText: `${c.learners} learner${c.learners === 1 ? "" : "s"}` }));
  const rows = all.map(
    (c) => `<tr><td>${escapeHtml(c.exerciseId)}</td><td><code>${escapeHtml(c.name)}</code></td><td>${escapeHtml(`${c.checkId}/${c.caseId}`)}</td><td class="num">${c.learners}</td></tr>`,
  );
  return (
    `<section aria-labelledby="failed-cases"><h2 id="failed-cases">Cases most often failed</h2>` +
    barChart("chart-failed-cases", "Cases failed by the most learners", bars, "bar-fail") +
    `<table><thead><tr><th scope="col">Exercise</th><th scope="col">Case</th><th scope="col">Id</th><th scope="col">Learners who failed it</th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`
  );
}

const STATUS_MARK: Record<ExerciseGrade["status"], string> = { passed: "✓", failed: "✗", error: "!", missing: "–" };

function matrixSection(result: GradeResult): string {
  const head = result.exerciseIds.map((id) => `<th scope="col">${escapeHtml(id)}</th>`).join("");
  const rows = result.learners.map((learner) => {
    const cells = result.exerciseIds.map((id, i) => {
      const grade = learner.exercises[i]?.exerciseId === id ? learner.exercises[i] : learner.exercises.find((e) => e.exerciseId === id);
      if (!grade) return `<td class="s-missing">–</td>`;
      const detail = grade.status === "missing" ? "missing" : `${grade.passed}/${grade.total}`;
      return `<td class="s-${grade.status}" title="${escapeHtml(`${learner.learner} · ${id}: ${grade.status}`)}">${STATUS_MARK[grade.status]} ${detail}</td>`;
    });
    return `<tr><th scope="row">${escapeHtml(learner.learner)}</th>${cells.join("")}<td class="num">${learner.exercisesPassed}/${result.exerciseIds.length}</td></tr>`;
  });
  return (
    `<section aria-labelledby="learners"><h2 id="learners">Learners × exercises</h2>` +
    `<p class="lead">✓ passed, ✗ failed, ! could not be checked (compile error, crash, timeout), – no submission; the numbers are cases passed.</p>` +
    `<div class="matrix-wrap" role="region" aria-labelledby="learners" tabindex="0"><table class="matrix"><thead><tr><th scope="col">Learner</th>${head}<th scope="col">Exercises passed</th></tr></thead><tbody>${rows.join("")}</tbody></table></div></section>`
  );
}

/** The whole report; `summary` defaults to the one computed from `result`. */
export function formatGradeHtml(result: GradeResult, summary: ClassSummary = summariseClass(result)): string {
  const styleHash = createHash("sha256").update(STYLE).digest("base64");
  const csp = `default-src 'none'; style-src 'sha256-${styleHash}'; img-src 'none'; base-uri 'none'; form-action 'none'`;
  const title = `Class report: ${result.packId}@${result.packVersion}`;
  const shard = result.shard ? ` (shard ${result.shard.index} of ${result.shard.count})` : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p class="lead">${summary.learners} learner${summary.learners === 1 ? "" : "s"} × ${result.exerciseIds.length} exercises${escapeHtml(shard)}, graded ${escapeHtml(result.generatedAt)}.</p>
${passRateSection(summary)}
${misconceptionsSection(summary)}
${failedCasesSection(summary)}
${matrixSection(result)}
</main>
</body>
</html>
`;
}
