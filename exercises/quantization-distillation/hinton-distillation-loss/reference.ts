/** log_softmax(z / T)_i = a_i − m − log Σ exp(a_j − m), a = z / T, m = max a: finite for logits of ±1000. */
function logSoftmax(logits: number[], temperature: number): number[] {
  const scaled = logits.map((z) => z / temperature);
  const max = Math.max(...scaled);
  let sum = 0;
  for (const a of scaled) sum += Math.exp(a - max);
  const logSum = Math.log(sum);
  return scaled.map((a) => a - max - logSum);
}

/** KL(p ‖ q) from log-probabilities, natural log; classes where p is 0 (log p = −∞) count 0. */
function klFromLogProbabilities(logP: number[], logQ: number[]): number {
  let divergence = 0;
  for (let i = 0; i < logP.length; i++) {
    const p = Math.exp(logP[i]);
    if (p === 0) continue;
    divergence += p * (logP[i] - logQ[i]);
  }
  return divergence;
}

/**
 * hard = −log softmax(student)[label]; soft = T² · KL(softmax(teacher/T) ‖ softmax(student/T));
 * total = α · hard + (1 − α) · soft. The T² keeps the soft gradients the size of the hard ones (Hinton, 2015).
 */
export function distillationLoss(
  studentLogits: number[],
  teacherLogits: number[],
  label: number,
  alpha: number,
  temperature: number,
): { hard: number; soft: number; total: number } {
  const hard = -logSoftmax(studentLogits, 1)[label];
  const kl = klFromLogProbabilities(logSoftmax(teacherLogits, temperature), logSoftmax(studentLogits, temperature));
  const soft = temperature * temperature * kl;
  return { hard, soft, total: alpha * hard + (1 - alpha) * soft };
}
