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
