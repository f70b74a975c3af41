/**
 * Chart models for the "Compression in practice" pack: one builder per chart kind, each drawing what its
 * exercise is about (the bytes of a packed block, …) from the report's cases. Like exerciseCharts.ts, a builder
 * returns [] when the cases have another shape, and the caller then falls back to a per-case comparison.
 */
import type { CaseResult, CheckReport } from "../../protocol/checkReport";
import type { PracticeChartKind } from "../../protocol/exercise";
import type { ChartSeries, ChartSpec } from "../../protocol/webviewMessages";
import { gptqQuantizeRow, lsqFakeQuantize, lsqGradients, nmSparsityReport, smoothQuantMigrate, smoothQuantScales } from "./chartMath";
import { asNumber, asNumbers, finiteOrNull, formatNumber, numericFields } from "./jsonShapes";

type Builder = (report: CheckReport, argNames?: string[]) => ChartSpec[];

export const practiceChartBuilders: Record<PracticeChartKind, Builder> = {
  "nibble-layout": nibbleLayoutCharts,
  "sparsity-mask": sparsityMaskCharts,
  "memory-breakdown": memoryBreakdownCharts,
  "int8-gemm": int8GemmCharts,
  "scale-migration": scaleMigrationCharts,
  "error-feedback": errorFeedbackCharts,
  "ste-gradient": steGradientCharts,
  calibration: calibrationCharts,
};

function series(label: string, data: (number | null)[], role: ChartSeries["role"], extra: Partial<ChartSeries> = {}): ChartSeries {
  return { label, data, role, ...extra };
}

/** The first failing case that `accept`s (the report sorts the smallest failure first), else the first accepted. */
function focusCase(report: CheckReport, accept: (c: CaseResult) => boolean): CaseResult | undefined {
  return report.cases.find((c) => c.status !== "passed" && accept(c)) ?? report.cases.find(accept);
}

/** Codes as llama.cpp reads them back from 18 bytes: q_j = byte_{2+j} & 0x0F, q_{j+16} = byte_{2+j} >> 4. */
function readBackCodes(bytes: number[] | undefined): (number | null)[] | undefined {
  if (!bytes || bytes.length !== 18 || !bytes.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)) return undefined;
  const q = new Array<number | null>(32).fill(null);
  for (let j = 0; j < 16; j++) {
    q[j] = bytes[2 + j] & 0x0f;
    q[j + 16] = bytes[2 + j] >> 4;
  }
  return q;
}

/** The 32 codes of a result: an array, or the `q` field of `{ dBits, q }`. */
function codesOf(value: CaseResult["expected"]): number[] | undefined {
  if (Array.isArray(value)) return asNumbers(value);
  if (value !== null && typeof value === "object") return asNumbers((value as Record<string, CaseResult["expected"]>).q);
  return undefined;
}

/**
 * Q4_0 packing: the codes llama.cpp would read back from your bytes against the codes you were given (a wrong
 * layout shows as a scrambled line), and the bytes themselves; for unpacking, your codes against the reference's.
 */
