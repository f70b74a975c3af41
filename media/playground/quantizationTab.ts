/**
 * The Quantization tab: controls on the left, and live charts and numbers. The current scheme is computed
 * and painted at once; the bits curve and the side-by-side comparison (up to ten more quantizations of the
 * tensor) fill in over following short tasks, so a 1M-value tensor never blocks a slider for long.
 */
import type { Chart } from "chart.js";
import { type Point, verticalLines, xyChart } from "./charts";
import { NumbersTable, el, field, formatNumber, numberControl, rangeControl, selectControl, setOptions } from "./controls";
import { controlsFor } from "./model/quantizeTensor";
import { type QuantizationLab, type QuantizationView } from "./model/quantizationView";
import { SAMPLE_KINDS, SAMPLE_LABELS, SAMPLE_SIZES } from "./model/samples";
import { LIMITS, type QuantizationState } from "./model/state";

type Patch = Partial<QuantizationState>;

const FORMAT_OPTIONS = [
  { value: "int", label: "Integer (INT2–INT8)" },
  { value: "nf4", label: "NF4 (bitsandbytes)" },
  { value: "fp8-e4m3", label: "FP8 E4M3" },
  { value: "fp8-e5m2", label: "FP8 E5M2" },
  { value: "q4_0", label: "Q4_0 (llama.cpp)" },
] as const;

export class QuantizationTab {
  readonly element = el("div", undefined, "tab-layout");
  readonly charts: Record<string, Chart<"line", Point[]>> = {};
  private readonly sample: HTMLSelectElement;
  private readonly size: HTMLSelectElement;
  private readonly seed: HTMLInputElement;
  private readonly format: HTMLSelectElement;
  private readonly bits;
  private readonly mode: HTMLSelectElement;
  private readonly granularity: HTMLSelectElement;
  private readonly groupSize;
  private readonly clipping: HTMLSelectElement;
  private readonly clipRatio;
  private readonly clipPercentile;
  private readonly rounding: HTMLSelectElement;
  private readonly roundingSeed: HTMLInputElement;
  private readonly numbers: NumbersTable;
  private readonly comparison = el("table", undefined, "numbers comparison");
  private readonly tensorCaption = el("p", undefined, "muted");
  private readonly formatNote = el("p", undefined, "hint");
  private readonly canvases: Record<string, HTMLCanvasElement> = {};
  private chartArea = el("div", undefined, "charts");

