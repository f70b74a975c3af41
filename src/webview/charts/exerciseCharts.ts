/**
 * Chart models for an exercise's results: the learner's numbers next to the reference's, drawn from the
 * report's cases (inputs, expected, actual) plus the compute core for reference curves. One builder per
 * chart kind; every builder falls back to a per-case comparison when the cases have another shape.
 */
import type { CaseResult, CheckReport } from "../../protocol/checkReport";
import type { ChartKind } from "../../protocol/exercise";
import type { ChartSeries, ChartSpec } from "../../protocol/webviewMessages";
import * as math from "./chartMath";
import { practiceChartBuilders } from "./practiceCharts";
import { asNumber, asNumbers, finiteOrNull, formatNumber, isDistribution, numericFields } from "./jsonShapes";

/** `argNames`: the exercise's names for the checked function's positional arguments, when the pack gives them. */
type Builder = (report: CheckReport, argNames?: string[]) => ChartSpec[];

const builders: Record<ChartKind, Builder> = {
  none: () => [],
  "quantization-error": quantizationErrorCharts,
  "quantization-grid": quantizationGridCharts,
  "clip-curve": clipCurveCharts,
  memory: (report) => perCaseComparison(report, "Memory: reference vs yours", "value"),
  probabilities: probabilityCharts,
  "temperature-sweep": temperatureSweepCharts,
  "kl-contributions": klContributionCharts,
  ...practiceChartBuilders,
};

export function exerciseCharts(kind: ChartKind, report: CheckReport, argNames?: string[]): ChartSpec[] {
  const charts = builders[kind]?.(report, argNames) ?? [];
  return charts.length > 0 || kind === "none" ? charts : perCaseComparison(report, "Reference vs yours", "value");
}

/** The case a single-case chart shows: the smallest failure (the report sorts it first), else the first. */
function focusCase(report: CheckReport, accept: (c: CaseResult) => boolean): CaseResult | undefined {
  return report.cases.find(accept);
}

const REFERENCE = "reference";
const YOURS = "yours";

function series(label: string, data: (number | null)[], role: ChartSeries["role"], extra: Partial<ChartSeries> = {}): ChartSeries {
  return { label, data, role, ...extra };
}

/** One bar pair per case (or per numeric field of object results). */
export function perCaseComparison(report: CheckReport, title: string, yTitle: string): ChartSpec[] {
  const labels: string[] = [];
  const reference: (number | null)[] = [];
  const yours: (number | null)[] = [];
  for (const c of report.cases.slice(0, 24)) {
    const e = asNumber(c.expected);
    const a = asNumber(c.actual);
    if (e !== undefined || a !== undefined) {
      labels.push(c.name);
      reference.push(finiteOrNull(e));
      yours.push(finiteOrNull(a));
      continue;
    }
    const expectedFields = new Map(numericFields(c.expected));
    const actualFields = new Map(numericFields(c.actual));
    for (const field of new Set([...expectedFields.keys(), ...actualFields.keys()])) {
      labels.push(`${c.name} · ${field}`);
      reference.push(finiteOrNull(expectedFields.get(field)));
      yours.push(finiteOrNull(actualFields.get(field)));
    }
  }
  if (labels.length === 0) return [];
  const charts: ChartSpec[] = [{ id: "per-case", title, type: "bar", labels, xTitle: "case", yTitle, series: [series(REFERENCE, reference, "reference"), series(YOURS, yours, "learner")] }];
  // Bars of similar height hide a small mistake: the difference gets a chart on its own scale.
  const differences = reference.map((r, i) => (r !== null && yours[i] !== null ? yours[i]! - r : null));
  if (differences.some((d) => d !== null && d !== 0)) {
    charts.unshift({ id: "per-case-difference", title: "Yours − reference, per case", type: "bar", labels, xTitle: "case", yTitle: `yours − reference (${yTitle})`, series: [series("yours − reference", differences, "error")] });
  }
  return charts;
}

function histogram(values: number[], bins: number, lo: number, hi: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  const width = (hi - lo) / bins || 1;
  for (const v of values) counts[Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / width)))]++;
  return counts;
}

