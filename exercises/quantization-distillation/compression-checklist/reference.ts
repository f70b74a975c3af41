/** The seed's four checks, then two that practitioners add. */
export function shippingChecklist(): string[] {
  return [
    "calibration data matches deployment prompts",
    "held-out loss shift is acceptable",
    "latency improves on the target kernel",
    "task and safety quality gates pass",
    "peak memory measured on the target device, KV cache included",
    "outlier-sensitive layers compared against the unquantized model",
  ];
}
