/** The integer range the earlier answers describe, for checking a zero point or code as it is typed. */
import { integerRange } from "../core";
import type { FieldValues } from "./calculator";

/** The range for `bits` and `signed` (and `narrow`) once both are known; undefined before. */
export function rangeOf(values: FieldValues): { qmin: number; qmax: number } | undefined {
  if (typeof values.bits !== "number" || typeof values.signed !== "string") return undefined;
  return integerRange(values.bits, values.signed === "signed", values.narrow === "yes");
}

/** "int8", "uint4", "int8 narrow". */
export function rangeName(values: FieldValues): string {
  return `${values.signed === "signed" ? "int" : "uint"}${String(values.bits)}${values.narrow === "yes" ? " narrow" : ""}`;
}
