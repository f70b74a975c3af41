/** Reading numbers out of the JSON values a report carries (inputs, expected, actual). */
import type { Json } from "../../protocol/json";

export function asNumber(value: Json | undefined): number | undefined {
  return typeof value === "number" ? value : undefined;
}

export function asNumbers(value: Json | undefined): number[] | undefined {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "number") ? (value as number[]) : undefined;
}

/** Numeric fields of a plain object, in key order. */
export function numericFields(value: Json | undefined): [string, number][] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [];
  return Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === "number");
}

/** True for a vector that is a probability distribution (non-negative, sums to 1 within 1e-6). */
export function isDistribution(values: number[]): boolean {
  return values.every((v) => v >= 0) && Math.abs(values.reduce((a, b) => a + b, 0) - 1) <= 1e-6;
}

/** A chart-safe number: NaN and ±∞ become gaps rather than breaking the scale. */
export function finiteOrNull(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) ? value : null;
}

export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 1e-3 && Math.abs(value) < 1e6 ? String(Number(value.toPrecision(4))) : value.toExponential(2);
}
