import type { Chart } from "chart.js";
import type { PanelModel, ToWebviewMessage } from "../../src/protocol/webviewMessages";
import { chartDataTable, drawChart, paintedPixels } from "./charts";
import { element, factsTable } from "./dom";
import { copyFullValues } from "./failureView";
import { afterPassSection, casesSection, hintsSection, promptSection, referenceSection, setRunning, toolbar, verdictSection } from "./exerciseSections";
import { onThemeChange } from "./theme";
import { vscodeApi } from "./vscodeApi";
import * as l10n from "../shared/l10n";

const app = document.getElementById("app")!;
let charts: Chart[] = [];
let current: PanelModel | undefined = vscodeApi.getState()?.model;
/** Whether the learner opened the prompt by hand; kept across re-renders of the same exercise. */
let promptOpen = false;
let promptFor: string | undefined;

/** True while a check of the shown exercise runs (the extension says so with `running`). */
let running = false;

/** Renders with textContent (and inert markdown) only: nothing from the model runs. */
function render(model: PanelModel, focus?: "latest-hint"): void {
  const scroll = window.scrollY;
  for (const chart of charts) chart.destroy();
  charts = [];
  app.replaceChildren();
  const post = vscodeApi.postMessage.bind(vscodeApi);
  if (model.notice) {
    const notice = element("p", model.notice, "notice");
    notice.setAttribute("role", "alert");
    app.append(notice);
  }
  app.append(element("h1", model.title));
  if (model.subtitle) app.append(element("p", model.subtitle, "muted"));
  if (model.facts && model.facts.length > 0) app.append(factsTable(model.facts));
  const view = model.exercise;
  if (view) {
    app.append(toolbar({ ...model, running: running || model.running }, view, post));
    if (model.report) app.append(verdictSection(model.report));
    else app.append(element("p", view.canRun ? l10n.t("Not checked yet: save your file or press Run checks.") : l10n.t("Not checked yet."), "muted"));
    const afterPass = afterPassSection(view, post);
    if (afterPass) app.append(afterPass);
    // Opened hints sit right under the toolbar where they were asked for, above the results.
    const hints = view.hints.length > 0 ? hintsSection(view, post) : undefined;
    if (hints) app.append(hints);
  }
  // Why it fails comes before the charts: in a narrow panel it is what the learner reads first.
  const cases = model.report && casesSection(model.report);
  if (cases) app.append(cases);
  const chartsSection = element("section", undefined, "charts");
  if (model.charts.length > 0 && view) chartsSection.append(element("h2", l10n.t("Your answer against the reference")));
  app.append(chartsSection);
  const painted: string[] = [];
  for (const spec of model.charts) {
    const figure = element("figure", undefined, "chart");
    const canvas = element("canvas");
    canvas.id = `chart-${spec.id}`;
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", `${spec.title}: ${spec.series.map((s) => s.label).join(", ")}`);
    figure.append(canvas);
    chartsSection.append(figure);
    const chart = drawChart(canvas, spec);
    charts.push(chart);
    // The numbers behind the picture, read back from the chart itself: for screen readers, for copying, for tests.
    chartsSection.append(chartDataTable(chart, spec.id));
    if (paintedPixels(canvas) > 0) painted.push(spec.id);
  }
  if (view) {
    // Results first once there are some; the prompt stays one click (or Enter) away.
    app.append(promptSection(view, { open: !model.report || promptOpen, onToggle: (open) => (promptOpen = open) }));
    const hints = view.hints.length === 0 ? hintsSection(view, post) : undefined;
    const reference = referenceSection(view, post);
    if (hints) app.append(hints);
    if (reference) app.append(reference);
  }
  window.scrollTo(0, scroll);
  if (focus === "latest-hint") focusLatestHint();
  vscodeApi.postMessage({ type: "rendered", charts: model.charts.length, paintedCharts: painted });
}

/** Brings the hint just opened into view and gives it the focus (screen readers read it out). */
function focusLatestHint(): void {
  const hints = document.querySelectorAll<HTMLElement>("#hints > li");
  const latest = hints[hints.length - 1];
  if (!latest) return;
  latest.scrollIntoView({ block: "center" });
  latest.focus({ preventScroll: true });
}

window.addEventListener("message", (event: MessageEvent<ToWebviewMessage>) => {
  const message = event.data;
  if (message.type === "l10n") {
    l10n.useTranslations(message.bundle);
    return;
  }
  if (message.type === "running") {
    running = message.running;
    setRunning(running, current?.exercise?.canRun ?? false);
    return;
  }
  if (message.type === "show") {
    const exercise = message.model.exercise ? `${message.model.exercise.packId}/${message.model.exercise.exerciseId}` : undefined;
    if (exercise !== promptFor) promptOpen = false;
    promptFor = exercise;
    current = message.model;
    vscodeApi.setState({ model: current });
    render(current, message.focus);
  }
});

document.addEventListener("copy", copyFullValues);
onThemeChange(() => current && render(current));
if (current) render(current);
vscodeApi.postMessage({ type: "ready" });