  constructor(private readonly onChange: (patch: Patch, control: string) => void, private readonly onCopy: () => void) {
    const change = (control: string) => (patch: Patch) => onChange(patch, control);
    this.sample = selectControl([], (v) => change("q-sample")({ sample: v as QuantizationState["sample"] }));
    this.size = selectControl(SAMPLE_SIZES.map((n) => ({ value: String(n), label: n.toLocaleString("en-US") })), (v) => change("q-size")({ size: Number(v) }));
    this.seed = numberControl(LIMITS.seed, (v) => change("q-seed")({ seed: v }));
    this.format = selectControl(FORMAT_OPTIONS, (v) => change("q-format")({ format: v }));
    this.bits = rangeControl(LIMITS.bits, (v) => `${v} bits`, (v) => change("q-bits")({ bits: v }));
    this.mode = selectControl([{ value: "affine", label: "Affine (scale and zero point)" }, { value: "symmetric", label: "Symmetric (zero point 0)" }] as const, (v) => change("q-mode")({ mode: v }));
    this.granularity = selectControl([{ value: "tensor", label: "Per tensor" }, { value: "channel", label: "Per channel (row)" }, { value: "group", label: "Per group" }] as const, (v) => change("q-granularity")({ granularity: v }));
    this.groupSize = rangeControl(LIMITS.groupSize, (v) => `${v} values`, (v) => change("q-group-size")({ groupSize: v }));
    this.clipping = selectControl([{ value: "none", label: "None (min–max)" }, { value: "ratio", label: "Ratio of the range" }, { value: "percentile", label: "Percentile of |x|" }] as const, (v) => change("q-clipping")({ clipping: v }));
    this.clipRatio = rangeControl(LIMITS.clipRatio, (v) => `× ${v.toFixed(2)}`, (v) => change("q-clip-ratio")({ clipRatio: v }));
    this.clipPercentile = rangeControl(LIMITS.clipPercentile, (v) => `${v.toFixed(1)}%`, (v) => change("q-clip-percentile")({ clipPercentile: v }));
    this.rounding = selectControl(
      [
        { value: "half-even", label: "Half to even (PyTorch)" },
        { value: "half-away", label: "Half away from zero (llama.cpp)" },
        { value: "half-up", label: "Half up (Math.round)" },
        { value: "stochastic", label: "Stochastic (seeded)" },
      ] as const,
      (v) => change("q-rounding")({ rounding: v }),
    );
    this.roundingSeed = numberControl(LIMITS.seed, (v) => change("q-rounding-seed")({ roundingSeed: v }));

    const controls = el("form", undefined, "controls");
    controls.setAttribute("aria-label", "Quantization settings");
    controls.addEventListener("submit", (e) => e.preventDefault());
    const tensorSet = el("fieldset");
    tensorSet.append(el("legend", "Tensor"), field("q-sample", "Sample", this.sample), field("q-size", "Values", this.size), field("q-seed", "Seed", this.seed), this.tensorCaption);
    const schemeSet = el("fieldset");
    schemeSet.append(
      el("legend", "Scheme"),
      field("q-format", "Format", this.format),
      this.formatNote,
      field("q-bits", "Bits", this.bits.input, this.bits.output),
      field("q-mode", "Mode", this.mode),
      field("q-granularity", "Scale shared by", this.granularity),
      field("q-group-size", "Group size", this.groupSize.input, this.groupSize.output, "Used by “Per group”, and as NF4's block size."),
      field("q-clipping", "Clipping", this.clipping),
      field("q-clip-ratio", "Clip ratio", this.clipRatio.input, this.clipRatio.output, "Each group's range × ratio."),
      field("q-clip-percentile", "Clip percentile", this.clipPercentile.input, this.clipPercentile.output, "Clip at this percentile of |x| over the tensor."),
      field("q-rounding", "Rounding", this.rounding),
      field("q-rounding-seed", "Rounding seed", this.roundingSeed, undefined, "Stochastic rounding only."),
    );
    const copy = el("button", "Copy as snippet", "primary");
    copy.type = "button";
    copy.id = "q-copy";
    copy.addEventListener("click", () => this.onCopy());
    controls.append(tensorSet, schemeSet, copy);

    this.numbers = new NumbersTable("This scheme", [
      { id: "q-mse", label: "MSE" },
      { id: "q-sqnr", label: "SQNR" },
      { id: "q-max-error", label: "Largest |x̂ − x|" },
      { id: "q-bytes", label: "Bytes per weight (with scales)" },
      { id: "q-groups", label: "Scales (groups)" },
    ]);
    const results = el("div", undefined, "results");
    results.append(this.numbers.table, this.comparison, this.chartArea);
    for (const id of ["histogram", "errors", "bits"]) {
      const figure = el("figure", undefined, "chart");
      const canvas = el("canvas");
      canvas.id = `chart-${id}`;
      canvas.setAttribute("role", "img");
      figure.append(canvas);
      this.canvases[id] = canvas;
      this.chartArea.append(figure);
    }
    this.canvases.histogram.setAttribute("aria-label", "Histogram of the tensor's values with the quantization grid of the first group over it");
    this.canvases.errors.setAttribute("aria-label", "Reconstruction error x̂ − x of sampled elements against their value");
    this.canvases.bits.setAttribute("aria-label", "SQNR and MSE of the integer scheme against bits, the current scheme marked");
    this.element.append(controls, results);
  }

  /** (Re)creates the charts, with the theme's colours of the moment. */
  makeCharts(): void {
    for (const chart of Object.values(this.charts)) chart.destroy();
    this.charts.histogram = xyChart(this.canvases.histogram, {
      title: "Values and the quantization grid",
      xTitle: "value",
      yTitle: "count per bin",
      series: [
        { label: "values", color: 0, stepped: true },
        // Under the histogram and see-through: at 8 bits the grid has 256 lines.
        { label: "grid (first group)", color: 1, alpha: 0.45, order: 1 },
      ],
    });
    this.charts.errors = xyChart(this.canvases.errors, {
      title: "Error per element",
      xTitle: "value x",
      yTitle: "x̂ − x",
      series: [{ label: "x̂ − x (sampled)", color: "error", line: false, points: 1.5 }],
    });
    this.charts.bits = xyChart(this.canvases.bits, {
      title: "Error against bits (integer, same settings)",
      xTitle: "bits",
      yTitle: "SQNR (dB)",
      y1Title: "MSE",
      series: [
        { label: "SQNR (dB)", color: 0, points: 3, yAxisID: "y" },
        { label: "MSE", color: 2, points: 3, yAxisID: "y1", dashed: true },
        { label: "this scheme (SQNR)", color: 1, line: false, points: 7, yAxisID: "y" },
      ],
    });
  }

