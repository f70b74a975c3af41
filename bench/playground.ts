/**
 * The playground's speed: the time from a slider move to the current scheme painted (goal: one frame, 16 ms, at
 * 64k values; 100 ms at 1M), the same for a move to each non-integer format, and to the last point of the
 * sweep, as the e2e run measured them in the browser (performance measures in the webview, recorded in
 * out/test-results/metrics.json), beside the pure model's
 * compute time here in Node, per format, median of several moves.
 */
import { QuantizationLab } from "../media/playground/model/quantizationView";
import type { Scheme } from "../media/playground/model/quantizeTensor";
import { sampleTensor } from "../media/playground/model/samples";
import { defaultState } from "../media/playground/model/state";
import { recordedExtensionMetrics } from "./extensionStats";

export interface PlaygroundBenchRow {
  measurement: string;
  values: number;
  ms: number | undefined;
  targetMs: number | undefined;
  where: string;
}

function median(xs: number[]): number {
  const sorted = xs.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median time of `lab.current` (what a move computes before the paint) over moves of one control. */
function currentMs(lab: QuantizationLab, base: Scheme, moves: Partial<Scheme>[]): number {
  lab.current({ ...base, ...moves[0] }); // warm up
  return median(
    moves.map((move) => {
      const started = performance.now();
      lab.current({ ...base, ...move });
      return performance.now() - started;
    }),
  );
}

export function runPlaygroundBench(root: string, quick = false): PlaygroundBenchRow[] {
  const rows: PlaygroundBenchRow[] = [];
  const browser = recordedExtensionMetrics(root);
  for (const [key, values, target] of [
    ["64k", 65536, 16],
    ["1M", 1048576, 100],
  ] as const) {
    rows.push({ measurement: "slider move → current scheme painted (median)", values, ms: browser[`e2e.playground.update${key}MedianMs`], targetMs: target, where: "browser (e2e)" });
    rows.push({ measurement: "slider move → current scheme painted (max)", values, ms: browser[`e2e.playground.update${key}MaxMs`], targetMs: undefined, where: "browser (e2e)" });
    rows.push({ measurement: "clip-ratio move → whole sweep painted (median)", values, ms: browser[`e2e.playground.sweep${key}MedianMs`], targetMs: undefined, where: "browser (e2e)" });
    for (const format of ["nf4", "fp8-e4m3", "fp8-e5m2", "q4_0"]) {
      rows.push({ measurement: `format move → ${format} painted (median of 3–4)`, values, ms: browser[`e2e.playground.format${key}_${format}MedianMs`], targetMs: target, where: "browser (e2e)" });
      rows.push({ measurement: `format move → ${format} painted (max)`, values, ms: browser[`e2e.playground.format${key}_${format}MaxMs`], targetMs: undefined, where: "browser (e2e)" });
    }
  }
  const sizes = quick ? [65536] : [65536, 1048576];
  const bitsMoves: Partial<Scheme>[] = [{ bits: 4 }, { bits: 5 }, { bits: 6 }, { bits: 5 }, { bits: 4 }, { bits: 3 }, { bits: 4 }];
  for (const values of sizes) {
    const lab = new QuantizationLab(sampleTensor("weights", values, 1));
    const base = defaultState().quantization;
    const cases: [string, Scheme, Partial<Scheme>[]][] = [
      ["int, per tensor: bits moved", base, bitsMoves],
      ["int, groups of 32: bits moved", { ...base, granularity: "group", groupSize: 32 }, bitsMoves],
      ["int, stochastic rounding: seed changed", { ...base, rounding: "stochastic" }, [1, 2, 3, 4, 5].map((roundingSeed) => ({ roundingSeed }))],
      ["FP8 E4M3 per channel: clip ratio moved", { ...base, format: "fp8-e4m3", granularity: "channel", clipping: "ratio" }, [0.9, 0.8, 0.7, 0.8, 0.9].map((clipRatio) => ({ clipRatio }))],
      ["NF4: block size moved", { ...base, format: "nf4", granularity: "group" }, [64, 96, 128, 96, 64].map((groupSize) => ({ groupSize }))],
      ["Q4_0: tensor seed unchanged, recomputed", { ...base, format: "q4_0" }, [1, 2, 3, 4, 5].map((roundingSeed) => ({ roundingSeed }))],
    ];
    for (const [name, scheme, moves] of cases) {
      rows.push({ measurement: `model compute: ${name}`, values, ms: currentMs(lab, scheme, moves), targetMs: values <= 65536 ? 16 : 100, where: "Node" });
    }
  }
  return rows;
}
