/**
 * Every message between the extension and the results webview, as discriminated unions. The webview asks
 * for its state with `ready` instead of having data baked into its HTML; the extension answers with `show`.
 */
import type { CheckReport } from "./checkReport";

/** A chart the webview draws: series of numbers over shared labels. */
export interface ChartSeries {
  label: string;
  data: number[];
  /** Which theme colour role the series takes. */
  role: "reference" | "learner" | "error" | "neutral";
}
export interface ChartSpec {
  id: string;
  title: string;
  type: "bar" | "line" | "scatter";
  labels: string[];
  series: ChartSeries[];
  xTitle?: string;
  yTitle?: string;
}

/** What the panel shows. Kept JSON-serialisable: it is also the webview's persisted state. */
export interface PanelModel {
  title: string;
  subtitle?: string;
  charts: ChartSpec[];
  report?: CheckReport;
}

export type ToWebviewMessage = { type: "show"; model: PanelModel };

export type FromWebviewMessage =
  | { type: "ready" }
  | { type: "rendered"; charts: number; paintedCharts: string[] }
  | { type: "runCheck" };
