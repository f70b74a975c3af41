/** Known-wrong variants of distillationLoss, each with the learner's signature. */

type Loss = { hard: number; soft: number; total: number };

function logSoftmax(logits: number[], temperature: number): number[] {
  const scaled = logits.map((z) => z / temperature);
  const max = Math.max(...scaled);
  let sum = 0;
  for (const a of scaled) sum += Math.exp(a - max);
  const logSum = Math.log(sum);
  return scaled.map((a) => a - max - logSum);
}

function kl(logP: number[], logQ: number[]): number {
  let divergence = 0;
  for (let i = 0; i < logP.length; i++) {
    const p = Math.exp(logP[i]);
    if (p !== 0) divergence += p * (logP[i] - logQ[i]);
  }
  return divergence;
}

function mix(hard: number, soft: number, alpha: number): Loss {
  return { hard, soft, total: alpha * hard + (1 - alpha) * soft };
}

/** The soft term without Hinton's T² factor. */
export function distillationLossMissingTSquared(
  studentLogits: number[], teacherLogits: number[], label: number, alpha: number, temperature: number,
): Loss {
  const hard = -logSoftmax(studentLogits, 1)[label];
  const soft = kl(logSoftmax(teacherLogits, temperature), logSoftmax(studentLogits, temperature));
  return mix(hard, soft, alpha);
}

/** The soft term multiplied by T instead of T². */
export function distillationLossTimesT(
  studentLogits: number[], teacherLogits: number[], label: number, alpha: number, temperature: number,
): Loss {
  const hard = -logSoftmax(studentLogits, 1)[label];
  const soft = temperature * kl(logSoftmax(teacherLogits, temperature), logSoftmax(studentLogits, temperature));
  return mix(hard, soft, alpha);
}

/** KL in the reverse direction, KL(student ‖ teacher). */
export function distillationLossReverseKl(
  studentLogits: number[], teacherLogits: number[], label: number, alpha: number, temperature: number,
): Loss {
  const hard = -logSoftmax(studentLogits, 1)[label];
  const soft = temperature ** 2 * kl(logSoftmax(studentLogits, temperature), logSoftmax(teacherLogits, temperature));
  return mix(hard, soft, alpha);
}

/** The hard loss computed from the softened student, softmax(student / T), instead of at T = 1. */
export function distillationLossHardAtTemperature(
  studentLogits: number[], teacherLogits: number[], label: number, alpha: number, temperature: number,
): Loss {
  const hard = -logSoftmax(studentLogits, temperature)[label];
  const soft = temperature ** 2 * kl(logSoftmax(teacherLogits, temperature), logSoftmax(studentLogits, temperature));
  return mix(hard, soft, alpha);
}

/** α on the soft loss instead of the hard loss. */
export function distillationLossSwappedAlpha(
  studentLogits: number[], teacherLogits: number[], label: number, alpha: number, temperature: number,
): Loss {
  const hard = -logSoftmax(studentLogits, 1)[label];
  const soft = temperature ** 2 * kl(logSoftmax(teacherLogits, temperature), logSoftmax(studentLogits, temperature));
  return { hard, soft, total: (1 - alpha) * hard + alpha * soft };
}

function softmax(logits: number[], temperature: number): number[] {
  return logSoftmax(logits, temperature).map(Math.exp);
}

/** Probability space: softmax, then Math.log. A probability that underflows to 0 (exp(−800)) makes a log −Infinity and the loss infinite. */
export function distillationLossInProbabilitySpace(
  studentLogits: number[], teacherLogits: number[], label: number, alpha: number, temperature: number,
): Loss {
  const hard = -Math.log(softmax(studentLogits, 1)[label]);
  const pTeacher = softmax(teacherLogits, temperature);
  const pStudent = softmax(studentLogits, temperature);
  let divergence = 0;
  for (let i = 0; i < pTeacher.length; i++) if (pTeacher[i] > 0) divergence += pTeacher[i] * (Math.log(pTeacher[i]) - Math.log(pStudent[i]));
  return mix(hard, temperature ** 2 * divergence, alpha);
}

/** Teacher and student swapped: the first argument read as the teacher, so the hard loss is the teacher's and the KL runs from the student. */
export function distillationLossTeacherStudentSwapped(
  studentLogits: number[], teacherLogits: number[], label: number, alpha: number, temperature: number,
): Loss {
  const hard = -logSoftmax(teacherLogits, 1)[label];
  const soft = temperature ** 2 * kl(logSoftmax(studentLogits, temperature), logSoftmax(teacherLogits, temperature));
  return mix(hard, soft, alpha);
}
