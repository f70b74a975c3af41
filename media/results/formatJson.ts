import type { Json } from "../../src/protocol/json";

/** A compact, exact rendering of a case value: numbers as JavaScript prints them (0.30000000000000004 stays visible). */
export function formatJson(value: Json | undefined, maxItems = 8): string {
  if (value === undefined) return "—";
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    const shown = value.slice(0, maxItems).map((v) => formatJson(v, maxItems));
    return `[${shown.join(", ")}${value.length > maxItems ? `, … ${value.length - maxItems} more` : ""}]`;
  }
  return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${formatJson(v, maxItems)}`).join(", ")} }`;
}
