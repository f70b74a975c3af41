/**
 * `node:util` parseArgs with the errors a user can act on ("unknown option --jbos for grade; see
 * compression-tutor grade --help") and small typed readers for numbers and choices.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./io";

type Options = NonNullable<ParseArgsConfig["options"]>;

export function parseOptions<T extends Options>(command: string, args: string[], options: T): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args, options: { ...options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
    return { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, "") : String(error);
    throw new UsageError(`${command}: ${message}; see \`compression-tutor ${command} --help\``);
  }
}

/**
 * A whole number from `min` to `max` (default: no more than a million), or the one-line usage error. The
 * upper end matters: a time limit past what a timer holds would fire at once, a job count spawns processes.
 */
export function positiveInteger(command: string, name: string, text: string | boolean | undefined, fallback: number, range: { min?: number; max?: number; what?: string } = {}): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  const { min = 1, max = 1_000_000 } = range;
  const what = range.what ? ` (${range.what})` : "";
  if (typeof text !== "string" || !Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`${command}: --${name}${what} must be a whole number from ${min.toLocaleString("en")} to ${max.toLocaleString("en")}, got ${JSON.stringify(text)}`);
  }
  return value;
}

export function choice<T extends string>(command: string, name: string, text: string | boolean | undefined, allowed: readonly T[], fallback: T): T {
  if (text === undefined) return fallback;
  if (typeof text !== "string" || !allowed.includes(text as T)) throw new UsageError(`${command}: --${name} must be one of ${allowed.join(", ")}, got ${JSON.stringify(text)}`);
  return text as T;
}
