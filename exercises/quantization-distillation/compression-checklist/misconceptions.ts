/** Known-wrong variants of shippingChecklist, each with the learner's signature. */

/** Only size and loss: nothing about calibration data, latency, or task and safety quality. */
export function checklistSizeAndLossOnly(): string[] {
  return [
    "the model file is four times smaller",
    "held-out loss shift is acceptable",
    "weights load without errors",
    "memory fits on the GPU",
  ];
}
