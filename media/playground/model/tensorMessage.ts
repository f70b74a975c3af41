/** The webview's check of a tensor message (the extension validated it already; this is the second wall). */
import { PLAYGROUND_MAX_VALUES } from "../../../src/protocol/playgroundMessages";
import type { Tensor } from "./samples";

/**
 * A tensor message from the extension as a float32 tensor, or undefined when it is malformed: a shape of
 * positive integers whose product is the count, 1..PLAYGROUND_MAX_VALUES values, all finite in float32.
 */
export function tensorFromMessage(tensor: unknown): Tensor | undefined {
  if (tensor === null || typeof tensor !== "object") return undefined;
  const { name, shape, values } = tensor as Record<string, unknown>;
  if (typeof name !== "string" || !Array.isArray(shape) || !Array.isArray(values)) return undefined;
  if (shape.length === 0 || !shape.every((d) => Number.isSafeInteger(d) && (d as number) > 0)) return undefined;
  const count = (shape as number[]).reduce((a, b) => a * b, 1);
  if (count !== values.length || count > PLAYGROUND_MAX_VALUES) return undefined;
  if (!values.every((v) => typeof v === "number")) return undefined;
  const floats = Float32Array.from(values as number[]);
  if (!floats.every(Number.isFinite)) return undefined;
  return { name, shape: (shape as number[]).slice(), values: floats };
}
