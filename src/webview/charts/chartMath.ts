/**
 * The compute-core functions the charts need, in one place: every reference curve in a chart comes from
 * the same core the checks use, so the chart can never disagree with the verdict.
 */
export { clipSearch, dequantize, gptqQuantizeRow, lsqFakeQuantize, lsqGradients, klDivergence, nmSparsityReport, quantize, smoothQuantMigrate, smoothQuantScales, softmax } from "../../core";

/**
 * Per-class KL contributions p_i·ln(p_i/q_i), with 0·ln(0/q) = 0 (their sum is klDivergence(p, q)). Unlike the
 * core's klContributions it does not validate: a chart of a learner's unnormalised vector still draws.
 */
export function klTerms(p: number[], q: number[]): number[] {
  return p.map((pi, i) => (pi === 0 ? 0 : pi * Math.log(pi / q[i])));
}