function nibbleLayoutCharts(report: CheckReport): ChartSpec[] {
  const codeLabels = Array.from({ length: 32 }, (_, j) => `q${j}`);
  const packCase = focusCase(report, (c) => asNumbers(c.input[1])?.length === 32 && asNumber(c.input[0]) !== undefined);
  const charts: ChartSpec[] = [];
  if (packCase) {
    const given = asNumbers(packCase.input[1])!;
    const yours = readBackCodes(asNumbers(packCase.actual));
    charts.push({
      id: "codes-read-back",
      title: `Codes llama.cpp reads back from your 18 bytes (${packCase.name})`,
      type: "line",
      labels: codeLabels,
      xTitle: "code index j (j and j + 16 share byte 2 + j)",
      yTitle: "4-bit code",
      series: [series("codes you were given", given, "reference", { stepped: true }), ...(yours ? [series("read back from your bytes", yours, "learner", { showPoints: true })] : [])],
    });
    const expectedBytes = asNumbers(packCase.expected);
    const actualBytes = asNumbers(packCase.actual);
    if (expectedBytes) {
      charts.push({
        id: "bytes",
        title: "The 18 bytes: scale (bytes 0–1, little-endian) then 16 bytes of nibble pairs",
        type: "bar",
        labels: expectedBytes.map((_, i) => (i < 2 ? `d${i}` : `b${i}`)),
        xTitle: "byte",
        yTitle: "byte value",
        series: [series("reference", expectedBytes, "reference"), ...(actualBytes ? [series("yours", actualBytes.map(finiteOrNull), "learner")] : [])],
      });
    }
  }
  const unpackCase = focusCase(report, (c) => asNumbers(c.input[0])?.length === 18 && codesOf(c.expected) !== undefined);
  if (unpackCase) {
    const expected = codesOf(unpackCase.expected)!;
    const actual = codesOf(unpackCase.actual);
    charts.push({
      id: "codes-unpacked",
      title: `Unpacked codes: reference vs yours (${unpackCase.name})`,
      type: "line",
      labels: codeLabels,
      xTitle: "code index j",
      yTitle: "4-bit code",
      series: [series("reference", expected, "reference", { stepped: true }), ...(actual ? [series("yours", actual.map(finiteOrNull), "learner", { showPoints: true })] : [])],
    });
  }
  return charts;
}

/** A mask of 0/1 of the given length, else undefined. */
function maskOf(value: CaseResult["expected"], length: number): number[] | undefined {
  const m = asNumbers(value);
  return m && m.length === length ? m : undefined;
}

/**
 * N:M sparsity: each weight's magnitude, split into what the reference mask keeps and prunes, with what your mask
 * keeps on top; and, from the core, the N:M and unstructured errors of the same row at every density N/M.
 */
function sparsityMaskCharts(report: CheckReport): ChartSpec[] {
  const shaped = (c: CaseResult) => asNumbers(c.input[0]) !== undefined && asNumber(c.input[1]) !== undefined && asNumber(c.input[2]) !== undefined;
  const charts: ChartSpec[] = [];
  const maskCase = focusCase(report, (c) => shaped(c) && maskOf(c.expected, asNumbers(c.input[0])!.length) !== undefined);
  if (maskCase) {
    const w = asNumbers(maskCase.input[0])!;
    const expected = maskOf(maskCase.expected, w.length)!;
    const actual = maskOf(maskCase.actual, w.length);
    const magnitude = (keep: (i: number) => boolean) => w.map((x, i) => (keep(i) ? Math.abs(x) : null));
    charts.push({
      id: "mask",
      title: `|w| kept and pruned, ${maskCase.input[1]}:${maskCase.input[2]} (${maskCase.name})`,
      type: "bar",
      labels: w.map((_, i) => `w${i}`),
      xTitle: `weight (groups of ${maskCase.input[2]})`,
      yTitle: "|w|",
      series: [
        series("kept by the reference", magnitude((i) => expected[i] === 1), "reference"),
        series("pruned by the reference", magnitude((i) => expected[i] === 0), "neutral"),
        ...(actual ? [series("kept by yours", magnitude((i) => actual[i] === 1), "learner")] : []),
      ],
    });
  }
  const reportCase = focusCase(report, (c) => shaped(c) && numericFields(c.expected).some(([k]) => k === "nmError"));
  if (reportCase) {
    const w = asNumbers(reportCase.input[0])!;
    const m = asNumber(reportCase.input[2])!;
    const ns = Array.from({ length: Math.max(0, m + 1) }, (_, n) => n);
    let curves: { nm: number; un: number }[] = [];
    try {
      curves = ns.map((n) => {
        const r = nmSparsityReport(w, n, m, 16);
        return { nm: r.nmError, un: r.unstructuredError };
      });
    } catch {
      curves = []; // a shape the core refuses (m not dividing the row): no curve
    }
    if (curves.length > 0) {
      const n = asNumber(reportCase.input[1])!;
      const yours = numericFields(reportCase.actual).find(([k]) => k === "nmError")?.[1];
      charts.push({
        id: "error-by-density",
        title: `Pruning error by density N/${m}: N:M vs unstructured (${reportCase.name})`,
        type: "line",
        labels: ns.map((k) => `${k}:${m} (${formatNumber(k / m)})`),
        xTitle: "kept per group (kept fraction)",
        yTitle: "squared error Σ pruned w²",
        series: [
          series("N:M (core)", curves.map((c) => c.nm), "reference", { showPoints: true }),
          series("unstructured, same density (core)", curves.map((c) => c.un), "neutral", { colorIndex: 0, showPoints: true }),
          series(`your N:M error at ${n}:${m}`, ns.map((k) => (k === n && yours !== undefined ? finiteOrNull(yours) : null)), "learner", { showPoints: true, pointRadius: 7 }),
        ],
      });
    }
  }
  return charts;
}

