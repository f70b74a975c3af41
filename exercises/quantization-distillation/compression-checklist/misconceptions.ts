/** Known-wrong variants of shippingChecklist, each with the learner's signature. */

interface Candidate {
  calibration: { domain: string; samples: number };
  deploymentDomain: string;
  heldOutLoss: { before: number; after: number };
  latencyMs: { before: number; after: number };
  taskScore: { before: number; after: number };
}
interface ReleaseThresholds {
  minCalibrationSamples: number;
  maxLossIncrease: number;
  maxLatencyRatio: number;
  maxTaskDrop: number;
}
type GateFailure = { gate: string; measured: number | string; limit: number | string };

interface Rules {
  /** a measurement exactly at its limit fails */
  strict: boolean;
  latency: (before: number, after: number) => number;
  loss: (before: number, after: number) => number;
  task: (before: number, after: number) => number;
  checkDomain: boolean;
}

const RIGHT: Rules = {
  strict: false,
  latency: (before, after) => after / before,
  loss: (before, after) => after - before,
  task: (before, after) => before - after,
  checkDomain: true,
};

function gates(c: Candidate, t: ReleaseThresholds, rules: Rules): GateFailure[] {
  const failures: GateFailure[] = [];
  const over = (measured: number, limit: number): boolean => (rules.strict ? measured >= limit : measured > limit);
  if (rules.checkDomain && c.calibration.domain !== c.deploymentDomain) {
    failures.push({ gate: "calibration-domain", measured: c.calibration.domain, limit: c.deploymentDomain });
  }
  const tooFew = rules.strict ? c.calibration.samples <= t.minCalibrationSamples : c.calibration.samples < t.minCalibrationSamples;
  if (tooFew) failures.push({ gate: "calibration-size", measured: c.calibration.samples, limit: t.minCalibrationSamples });
  const loss = rules.loss(c.heldOutLoss.before, c.heldOutLoss.after);
  if (over(loss, t.maxLossIncrease)) failures.push({ gate: "held-out-loss", measured: loss, limit: t.maxLossIncrease });
  const latency = rules.latency(c.latencyMs.before, c.latencyMs.after);
  if (over(latency, t.maxLatencyRatio)) failures.push({ gate: "latency", measured: latency, limit: t.maxLatencyRatio });
  const task = rules.task(c.taskScore.before, c.taskScore.after);
  if (over(task, t.maxTaskDrop)) failures.push({ gate: "task-quality", measured: task, limit: t.maxTaskDrop });
  return failures;
}

/** A measurement exactly at its limit counts as a failure (>= instead of >). */
export function checklistStrictLimits(c: Candidate, t: ReleaseThresholds): GateFailure[] {
  return gates(c, t, { ...RIGHT, strict: true });
}

/** Latency compared as a difference in ms (after − before) instead of the ratio after / before. */
export function checklistLatencyDifference(c: Candidate, t: ReleaseThresholds): GateFailure[] {
  return gates(c, t, { ...RIGHT, latency: (before, after) => after - before });
}

/** Latency ratio upside down: before / after, the speed-up, so a slower model looks fine. */
export function checklistLatencySpeedup(c: Candidate, t: ReleaseThresholds): GateFailure[] {
  return gates(c, t, { ...RIGHT, latency: (before, after) => before / after });
}

/** The loss change taken as before − after, so a loss that went up reads as an improvement. */
export function checklistLossSignFlipped(c: Candidate, t: ReleaseThresholds): GateFailure[] {
  return gates(c, t, { ...RIGHT, loss: (before, after) => before - after });
}

/** The loss change taken relative to the loss before ((after − before) / before) instead of in nats per token. */
export function checklistRelativeLoss(c: Candidate, t: ReleaseThresholds): GateFailure[] {
  return gates(c, t, { ...RIGHT, loss: (before, after) => (after - before) / before });
}

/** The task change taken as after − before, so a drop reads as negative and never fails. */
export function checklistTaskSignFlipped(c: Candidate, t: ReleaseThresholds): GateFailure[] {
  return gates(c, t, { ...RIGHT, task: (before, after) => after - before });
}

/** Only the number of calibration samples is checked, not whether they come from the deployment domain. */
export function checklistIgnoresCalibrationDomain(c: Candidate, t: ReleaseThresholds): GateFailure[] {
  return gates(c, t, { ...RIGHT, checkDomain: false });
}