  /** Puts the state into the controls, enabling those that mean something for the format. */
  syncControls(state: QuantizationState, customName: string | undefined): void {
    const samples = SAMPLE_KINDS.map((k) => ({ value: k, label: SAMPLE_LABELS[k] }));
    const fromFile = customName ? `From a model file: ${customName}` : "From a model file (loading…)";
    setOptions(this.sample, customName || state.sample === "custom" ? [...samples, { value: "custom", label: fromFile }] : samples);
    this.sample.value = state.sample;
    this.size.value = String(state.size);
    this.seed.value = String(state.seed);
    this.size.disabled = this.seed.disabled = state.sample === "custom";
    this.format.value = state.format;
    this.bits.set(state.bits);
    this.mode.value = state.mode;
    this.granularity.value = state.granularity;
    this.groupSize.set(state.groupSize);
    this.clipping.value = state.clipping;
    this.clipRatio.set(state.clipRatio);
    this.clipPercentile.set(state.clipPercentile);
    this.rounding.value = state.rounding;
    this.roundingSeed.value = String(state.roundingSeed);
    const c = controlsFor(state.format);
    this.bits.input.disabled = !c.bits;
    this.mode.disabled = !c.mode;
    this.granularity.disabled = !c.granularity;
    this.groupSize.input.disabled = !c.granularity || (state.granularity !== "group" && state.format !== "nf4");
    this.clipping.disabled = !c.clipping;
    this.clipRatio.input.disabled = !c.clipping || state.clipping !== "ratio";
    this.clipPercentile.input.disabled = !c.clipping || state.clipping !== "percentile";
    this.rounding.disabled = !c.rounding;
    this.roundingSeed.disabled = !c.rounding || state.rounding !== "stochastic";
    this.formatNote.textContent = FORMAT_NOTES[state.format];
  }

  /** Paints the current scheme (histogram, grid, errors, numbers) and whatever of the sweep is known. */
  paintCurrent(view: QuantizationView): void {
    const { tensor, histogram, current } = view;
    this.tensorCaption.textContent = `${tensor.name}: shape [${tensor.shape.join(" × ")}], ${tensor.count.toLocaleString("en-US")} values in [${formatNumber(tensor.min)}, ${formatNumber(tensor.max)}]`;
    const top = Math.max(...histogram.counts);
    this.charts.histogram.data.datasets[0].data = histogram.centers.map((x, i) => ({ x, y: histogram.counts[i] }));
    this.charts.histogram.data.datasets[1].data = verticalLines(view.grid, top);
    this.charts.histogram.update("none");
    this.charts.errors.data.datasets[0].data = view.errors.x.map((x, i) => ({ x, y: view.errors.error[i] }));
    this.charts.errors.update("none");
    this.numbers.set("q-mse", current.mse, formatNumber(current.mse));
    this.numbers.set("q-sqnr", current.sqnrDb, `${formatNumber(current.sqnrDb)} dB`);
    this.numbers.set("q-max-error", current.maxAbsError, formatNumber(current.maxAbsError));
    this.numbers.set("q-bytes", current.bytesPerWeight, `${formatNumber(current.bytesPerWeight)} B (${formatNumber(current.bytesPerWeight * 8)} bits)`);
    this.numbers.set("q-groups", current.groups, `${current.groups.toLocaleString("en-US")} of ${current.groupLength.toLocaleString("en-US")} values`);
    this.paintSweep(view);
  }

  /** The bits curve (gaps where not computed yet) with the current scheme marked, and the comparison table. */
  paintSweep(view: Pick<QuantizationView, "bitsCurve" | "comparison" | "current">): void {
    const { bitsCurve } = view;
    this.charts.bits.data.datasets[0].data = bitsCurve.bits.map((x, i) => ({ x, y: bitsCurve.sqnrDb[i] }));
    this.charts.bits.data.datasets[1].data = bitsCurve.bits.map((x, i) => ({ x, y: bitsCurve.mse[i] }));
    this.charts.bits.data.datasets[2].data = [{ x: bitsCurve.currentBits, y: view.current.sqnrDb }];
    this.charts.bits.update("none");
    const head = el("thead");
    const headRow = el("tr");
    for (const h of ["Scale shared by", "MSE", "SQNR (dB)", "Bytes per weight"]) {
      const th = el("th", h);
      th.scope = "col";
      headRow.append(th);
    }
    head.append(headRow);
    const body = el("tbody");
    for (const row of view.comparison) {
      const tr = el("tr");
      tr.dataset.granularity = row.granularity;
      const th = el("th", row.label);
      th.scope = "row";
      tr.append(th);
      const m = row.metrics;
      for (const [key, value] of [["mse", m?.mse], ["sqnrDb", m?.sqnrDb], ["bytesPerWeight", m?.bytesPerWeight]] as const) {
        const td = el("td", value === undefined ? "…" : formatNumber(value));
        td.dataset.metric = key;
        if (value !== undefined) td.dataset.value = String(value);
        tr.append(td);
      }
      body.append(tr);
    }
    this.comparison.replaceChildren(el("caption", "Side by side"), head, body);
    this.comparison.setAttribute("aria-busy", String(view.comparison.some((r) => !r.metrics)));
  }
}

const FORMAT_NOTES: Record<QuantizationState["format"], string> = {
  int: "Scale and zero point from each group's range (PyTorch observers), then round and clamp.",
  nf4: "Blockwise absmax and the 16 NormalFloat levels; bits, mode, clipping and rounding do not apply.",
  "fp8-e4m3": "A scale per group maps |x|max (or the clip) to 448; values round to E4M3 with ties to even.",
  "fp8-e5m2": "A scale per group maps |x|max (or the clip) to 57344; values round to E5M2 with ties to even.",
  q4_0: "Fixed blocks of 32 with an fp16 scale, llama.cpp's reference rounding; the other settings do not apply.",
};

export type { QuantizationLab };
