import { caseCount } from "../../src/protocol/caseCounts";
import type { CheckReport } from "../../src/protocol/checkReport";
import type { ExerciseView, FromWebviewMessage, PanelModel } from "../../src/protocol/webviewMessages";
import { button, element } from "./dom";
import { showValue } from "./failureGroups";
import { failuresSection } from "./failureView";
import { renderMarkdown } from "./markdown";
import * as l10n from "../shared/l10n";

type Post = (message: FromWebviewMessage) => void;

/** The toolbar: Run (the learner's file for this exercise), open the file, next hint. */
export function toolbar(model: PanelModel, view: ExerciseView, post: Post): HTMLElement {
  const bar = element("div", undefined, "toolbar");
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", l10n.t("Exercise actions"));
  const runLabel = model.running ? l10n.t("Checking…") : l10n.t("Run checks");
  bar.append(
    button(runLabel, () => post({ type: "runCheck" }), {
      id: "run-check",
      primary: true,
      disabled: model.running || !view.canRun,
      title: view.canRun ? l10n.t("Run this exercise's cases against your file (also runs on save)") : l10n.t("Restricted Mode: trust this workspace to run your code"),
    }),
    button(view.solutionFile ? l10n.t("Open my file") : l10n.t("Create my file"), () => post({ type: "openSolution" }), { id: "open-solution" }),
    button(l10n.t("Open in playground"), () => post({ type: "openPlayground" }), { id: "open-playground", title: l10n.t("Explore this exercise's idea with live charts") }),
  );
  if (view.hints.length < view.hintCount) {
    bar.append(button(l10n.t("Hint {0} of {1}", view.hints.length + 1, view.hintCount), () => post({ type: "revealHint" }), { id: "next-hint" }));
  }
  if (view.backTo) {
    const back = view.backTo;
    bar.append(button(l10n.t("← Back to {0}", back.title), () => post({ type: "openExercise", packId: back.packId, exerciseId: back.exerciseId }), { id: "back-to", title: l10n.t("The exercise you were working on") }));
  }
  if (!view.canRun) bar.append(element("span", l10n.t("Restricted Mode: running code needs a trusted workspace."), "muted"));
  return bar;
}

/** A check started or ended: the Run button says so, without rebuilding the page. */
export function setRunning(running: boolean, canRun: boolean): void {
  const run = document.getElementById("run-check") as HTMLButtonElement | null;
  if (!run) return;
  run.textContent = running ? l10n.t("Checking…") : l10n.t("Run checks");
  run.disabled = running || !canRun;
}

/** The prompt in a disclosure: open before the first check, folded under the results after it. */
export function promptSection(view: ExerciseView, options: { open: boolean; onToggle?: (open: boolean) => void }): HTMLElement {
  const details = element("details", undefined, "prompt");
  details.open = options.open;
  const summary = element("summary", l10n.t("The exercise"));
  details.append(summary);
  const body = element("div");
  body.append(renderMarkdown(view.prompt));
  details.append(body);
  details.addEventListener("toggle", () => options.onToggle?.(details.open));
  return details;
}

/** The report's verdict in one line, its timings, and any compile or runtime errors. */
export function verdictSection(report: CheckReport): HTMLElement {
  const section = element("section", undefined, "verdict-section");
  const { passed, failing, total } = caseCount(report);
  const verdict = report.status === "passed" ? l10n.t("Passed: all {0} cases", total) : report.status === "error" && report.cases.every((c) => c.status === "error") ? l10n.t("Could not run: {0} error(s)", Math.max(1, report.diagnostics.filter((d) => d.source !== "check").length)) : l10n.t("Failed {0} of {1} cases", failing, total);
  const heading = element("h2", verdict, `verdict ${report.status}`);
  heading.id = "verdict";
  section.append(heading);
  section.append(element("p", l10n.t("{0} passed · checked in {1} ms (compile {2}, run {3}, compare {4})", passed, Math.round(report.timings.totalMs), Math.round(report.timings.compileMs), Math.round(report.timings.runMs), Math.round(report.timings.compareMs)), "muted"));
  const errors = report.diagnostics.filter((d) => d.source !== "check");
  if (errors.length > 0) {
    const list = element("ul", undefined, "diagnostics");
    for (const d of errors.slice(0, 10)) list.append(element("li", `${d.file.split(/[\\/]/).pop()}:${d.line}:${d.column} ${d.message}`));
    section.append(list);
  }
  return section;
}

/** The cases: failures grouped by misconception, passes folded below them. */
export function casesSection(report: CheckReport): HTMLElement | undefined {
  if (report.cases.length === 0) return undefined;
  const section = element("section", undefined, "cases");
  const failures = failuresSection(report);
  if (failures) section.append(failures);
  const passing = report.cases.filter((c) => c.status === "passed");
  if (passing.length > 0) {
    const details = element("details", undefined, "passing");
    details.open = !failures && passing.length <= 12;
    details.append(element("summary", passing.length === 1 ? "1 passing case" : `${passing.length} passing cases`));
    details.append(passingTable(failures ? "passing-cases" : "cases", passing.slice(0, 40)));
    section.append(details);
  }
  return section;
}

