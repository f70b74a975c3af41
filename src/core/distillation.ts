/**
 * Knowledge distillation losses (Hinton, Vinyals & Dean, 2015):
 *
 *   hard  = −ln softmax(student)_label                                   (cross-entropy with the true label, T = 1)
 *   soft  = T² · KL(softmax(teacher / T) ‖ softmax(student / T))         (natural log)
 *   total = α · hard + (1 − α) · soft
 *
 * The T² factor keeps the soft term's gradients the same size as the hard term's when T changes (the
 * gradient of the soft term scales as 1/T²). Batches average over examples (PyTorch's `batchmean`).
 */
import { logSoftmax } from "./softmax";
import { fail, requireFinite, requireFiniteArray, requireIntegerIn, requirePositive, requireSameLength, requireUnitInterval } from "./validate";

/** A positive temperature whose square neither underflows nor overflows (T² · KL would otherwise give NaN). */
function requireTemperature(fn: string, temperature: unknown): number {
  const t = requirePositive(fn, "temperature", temperature);
  if (t < 1e-150 || t > 1e150) fail(fn, `temperature ${t} is out of range: T² must stay a finite, non-zero double, so use 1e-150 ≤ T ≤ 1e150`);
  return t;
}

export interface DistillationInput {
  studentLogits: ArrayLike<number>;
  teacherLogits: ArrayLike<number>;
  /** Index of the true class. */
  label: number;
  /** Weight of the hard loss, 0..1. */
  alpha: number;
  /** Softening temperature T > 0. */
  temperature: number;
}

export interface DistillationLoss {
  hard: number;
  soft: number;
  total: number;
}

/** Σ p_t (ln p_t − ln p_s) from log-probabilities, so tiny probabilities lose no precision. */
function klFromLogProbabilities(teacherLog: Float64Array, studentLog: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < teacherLog.length; i++) {
    const pt = Math.exp(teacherLog[i]);
    if (pt > 0) sum += pt * (teacherLog[i] - studentLog[i]);
  }
  return Math.max(0, sum);
}

/**
 * Cross-entropy of a softmax classifier with the true label: −ln softmax(logits)_label (the "hard" loss).
 *
 * @param logits a non-empty array of finite numbers
 * @param label the true class, an integer index into logits
 * @returns the loss, ≥ 0
 * @throws if logits is empty or non-finite, or label is not a valid index
 * @example
 * crossEntropyWithLogits([2, 0], 0)  // 0.1269280110429726
 */
export function crossEntropyWithLogits(logits: ArrayLike<number>, label: number): number {
  const fn = "crossEntropyWithLogits";
  requireFiniteArray(fn, "logits", logits);
  requireIntegerIn(fn, "label", label, 0, logits.length - 1);
  return -logSoftmax(logits)[label] + 0;
}

/**
 * The soft (distillation) loss alone: T² · KL(softmax(teacher / T) ‖ softmax(student / T)).
 *
 * @param studentLogits a non-empty array of finite numbers
 * @param teacherLogits the same length
 * @param temperature T > 0
 * @returns the loss, ≥ 0
 * @throws if the logits are empty, non-finite or differ in length, or T is not positive
 * @example
 * softDistillationLoss([1.5, 1.2, 0.3], [2, 1, 0.1], 2)  // 0.06096304428442034
 */
export function softDistillationLoss(
  studentLogits: ArrayLike<number>,
  teacherLogits: ArrayLike<number>,
  temperature: number,
): number {
  const fn = "softDistillationLoss";
  requireFiniteArray(fn, "studentLogits", studentLogits);
  requireFiniteArray(fn, "teacherLogits", teacherLogits);
  requireSameLength(fn, "studentLogits", "teacherLogits", studentLogits, teacherLogits);
  requireTemperature(fn, temperature);
  return temperature * temperature * klFromLogProbabilities(logSoftmax(teacherLogits, temperature), logSoftmax(studentLogits, temperature));
}

function requireInput(fn: string, input: unknown): DistillationInput {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    fail(fn, "expects one object { studentLogits, teacherLogits, label, alpha, temperature }");
  }
  return input as DistillationInput;
}

/**
 * Hinton's distillation loss for one example (see the module comment).
 *
 * @param input `{ studentLogits, teacherLogits, label, alpha, temperature }`
 * @returns `{ hard, soft, total }`
 * @throws if the logits are empty, non-finite or differ in length, label is not a valid index, α is outside
 *   [0, 1], or T is not positive
 * @example
 * distillationLoss({ studentLogits: [1.5, 1.2, 0.3], teacherLogits: [2, 1, 0.1], label: 0, alpha: 0.5, temperature: 2 })
 * // { hard: 0.7139358, soft: 0.0609630, total: 0.3874494 }
 */
