/**
 * The playground's charts: made once per canvas and then fed new data (`chart.update("none")`), which is
 * what keeps a slider move within a frame. Colours come from the theme's CSS variables.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartDataset,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  ScatterController,
  Title,
  Tooltip,
} from "chart.js";
import { foregroundColor, gridColor, paletteColor, roleColor } from "../results/theme";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LogarithmicScale, LineController, LineElement, PointElement, ScatterController, Legend, Title, Tooltip);

export type Point = { x: number; y: number | null };

/** A dataset's look: which theme colour, line or markers. */
export interface SeriesStyle {
  label: string;
  color: number | "error";
  points?: number;
  line?: boolean;
  stepped?: boolean;
  yAxisID?: string;
  dashed?: boolean;
  /** Opacity of the colour, for a series drawn over another (a dense grid over the histogram). */
  alpha?: number;
  /** Drawing order: higher is drawn first, underneath. */
  order?: number;
}

/** A theme colour with an opacity; colours that are not #rrggbb are used as they are. */
function withAlpha(color: string, alpha: number | undefined): string {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (alpha === undefined || !hex) return color;
  return `rgba(${parseInt(hex[1], 16)}, ${parseInt(hex[2], 16)}, ${parseInt(hex[3], 16)}, ${alpha})`;
}

function axis(title: string, extra: Record<string, unknown> = {}) {
  const fg = foregroundColor();
  return { ticks: { color: fg }, grid: { color: gridColor() }, title: { display: true, text: title, color: fg }, ...extra };
}

function dataset(style: SeriesStyle): ChartDataset<"line", Point[]> {
  const color = withAlpha(style.color === "error" ? roleColor("error") : paletteColor(style.color), style.alpha);
  return {
    label: style.label,
    data: [],
    borderColor: color,
    backgroundColor: color,
    borderWidth: style.line === false ? 0 : 2,
    showLine: style.line !== false,
    stepped: style.stepped ? "middle" : false,
    pointRadius: style.points ?? 0,
    yAxisID: style.yAxisID,
    borderDash: style.dashed ? [6, 4] : undefined,
    order: style.order ?? 0,
    spanGaps: false,
  } as ChartDataset<"line", Point[]>;
}

/** An x–y chart (lines, steps, markers) over linear axes; `y1` adds a logarithmic axis on the right. */
export function xyChart(canvas: HTMLCanvasElement, options: { title: string; xTitle: string; yTitle: string; series: SeriesStyle[]; y1Title?: string }): Chart<"line", Point[]> {
  const fg = foregroundColor();
  const scales: Record<string, unknown> = { x: axis(options.xTitle, { type: "linear" }), y: axis(options.yTitle, { type: "linear" }) };
  if (options.y1Title) scales.y1 = axis(options.y1Title, { type: "logarithmic", position: "right", grid: { drawOnChartArea: false, color: gridColor() } });
  return new Chart<"line", Point[]>(canvas, {
    type: "line",
    data: { datasets: options.series.map(dataset) },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      plugins: { legend: { labels: { color: fg } }, title: { display: true, text: options.title, color: fg }, tooltip: { enabled: true } },
      scales: scales as never,
    },
  } as never);
}

/** Bars per class. */
export function barChart(canvas: HTMLCanvasElement, options: { title: string; yTitle: string; series: { label: string; color: number }[] }): Chart<"bar", number[], string> {
  const fg = foregroundColor();
  return new Chart(canvas, {
    type: "bar",
    data: {
      labels: [],
      datasets: options.series.map((s) => ({ label: s.label, data: [] as number[], backgroundColor: paletteColor(s.color), borderColor: paletteColor(s.color), borderWidth: 1 })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { labels: { color: fg } }, title: { display: true, text: options.title, color: fg } },
      scales: { x: axis("class") as never, y: axis(options.yTitle) as never },
    },
  });
}

/** Vertical segments at each x from 0 to `top`, separated by gaps: a quantization grid over a histogram. */
export function verticalLines(xs: readonly number[], top: number): Point[] {
  const points: Point[] = [];
  for (const x of xs) points.push({ x, y: 0 }, { x, y: top }, { x, y: null });
  return points;
}
