export interface Candidate {
  /** The data the quantization scales were fitted on: where it comes from, and how many samples. */
  calibration: { domain: string; samples: number };
  /** Where the model will serve, named the same way as calibration.domain. */
  deploymentDomain: string;
  /** Loss on held-out data (nats per token), measured before and after compression. */
  heldOutLoss: { before: number; after: number };
  /** Time per generated token on the target hardware (ms), before and after. */
  latencyMs: { before: number; after: number };
  /** The task metric (higher is better, e.g. accuracy), before and after. */
  taskScore: { before: number; after: number };
}

export interface ReleaseThresholds {
  minCalibrationSamples: number;
  /** Largest acceptable increase of the held-out loss, in nats per token. */
  maxLossIncrease: number;
  /** Largest acceptable latency after / before (1 means "no slower"). */
  maxLatencyRatio: number;
  /** Largest acceptable drop of the task score, in the metric's units. */
  maxTaskDrop: number;
}

export interface GateFailure {
  gate: "calibration-domain" | "calibration-size" | "held-out-loss" | "latency" | "task-quality";
  /** What was measured for this gate. */
  measured: number | string;
  /** The limit it broke. */
  limit: number | string;
}

/**
 * The release gates this candidate fails, in the order of the type above; [] means it may ship.
 * The prompt says how each gate is measured and where its limit lies.
 */
export function shippingChecklist(candidate: Candidate, thresholds: ReleaseThresholds): GateFailure[] {
  throw new Error("Not implemented yet: shippingChecklist(candidate, thresholds)");
}
