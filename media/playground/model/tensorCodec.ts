/**
 * Float32 tensors to and from base64, for the webview's saved state: 4 bytes a value instead of ~20 as JSON
 * numbers, so a 1M-value tensor from a model file survives a reload at about 5.6 MB.
 */
import { PLAYGROUND_MAX_VALUES } from "../../../src/protocol/playgroundMessages";
import type { Tensor } from "./samples";

export function float32ToBase64(values: Float32Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export function base64ToFloat32(base64: string): Float32Array {
  const binary = atob(base64);
  if (binary.length % 4 !== 0) throw new Error(`base64ToFloat32: ${binary.length} bytes is not a whole number of float32 values`);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Float32Array(bytes.buffer);
}

/** A saved custom tensor back, or undefined when it is malformed (its shape must match its values). */
export function restoreTensor(saved: unknown): Tensor | undefined {
  if (saved === null || typeof saved !== "object") return undefined;
  const { name, shape, base64 } = saved as Record<string, unknown>;
  if (typeof name !== "string" || typeof base64 !== "string" || !Array.isArray(shape)) return undefined;
  if (!shape.every((d) => Number.isSafeInteger(d) && (d as number) > 0)) return undefined;
  try {
    const values = base64ToFloat32(base64);
    const count = (shape as number[]).reduce((a, b) => a * b, 1);
    if (values.length !== count || values.length === 0 || !values.every(Number.isFinite)) return undefined;
    return { name, shape: shape as number[], values };
  } catch {
    return undefined;
  }
}

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
