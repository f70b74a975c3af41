/**
 * How calculator figures are written for people: numbers to 7 significant digits without trailing zeros,
 * lists in brackets, and memory always in bytes, GB (1e9) and GiB (2^30) together.
 */

/** 7 significant digits, no trailing zeros, scientific notation only for very small or large magnitudes. */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "∞";
  if (x === -Infinity) return "-∞";
  if (x === 0) return "0";
  const magnitude = Math.abs(x);
  if (magnitude < 1e-4 || magnitude >= 1e15) {
    const [mantissa, exponent] = x.toExponential(6).split("e");
    return `${trimZeros(mantissa)}e${exponent}`;
  }
  // Through Number and back: plain digits up to 1e15 (toPrecision alone writes 3.6e7 as "3.600000e+7").
  return String(Number(x.toPrecision(7)));
}

function trimZeros(text: string): string {
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

export function formatList(values: ArrayLike<number>): string {
  return `[${Array.from(values, formatNumber).join(", ")}]`;
}

/** A whole number with thousands separators: 6,500,000,000. */
export function formatCount(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** "6.5 GB (6.054 GiB, 6,500,000,000 bytes)". */
export function formatBytes(bytes: number, gb: number, gib: number): string {
  return `${formatUnit(gb)} GB (${formatUnit(gib)} GiB, ${formatCount(bytes)} bytes)`;
}

/** Memory figures read best with 4 significant digits. */
function formatUnit(x: number): string {
  if (x === 0) return "0";
  if (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e4) return formatNumber(x);
  return trimZeros(x.toPrecision(4));
}

/** A parameter count the way people say it: 7B, 1.5T, 20M, 350K. */
export function formatParams(n: number): string {
  for (const [suffix, size] of [["T", 1e12], ["B", 1e9], ["M", 1e6], ["K", 1e3]] as const) {
    if (n >= size) return `${trimZeros((n / size).toPrecision(4))}${suffix}`;
  }
  return String(n);
}

/** The result as plain text: a heading and one "label: value" line per figure, labels aligned. */
export function formatResultText(title: string, lines: readonly { label: string; value: string }[]): string {
  const width = Math.max(0, ...lines.map((line) => line.label.length));
  return [title, ...lines.map((line) => `  ${line.label.padEnd(width)}  ${line.value}`)].join("\n");
}
