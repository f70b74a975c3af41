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

/** Every release gate the candidate fails, in checklist order; a measurement exactly at its limit passes. */
export function shippingChecklist(candidate: Candidate, thresholds: ReleaseThresholds): GateFailure[] {
  const failures: GateFailure[] = [];
  const { calibration, deploymentDomain, heldOutLoss, latencyMs, taskScore } = candidate;
  if (calibration.domain !== deploymentDomain) {
    failures.push({ gate: "calibration-domain", measured: calibration.domain, limit: deploymentDomain });
  }
  if (calibration.samples < thresholds.minCalibrationSamples) {
    failures.push({ gate: "calibration-size", measured: calibration.samples, limit: thresholds.minCalibrationSamples });
  }
  const lossIncrease = heldOutLoss.after - heldOutLoss.before;
  if (lossIncrease > thresholds.maxLossIncrease) {
    failures.push({ gate: "held-out-loss", measured: lossIncrease, limit: thresholds.maxLossIncrease });
  }
  const latencyRatio = latencyMs.after / latencyMs.before;
  if (latencyRatio > thresholds.maxLatencyRatio) {
    failures.push({ gate: "latency", measured: latencyRatio, limit: thresholds.maxLatencyRatio });
  }
  const taskDrop = taskScore.before - taskScore.after;
  if (taskDrop > thresholds.maxTaskDrop) {
    failures.push({ gate: "task-quality", measured: taskDrop, limit: thresholds.maxTaskDrop });
  }
  return failures;
}

/** Hint 3 on the learner's own case: every gate, measured against its limit. */
export function explainShippingChecklist(candidate: Candidate, thresholds: ReleaseThresholds): string[] {
  const { calibration, deploymentDomain, heldOutLoss, latencyMs, taskScore } = candidate;
  const verdict = (fails: boolean): string => (fails ? "fails" : "passes");
  return [
    `calibration-domain: "${calibration.domain}" vs "${deploymentDomain}": ${verdict(calibration.domain !== deploymentDomain)}`,
    `calibration-size: ${calibration.samples} samples, at least ${thresholds.minCalibrationSamples}: ${verdict(calibration.samples < thresholds.minCalibrationSamples)}`,
    `held-out-loss: ${heldOutLoss.after} − ${heldOutLoss.before} = ${heldOutLoss.after - heldOutLoss.before}, at most ${thresholds.maxLossIncrease}: ${verdict(heldOutLoss.after - heldOutLoss.before > thresholds.maxLossIncrease)}`,
    `latency: ${latencyMs.after} / ${latencyMs.before} = ${latencyMs.after / latencyMs.before}, at most ${thresholds.maxLatencyRatio}: ${verdict(latencyMs.after / latencyMs.before > thresholds.maxLatencyRatio)}`,
    `task-quality: ${taskScore.before} − ${taskScore.after} = ${taskScore.before - taskScore.after}, at most ${thresholds.maxTaskDrop}: ${verdict(taskScore.before - taskScore.after > thresholds.maxTaskDrop)}`,
  ];
}
