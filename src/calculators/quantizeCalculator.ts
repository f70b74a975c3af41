/** Quantize a real value to an integer code, or dequantize a code back, with the range and rounding stated. */
import { dequantize, integerRange, quantize, type RoundingMode } from "../core";
import type { ChartSpec } from "../protocol/webviewMessages";
import type { Calculator, FieldValues } from "./calculator";
import { bitsField, choiceField, ROUNDING_CHOICES, signedField, textField } from "./fields";
import { formatNumber } from "./formatValues";
import { parseInteger, parseNumber, parsePositive } from "./parseInput";
import { reject, shown } from "./parsed";
import { rangeName, rangeOf } from "./ranges";

/** Points in the staircase chart around the value. */
const STAIRCASE_POINTS = 81;
/** The chart spans this many steps of `scale` either side of the value. */
const STAIRCASE_STEPS = 4;

export const quantizeCalculator: Calculator = {
  id: "quantize",
  title: "Quantize or Dequantize a Value",
  description: "q = clamp(round(x / scale) + zeroPoint, qmin, qmax) and x̂ = scale·(q − zeroPoint).",
  examples: [
    "compression-tutor calc quantize --value 0.3 --scale 0.1 --zero-point 0",
    "compression-tutor calc quantize --mode dequantize --value 85 --scale 0.0117647 --zero-point 85 --signed unsigned",
    "compression-tutor calc quantize --value 0.25 --scale 0.1 --rounding half-away --bits 4 --json",
  ],
  fields: [
    choiceField({ key: "mode", title: "mode", prompt: "Quantize a real value, or dequantize an integer code?", defaultText: "quantize" }, [
      { value: "quantize", label: "quantize", detail: "real x → integer q" },
      { value: "dequantize", label: "dequantize", detail: "integer q → real x̂" },
    ]),
    bitsField(),
    signedField(),
    textField({ key: "scale", title: "scale", prompt: "Scale: the real size of one integer step (> 0)", placeholder: "0.1", defaultText: "0.1" }, parsePositive),
    textField({ key: "zeroPoint", title: "zero point", prompt: "Zero point: the integer that real 0 maps to", placeholder: "0", defaultText: "0" }, (title, text, earlier) => {
      const read = parseInteger(title, text);
      if (!read.ok) return read;
      const range = rangeOf(earlier);
      if (range && (read.value < range.qmin || read.value > range.qmax)) {
        return reject(`${title} must lie in the ${rangeName(earlier)} range [${range.qmin}, ${range.qmax}] (got ${read.value})`);
      }
      return read;
    }),
    textField({ key: "value", title: "value", prompt: "The real value x to quantize, or the integer code q to dequantize", placeholder: "0.3", defaultText: "0.3" }, (_title, text, earlier) => {
      if (earlier.mode !== "dequantize") {
        const x = parseNumber("x", text);
        if (x.ok && typeof earlier.scale === "number" && !Number.isFinite(x.value / earlier.scale)) {
          return reject(`x / scale overflows (${shown(text)} / ${formatNumber(earlier.scale)}); use a larger scale or a smaller x`);
        }
        return x;
      }
      const read = parseInteger("q", text);
      if (!read.ok) return read;
      const range = rangeOf(earlier);
      if (range && (read.value < range.qmin || read.value > range.qmax)) {
        return reject(`q must lie in the ${rangeName(earlier)} range [${range.qmin}, ${range.qmax}] (got ${read.value})`);
      }
      return read;
    }),
    {
      ...choiceField({ key: "rounding", title: "rounding", prompt: "How ties at .5 round", defaultText: "half-even" }, ROUNDING_CHOICES),
      appliesWhen: (earlier: FieldValues) => earlier.mode !== "dequantize",
    },
  ],
  compute(values: FieldValues) {
    const scale = values.scale as number;
    const zeroPoint = values.zeroPoint as number;
    const range = integerRange(values.bits as number, values.signed === "signed");
    const rangeLabel = `${rangeName(values)} [${range.qmin}, ${range.qmax}]`;
    const representable = [dequantize(range.qmin, scale, zeroPoint), dequantize(range.qmax, scale, zeroPoint)];
    const common = [
      { label: "range", value: rangeLabel },
      { label: "representable reals", value: `[${formatNumber(representable[0])}, ${formatNumber(representable[1])}]` },
    ];
    if (values.mode === "dequantize") {
      const q = values.value as number;
      const xHat = dequantize(q, scale, zeroPoint);
      return {
        calculator: "quantize",
        title: `Dequantize q = ${q}`,
        summary: `dequantize(${q}) = ${formatNumber(scale)}·(${q} − ${zeroPoint}) = ${formatNumber(xHat)}`,
        lines: [
          { label: "x̂ = scale·(q − zero point)", value: formatNumber(xHat) },
          { label: "reals that quantize to q", value: `[${formatNumber(xHat - scale / 2)}, ${formatNumber(xHat + scale / 2)}] (ties follow the rounding mode)` },
          ...common,
        ],
        values: { mode: "dequantize", q, scale, zeroPoint, qmin: range.qmin, qmax: range.qmax, dequantized: xHat },
        charts: [],
      };
    }
    const x = values.value as number;
    const rounding = values.rounding as RoundingMode;
    const q = quantize(x, scale, zeroPoint, { rounding, range });
    const unclamped = quantize(x, scale, zeroPoint, { rounding });
    const xHat = dequantize(q, scale, zeroPoint);
    const error = xHat - x;
    const clamped = q !== unclamped;
    return {
      calculator: "quantize",
      title: `Quantize x = ${formatNumber(x)}`,
      summary: `quantize(${formatNumber(x)}) = ${q}${clamped ? ` (clamped from ${unclamped})` : ""}, dequantized ${formatNumber(xHat)}, error ${formatNumber(error)}`,
      lines: [
        { label: "q", value: clamped ? `${q} (clamped: round(x/scale) + zero point = ${unclamped})` : String(q) },
        { label: "x̂ = dequantize(q)", value: formatNumber(xHat) },
        { label: "error x̂ − x", value: formatNumber(error) },
        { label: "rounding", value: rounding },
        ...common,
      ],
      values: { mode: "quantize", x, scale, zeroPoint, rounding, qmin: range.qmin, qmax: range.qmax, q, unclampedQ: unclamped, clamped, dequantized: xHat, error },
      charts: staircase(x, scale, zeroPoint, rounding, range),
    };
  },
};

/** x̂ against x near the value: the steps the value lands on. None when the window itself overflows. */
function staircase(x: number, scale: number, zeroPoint: number, rounding: RoundingMode, range: { qmin: number; qmax: number }): ChartSpec[] {
  const from = x - STAIRCASE_STEPS * scale;
  const step = (2 * STAIRCASE_STEPS * scale) / (STAIRCASE_POINTS - 1);
  const xs = Array.from({ length: STAIRCASE_POINTS }, (_, i) => from + i * step);
  if (!xs.every((xi) => Number.isFinite(xi / scale))) return [];
  return [{
    id: "quantize-staircase",
    title: "dequantize(quantize(x)) near the value",
    type: "line" as const,
    labels: xs.map(formatNumber),
    series: [
      { label: "x̂", data: xs.map((xi) => dequantize(quantize(xi, scale, zeroPoint, { rounding, range }), scale, zeroPoint)), role: "reference" as const },
      { label: "x", data: xs, role: "neutral" as const },
    ],
    xTitle: "x",
    yTitle: "x̂",
  }];
}