function passingTable(id: string, cases: CheckReport["cases"]): HTMLTableElement {
  const table = element("table", undefined, "passing-table");
  table.id = id;
  const head = element("tr");
  for (const name of ["case", "yours"]) {
    const th = element("th", name);
    th.scope = "col";
    head.append(th);
  }
  table.createTHead().append(head);
  const body = element("tbody");
  for (const c of cases) {
    const row = element("tr", undefined, c.status);
    const yours = showValue(c.actual ?? null);
    const value = element("code", c.actual === undefined ? "hidden" : yours.text, "num");
    if (c.actual !== undefined && yours.full !== yours.text) {
      value.dataset.full = yours.full;
      value.title = yours.full;
    }
    const cell = element("td", undefined, "value");
    cell.append(value);
    row.append(element("td", c.name, "case-name"), cell);
    body.append(row);
  }
  table.append(body);
  return table;
}

/** The hint ladder: the rungs opened so far, then the button for the next one. */
export function hintsSection(view: ExerciseView, post: Post): HTMLElement | undefined {
  if (view.hintCount === 0) return undefined;
  const section = element("section", undefined, "hints");
  section.append(element("h2", l10n.t("Hints ({0} of {1} open)", view.hints.length, view.hintCount)));
  const list = element("ol");
  list.id = "hints";
  view.hints.forEach((hint, index) => {
    const item = element("li");
    item.id = `hint-${index + 1}`;
    // Focusable (not in the tab order) so the panel can move focus to the hint that was just opened.
    item.tabIndex = -1;
    item.append(renderMarkdown(hint));
    list.append(item);
  });
  section.append(list);
  if (view.hints.length < view.hintCount) section.append(button(view.hints.length === 0 ? l10n.t("Show the first hint") : l10n.t("Show the next hint"), () => post({ type: "revealHint" })));
  return section;
}

/**
 * After a pass: the next exercise, the hints not opened, where to read further, and the reference beside
 * the learner's own solution.
 */
export function afterPassSection(view: ExerciseView, post: Post): HTMLElement | undefined {
  const after = view.afterPass;
  if (!after) return undefined;
  const section = element("section", undefined, "after-pass");
  section.id = "after-pass";
  section.append(element("h2", l10n.t("You passed: what next")));
  if (view.next) {
    const next = view.next;
    section.append(button(l10n.t("Next exercise: {0}", next.title), () => post({ type: "openExercise", packId: next.packId, exerciseId: next.exerciseId }), { id: "next-exercise", primary: true }));
  } else section.append(element("p", l10n.t("This was the pack's last exercise."), "muted"));
  if (after.unopenedHints.length > 0) {
    const details = element("details", undefined, "unopened-hints");
    details.append(element("summary", after.unopenedHints.length === 1 ? l10n.t("The hint you did not need") : l10n.t("The {0} hints you did not need", after.unopenedHints.length)));
    const list = element("ol");
    list.start = view.hints.length + 1;
    for (const hint of after.unopenedHints) {
      const item = element("li");
      item.append(renderMarkdown(hint));
      list.append(item);
    }
    details.append(list);
    section.append(details);
  }
  if (after.furtherReading.length > 0) {
    section.append(element("h3", l10n.t("Further reading")));
    const list = element("ul", undefined, "further-reading");
    list.id = "further-reading";
    for (const entry of after.furtherReading) {
      const item = element("li");
      item.append(element("span", kindLabel(entry.kind), "reading-kind"), " ");
      const link = element("a", entry.title);
      link.href = /^https:\/\//.test(entry.url) ? entry.url : "#";
      item.append(link);
      if (entry.detail) item.append(element("div", entry.detail, "reading-detail"));
      list.append(item);
    }
    section.append(list);
  }
  return section;
}

function kindLabel(kind: "paper" | "code" | "docs"): string {
  return kind === "paper" ? l10n.t("Paper") : kind === "code" ? l10n.t("Code") : l10n.t("Docs");
}

export function referenceSection(view: ExerciseView, post: Post): HTMLElement | undefined {
  const reference = view.reference;
  if (reference.kind === "never") return undefined;
  const section = element("section", undefined, "reference");
  section.append(element("h2", l10n.t("Reference solution")));
  if (reference.kind === "after-pass") section.append(element("p", l10n.t("Opens once your solution passes every case."), "muted"));
  else if (reference.kind === "available") section.append(button(l10n.t("Show the reference solution"), () => post({ type: "showReference" }), { id: "show-reference" }));
  else {
    // Side by side at full width, one above the other in a narrow panel (CSS grid decides).
    const pair = element("div", undefined, "side-by-side");
    pair.append(sourceBlock(l10n.t("Reference"), reference.source, "reference-source"));
    const yours = view.afterPass?.yourSource;
    if (yours !== undefined) pair.append(sourceBlock(l10n.t("Yours"), yours, "your-source"));
    section.append(pair);
  }
  return section;
}

function sourceBlock(title: string, source: string, id: string): HTMLElement {
  const figure = element("figure", undefined, "source");
  figure.id = id;
  figure.append(element("figcaption", title));
  const pre = element("pre");
  pre.append(element("code", source));
  pre.tabIndex = 0;
  pre.setAttribute("aria-label", `${title} solution`);
  figure.append(pre);
  return figure;
}
