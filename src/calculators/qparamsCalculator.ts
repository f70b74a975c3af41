/** Scale and zero point from an observed range, with PyTorch's observer conventions. */
import { affineQParams, dequantize, symmetricQParams } from "../core";
import type { Calculator, FieldValues } from "./calculator";
import { bitsField, choiceField, signedField, textField } from "./fields";
import { formatNumber } from "./formatValues";
import { parseNumber } from "./parseInput";
import { reject } from "./parsed";
import { rangeName, rangeOf } from "./ranges";

/** The grid chart shows every code up to this many, and evenly spaced codes beyond. */
const GRID_POINTS = 64;

export const qparamsCalculator: Calculator = {
  id: "qparams",
  title: "Scale and Zero Point from a Range",
  description:
    "PyTorch MinMaxObserver conventions: the range is widened to include 0; affine zero point = qmin − round(min/scale); symmetric divides by (qmax − qmin)/2 (127.5 for int8).",
  examples: [
    "compression-tutor calc qparams --min -1 --max 2 --signed unsigned",
    "compression-tutor calc qparams --scheme symmetric --min -2.1 --max 2.1 --bits 4 --narrow yes --json",
  ],
  fields: [
    choiceField({ key: "scheme", title: "scheme", prompt: "Affine (scale and zero point) or symmetric (zero point fixed)?", defaultText: "affine" }, [
      { value: "affine", label: "affine", detail: "scale = (max − min)/(qmax − qmin), zero point fitted" },
      { value: "symmetric", label: "symmetric", detail: "scale = max|x|/((qmax − qmin)/2), zero point 0 (signed)" },
    ]),
    bitsField(),
    signedField(),
    choiceField({ key: "narrow", title: "narrow range", prompt: "Narrow range drops the lowest code (int8: -127 … 127)", defaultText: "no" }, [
      { value: "no", label: "no", detail: "full range, e.g. -128 … 127" },
      { value: "yes", label: "yes", detail: "narrow range, e.g. -127 … 127" },
    ]),
    textField({ key: "min", title: "min", prompt: "The smallest observed value", placeholder: "-1", defaultText: "-1" }, parseNumber),
    textField({ key: "max", title: "max", prompt: "The largest observed value (at least min)", placeholder: "2", defaultText: "2" }, (title, text, earlier) => {
      const read = parseNumber(title, text);
      if (read.ok && typeof earlier.min === "number" && read.value < earlier.min) {
        return reject(`${title} must be at least min (${formatNumber(earlier.min)}), got ${formatNumber(read.value)}`);
      }
      // The observer's range includes 0, so its width is max(max, 0) − min(min, 0); a scale needs it finite.
      if (read.ok && typeof earlier.min === "number" && !Number.isFinite(Math.max(read.value, 0) - Math.min(earlier.min, 0))) {
        return reject(`${title} − min overflows a double (${formatNumber(read.value)} − ${formatNumber(earlier.min)}); narrow the range`);
      }
      return read;
    }),
  ],
  compute(values: FieldValues) {
    const min = values.min as number;
    const max = values.max as number;
    const range = rangeOf(values);
    if (!range) throw new Error("qparams: bits and signedness are required");
    const symmetric = values.scheme === "symmetric";
    const { scale, zeroPoint } = symmetric ? symmetricQParams(min, max, range) : affineQParams(min, max, range);
    const low = dequantize(range.qmin, scale, zeroPoint);
    const high = dequantize(range.qmax, scale, zeroPoint);
    const name = rangeName(values);
    return {
      calculator: "qparams",
      title: `${symmetric ? "Symmetric" : "Affine"} ${name} over [${formatNumber(min)}, ${formatNumber(max)}]`,
      summary: `scale ${formatNumber(scale)}, zero point ${zeroPoint} (${values.scheme} ${name} [${range.qmin}, ${range.qmax}])`,
      lines: [
        { label: "scale", value: formatNumber(scale) },
        { label: "zero point", value: String(zeroPoint) },
        { label: "range", value: `${name} [${range.qmin}, ${range.qmax}]` },
        { label: "observed range, widened to include 0", value: `[${formatNumber(Math.min(min, 0))}, ${formatNumber(Math.max(max, 0))}]` },
        { label: "representable reals", value: `[${formatNumber(low)}, ${formatNumber(high)}]` },
      ],
      values: { scheme: values.scheme, bits: values.bits, signed: values.signed === "signed", narrow: values.narrow === "yes", min, max, qmin: range.qmin, qmax: range.qmax, scale, zeroPoint, representableMin: low, representableMax: high },
      charts: [grid(range, scale, zeroPoint)],
    };
  },
};

/** The real value of each integer code: the grid a tensor is snapped to. */
function grid(range: { qmin: number; qmax: number }, scale: number, zeroPoint: number) {
  const count = range.qmax - range.qmin + 1;
  const codes =
    count <= GRID_POINTS
      ? Array.from({ length: count }, (_, i) => range.qmin + i)
      : Array.from({ length: GRID_POINTS }, (_, i) => Math.round(range.qmin + (i * (count - 1)) / (GRID_POINTS - 1)));
  return {
    id: "qparams-grid",
    title: count <= GRID_POINTS ? "The real value of every code" : `The real value of ${GRID_POINTS} evenly spaced codes`,
    type: "line" as const,
    labels: codes.map(String),
    series: [{ label: "scale·(q − zero point)", data: codes.map((q) => dequantize(q, scale, zeroPoint)), role: "reference" as const }],
    xTitle: "q",
    yTitle: "real value",
  };
}
