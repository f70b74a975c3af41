import type { Json } from "../protocol/json";

const MAX_NAME_LENGTH = 80;
const MAX_ARRAY_ITEMS_SHOWN = 6;

/**
 * The label of a case whose author gave none: the call as a learner would write it, e.g.
 * `quantize(0.3, 0.1, 0)`. Long arrays are abbreviated (`[0.1, 0.4, … 64 items]`); the exact input is always
 * shown beside the label in the results.
 */
export function caseName(functionName: string, input: readonly Json[]): string {
  const name = `${functionName}(${input.map(formatArgument).join(", ")})`;
  return name.length <= MAX_NAME_LENGTH ? name : `${name.slice(0, MAX_NAME_LENGTH - 2)}…)`;
}

function formatArgument(value: Json): string {
  if (Array.isArray(value)) {
    if (value.length <= MAX_ARRAY_ITEMS_SHOWN) return `[${value.map(formatArgument).join(", ")}]`;
    return `[${value.slice(0, 2).map(formatArgument).join(", ")}, … ${value.length} items]`;
  }
  if (typeof value === "number") return formatNumber(value);
  return JSON.stringify(value);
}

/** Shortest exact form, except that very long fractions are cut to 6 significant digits for the label. */
function formatNumber(value: number): string {
  const exact = String(value);
  return exact.length <= 12 ? exact : String(Number(value.toPrecision(6)));
}
