/**
 * The Inspect Model File webview: progress (with Cancel) while the extension's Worker reads the file, then the
 * tensor table (sortable by any column), the totals per scheme, and for the selected tensor its histogram with the
 * chosen scheme's grid and that scheme's error; "Send to playground" opens the tensor there.
 */
import type { InspectReport, InspectSchemeName, TensorReport, ToInspectMessage } from "../../src/protocol/inspectMessages";
import { type Point, verticalLines, xyChart } from "../playground/charts";
import { schemeGrid } from "./grid";
import * as l10n from "../shared/l10n";
import { vscodeApi } from "./vscodeApi";

type SortKey = "name" | "dtype" | "params" | "bytes" | "sqnrDb" | "mse" | "maxAbsError" | "schemeBytes";

interface ViewState {
  ended?: { status: "cancelled" | "failed"; message?: string };
  file: string;
  schemes: InspectSchemeName[];
  scheme: InspectSchemeName;
  report?: InspectReport;
  selected?: string;
  sort: { key: SortKey; descending: boolean };
}

const app = document.getElementById("app")!;
const state: ViewState = { file: "", schemes: [], scheme: "int8-per-channel", sort: { key: "bytes", descending: true } };
let chart: ReturnType<typeof xyChart> | undefined;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function bytesText(n: number): string {
  return n >= 1e9 ? `${(n / 1e9).toFixed(2)} GB` : n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} kB` : `${n} B`;
}

function num(v: number | null | undefined, digits = 3): string {
  if (v === null || v === undefined) return "—";
  if (v === 0) return "0";
  return Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3 ? v.toExponential(digits - 1) : v.toPrecision(digits);
}

function sortValue(t: TensorReport, key: SortKey): number | string {
  const r = t.schemes[state.scheme];
  switch (key) {
    case "name":
    case "dtype":
      return t[key];
    case "params":
    case "bytes":
      return t[key];
    case "sqnrDb":
      return r?.sqnrDb ?? (r ? Infinity : -Infinity);
    case "mse":
    case "maxAbsError":
      return r ? r[key] : -Infinity;
    case "schemeBytes":
      return r ? r.bytes : -Infinity;
  }
}

function sortedTensors(report: InspectReport): TensorReport[] {
  const { key, descending } = state.sort;
  return [...report.tensors].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    const c = typeof x === "string" ? x.localeCompare(String(y)) : x < (y as number) ? -1 : x > (y as number) ? 1 : 0;
    return descending ? -c : c;
  });
}

function renderStatus(text: string, progress?: { done: number; total: number }): void {
  app.replaceChildren(el("h1", {}, state.file));
  const status = el("div", { class: "status", role: "status" });
  status.append(el("span", { id: "status-text" }, text));
  if (progress) {
    const bar = el("progress", { id: "progress", max: String(progress.total || 1), value: String(progress.done), "aria-label": l10n.t("progress") });
    status.append(bar);
    const cancel = el("button", { id: "cancel" }, l10n.t("Cancel"));
    cancel.addEventListener("click", () => vscodeApi.postMessage({ type: "cancel" }));
    status.append(cancel);
  }
  app.append(status);
}

function renderTotals(report: InspectReport): HTMLElement {
  const table = el("table", { id: "totals", "aria-label": l10n.t("totals per scheme") });
  const head = el("tr");
  for (const h of [l10n.t("scheme"), l10n.t("bytes"), l10n.t("× stored")]) head.append(el("th", { scope: "col" }, h));
  table.append(el("thead"), el("tbody"));
  table.tHead!.append(head);
  for (const s of state.schemes) {
    const b = report.totals.schemes[s]?.bytes;
    const row = el("tr");
    row.append(el("td", {}, s), el("td", { "data-value": String(b ?? "") }, b === undefined ? "—" : bytesText(b)), el("td", {}, b === undefined ? "—" : (b / report.totals.bytes).toFixed(3)));
    table.tBodies[0].append(row);
  }
  return table;
}

/** The tensor table's columns, named in the page's language (known only once the translations arrived). */
function columns(): { key: SortKey; label: string }[] {
  return [
    { key: "name", label: l10n.t("tensor") },
    { key: "dtype", label: l10n.t("dtype") },
    { key: "params", label: l10n.t("params") },
    { key: "bytes", label: l10n.t("bytes") },
    { key: "sqnrDb", label: l10n.t("SQNR dB") },
    { key: "mse", label: l10n.t("MSE") },
    { key: "maxAbsError", label: l10n.t("max |error|") },
    { key: "schemeBytes", label: l10n.t("scheme bytes") },
  ];
}

function renderTable(report: InspectReport): HTMLElement {
  const table = el("table", { id: "tensors", "aria-label": l10n.t("tensors") });
  const head = el("tr");
  for (const c of columns()) {
    const th = el("th", { scope: "col", "aria-sort": state.sort.key === c.key ? (state.sort.descending ? "descending" : "ascending") : "none" });
    const b = el("button", { "data-sort": c.key }, c.label + (state.sort.key === c.key ? (state.sort.descending ? " ▼" : " ▲") : ""));
    b.addEventListener("click", () => {
      state.sort = { key: c.key, descending: state.sort.key === c.key ? !state.sort.descending : c.key !== "name" && c.key !== "dtype" };
      render();
    });
    th.append(b);
    head.append(th);
  }
  table.append(el("thead"), el("tbody"));
  table.tHead!.append(head);
  for (const t of sortedTensors(report)) {
    const r = t.schemes[state.scheme];
    const row = el("tr", { tabindex: "0", "data-tensor": t.name, "aria-selected": String(t.name === state.selected) });
    row.append(
      el("td", {}, t.name),
      el("td", {}, t.dtype),
      el("td", {}, t.params.toLocaleString("en-US")),
      el("td", {}, bytesText(t.bytes)),
      el("td", { "data-value": String(r?.sqnrDb ?? "") }, r ? (r.sqnrDb === null ? (r.mse === 0 ? "exact" : "—") : r.sqnrDb.toFixed(1)) : "—"),
      el("td", {}, num(r?.mse)),
      el("td", {}, num(r?.maxAbsError)),
      el("td", {}, r ? bytesText(r.bytes) : "—"),
    );
    const select = () => {
      state.selected = t.name;
      render();
      (document.querySelector(`tr[data-tensor="${CSS.escape(t.name)}"]`) as HTMLElement | null)?.focus();
    };
    row.addEventListener("click", select);
    row.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        select();
      }
    });
    table.tBodies[0].append(row);
  }
  return table;
}

function renderDetail(t: TensorReport): HTMLElement {
  const box = el("section", { id: "detail", "aria-label": l10n.t("tensor {0}", t.name) });
  box.append(el("h2", {}, `${t.name} [${t.shape.join(" × ")}] ${t.dtype}`));
  if (!t.stats) {
    box.append(el("p", { class: "muted" }, t.note ?? l10n.t("no values")));
    return box;
  }
  const grid = el("div", { class: "detail" });
  const chartBox = el("div", { class: "chart" });
  const canvas = el("canvas", { id: "histogram", role: "img", "aria-label": l10n.t("histogram of {0} with the {1} grid", t.name, state.scheme) });
  chartBox.append(canvas);
  const r = t.schemes[state.scheme];
  const facts = el("dl", { id: "facts" });
  const fact = (label: string, value: string, id?: string) => facts.append(el("dt", {}, label), el("dd", id ? { id } : {}, value));
  fact(l10n.t("min / max"), `${num(t.stats.min)} / ${num(t.stats.max)}`);
  fact(l10n.t("mean ± std"), `${num(t.stats.mean)} ± ${num(t.stats.std)}`);
  fact(l10n.t("beyond 6σ"), `${(t.stats.beyond6Sigma * 100).toFixed(4)} %`);
  if (r) {
    fact(l10n.t("{0} MSE", state.scheme), num(r.mse, 4), "detail-mse");
    fact(l10n.t("SQNR"), r.sqnrDb === null ? l10n.t("exact") : `${r.sqnrDb.toFixed(2)} dB`, "detail-sqnr");
    fact(l10n.t("max |error|"), num(r.maxAbsError, 4));
    fact(l10n.t("bytes"), l10n.t("{0} ({1} × stored)", bytesText(r.bytes), (r.bytes / t.bytes).toFixed(3)));
  }
  const send = el("button", { id: "send-to-playground" }, l10n.t("Send to playground"));
  send.addEventListener("click", () => vscodeApi.postMessage({ type: "sendToPlayground", tensor: t.name }));
  const side = el("div");
  side.append(facts, send);
  grid.append(chartBox, side);
  box.append(grid);
  queueMicrotask(() => drawHistogram(canvas, t));
  return box;
}

function drawHistogram(canvas: HTMLCanvasElement, t: TensorReport): void {
  const s = t.stats!;
  chart?.destroy();
  chart = xyChart(canvas, {
    title: l10n.t("values and the {0} grid (at the tensor's largest scale)", state.scheme),
    xTitle: l10n.t("value"),
    yTitle: l10n.t("count"),
    series: [
      { label: l10n.t("histogram"), color: 0, stepped: true },
      { label: l10n.t("{0} grid", state.scheme), color: 1, alpha: 0.5, order: 1 },
    ],
  });
  const width = (s.max - s.min) / s.histogram.length || 1;
  const bars: Point[] = s.histogram.map((count, i) => ({ x: s.min + (i + 0.5) * width, y: count }));
  const top = Math.max(...s.histogram);
  const absmax = Math.max(Math.abs(s.min), Math.abs(s.max));
  const levels = schemeGrid(state.scheme, absmax).filter((x) => x >= s.min - width && x <= s.max + width);
  chart.data.datasets[0].data = bars;
  // A dense grid (int8's 255 levels) drawn as full lines would hide the histogram: ticks along the top instead.
  chart.data.datasets[1].data = levels.length > 40 ? levels.flatMap((x) => [{ x, y: top * 0.9 }, { x, y: top * 1.05 }, { x, y: null }]) : verticalLines(levels, top);
  chart.update("none");
  canvas.dataset.bins = String(s.histogram.length);
  canvas.dataset.gridLines = String(levels.length);
}

/** Keeps what is on screen in the webview's state (VS Code restores it after a window reload). */
function save(): void {
  vscodeApi.setState({ file: state.file, schemes: state.schemes, scheme: state.scheme, sort: state.sort, selected: state.selected, report: state.report, ended: state.ended });
}

function render(): void {
  const report = state.report;
  if (!report) return;
  save();
  chart?.destroy();
  chart = undefined;
  app.replaceChildren(el("h1", {}, state.file));
  app.append(el("p", { class: "muted", id: "summary" }, l10n.t("{0}: {1} tensors, {2} parameters, {3} stored", report.format, report.tensors.length, report.totals.params.toLocaleString("en-US"), bytesText(report.totals.bytes))));
  const pick = el("label", {}, l10n.t("Scheme "));
  const select = el("select", { id: "scheme" });
  for (const s of state.schemes) select.append(el("option", { value: s, ...(s === state.scheme ? { selected: "" } : {}) }, s));
  select.addEventListener("change", () => {
    state.scheme = select.value as InspectSchemeName;
    render();
    (document.getElementById("scheme") as HTMLSelectElement | null)?.focus();
  });
  pick.append(select);
  app.append(pick, el("h2", {}, l10n.t("Totals per scheme")), renderTotals(report), el("h2", {}, l10n.t("Tensors")));
  const wrap = el("div", { class: "table-wrap" });
  wrap.append(renderTable(report));
  app.append(wrap);
  const selected = report.tensors.find((t) => t.name === state.selected);
  if (selected) app.append(renderDetail(selected));
  document.body.dataset.state = "report";
}

window.addEventListener("message", (event: MessageEvent<ToInspectMessage>) => {
  const m = event.data;
  switch (m.type) {
    case "l10n":
      // A restored page may already show English words: draw it again in the learner's language.
      l10n.useTranslations(m.bundle);
      if (state.report) render();
      else if (state.ended) showEnded();
      return;
    case "started":
      state.report = undefined;
      state.ended = undefined;
      state.file = m.file;
      state.schemes = m.schemes;
      if (!m.schemes.includes(state.scheme)) state.scheme = m.schemes[0];
      document.body.dataset.state = "running";
      renderStatus(l10n.t("Reading…"), { done: 0, total: 1 });
      return;
    case "progress": {
      const bar = document.getElementById("progress") as HTMLProgressElement | null;
      if (bar) {
        bar.max = m.total || 1;
        bar.value = m.done;
      }
      const text = document.getElementById("status-text");
      if (text) text.textContent = l10n.t("Reading… {0} %", m.total ? Math.round((100 * m.done) / m.total) : 0);
      return;
    }
    case "report":
      state.report = m.report;
      state.selected ??= sortedTensors(m.report).find((t) => t.stats)?.name;
      render();
      return;
    case "failed":
      state.report = undefined;
      state.ended = { status: "failed", message: m.message };
      save();
      showEnded();
      return;
    case "cancelled":
      state.ended = { status: "cancelled" };
      save();
      showEnded();
      return;
  }
});

/** A run that ended without a report: cancelled, or failed with its message. */
function showEnded(): void {
  const ended = state.ended!;
  renderStatus(ended.status === "cancelled" ? l10n.t("Cancelled.") : "");
  if (ended.status === "failed") app.append(el("p", { class: "error-text", id: "error", role: "alert" }, ended.message ?? ""));
  document.body.dataset.state = ended.status;
}

const saved = vscodeApi.getState();
if (saved && !saved.report && saved.ended) {
  state.file = saved.file;
  state.ended = saved.ended;
  showEnded();
}
if (saved?.report && saved.schemes?.length) {
  Object.assign(state, { file: saved.file, schemes: saved.schemes, scheme: saved.scheme, selected: saved.selected, report: saved.report });
  if (columns().some((c) => c.key === saved.sort?.key)) state.sort = { key: saved.sort.key as SortKey, descending: Boolean(saved.sort.descending) };
  render();
}
vscodeApi.postMessage({ type: "ready" });
