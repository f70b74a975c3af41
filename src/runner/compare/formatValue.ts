/**
 * Values as a learner reads them in a message ("0.30000000000000004", "[1, 2, 3, … 997 more]", "NaN",
 * "undefined"), and as they go into a JSON report (NaN, ±Infinity and undefined, which JSON cannot hold,
 * become the strings "NaN", "Infinity", "-Infinity" and "undefined").
 */
import type { Json } from "../../protocol/json";

const MAX_ITEMS_SHOWN = 8;

export function formatValue(value: unknown, depth = 0): string {
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "string") return JSON.stringify(value.length > 120 ? `${value.slice(0, 120)}…` : value);
  if (value === undefined) return "undefined";
  if (value === null || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    if (depth > 2) return "[…]";
    const shown = value.slice(0, MAX_ITEMS_SHOWN).map((v) => formatValue(v, depth + 1));
    if (value.length > MAX_ITEMS_SHOWN) shown.push(`… ${value.length - MAX_ITEMS_SHOWN} more`);
    return `[${shown.join(", ")}]`;
  }
  if (typeof value === "object") {
    if (depth > 2) return "{…}";
    const entries = Object.entries(value as Record<string, unknown>);
    const shown = entries.slice(0, MAX_ITEMS_SHOWN).map(([k, v]) => `${k}: ${formatValue(v, depth + 1)}`);
    if (entries.length > MAX_ITEMS_SHOWN) shown.push(`… ${entries.length - MAX_ITEMS_SHOWN} more`);
    return `{ ${shown.join(", ")} }`;
  }
  return String(value);
}

/** The arguments of a call, as "(0.3, 0.1, 0)". */
export function formatArguments(args: readonly unknown[]): string {
  return `(${args.map((a) => formatValue(a)).join(", ")})`;
}

/** A JSON-safe copy for reports; see the module comment for the encoding of non-JSON numbers. */
export function toReportJson(value: unknown, depth = 0): Json {
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (value === Infinity) return "Infinity";
    if (value === -Infinity) return "-Infinity";
    return value;
  }
  if (value === undefined) return "undefined";
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (depth > 64) return null;
  if (Array.isArray(value)) return value.map((v) => toReportJson(v, depth + 1));
  if (typeof value === "object") {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toReportJson(v, depth + 1);
    return out;
  }
  return String(value);
}