const GIB = 2 ** 30;
const MEMORY_PARTS: [string, string][] = [
  ["baseBytes", "frozen base"],
  ["adapterBytes", "adapters"],
  ["gradientBytes", "gradients"],
  ["optimizerBytes", "Adam moments"],
  ["activationBytes", "activations"],
  ["totalBytes", "total"],
];

/**
 * Fine-tuning memory: each part in GiB, reference vs yours, with the GPU's memory beside the total; and the bits
 * per weight of NF4 with double quantization split into codes, absmaxes and their scales.
 */
function memoryBreakdownCharts(report: CheckReport, argNames?: string[]): ChartSpec[] {
  const charts: ChartSpec[] = [];
  const memoryCase = focusCase(report, (c) => numericFields(c.expected).some(([k]) => k === "totalBytes"));
  if (memoryCase) {
    const expected = new Map(numericFields(memoryCase.expected));
    const actual = new Map(numericFields(memoryCase.actual));
    const gpuIndex = argNames?.findIndex((n) => /gpu/i.test(n)) ?? -1;
    const gpu = asNumber(memoryCase.input[gpuIndex >= 0 ? gpuIndex : memoryCase.input.length - 1]);
    const gib = (v: number | undefined) => (v === undefined ? null : finiteOrNull(v / GIB));
    charts.push({
      id: "memory-by-part",
      title: `Fine-tuning memory by part, GiB${gpu !== undefined ? ` (GPU: ${formatNumber(gpu)} GiB)` : ""} (${memoryCase.name})`,
      type: "bar",
      labels: MEMORY_PARTS.map(([, label]) => label),
      xTitle: "part",
      yTitle: "GiB",
      series: [
        series("reference", MEMORY_PARTS.map(([k]) => gib(expected.get(k))), "reference"),
        ...(actual.size > 0 ? [series("yours", MEMORY_PARTS.map(([k]) => gib(actual.get(k))), "learner")] : []),
        ...(gpu !== undefined ? [series("GPU memory", MEMORY_PARTS.map(([k]) => (k === "totalBytes" ? gpu : null)), "neutral")] : []),
      ],
    });
  }
  const bitsCase = focusCase(report, (c) => c.input.length === 2 && c.input.every((v) => asNumber(v) !== undefined) && asNumber(c.expected) !== undefined);
  if (bitsCase) {
    const [b1, b2] = bitsCase.input as number[];
    const yours = asNumber(bitsCase.actual);
    const parts = [4, 8 / b1, 32 / (b1 * b2)];
    charts.push({
      id: "bits-per-weight",
      title: `Bits per weight, NF4 with double quantization (blocks of ${b1}, ${b2} absmaxes per scale)`,
      type: "bar",
      labels: ["4-bit codes", `8-bit absmax per ${b1}`, `fp32 scale per ${b1 * b2}`, "total"],
      xTitle: "part",
      yTitle: "bits per weight",
      series: [
        series("reference", [...parts, asNumber(bitsCase.expected)!], "reference"),
        series("without double quantization (fp32 absmax)", [4, 32 / b1, 0, 4 + 32 / b1], "neutral"),
        ...(yours !== undefined ? [series("yours", [null, null, null, finiteOrNull(yours)], "learner")] : []),
      ],
    });
  }
  return charts;
}

