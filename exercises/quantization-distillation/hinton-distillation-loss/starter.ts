/**
 * Hinton's distillation loss for one example: the hard loss (the student's cross-entropy on the label, at T = 1),
 * the soft loss (Hinton's temperature-scaled KL from the teacher to the student, natural log), and their mix,
 * where alpha weights the hard loss. Finite for logits near 1000.
 */
export function distillationLoss(
  studentLogits: number[],
  teacherLogits: number[],
  label: number,
  alpha: number,
  temperature: number,
): { hard: number; soft: number; total: number } {
  throw new Error("Not implemented yet: distillationLoss");
}
