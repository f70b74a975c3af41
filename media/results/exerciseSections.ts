import type { CheckReport } from "../../src/protocol/checkReport";
import type { ExerciseView, FromWebviewMessage, PanelModel } from "../../src/protocol/webviewMessages";
import { button, element } from "./dom";
import { showValue } from "./failureGroups";
import { failuresSection } from "./failureView";
import { renderMarkdown } from "./markdown";

type Post = (message: FromWebviewMessage) => void;

/** The toolbar: Run (the learner's file for this exercise), open the file, next hint. */
export function toolbar(model: PanelModel, view: ExerciseView, post: Post): HTMLElement {
  const bar = element("div", undefined, "toolbar");
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", "Exercise actions");
  const runLabel = model.running ? "Checking…" : "Run checks";
  bar.append(
    button(runLabel, () => post({ type: "runCheck" }), {
      id: "run-check",
      primary: true,
      disabled: model.running || !view.canRun,
      title: view.canRun ? "Run this exercise's cases against your file (also runs on save)" : "Restricted Mode: trust this workspace to run your code",
    }),
    button(view.solutionFile ? "Open my file" : "Create my file", () => post({ type: "openSolution" }), { id: "open-solution" }),
    button("Open in playground", () => post({ type: "openPlayground" }), { id: "open-playground", title: "Explore this exercise's idea with live charts" }),
  );
  if (view.hints.length < view.hintCount) {
    bar.append(button(`Hint ${view.hints.length + 1} of ${view.hintCount}`, () => post({ type: "revealHint" }), { id: "next-hint" }));
  }
  if (!view.canRun) bar.append(element("span", "Restricted Mode: running code needs a trusted workspace.", "muted"));
  return bar;
}

/** The prompt in a disclosure: open before the first check, folded under the results after it. */
export function promptSection(view: ExerciseView, options: { open: boolean; onToggle?: (open: boolean) => void }): HTMLElement {
  const details = element("details", undefined, "prompt");
  details.open = options.open;
  const summary = element("summary", "The exercise");
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
  const { passed, total, failed, errored } = report.summary;
  const verdict = report.status === "passed" ? `Passed: all ${total} cases` : report.status === "error" ? `Could not run: ${errored || report.diagnostics.length} error(s)` : `Failed ${failed + errored} of ${total} cases`;
  const heading = element("h2", verdict, `verdict ${report.status}`);
  heading.id = "verdict";
  section.append(heading);
  section.append(element("p", `${passed} passed · checked in ${Math.round(report.timings.totalMs)} ms (compile ${Math.round(report.timings.compileMs)}, run ${Math.round(report.timings.runMs)}, compare ${Math.round(report.timings.compareMs)})`, "muted"));
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
  section.append(element("h2", `Hints (${view.hints.length} of ${view.hintCount} open)`));
  const list = element("ol");
  list.id = "hints";
  for (const hint of view.hints) {
    const item = element("li");
    item.append(renderMarkdown(hint));
    list.append(item);
  }
  section.append(list);
  if (view.hints.length < view.hintCount) section.append(button(view.hints.length === 0 ? "Show the first hint" : "Show the next hint", () => post({ type: "revealHint" })));
  return section;
}

export function referenceSection(view: ExerciseView, post: Post): HTMLElement | undefined {
  const reference = view.reference;
  if (reference.kind === "never") return undefined;
  const section = element("section", undefined, "reference");
  section.append(element("h2", "Reference solution"));
  if (reference.kind === "after-pass") section.append(element("p", "Opens once your solution passes every case.", "muted"));
  else if (reference.kind === "available") section.append(button("Show the reference solution", () => post({ type: "showReference" }), { id: "show-reference" }));
  else {
    const pre = element("pre");
    pre.append(element("code", reference.source));
    pre.tabIndex = 0;
    section.append(pre);
  }
  return section;
}