function quantizationErrorCharts(report: CheckReport): ChartSpec[] {
  const arrayCase = focusCase(report, (c) => asNumbers(c.expected) !== undefined || asNumbers(c.actual) !== undefined);
  if (arrayCase) return elementwiseErrorCharts(arrayCase);
  // Scalar results (an MSE, say) of two same-length inputs (w and ŵ): show where the error comes from.
  const pairCase = focusCase(report, (c) => {
    const [w, wHat] = [asNumbers(c.input[0]), asNumbers(c.input[1])];
    return w !== undefined && wHat !== undefined && w.length === wHat.length;
  });
  const charts = perCaseComparison(report, "Reference vs yours, per case", "value");
  if (pairCase) {
    const w = asNumbers(pairCase.input[0])!;
    const wHat = asNumbers(pairCase.input[1])!;
    const labels = w.map((_, i) => `w[${i}]`);
    charts.unshift(
      { id: "original-vs-dequantized", title: `Original vs dequantized (${pairCase.name})`, type: "line", labels, xTitle: "element", yTitle: "value", series: [series("original w", w, "reference"), series("dequantized ŵ", wHat, "learner")] },
      { id: "per-element-error", title: "Per-element squared error (w − ŵ)²", type: "bar", labels, xTitle: "element", yTitle: "squared error", series: [series("(w − ŵ)²", w.map((v, i) => (v - wHat[i]) ** 2), "error")] },
    );
  }
  return charts;
}

function elementwiseErrorCharts(c: CaseResult): ChartSpec[] {
  const expected = asNumbers(c.expected);
  const actual = asNumbers(c.actual);
  const length = Math.max(expected?.length ?? 0, actual?.length ?? 0);
  const original = c.input.map(asNumbers).find((v) => v !== undefined && v.length === length);
  const labels = Array.from({ length }, (_, i) => String(i));
  const valueSeries = [
    ...(original ? [series("original", original, "neutral")] : []),
    ...(expected ? [series(REFERENCE, expected, "reference")] : []),
    ...(actual ? [series(YOURS, actual.map(finiteOrNull), "learner")] : []),
  ];
  const charts: ChartSpec[] = [{ id: "original-vs-dequantized", title: `Original vs dequantized (${c.name})`, type: "line", labels, xTitle: "element", yTitle: "value", series: valueSeries }];
  const base = original ?? expected;
  if (!base) return charts;
  const errorOf = (values: number[] | undefined) => values?.map((v, i) => v - base[i]);
  const referenceError = original && expected ? errorOf(expected) : undefined;
  const yourError = actual ? errorOf(actual) : undefined;
  const errorTitle = original ? "Per-element error (dequantized − original)" : "Per-element difference (yours − reference)";
  const errorSeries = [
    ...(referenceError ? [series("reference error", referenceError, "reference")] : []),
    ...(yourError ? [series("your error", yourError.map(finiteOrNull), "error")] : []),
  ];
  if (errorSeries.length === 0) return charts;
  charts.push({ id: "per-element-error", title: errorTitle, type: "bar", labels, xTitle: "element", yTitle: "error", series: errorSeries });
  const all = [...(referenceError ?? []), ...(yourError ?? [])].filter(Number.isFinite);
  if (all.length > 0) {
    const lo = Math.min(...all);
    const hi = Math.max(...all);
    const bins = 10;
    const width = (hi - lo) / bins || 1;
    const binLabels = Array.from({ length: bins }, (_, i) => formatNumber(lo + (i + 0.5) * width));
    charts.push({
      id: "error-histogram",
      title: "Error histogram",
      type: "bar",
      labels: binLabels,
      xTitle: "error (bin centre)",
      yTitle: "elements",
      series: [
        ...(referenceError ? [series("reference", histogram(referenceError, bins, lo, hi), "reference")] : []),
        ...(yourError ? [series(YOURS, histogram(yourError.filter(Number.isFinite), bins, lo, hi), "learner")] : []),
      ],
    });
  }
  return charts;
}

