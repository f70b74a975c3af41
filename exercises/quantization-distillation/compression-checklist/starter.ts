/**
 * At least four checks to run before shipping a quantized model. Between them they must cover:
 * calibration data, held-out loss, latency on the target kernel, and task and safety quality.
 */
export function shippingChecklist(): string[] {
  // TODO: return your checks, one short sentence each.
  return [];
}