/** A matrix of numbers (rows of equal length), else undefined. */
function asMatrix(value: CaseResult["expected"] | undefined): number[][] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const rows = value.map((r) => asNumbers(r as CaseResult["expected"]));
  return rows.every((r): r is number[] => r !== undefined && r.length === rows[0]!.length) ? rows : undefined;
}

function fieldOf(value: CaseResult["expected"], key: string): CaseResult["expected"] | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, CaseResult["expected"]>)[key] : undefined;
}

/**
 * Per-token int8: each token's scale (an outlier token gets a coarse one of its own), and the layer's outputs,
 * reference and yours, against the float product X · (Wq · s) that int8 approximates.
 */
function int8GemmCharts(report: CheckReport): ChartSpec[] {
  const charts: ChartSpec[] = [];
  const quantCase = focusCase(report, (c) => asNumbers(fieldOf(c.expected, "scales")) !== undefined);
  if (quantCase) {
    const expected = asNumbers(fieldOf(quantCase.expected, "scales"))!;
    const actual = asNumbers(fieldOf(quantCase.actual, "scales"));
    charts.push({
      id: "token-scales",
      title: `One scale per token (${quantCase.name})`,
      type: "bar",
      labels: expected.map((_, t) => `token ${t}`),
      xTitle: "token",
      yTitle: "scale",
      series: [series("reference", expected, "reference"), ...(actual ? [series("yours", actual.map(finiteOrNull), "learner")] : [])],
    });
  }
  const linearCase = focusCase(report, (c) => asMatrix(fieldOf(c.expected, "y")) !== undefined && asMatrix(c.input[0]) !== undefined);
  if (linearCase) {
    const X = asMatrix(linearCase.input[0])!;
    const Wq = asMatrix(linearCase.input[1]);
    const s = asNumbers(linearCase.input[2]);
    const expected = asMatrix(fieldOf(linearCase.expected, "y"))!;
    const actual = asMatrix(fieldOf(linearCase.actual, "y"));
    const labels = expected.flatMap((row, t) => row.map((_, j) => `y[${t}][${j}]`));
    const float =
      Wq && s && Wq.length === X[0].length && Wq[0].length === s.length
        ? X.flatMap((row) => s.map((sj, j) => row.reduce((sum, x, k) => sum + x * Wq[k][j] * sj, 0)))
        : undefined;
    charts.push({
      id: "outputs",
      title: `Layer outputs: int8 with int32 accumulation vs the float product (${linearCase.name})`,
      type: "line",
      labels,
      xTitle: "output y[token][column]",
      yTitle: "y",
      series: [
        ...(float ? [series("float X · (Wq · s)", float, "neutral", { showPoints: true })] : []),
        series("reference (int8)", expected.flat(), "reference", { showPoints: true }),
        ...(actual && actual.flat().length === labels.length ? [series("yours", actual.flat().map(finiteOrNull), "learner", { showPoints: true })] : []),
      ],
    });
  }
  return charts;
}

/**
 * SmoothQuant: each input channel's activation range and weight range before and after the core's smoothing at
 * the case's α (the outlier channel flattens, its weights grow), your scales against the reference's, and the
 * output error before and after.
 */