/** Cases of the shape (x, scale, zeroPoint, …) → code: the learner's codes on the reference's grid. */
function quantizationGridCharts(report: CheckReport): ChartSpec[] {
  const shaped = report.cases.filter((c) => c.input.length >= 3 && c.input.slice(0, 3).every((v) => typeof v === "number"));
  if (shaped.length === 0) return quantizationErrorCharts(report);
  // One check's cases only: an exercise may also check the inverse (dequantize) with the same argument shape.
  const checkId = shaped.find((c) => c.function === "quantize")?.checkId ?? shaped[0].checkId;
  const scalarCases = shaped.filter((c) => c.checkId === checkId);
  const charts: ChartSpec[] = [];
  // At most 40 cases: every failing one, then passing ones, drawn in order of x.
  const shown = [...scalarCases.filter((c) => c.status !== "passed"), ...scalarCases.filter((c) => c.status === "passed")].slice(0, 40);
  const sorted = shown.sort((a, b) => (a.input[0] as number) - (b.input[0] as number));
  // Codes span hundreds while a mistake is often ±1: the difference gets a chart of its own, on its own scale.
  const codeErrors = sorted.map((c) => {
    const [e, a] = [codeOf(c.expected), codeOf(c.actual)];
    return e !== undefined && a !== undefined ? finiteOrNull(a - e) : null;
  });
  if (codeErrors.some((d) => d !== null && d !== 0)) {
    const wrong = codeErrors.filter((d) => d !== null && d !== 0).length;
    charts.push({
      id: "code-errors",
      title: `Your code − reference code per case (${wrong} of ${sorted.length} off)`,
      type: "bar",
      labels: sorted.map((c) => formatNumber(c.input[0] as number)),
      xTitle: "x",
      yTitle: "yours − reference",
      series: [series("yours − reference", codeErrors, "error")],
    });
  }
  charts.push({
    id: "codes-per-case",
    title: `Integer code per case (${sorted.length} cases, sorted by x): reference vs yours`,
    type: "line",
    // x alone keeps the axis readable; the cases table lists every argument.
    labels: sorted.map((c) => formatNumber(c.input[0] as number)),
    xTitle: "x",
    yTitle: "code q",
    series: [series(REFERENCE, sorted.map((c) => finiteOrNull(codeOf(c.expected))), "reference", { stepped: true }), series(YOURS, sorted.map((c) => finiteOrNull(codeOf(c.actual))), "learner", { showPoints: true })],
  });
  // The grid itself around the focused case: the core's quantize over a range of x, with the learner's point.
  const focus = focusCase(report, (c) => scalarCases.includes(c))!;
  const [x, scale, zeroPoint] = focus.input as number[];
  if (scale > 0 && Number.isFinite(scale)) {
    const steps = 24;
    // Snapped to 12 decimals so float noise (5.55e-17 for 0) does not reach the axis labels.
    const xs = Array.from({ length: steps + 1 }, (_, i) => Number((x - 3 * scale + (i * 6 * scale) / steps).toFixed(12)) || 0);
    const grid = xs.map((v) => math.quantize(v, scale, zeroPoint));
    const nearest = xs.reduce((best, v, i) => (Math.abs(v - x) < Math.abs(xs[best] - x) ? i : best), 0);
    const yourCode = codeOf(focus.actual);
    charts.push({
      id: "quantization-grid",
      title: `Quantization grid at scale ${formatNumber(scale)}, zero point ${formatNumber(zeroPoint)}`,
      type: "line",
      labels: xs.map(formatNumber),
      xTitle: "x",
      yTitle: "code q",
      series: [
        series("reference grid (core quantize)", grid, "reference", { stepped: true }),
        series(`your answer at x=${formatNumber(x)}`, xs.map((_, i) => (i === nearest ? finiteOrNull(yourCode) : null)), "learner", { showPoints: true }),
      ],
    });
  }
  return charts;
}

/** A code from a result that is a number or an object with a `q` (or first numeric) field. */
function codeOf(value: CaseResult["expected"]): number | undefined {
  const direct = asNumber(value);
  if (direct !== undefined) return direct;
  const fields = numericFields(value);
  return (fields.find(([k]) => k === "q") ?? fields[0])?.[1];
}

