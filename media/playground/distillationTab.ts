/**
 * The Distillation tab: editable teacher and student logits, the label, T and α; both softmax distributions
 * at T, the KL contribution per class, the losses with and without T², and a sweep over T.
 */
import type { Chart } from "chart.js";
import { type Point, barChart, xyChart } from "./charts";
import { NumbersTable, el, field, formatNumber, rangeControl, selectControl, setOptions } from "./controls";
import type { DistillationView } from "./model/distillationView";
import { type DistillationState, LIMITS } from "./model/state";

type Patch = Partial<DistillationState>;

/** "4, 1.5, -1" → numbers, or the reason it is not a list of logits. */
export function parseLogits(text: string): number[] | string {
  const items = text.split(/[,\s]+/).filter((s) => s !== "");
  if (items.length < LIMITS.classes.min || items.length > LIMITS.classes.max) return `give ${LIMITS.classes.min} to ${LIMITS.classes.max} numbers separated by commas`;
  const values: number[] = [];
  for (const [i, item] of items.entries()) {
    const v = Number(item);
    if (!Number.isFinite(v) || v < LIMITS.logit.min || v > LIMITS.logit.max) return `item ${i + 1} ("${item}") must be a number between ${LIMITS.logit.min} and ${LIMITS.logit.max}`;
    values.push(v);
  }
  return values;
}

export class DistillationTab {
  readonly element = el("div", undefined, "tab-layout");
  readonly charts: { distributions?: Chart<"bar", number[], string>; kl?: Chart<"bar", number[], string>; sweep?: Chart<"line", Point[]> } = {};
  private readonly teacher = el("input");
  private readonly student = el("input");
  private readonly logitsError = el("p", undefined, "error-text");
  private readonly label: HTMLSelectElement;
  private readonly temperature;
  private readonly alpha;
  private readonly numbers: NumbersTable;
  private readonly canvases: Record<string, HTMLCanvasElement> = {};

  constructor(private readonly onChange: (patch: Patch, control: string) => void, onCopy: () => void) {
    for (const input of [this.teacher, this.student]) {
      input.type = "text";
      input.spellcheck = false;
      input.setAttribute("aria-errormessage", "d-logits-error");
      input.addEventListener("change", () => this.logitsChanged(input === this.teacher ? "d-teacher" : "d-student"));
    }
    this.logitsError.id = "d-logits-error";
    this.logitsError.setAttribute("role", "alert");
    this.label = selectControl([], (v) => onChange({ label: Number(v) }, "d-label"));
    this.temperature = rangeControl(LIMITS.temperature, (v) => `T = ${v.toFixed(1)}`, (v) => onChange({ temperature: v }, "d-temperature"));
    this.alpha = rangeControl(LIMITS.alpha, (v) => `α = ${v.toFixed(2)}`, (v) => onChange({ alpha: v }, "d-alpha"));

    const controls = el("form", undefined, "controls");
    controls.setAttribute("aria-label", "Distillation settings");
    controls.addEventListener("submit", (e) => e.preventDefault());
    const set = el("fieldset");
    set.append(
      el("legend", "Logits and loss"),
      field("d-teacher", "Teacher logits", this.teacher, undefined, "Numbers separated by commas; press Enter or leave the field to apply."),
      field("d-student", "Student logits", this.student),
      this.logitsError,
      field("d-label", "True class (hard label)", this.label),
      field("d-temperature", "Temperature", this.temperature.input, this.temperature.output),
      field("d-alpha", "α (weight of the hard loss)", this.alpha.input, this.alpha.output),
    );
    const copy = el("button", "Copy as snippet", "primary");
    copy.type = "button";
    copy.id = "d-copy";
    copy.addEventListener("click", onCopy);
    controls.append(set, copy);

    this.numbers = new NumbersTable("Losses (natural log)", [
      { id: "d-hard", label: "Hard loss: cross-entropy with the label (T = 1)" },
      { id: "d-kl", label: "KL(teacher ‖ student) at T" },
      { id: "d-soft", label: "Soft loss T² · KL" },
      { id: "d-total", label: "Total α·hard + (1 − α)·T²·KL" },
      { id: "d-total-without", label: "Total without T²: α·hard + (1 − α)·KL" },
    ]);
    const results = el("div", undefined, "results");
    const charts = el("div", undefined, "charts");
    for (const [id, label] of [
      ["distributions", "Teacher and student probabilities at T, per class"],
      ["kl", "KL contribution of each class"],
      ["sweep", "Soft loss with and without T², and the total, against T"],
    ]) {
      const figure = el("figure", undefined, "chart");
      const canvas = el("canvas");
      canvas.id = `chart-${id}`;
      canvas.setAttribute("role", "img");
      canvas.setAttribute("aria-label", label);
      figure.append(canvas);
      this.canvases[id] = canvas;
      charts.append(figure);
    }
    results.append(this.numbers.table, charts);
    this.element.append(controls, results);
  }