export function distillationLoss(input: DistillationInput): DistillationLoss {
  const fn = "distillationLoss";
  const { studentLogits, teacherLogits, label, alpha, temperature } = requireInput(fn, input);
  requireFiniteArray(fn, "studentLogits", studentLogits);
  requireFiniteArray(fn, "teacherLogits", teacherLogits);
  requireSameLength(fn, "studentLogits", "teacherLogits", studentLogits, teacherLogits);
  requireIntegerIn(fn, "label", label, 0, studentLogits.length - 1);
  requireUnitInterval(fn, "alpha", alpha);
  requireTemperature(fn, temperature);
  const hard = -logSoftmax(studentLogits)[label] + 0;
  const soft =
    temperature * temperature * klFromLogProbabilities(logSoftmax(teacherLogits, temperature), logSoftmax(studentLogits, temperature));
  return { hard, soft, total: weightedTotal(alpha, hard, soft) };
}

/** α·hard + (1 − α)·soft, where a zero weight drops its term (so α = 1 with soft = ∞ gives hard, not NaN). */
function weightedTotal(alpha: number, hard: number, soft: number): number {
  return (alpha === 0 ? 0 : alpha * hard) + (alpha === 1 ? 0 : (1 - alpha) * soft);
}

export interface DistillationBatchInput {
  /** One row of logits per example. */
  studentLogits: ArrayLike<number>[];
  teacherLogits: ArrayLike<number>[];
  labels: ArrayLike<number>;
  alpha: number;
  temperature: number;
}

/**
 * Distillation loss over a batch, averaged over examples (`batchmean`, as PyTorch's `KLDivLoss` should be
 * used for distillation).
 *
 * @param input `{ studentLogits: rows, teacherLogits: rows, labels, alpha, temperature }`
 * @returns `{ hard, soft, total }`, each the batch mean
 * @throws if the batch is empty, the row counts or labels differ in number, or as `distillationLoss` for a row
 * @example
 * distillationLossBatch({ studentLogits: [[1.5, 1.2, 0.3], [1.5, 1.2, 0.3]], teacherLogits: [[2, 1, 0.1], [2, 1, 0.1]],
 *   labels: [0, 0], alpha: 0.5, temperature: 2 })
 * // { hard: 0.7139358, soft: 0.0609630, total: 0.3874494 }
 */
export function distillationLossBatch(input: DistillationBatchInput): DistillationLoss {
  const fn = "distillationLossBatch";
  const { studentLogits, teacherLogits, labels, alpha, temperature } = requireInput(fn, input) as unknown as DistillationBatchInput;
  if (!Array.isArray(studentLogits) || studentLogits.length === 0) fail(fn, "studentLogits must be a non-empty array of rows");
  if (!Array.isArray(teacherLogits)) fail(fn, "teacherLogits must be an array of rows");
  if (teacherLogits.length !== studentLogits.length) {
    fail(fn, `studentLogits and teacherLogits differ in number of rows (${studentLogits.length} vs ${teacherLogits.length})`);
  }
  requireFiniteArray(fn, "labels", labels);
  if (labels.length !== studentLogits.length) fail(fn, `labels has ${labels.length} entries, expected one per row (${studentLogits.length})`);
  let hard = 0;
  let soft = 0;
  for (let r = 0; r < studentLogits.length; r++) {
    let loss: DistillationLoss;
    try {
      loss = distillationLoss({ studentLogits: studentLogits[r], teacherLogits: teacherLogits[r], label: labels[r], alpha, temperature });
    } catch (e) {
      fail(fn, `row ${r}: ${(e as Error).message.replace(/^distillationLoss: /, "")}`);
    }
    hard += loss.hard;
    soft += loss.soft;
  }
  hard /= studentLogits.length;
  soft /= studentLogits.length;
  return { hard, soft, total: weightedTotal(alpha, hard, soft) };
}

/**
 * The seed notebook's combined loss: α · ce + (1 − α) · kd.
 *
 * @param ce the hard (cross-entropy) loss
 * @param kd the distillation loss
 * @param alpha the weight of ce, in [0, 1]
 * @returns the weighted sum
 * @throws if a loss is not finite or α is outside [0, 1]
 * @example
 * combinedLoss(1.0, 0.4, 0.25)  // 0.55
 */
export function combinedLoss(ce: number, kd: number, alpha: number): number {
  const fn = "combinedLoss";
  requireFinite(fn, "ce", ce);
  requireFinite(fn, "kd", kd);
  requireUnitInterval(fn, "alpha", alpha);
  return alpha * ce + (1 - alpha) * kd;
}