function clipCurveCharts(report: CheckReport): ChartSpec[] {
  const charts: ChartSpec[] = [];
  const pick = report.cases.find((c) => clipCurveOf(c) !== undefined);
  const mseCurve = learnerMseCurve(report);
  if (pick) {
    const { clips, mse } = clipCurveOf(pick)!;
    const mark = (value: number | undefined) => clips.map((clip, i) => (value !== undefined && clip === value ? mse[i] : null));
    const yourPick = clipOf(pick.actual);
    // The learner's own MSE at these clips, where their clipMse answered for the same weights and bits.
    const yoursAtClips = mseCurve && sameNumbers(mseCurve.w, asNumbers(pick.input[0])) && mseCurve.bits === pick.input[2] ? clips.map((clip) => finiteOrNull(mseCurve.points.find((p) => p.clip === clip)?.yours)) : undefined;
    charts.push({
      id: "mse-vs-clip",
      title: `MSE against clip value (${pick.name})`,
      type: "line",
      labels: clips.map(formatNumber),
      xTitle: "clip",
      yTitle: "MSE",
      series: [
        series("reference MSE", mse, "reference"),
        ...(yoursAtClips?.some((v) => v !== null) ? [series("your clipMse", yoursAtClips, "learner", { showPoints: true })] : []),
        series(`reference pick${clipOf(pick.expected) !== undefined ? ` (${formatNumber(clipOf(pick.expected)!)})` : ""}`, mark(clipOf(pick.expected)), "reference", { showPoints: true, pointRadius: 9 }),
        series(`your pick${yourPick !== undefined ? ` (${formatNumber(yourPick)})` : ""}`, mark(yourPick), "learner", { showPoints: true, pointRadius: 6 }),
      ],
    });
  }
  if (mseCurve && mseCurve.points.length >= 2) {
    const labels = mseCurve.points.map((p) => formatNumber(p.clip));
    charts.push({
      id: "your-mse-curve",
      title: `Your clipMse against the reference's, clip by clip (${mseCurve.points.length} clips, ${mseCurve.bits} bits)`,
      type: "line",
      labels,
      xTitle: "clip",
      yTitle: "MSE",
      series: [series(REFERENCE, mseCurve.points.map((p) => finiteOrNull(p.reference)), "reference"), series(YOURS, mseCurve.points.map((p) => finiteOrNull(p.yours)), "learner", { showPoints: true })],
    });
    const errors = mseCurve.points.map((p) => (p.yours !== undefined && p.reference !== undefined ? finiteOrNull(p.yours - p.reference) : null));
    if (errors.some((e) => e !== null && e !== 0)) {
      charts.push({ id: "mse-errors", title: "Your clipMse − reference, clip by clip", type: "bar", labels, xTitle: "clip", yTitle: "yours − reference", series: [series("yours − reference", errors, "error")] });
    }
  }
  return charts;
}

/** A case that carries a whole MSE-vs-clip curve: (mse, clips) / (clips, mse) lists, or (w, clips, bits) for the core's search. */
function clipCurveOf(c: CaseResult): { clips: number[]; mse: number[] } | undefined {
  const arrays = c.input.map(asNumbers);
  const picked = asNumber(c.expected) ?? asNumber(c.actual);
  if (arrays.length === 2 && arrays[0] && arrays[1] && arrays[0].length === arrays[1].length) {
    // (mse, clips) or (clips, mse): the clips are the array that contains the answer.
    const clipsFirst = picked !== undefined && arrays[0].includes(picked) && !arrays[1].includes(picked);
    return clipsFirst ? { clips: arrays[0], mse: arrays[1] } : { clips: arrays[1], mse: arrays[0] };
  }
  if (arrays[0] && arrays[1] && typeof c.input[2] === "number") {
    const search = math.clipSearch(arrays[0], arrays[1], c.input[2]);
    return { clips: search.curve.map((p) => p.clip), mse: search.curve.map((p) => p.mse) };
  }
  return undefined;
}

/**
 * The learner's own MSE curve: the cases shaped (w, clip, bits) → MSE that share the weights and bits of the
 * largest such group, sorted by clip.
 */
