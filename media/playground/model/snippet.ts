/**
 * "Copy as snippet": the numbers the playground shows, as TypeScript a learner pastes into a test file. Numbers
 * are written in full (String(n) round-trips a double), so an assertion can compare exactly or with a tolerance.
 */
import type { DistillationView } from "./distillationView";
import type { QuantizationView } from "./quantizationView";
import type { DistillationState, QuantizationState } from "./state";

function list(values: readonly (number | null)[]): string {
  return `[${values.map((v) => (v === null ? "null" : String(v))).join(", ")}]`;
}

export function quantizationSnippet(state: QuantizationState, view: QuantizationView): string {
  const { tensor, current } = view;
  const scheme = {
    format: state.format,
    bits: state.bits,
    mode: state.mode,
    granularity: state.granularity,
    groupSize: state.groupSize,
    clipping: state.clipping,
    clipRatio: state.clipRatio,
    clipPercentile: state.clipPercentile,
    rounding: state.rounding,
    roundingSeed: state.roundingSeed,
  };
  const source = state.sample === "custom" ? { tensor: tensor.name } : { sample: state.sample, size: state.size, seed: state.seed };
  return [
    `// Compression Tutor playground, quantization: ${tensor.name}, shape [${tensor.shape.join(", ")}].`,
    `// Computed by the extension's compute core; compare your functions' results with these.`,
    `export const playgroundQuantization = {`,
    `  source: ${JSON.stringify(source)},`,
    `  scheme: ${JSON.stringify(scheme)},`,
    `  groupLength: ${current.groupLength},`,
    `  mse: ${current.mse},`,
    `  sqnrDb: ${current.sqnrDb},`,
    `  maxAbsError: ${current.maxAbsError},`,
    `  bytesPerWeight: ${current.bytesPerWeight},`,
    `  bitsCurve: { bits: ${list(view.bitsCurve.bits)}, mse: ${list(view.bitsCurve.mse)}, sqnrDb: ${list(view.bitsCurve.sqnrDb)} },`,
    `  grid: ${list(view.grid)},`,
    `};`,
    ``,
  ].join("\n");
}

export function distillationSnippet(state: DistillationState, view: DistillationView): string {
  return [
    `// Compression Tutor playground, distillation at T = ${state.temperature}, α = ${state.alpha}.`,
    `// Computed by the extension's compute core; compare your functions' results with these.`,
    `export const playgroundDistillation = {`,
    `  teacherLogits: ${list(state.teacher)},`,
    `  studentLogits: ${list(state.student)},`,
    `  label: ${state.label},`,
    `  temperature: ${state.temperature},`,
    `  alpha: ${state.alpha},`,
    `  teacherProbabilities: ${list(view.teacherProbabilities)},`,
    `  studentProbabilities: ${list(view.studentProbabilities)},`,
    `  klContributions: ${list(view.klContributions)},`,
    `  hard: ${view.hard},`,
    `  soft: ${view.soft}, // T² · KL`,
    `  softWithoutT2: ${view.softWithoutT2},`,
    `  total: ${view.total},`,
    `  totalWithoutT2: ${view.totalWithoutT2},`,
    `};`,
    ``,
  ].join("\n");
}