  private logitsChanged(control: string): void {
    const teacher = parseLogits(this.teacher.value);
    const student = parseLogits(this.student.value);
    this.teacher.setAttribute("aria-invalid", String(typeof teacher === "string"));
    this.student.setAttribute("aria-invalid", String(typeof student === "string"));
    let error = "";
    if (typeof teacher === "string") error = `Teacher logits: ${teacher}.`;
    else if (typeof student === "string") error = `Student logits: ${student}.`;
    else if (teacher.length !== student.length) error = `Teacher has ${teacher.length} logits and student ${student.length}: give both the same number of classes.`;
    this.logitsError.textContent = error;
    if (error || typeof teacher === "string" || typeof student === "string") return;
    // The label is kept; the state's sanitizer moves it into range when the classes get fewer.
    this.onChange({ teacher, student }, control);
  }

  makeCharts(): void {
    this.charts.distributions?.destroy();
    this.charts.kl?.destroy();
    this.charts.sweep?.destroy();
    this.charts.distributions = barChart(this.canvases.distributions, {
      title: "Softmax at T",
      yTitle: "probability",
      series: [
        { label: "teacher", color: 0 },
        { label: "student", color: 1 },
      ],
    });
    this.charts.kl = barChart(this.canvases.kl, { title: "KL contributions p_t · ln(p_t / p_s)", yTitle: "nats", series: [{ label: "contribution", color: 3 }] });
    this.charts.sweep = xyChart(this.canvases.sweep, {
      title: "Sweep over T",
      xTitle: "temperature T",
      yTitle: "loss (nats)",
      series: [
        { label: "soft T²·KL", color: 0, points: 2 },
        { label: "soft KL (no T²)", color: 2, points: 2, dashed: true },
        { label: "total", color: 4, points: 2 },
        { label: "this T (total)", color: 1, line: false, points: 7 },
      ],
    });
  }

  syncControls(state: DistillationState): void {
    this.teacher.value = state.teacher.join(", ");
    this.student.value = state.student.join(", ");
    this.teacher.setAttribute("aria-invalid", "false");
    this.student.setAttribute("aria-invalid", "false");
    this.logitsError.textContent = "";
    setOptions(this.label, state.teacher.map((_, i) => ({ value: String(i), label: `class ${i}` })));
    this.label.value = String(state.label);
    this.temperature.set(state.temperature);
    this.alpha.set(state.alpha);
  }

  paint(state: DistillationState, view: DistillationView): void {
    const { distributions, kl, sweep } = this.charts;
    if (!distributions || !kl || !sweep) return;
    distributions.data.labels = view.classes;
    distributions.data.datasets[0].data = view.teacherProbabilities;
    distributions.data.datasets[1].data = view.studentProbabilities;
    distributions.update("none");
    kl.data.labels = view.classes;
    kl.data.datasets[0].data = view.klContributions;
    kl.update("none");
    const t = view.sweep.temperatures;
    sweep.data.datasets[0].data = t.map((x, i) => ({ x, y: view.sweep.soft[i] }));
    sweep.data.datasets[1].data = t.map((x, i) => ({ x, y: view.sweep.softWithoutT2[i] }));
    sweep.data.datasets[2].data = t.map((x, i) => ({ x, y: view.sweep.total[i] }));
    sweep.data.datasets[3].data = [{ x: state.temperature, y: view.total }];
    sweep.update("none");
    this.numbers.set("d-hard", view.hard, formatNumber(view.hard));
    this.numbers.set("d-kl", view.kl, formatNumber(view.kl));
    this.numbers.set("d-soft", view.soft, formatNumber(view.soft));
    this.numbers.set("d-total", view.total, formatNumber(view.total));
    this.numbers.set("d-total-without", view.totalWithoutT2, formatNumber(view.totalWithoutT2));
  }
}