function learnerMseCurve(report: CheckReport): { w: number[]; bits: number; points: { clip: number; reference?: number; yours?: number }[] } | undefined {
  const shaped = report.cases.filter((c) => asNumbers(c.input[0]) !== undefined && typeof c.input[1] === "number" && typeof c.input[2] === "number" && (asNumber(c.expected) !== undefined || asNumber(c.actual) !== undefined));
  const groups = new Map<string, CaseResult[]>();
  for (const c of shaped) {
    const key = JSON.stringify([c.input[0], c.input[2]]);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const largest = [...groups.values()].sort((a, b) => b.length - a.length)[0];
  if (!largest) return undefined;
  const points = largest.map((c) => ({ clip: c.input[1] as number, reference: asNumber(c.expected), yours: asNumber(c.actual) })).sort((a, b) => a.clip - b.clip);
  return { w: asNumbers(largest[0].input[0])!, bits: largest[0].input[2] as number, points };
}

function sameNumbers(a: number[] | undefined, b: number[] | undefined): boolean {
  return a !== undefined && b !== undefined && a.length === b.length && a.every((v, i) => v === b[i]);
}

function clipOf(value: CaseResult["expected"]): number | undefined {
  return asNumber(value) ?? numericFields(value).find(([k]) => k === "bestClip" || k === "clip")?.[1];
}

function probabilityCharts(report: CheckReport, argNames?: string[]): ChartSpec[] {
  const c = focusCase(report, (r) => asNumbers(r.expected) !== undefined || asNumbers(r.actual) !== undefined || r.input.some((v) => asNumbers(v) !== undefined));
  if (!c) return [];
  const inputs = c.input.map(asNumbers);
  const length = Math.max(...inputs.map((v) => v?.length ?? 0), asNumbers(c.expected)?.length ?? 0, asNumbers(c.actual)?.length ?? 0);
  const labels = Array.from({ length }, (_, i) => `class ${i}`);
  const out: ChartSeries[] = [];
  const temperature = temperatureOf(c, argNames);
  // Named arguments decide which vector is the teacher's; without names, two vectors are taken as (teacher, student).
  const vectors = inputs.flatMap((values, index) => (values && values.length === length ? [{ values, index }] : []));
  const guessed = vectors.length >= 2 ? ["teacher", "student"] : ["input"];
  const ordered = argNames ? [...vectors].sort((a, b) => roleRank(argNames[a.index]) - roleRank(argNames[b.index])) : vectors;
  ordered.slice(0, 2).forEach(({ values, index }, i) => {
    const name = argNames?.[index] ?? guessed[i];
    const probabilities = isDistribution(values) ? values : math.softmax(values, temperature ?? 1);
    const label = isDistribution(values) ? name : `softmax(${name}${temperature ? ` / ${formatNumber(temperature)}` : ""})`;
    out.push(series(label, Array.from(probabilities), "neutral", { colorIndex: i === 0 ? 0 : 1 }));
  });
  const expected = asNumbers(c.expected);
  const actual = asNumbers(c.actual);
  const charts: ChartSpec[] = [];
  if (expected && !isDistribution(expected)) {
    // Log-probabilities and other non-distributions get an axis of their own, not the probability axis.
    charts.push({ id: "probabilities", title: `Distributions (${c.name})`, type: "bar", labels, xTitle: "class", yTitle: "probability", series: out });
    charts.push({ id: "values", title: `Reference vs yours (${c.name})`, type: "bar", labels, xTitle: "class", yTitle: "value", series: [series(REFERENCE, expected, "reference"), ...(actual ? [series(YOURS, actual.map(finiteOrNull), "learner")] : [])] });
    return charts;
  }
  if (expected) {
    // softmax(input / T) is what a softmax exercise expects: drawn once, as the reference.
    const duplicate = out.findIndex((s) => s.data.length === expected.length && s.data.every((v, i) => v !== null && Math.abs(v - expected[i]) <= 1e-12));
    if (duplicate >= 0) out.splice(duplicate, 1);
    out.push(series(REFERENCE, expected, "reference"));
  }
  if (actual) out.push(series(YOURS, actual.map(finiteOrNull), "learner"));
  charts.push({ id: "probabilities", title: `Distributions (${c.name})`, type: "bar", labels, xTitle: "class", yTitle: "probability", series: out });
  if (!expected && !actual) charts.push(...perCaseComparison(report, "Reference vs yours, per case", "value"));
  return charts;
}

/** Teacher first, then student, then anything else. */
function roleRank(name: string | undefined): number {
  if (name && /teacher/i.test(name)) return 0;
  if (name && /student/i.test(name)) return 1;
  return 2;
}

/** The temperature of a case: the argument named so, else the second of a case shaped (logits, T, …). */
function temperatureOf(c: CaseResult, argNames?: string[]): number | undefined {
  const named = argNames?.findIndex((n) => /^(temperature|t|tau)$/i.test(n)) ?? -1;
  if (named >= 0) {
    const value = asNumber(c.input[named]);
    return value !== undefined && value > 0 ? value : undefined;
  }
  const t = asNumber(c.input[1]);
  return asNumbers(c.input[0]) && t !== undefined && t > 0 ? t : undefined;
}

function temperatureSweepCharts(report: CheckReport): ChartSpec[] {
  const charts = probabilityCharts(report);
  const c = focusCase(report, (r) => asNumbers(r.input[0]) !== undefined);
  if (!c) return charts;
  const logits = asNumbers(c.input[0])!;
  // The learner's answers on the same logits at other temperatures: their own curve on the sweep.
  const sameLogits = report.cases.filter((r) => {
    const other = asNumbers(r.input[0]);
    return other !== undefined && other.length === logits.length && other.every((v, i) => v === logits[i]) && temperatureOf(r) !== undefined;
  });
  const temperatures = [0.5, 1, 2, 4, 8];
  for (const r of sameLogits) if (!temperatures.includes(temperatureOf(r)!)) temperatures.push(temperatureOf(r)!);
  temperatures.sort((a, b) => a - b);
  const perT = temperatures.map((t) => Array.from(math.softmax(logits, t)));
  const yoursAt = (t: number) => asNumbers(sameLogits.find((r) => temperatureOf(r) === t)?.actual);
  const classes = logits.slice(0, 6).map((_, k) => k);
  const yours = classes
    .map((k) => series(`yours, class ${k}`, temperatures.map((t) => finiteOrNull(yoursAt(t)?.[k])), "learner", { showPoints: true }))
    .filter((s) => s.data.some((v) => v !== null));
  charts.push({
    id: "softmax-temperatures",
    title: `Softmax across temperatures (logits ${logits.map(formatNumber).join(", ")})${yours.length ? ": reference curves per class, yours in orange" : ""}`,
    type: "line",
    labels: temperatures.map((t) => `T=${formatNumber(t)}`),
    xTitle: "temperature",
    yTitle: "probability",
    series: [...classes.map((k) => series(`class ${k}`, perT.map((p) => p[k]), "neutral", { colorIndex: k, showPoints: true })), ...yours],
  });
  return charts;
}

function klContributionCharts(report: CheckReport): ChartSpec[] {
  const c = focusCase(report, (r) => {
    const [p, q] = [asNumbers(r.input[0]), asNumbers(r.input[1])];
    return p !== undefined && q !== undefined && p.length === q.length;
  });
  if (!c) return probabilityCharts(report);
  const p = asNumbers(c.input[0])!;
  const q = asNumbers(c.input[1])!;
  const labels = p.map((_, i) => `class ${i}`);
  const charts: ChartSpec[] = [
    { id: "probabilities", title: `Teacher p and student q (${c.name})`, type: "bar", labels, xTitle: "class", yTitle: "probability", series: [series("teacher p", p, "neutral", { colorIndex: 0 }), series("student q", q, "neutral", { colorIndex: 1 })] },
  ];
  if (isDistribution(p) && isDistribution(q)) {
    charts.push({
      id: "kl-contributions",
      title: `Per-class contributions p·ln(p/q) (sum = KL(p‖q) = ${formatNumber(math.klDivergence(p, q))})`,
      type: "bar",
      labels,
      xTitle: "class",
      yTitle: "nats",
      series: [series("KL(p‖q) terms", math.klTerms(p, q).map(finiteOrNull), "reference"), series("KL(q‖p) terms", math.klTerms(q, p).map(finiteOrNull), "neutral", { colorIndex: 1 })],
    });
  }
  charts.push(...perCaseComparison(report, "Divergence: reference vs yours, per case", "nats"));
  return charts;
}
