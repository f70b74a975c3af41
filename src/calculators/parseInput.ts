/**
 * Reading what a person types into a calculator, shared by the command palette and the CLI. Every reader takes
 * the field's name so its message says which field is wrong, what it must be, and what was typed.
 */
import { accept, type Parsed, reject, shown } from "./parsed";

/** A plain decimal or scientific number: `3`, `-0.5`, `.25`, `1e-3`. No hex, no `Infinity`, no `NaN`. */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** A count with an optional magnitude suffix: `7B`, `13e9`, `20M`, `1.5T`, `7_000_000_000`. */
const COUNT = /^(\d+(?:\.\d*)?|\.\d+)(?:e([+-]?\d+))?\s*([kmbgt])?$/i;
const SUFFIX_EXPONENT: Record<string, number> = { k: 3, m: 6, b: 9, g: 9, t: 12 };

/** How far from 1 a probability vector may sum: the compute core's own tolerance. */
export const PROBABILITY_SUM_TOLERANCE = 1e-6;

export function parseNumber(field: string, text: string): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === "") return reject(`${field} is required: type a number such as 0.5 or 1e-3`);
  if (!NUMBER.test(trimmed)) return reject(`${field} must be a number such as 0.5 or 1e-3 (got ${shown(text)})`);
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return reject(`${field} is too large to be represented (got ${shown(text)})`);
  return accept(value);
}

export function parseInteger(field: string, text: string): Parsed<number> {
  const read = parseNumber(field, text);
  if (!read.ok) return read;
  if (!Number.isSafeInteger(read.value)) return reject(`${field} must be a whole number (got ${shown(text)})`);
  return accept(read.value);
}

export function parseIntegerInRange(field: string, text: string, min: number, max: number): Parsed<number> {
  const read = parseInteger(field, text);
  if (!read.ok) return reject(`${field} must be a whole number from ${min} to ${max} (got ${shown(text)})`);
  if (read.value < min || read.value > max) return reject(`${field} must be a whole number from ${min} to ${max} (got ${shown(text)})`);
  return read;
}

export function parsePositive(field: string, text: string): Parsed<number> {
  const read = parseNumber(field, text);
  if (!read.ok) return read;
  if (!(read.value > 0)) return reject(`${field} must be greater than 0 (got ${shown(text)})`);
  return read;
}

export function parsePositiveInteger(field: string, text: string): Parsed<number> {
  const read = parseInteger(field, text);
  if (!read.ok) return read;
  if (read.value < 1) return reject(`${field} must be a whole number of at least 1 (got ${shown(text)})`);
  return read;
}

/** Bits of an integer format: 1 to 32. */
export function parseBits(field: string, text: string): Parsed<number> {
  return parseIntegerInRange(field, text, 1, 32);
}

/** Above this T² overflows a double, and no distribution is told apart from uniform long before. */
export const MAX_TEMPERATURE = 1e150;

/** A softmax temperature: greater than 0 (T = 0 would divide by zero) and at most 1e150 (T² must be finite). */
export function parseTemperature(field: string, text: string): Parsed<number> {
  const read = parsePositive(field, text);
  if (read.ok && read.value > MAX_TEMPERATURE) return reject(`${field} must be at most 1e150, where T² still fits in a double (got ${shown(text)})`);
  return read;
}

/**
 * A temperature that the given logits can be divided by: logits / T must stay finite, or softmax has nothing
 * to work with (±∞ − ±∞). The message says the smallest temperature these logits allow.
 */
export function parseTemperatureFor(field: string, text: string, logitLists: readonly (readonly number[] | undefined)[]): Parsed<number> {
  const read = parseTemperature(field, text);
  if (!read.ok) return read;
  const largest = Math.max(0, ...logitLists.flatMap((logits) => (logits ?? []).map(Math.abs)));
  // Softmax may divide by T or multiply by 1/T; both must stay finite.
  const inverse = 1 / read.value;
  if (!Number.isFinite(inverse) || !Number.isFinite(largest * inverse) || !Number.isFinite(largest / read.value)) {
    const smallest = Math.max(largest, 1) / Number.MAX_VALUE;
    return reject(`${field} is too small for these logits: logits / T overflows (got ${shown(text)}; use at least ${Number((smallest * 1.01).toPrecision(3))})`);
  }
  return read;
}