function scaleMigrationCharts(report: CheckReport): ChartSpec[] {
  const charts: ChartSpec[] = [];
  const scalesCase = focusCase(report, (c) => asMatrix(c.input[0]) !== undefined && asMatrix(c.input[1]) !== undefined && asNumber(c.input[2]) !== undefined);
  if (scalesCase) {
    const X = asMatrix(scalesCase.input[0])!;
    const W = asMatrix(scalesCase.input[1])!;
    const alpha = asNumber(scalesCase.input[2])!;
    try {
      const s = smoothQuantScales(X, W, alpha);
      const smoothed = smoothQuantMigrate(X, W, s);
      const colMax = (m: number[][]) => m[0].map((_, j) => Math.max(...m.map((row) => Math.abs(row[j]))));
      const rowMax = (m: number[][]) => m.map((row) => Math.max(...row.map(Math.abs)));
      const labels = s.map((_, j) => `channel ${j}`);
      charts.push({
        id: "ranges",
        title: `Per-channel ranges before and after smoothing, α = ${formatNumber(alpha)} (${scalesCase.name})`,
        type: "bar",
        labels,
        xTitle: "input channel j",
        yTitle: "max |value|",
        series: [
          series("activations max|X_j| before", colMax(X), "neutral"),
          series("activations max|X̂_j| after", colMax(smoothed.X), "reference"),
          series("weights max|W_j| before", rowMax(W), "neutral", { colorIndex: 1 }),
          series("weights max|Ŵ_j| after", rowMax(smoothed.W), "neutral", { colorIndex: 0 }),
        ],
      });
      const yours = asNumbers(scalesCase.actual) ?? asNumbers(fieldOf(scalesCase.actual, "scales"));
      if (asNumbers(scalesCase.expected) || asNumbers(fieldOf(scalesCase.expected, "scales"))) {
        charts.push({
          id: "scales",
          title: "Smoothing scales s_j: reference vs yours",
          type: "bar",
          labels,
          xTitle: "input channel j",
          yTitle: "s_j",
          series: [series("reference", s, "reference"), ...(yours && yours.length === s.length ? [series("yours", yours.map(finiteOrNull), "learner")] : [])],
        });
      }
    } catch {
      // a shape the core refuses: the per-case table still shows the numbers
    }
  }
  const errorCase = focusCase(report, (c) => asNumber(fieldOf(c.expected, "before")) !== undefined);
  if (errorCase) {
    const pick = (v: CaseResult["expected"], k: string) => finiteOrNull(asNumber(fieldOf(v, k)));
    charts.push({
      id: "errors",
      title: `Output error of int8 activations, before and after smoothing (${errorCase.name})`,
      type: "bar",
      labels: ["before", "after"],
      xTitle: "",
      yTitle: "mean squared output error",
      series: [
        series("reference", [pick(errorCase.expected, "before"), pick(errorCase.expected, "after")], "reference"),
        ...(errorCase.actual !== undefined ? [series("yours", [pick(errorCase.actual, "before"), pick(errorCase.actual, "after")], "learner")] : []),
      ],
    });
  }
  return charts;
}

