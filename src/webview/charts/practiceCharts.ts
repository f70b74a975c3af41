/**
 * Chart models for the "Compression in practice" pack: one builder per chart kind, each drawing what its
 * exercise is about (the bytes of a packed block, …) from the report's cases. Like exerciseCharts.ts, a builder
 * returns [] when the cases have another shape, and the caller then falls back to a per-case comparison.
 */
import type { CaseResult, CheckReport } from "../../protocol/checkReport";
import type { PracticeChartKind } from "../../protocol/exercise";
import type { ChartSeries, ChartSpec } from "../../protocol/webviewMessages";
import { asNumber, asNumbers, finiteOrNull } from "./jsonShapes";

type Builder = (report: CheckReport, argNames?: string[]) => ChartSpec[];

export const practiceChartBuilders: Record<PracticeChartKind, Builder> = {
  "nibble-layout": nibbleLayoutCharts,
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
