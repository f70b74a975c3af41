import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Title,
  Tooltip,
} from "chart.js";
import type { ChartSpec } from "../../src/protocol/webviewMessages";
import { element } from "./dom";
import { fullNumber, significant } from "./numberFormat";
import { foregroundColor, gridColor, paletteColor, roleColor } from "./theme";
import * as l10n from "../shared/l10n";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, ScatterController, Legend, Title, Tooltip);

/** Draws one chart spec on a canvas with the theme's colours. */
export function drawChart(canvas: HTMLCanvasElement, spec: ChartSpec): Chart {
  const fg = foregroundColor();
  const grid = gridColor();
  const axis = (title?: string) => ({
    ticks: { color: fg },
    grid: { color: grid },
    title: { display: Boolean(title), text: title ?? "", color: fg },
  });
  return new Chart(canvas, {
    type: spec.type,
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s) => {
        const color = s.colorIndex !== undefined ? paletteColor(s.colorIndex) : roleColor(s.role);
        const line = spec.type === "line";
        // The chosen item (a calculator's format) takes the "yours" colour and a heavier outline.
        const chosen = s.highlight;
        const perPoint = (base: string, mark: string) => (chosen === undefined ? base : s.data.map((_, i) => (i === chosen ? mark : base)));
        return {
          label: s.label,
          data: s.data,
          backgroundColor: perPoint(color, roleColor("learner")),
          borderColor: perPoint(color, foregroundColor()),
          borderWidth: chosen === undefined ? (line ? 2 : 1) : s.data.map((_, i) => (i === chosen ? 3 : 1)),
          stepped: line && s.stepped ? ("middle" as const) : false,
          // A series that is mostly gaps is a marker (the learner's pick): draw its points, not a line.
          showLine: line && s.data.filter((v) => v !== null).length > 1,
          pointRadius: s.pointRadius ?? (line && (s.showPoints || s.data.filter((v) => v !== null).length <= 1) ? 4 : line ? 0 : 3),
          pointStyle: s.role === "learner" ? ("rectRot" as const) : ("circle" as const),
        };
      }),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: { labels: { color: fg } },
        title: { display: true, text: spec.title, color: fg },
      },
      // Error charts centre on zero, so the sign of a mistake reads at a glance; others fit their data.
      scales: { x: axis(spec.xTitle), y: { ...axis(spec.yTitle), ...symmetricRange(spec) } },
    },
  });
}

/** Counts painted pixels: the webview reports which charts really drew, so tests need not trust chart.js. */
export function paintedPixels(canvas: HTMLCanvasElement): number {
  const context = canvas.getContext("2d");
  if (!context || canvas.width === 0 || canvas.height === 0) return 0;
  const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
  return painted;
}

/** For a chart of errors only: a y range symmetric around 0, sized to the largest error. */
function symmetricRange(spec: ChartSpec): { min?: number; max?: number } {
  if (!spec.series.every((s) => s.role === "error")) return {};
  const largest = Math.max(0, ...spec.series.flatMap((s) => s.data.filter((v): v is number => v !== null && Number.isFinite(v)).map(Math.abs)));
  if (largest === 0) return {};
  const bound = largest * 1.15;
  return { min: -bound, max: bound };
}

const MAX_TABLE_ROWS = 200;

/**
 * A folded table of what a chart draws, built from the chart object's own data (labels × datasets), so what a
 * screen reader or a test reads is what chart.js was given to paint. Numbers are short, exact on hover.
 */
export function chartDataTable(chart: Chart, id: string): HTMLElement {
  const details = element("details", undefined, "chart-data");
  details.id = `chart-data-${id}`;
  details.append(element("summary", l10n.t("Data")));
  const table = element("table");
  const head = element("tr");
  const datasets = chart.data.datasets;
  for (const name of ["", ...datasets.map((d) => String(d.label ?? ""))]) {
    const th = element("th", name);
    th.scope = "col";
    head.append(th);
  }
  table.createTHead().append(head);
  const body = element("tbody");
  const labels = (chart.data.labels ?? []).slice(0, MAX_TABLE_ROWS);
  labels.forEach((label, row) => {
    const tr = element("tr");
    const th = element("th", String(label));
    th.scope = "row";
    tr.append(th);
    for (const dataset of datasets) {
      const value = dataset.data[row];
      const cell = element("td", typeof value === "number" ? significant(value) : "—", "value");
      if (typeof value === "number") {
        cell.dataset.value = fullNumber(value);
        cell.title = fullNumber(value);
      }
      tr.append(cell);
    }
    body.append(tr);
  });
  table.append(body);
  details.append(table);
  if ((chart.data.labels?.length ?? 0) > MAX_TABLE_ROWS) details.append(element("p", l10n.t("First {0} of {1} rows.", MAX_TABLE_ROWS, chart.data.labels!.length), "muted"));
  return details;
}
