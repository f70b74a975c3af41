/**
 * Hinton's distillation loss:
 *   hard  = −log softmax(student)[label]                              (T = 1)
 *   soft  = T² · KL(softmax(teacher / T) ‖ softmax(student / T))       (natural log)
 *   total = α · hard + (1 − α) · soft
 * Stable for logits near 1000.
 */
export function distillationLoss(
  studentLogits: number[],
  teacherLogits: number[],
  label: number,
  alpha: number,
  temperature: number,
): { hard: number; soft: number; total: number } {
  // TODO: compute hard and soft with a stable log-softmax, then mix them with alpha.
  throw new Error("Not implemented yet: distillationLoss(studentLogits, teacherLogits, label, alpha, temperature)");
}
