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

/** Hint 3 on the learner's own case: the three numbers, each from log-probabilities. */
export function explainDistillationLoss(studentLogits: number[], teacherLogits: number[], label: number, alpha: number, temperature: number): string[] {
  const show = (v: number): string => String(Number(v.toPrecision(7)));
  const list = (xs: number[]): string => `[${xs.map(show).join(", ")}]`;
  const { hard, soft, total } = distillationLoss(studentLogits, teacherLogits, label, alpha, temperature);
  const logT = logSoftmax(teacherLogits, temperature);
  const logS = logSoftmax(studentLogits, temperature);
  return [
    `hard = −logSoftmax(student)[${label}] = ${show(hard)}   (T = 1)`,
    `log p_teacher = logSoftmax(teacher / ${temperature}) = ${list(logT)}`,
    `log p_student = logSoftmax(student / ${temperature}) = ${list(logS)}`,
    `KL = Σ p_teacher · (log p_teacher − log p_student) = ${show(soft / (temperature * temperature))}`,
    `soft = T² · KL = ${temperature * temperature} · ${show(soft / (temperature * temperature))} = ${show(soft)}`,
    `total = ${alpha} · ${show(hard)} + ${show(1 - alpha)} · ${show(soft)} = ${show(total)}`,
  ];
}
