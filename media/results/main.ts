import type { Chart } from "chart.js";
import type { PanelModel, ToWebviewMessage } from "../../src/protocol/webviewMessages";
import { drawChart, paintedPixels } from "./charts";
import { onThemeChange } from "./theme";
import { vscodeApi } from "./vscodeApi";

const app = document.getElementById("app")!;
let charts: Chart[] = [];
let current: PanelModel | undefined = vscodeApi.getState()?.model;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** Renders with textContent only: nothing from the model is ever parsed as HTML. */
function render(model: PanelModel): void {
  for (const chart of charts) chart.destroy();
  charts = [];
  app.replaceChildren();
  app.append(element("h1", model.title));
  if (model.subtitle) app.append(element("p", model.subtitle, "muted"));
  const painted: string[] = [];
  for (const spec of model.charts) {
    const figure = element("figure", undefined, "chart");
    const canvas = element("canvas");
    canvas.id = `chart-${spec.id}`;
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", spec.title);
    figure.append(canvas);
    app.append(figure);
    charts.push(drawChart(canvas, spec));
    if (paintedPixels(canvas) > 0) painted.push(spec.id);
  }
  vscodeApi.postMessage({ type: "rendered", charts: model.charts.length, paintedCharts: painted });
}

window.addEventListener("message", (event: MessageEvent<ToWebviewMessage>) => {
  const message = event.data;
  if (message.type === "show") {
    current = message.model;
    vscodeApi.setState({ model: current });
    render(current);
  }
});

onThemeChange(() => current && render(current));
if (current) render(current);
vscodeApi.postMessage({ type: "ready" });
