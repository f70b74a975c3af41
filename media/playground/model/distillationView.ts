/**
 * From the distillation state to what the tab shows: both softmax distributions at T, the KL contribution of
 * each class, the soft and hard losses and the total with and without T², and a sweep over T. All core.
 */
import { crossEntropyWithLogits, distillationLoss, klContributions, klDivergence, softmax, combinedLoss } from "../../../src/core";
import type { DistillationState } from "./state";

export interface DistillationView {
  classes: string[];
  teacherProbabilities: number[];
  studentProbabilities: number[];
  /** p_t · ln(p_t / p_s) per class at T (sums to KL). */
  klContributions: number[];
  kl: number;
  hard: number;
  /** T² · KL (Hinton): the soft loss as the core's distillationLoss reports it. */
  soft: number;
  /** KL alone, the soft loss without the T² factor. */
  softWithoutT2: number;
  total: number;
  totalWithoutT2: number;
  sweep: { temperatures: number[]; soft: number[]; softWithoutT2: number[]; total: number[] };
}

/** Temperatures of the sweep: 0.5 to 20, denser at the low end where the distributions change fastest. */
export const SWEEP_TEMPERATURES: readonly number[] = [0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10, 12, 15, 20];

export function distillationView(state: DistillationState): DistillationView {
  const { teacher, student, label, temperature, alpha } = state;
  const pt = softmax(teacher, temperature);
  const ps = softmax(student, temperature);
  const loss = distillationLoss({ studentLogits: student, teacherLogits: teacher, label, alpha, temperature });
  const kl = klDivergence(pt, ps);
  const hard = crossEntropyWithLogits(student, label);
  const sweep = { temperatures: [...SWEEP_TEMPERATURES], soft: [] as number[], softWithoutT2: [] as number[], total: [] as number[] };
  for (const t of SWEEP_TEMPERATURES) {
    const l = distillationLoss({ studentLogits: student, teacherLogits: teacher, label, alpha, temperature: t });
    sweep.soft.push(l.soft);
    sweep.softWithoutT2.push(l.soft / (t * t));
    sweep.total.push(l.total);
  }
  return {
    classes: teacher.map((_, i) => (i === label ? `class ${i} (label)` : `class ${i}`)),
    teacherProbabilities: Array.from(pt),
    studentProbabilities: Array.from(ps),
    klContributions: Array.from(klContributions(pt, ps)),
    kl,
    hard,
    soft: loss.soft,
    softWithoutT2: kl,
    total: loss.total,
    totalWithoutT2: combinedLoss(hard, kl, alpha),
    sweep,
  };
}