/** Round-to-nearest on GPTQ's grid (quant.py's quantize), for the charts' comparison line. */
function roundToNearest(w: number[], scale: number, zero: number, maxq: number): number[] {
  return w.map((x) => {
    const r = Math.round(x / scale);
    const even = Math.abs((x / scale) % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
    return scale * (Math.min(maxq, Math.max(0, even + zero)) - zero);
  });
}

/**
 * GPTQ: the row as given, after round-to-nearest and after GPTQ (reference and yours), column by column; and for
 * the comparison, the output error and the weight error of both methods (GPTQ trades the second for the first).
 */
function errorFeedbackCharts(report: CheckReport): ChartSpec[] {
  const charts: ChartSpec[] = [];
  const rowCase = focusCase(report, (c) => asNumbers(fieldOf(c.expected, "wHat")) !== undefined);
  if (rowCase) {
    const [w, , scale, zero, maxq] = rowCase.input as [number[], number[][], number, number, number];
    const expected = asNumbers(fieldOf(rowCase.expected, "wHat"))!;
    const actual = asNumbers(fieldOf(rowCase.actual, "wHat"));
    charts.push({
      id: "row",
      title: `The row after round-to-nearest and after GPTQ (${rowCase.name})`,
      type: "line",
      labels: expected.map((_, i) => `w${i}`),
      xTitle: "column i (quantized in this order)",
      yTitle: "weight",
      series: [
        series("original w", w, "neutral", { showPoints: true }),
        series("round-to-nearest", roundToNearest(w, scale, zero, maxq), "neutral", { colorIndex: 1, stepped: true }),
        series("GPTQ (reference)", expected, "reference", { stepped: true }),
        ...(actual && actual.length === expected.length ? [series("yours", actual.map(finiteOrNull), "learner", { showPoints: true })] : []),
      ],
    });
  }
  const compareCase = focusCase(report, (c) => asNumber(fieldOf(c.expected, "gptqError")) !== undefined);
  if (compareCase) {
    const [w, X, Hinv, scale, zero, maxq] = compareCase.input as [number[], number[][], number[][], number, number, number];
    const pick = (v: CaseResult["expected"] | undefined, k: string) => finiteOrNull(asNumber(fieldOf(v ?? null, k)));
    let weightErrors: [number, number] | undefined;
    try {
      const gptq = gptqQuantizeRow(w, Hinv, scale, zero, maxq).wHat;
      const rtn = roundToNearest(w, scale, zero, maxq);
      const sq = (wHat: number[]) => w.reduce((s, v, i) => s + (v - wHat[i]) ** 2, 0);
      weightErrors = [sq(gptq), sq(rtn)];
    } catch {
      weightErrors = undefined;
    }
    charts.push({
      id: "errors",
      title: `Output error ‖Xw − Xŵ‖² on ${Array.isArray(X) ? X.length : "?"} tokens: GPTQ vs round-to-nearest (${compareCase.name})`,
      type: "bar",
      labels: ["GPTQ", "round-to-nearest"],
      xTitle: "method",
      yTitle: "squared error",
      series: [
        series("output error (reference)", [pick(compareCase.expected, "gptqError"), pick(compareCase.expected, "rtnError")], "reference"),
        ...(compareCase.actual !== undefined ? [series("output error (yours)", [pick(compareCase.actual, "gptqError"), pick(compareCase.actual, "rtnError")], "learner")] : []),
        ...(weightErrors ? [series("weight error ‖w − ŵ‖² (core)", weightErrors, "neutral")] : []),
      ],
    });
  }
  return charts;
}

/**
 * QAT: over a sweep of v at the case's step size, the core's fake quantization (a staircase that stops at −Q_N
 * and Q_P), the STE's gradient (1 inside, 0 where clipped) and LSQ's ∂v̂/∂s (a sawtooth inside, −Q_N and Q_P
 * beyond); and the case's own values, reference vs yours.
 */
function steGradientCharts(report: CheckReport): ChartSpec[] {
  const charts: ChartSpec[] = [];
  const focus = focusCase(report, (c) => asNumbers(c.input[0]) !== undefined && asNumber(c.input[1]) !== undefined && asNumber(c.input[2]) !== undefined);
  if (!focus) return charts;
  const v = asNumbers(focus.input[0])!;
  const s = asNumber(focus.input[1])!;
  const bits = asNumber(focus.input[2])!;
  try {
    const qn = 2 ** (bits - 1);
    const qp = qn - 1;
    const points = 97;
    const lo = -(qn + 2) * s;
    const hi = (qp + 2) * s;
    const sweep = Array.from({ length: points }, (_, i) => Number((lo + ((hi - lo) * i) / (points - 1)).toFixed(12)));
    const vHat = lsqFakeQuantize(sweep, s, bits);
    const perPoint = sweep.map((x) => lsqGradients([x], s, bits, [1]));
    charts.push({
      id: "ste",
      title: `Fake quantization and the STE's gradient, s = ${formatNumber(s)}, ${bits} bits (levels −${qn}…${qp})`,
      type: "line",
      labels: sweep.map(formatNumber),
      xTitle: "v",
      yTitle: "v̂  /  dv̂/dv",
      series: [series("v̂ (core)", vHat, "reference", { stepped: true }), series("STE dv̂/dv (1 inside, 0 clipped)", perPoint.map((g) => g.gradV[0]), "neutral", { colorIndex: 0 })],
    });
    charts.push({
      id: "lsq-step-gradient",
      title: "LSQ's ∂v̂/∂s: round(v/s) − v/s inside, −Q_N and Q_P where clipped",
      type: "line",
      labels: sweep.map(formatNumber),
      xTitle: "v",
      yTitle: "∂v̂/∂s",
      // gradS of one weight with dL/dv̂ = 1 is g · ∂v̂/∂s with g = 1/√Q_P.
      series: [series("∂v̂/∂s (core)", perPoint.map((g) => g.gradS / g.gScale), "reference")],
    });
  } catch {
    // a step size or width the core refuses: the cases table still shows the numbers
  }
  const expected = asNumbers(focus.expected) ?? asNumbers(fieldOf(focus.expected, "gradV")) ?? asNumbers(fieldOf(focus.expected, "v"));
  const actual = asNumbers(focus.actual) ?? asNumbers(fieldOf(focus.actual, "gradV")) ?? asNumbers(fieldOf(focus.actual, "v"));
  if (expected && expected.length === v.length) {
    charts.push({
      id: "case-values",
      title: `Per weight: reference vs yours (${focus.name})`,
      type: "bar",
      labels: v.map((x, i) => `v${i} = ${formatNumber(x)}`),
      xTitle: "weight",
      yTitle: "value",
      series: [series("reference", expected, "reference"), ...(actual && actual.length === v.length ? [series("yours", actual.map(finiteOrNull), "learner")] : [])],
    });
  }
  return charts;
}

/** Divergences as drawn: Infinity (a candidate Q cannot represent) becomes a gap; JSON may carry it as a string. */
function divergencesOf(value: CaseResult["expected"] | undefined): (number | null)[] | undefined {
  const raw = fieldOf(value ?? null, "divergences");
  if (!Array.isArray(raw)) return undefined;
  return raw.map((d) => (typeof d === "number" ? finiteOrNull(d) : null));
}

/**
 * Entropy calibration: the histogram of |x| with the min-max threshold (its last edge), the reference's entropy
 * threshold and yours marked on it, and the KL divergence of every candidate, reference and yours.
 */
function calibrationCharts(report: CheckReport): ChartSpec[] {
  const focus = focusCase(report, (c) => asNumbers(c.input[0]) !== undefined && asNumber(c.input[1]) !== undefined && fieldOf(c.expected, "threshold") !== undefined);
  if (!focus) return [];
  const counts = asNumbers(focus.input[0])!;
  const w = asNumber(focus.input[1])!;
  const levels = asNumber(focus.input[2]) ?? 1;
  const expectedBins = asNumber(fieldOf(focus.expected, "bins"));
  const yourThreshold = asNumber(fieldOf(focus.actual ?? null, "threshold"));
  const top = Math.max(...counts);
  const at = (bin: number | undefined) => counts.map((_, b) => (bin !== undefined && b === bin - 1 ? top : null));
  const yourBin = yourThreshold !== undefined && w > 0 ? Math.round(yourThreshold / w) : undefined;
  const charts: ChartSpec[] = [
    {
      id: "histogram",
      title: `Histogram of |x| and the thresholds: min-max ${formatNumber(counts.length * w)}, entropy ${expectedBins !== undefined ? formatNumber(expectedBins * w) : "?"} (${focus.name})`,
      type: "bar",
      labels: counts.map((_, b) => formatNumber((b + 1) * w)),
      xTitle: "|x| (upper edge of each bin)",
      yTitle: "count",
      series: [
        series("counts", counts, "neutral"),
        series("min-max threshold", at(counts.length), "neutral", { colorIndex: 1 }),
        series("entropy threshold (reference)", at(expectedBins), "reference"),
        ...(yourBin !== undefined ? [series(`your threshold (${formatNumber(yourThreshold!)})`, at(yourBin), "learner")] : []),
      ],
    },
  ];
  const expected = divergencesOf(focus.expected);
  if (expected) {
    const actual = divergencesOf(focus.actual);
    charts.push({
      id: "divergence",
      title: `KL(P ‖ Q) of every candidate threshold, ${levels} levels (gaps: Q misses mass P has)`,
      type: "line",
      labels: expected.map((_, k) => formatNumber((levels + k) * w)),
      xTitle: "candidate threshold i · w",
      yTitle: "KL divergence (nats)",
      series: [series("reference", expected, "reference", { showPoints: true }), ...(actual && actual.length === expected.length ? [series("yours", actual, "learner", { showPoints: true })] : [])],
    });
  }
  return charts;
}
