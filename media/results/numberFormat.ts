/**
 * Numbers as a learner reads them: a few significant digits in the table, the exact value one hover or one
 * copy away. Two numbers that differ are always printed with enough digits to show that they differ
 * (0.30000000000000004 next to 0.3 is not "0.3 vs 0.3"). Pure: unit-tested without a DOM.
 */

/** The default number of significant digits in tables. */
export const SIGNIFICANT_DIGITS = 4;

/** The exact value, as JavaScript prints it (the round-trip form), with −0 kept visible. */
export function fullNumber(value: number): string {
  return Object.is(value, -0) ? "-0" : String(value);
}

/** `value` to `digits` significant digits, without trailing zeros; integers of up to 15 digits stay exact. */
export function significant(value: number, digits = SIGNIFICANT_DIGITS): string {
  if (!Number.isFinite(value)) return String(value);
  if (Object.is(value, -0)) return "-0";
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-4 || magnitude >= 1e15)) {
    const [mantissa, exponent] = value.toExponential(digits - 1).split("e");
    return `${trimZeros(mantissa)}e${exponent}`;
  }
  return trimZeros(value.toPrecision(digits));
}

function trimZeros(text: string): string {
  return text.includes(".") && !text.includes("e") ? text.replace(/\.?0+$/, "") : text;
}

/**
 * The fewest significant digits (at least `SIGNIFICANT_DIGITS`, at most 17) at which `a` and `b` print
 * differently, so a table never shows two different numbers as the same text.
 */
export function digitsToTellApart(a: number, b: number): number {
  if (a === b || !Number.isFinite(a) || !Number.isFinite(b)) return SIGNIFICANT_DIGITS;
  for (let digits = SIGNIFICANT_DIGITS; digits < 17; digits++) if (significant(a, digits) !== significant(b, digits)) return digits;
  return 17;
}

/** A signed difference (yours − reference), "+1", "−0.0039": the sign says which way the learner is off. */
export function signedDifference(difference: number, digits = SIGNIFICANT_DIGITS): string {
  if (difference === 0) return "0";
  const text = significant(Math.abs(difference), digits);
  return difference > 0 ? `+${text}` : `\u2212${text}`;
}