/** The weight of the hard loss in a distillation loss: from 0 to 1. */
export function parseAlpha(field: string, text: string): Parsed<number> {
  const read = parseNumber(field, text);
  if (!read.ok) return read;
  if (read.value < 0 || read.value > 1) return reject(`${field} must be between 0 and 1 (got ${shown(text)})`);
  return read;
}

/**
 * A count of parameters (or tokens) with a magnitude suffix: K = 1e3, M = 1e6, B or G = 1e9, T = 1e12.
 * Underscores between digits are ignored. The result must be a whole number greater than 0.
 */
export function parseCount(field: string, text: string): Parsed<number> {
  const trimmed = text.trim().replace(/(\d)_(?=\d)/g, "$1");
  if (trimmed === "") return reject(`${field} is required: type a count such as 7B, 13e9, 20M or 1.5T`);
  const match = COUNT.exec(trimmed);
  if (!match) return reject(`${field} must be a count such as 7B, 13e9, 20M or 1.5T (got ${shown(text)})`);
  const [, mantissa, exponent, suffix] = match;
  // Shift the decimal exponent in the string so "7.25B" is exactly 7250000000, with no 7.25 * 1e9 rounding.
  const totalExponent = Number(exponent ?? 0) + (suffix ? SUFFIX_EXPONENT[suffix.toLowerCase()] : 0);
  const value = Number(`${mantissa}e${totalExponent}`);
  if (!Number.isFinite(value)) return reject(`${field} is too large to be represented (got ${shown(text)})`);
  if (value <= 0) return reject(`${field} must be greater than 0 (got ${shown(text)})`);
  if (!Number.isSafeInteger(value)) {
    return reject(`${field} must be a whole number below 9e15 (got ${shown(text)}, which is ${value})`);
  }
  return accept(value);
}

/** A list of numbers: `2, 1, 0.1`, `[2,1,0.1]` or `2 1 0.1`. */
export function parseList(field: string, text: string): Parsed<number[]> {
  let body = text.trim();
  if (body.startsWith("[") !== body.endsWith("]")) return reject(`${field} has an unbalanced bracket (got ${shown(text)})`);
  if (body.startsWith("[")) body = body.slice(1, -1).trim();
  if (body === "") return reject(`${field} needs at least one number, e.g. 2, 1, 0.1`);
  const items = body.split(/\s*,\s*|\s+/);
  const values: number[] = [];
  for (const [index, item] of items.entries()) {
    if (item === "") return reject(`${field} has an empty item at position ${index + 1} (got ${shown(text)})`);
    const read = parseNumber(`${field} item ${index + 1}`, item);
    if (!read.ok) return read;
    values.push(read.value);
  }
  return accept(values);
}

/** A probability vector: every value in [0, 1], summing to 1 within 1e-6; the message says by how much it does not. */
export function parseProbabilities(field: string, text: string): Parsed<number[]> {
  const read = parseList(field, text);
  if (!read.ok) return read;
  const outOfRange = read.value.findIndex((p) => p < 0 || p > 1);
  if (outOfRange >= 0) {
    return reject(`${field} item ${outOfRange + 1} must be a probability between 0 and 1 (got ${read.value[outOfRange]})`);
  }
  const sum = read.value.reduce((total, p) => total + p, 0);
  const off = sum - 1;
  if (Math.abs(off) > PROBABILITY_SUM_TOLERANCE) {
    const by = Number(Math.abs(off).toPrecision(6));
    return reject(`${field} must sum to 1 but sums to ${Number(sum.toPrecision(10))} (${off > 0 ? "over" : "under"} by ${by})`);
  }
  return read;
}

/** One of a fixed set of words, case-insensitive; the message lists them. */
export function parseChoice<T extends string>(field: string, text: string, choices: readonly T[]): Parsed<T> {
  const wanted = text.trim().toLowerCase();
  const found = choices.find((choice) => choice.toLowerCase() === wanted);
  if (found === undefined) return reject(`${field} must be one of ${choices.join(", ")} (got ${shown(text)})`);
  return accept(found);
}
