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

export function positiveInteger(command: string, name: string, text: string | boolean | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (typeof text !== "string" || !Number.isInteger(value) || value < 1) throw new UsageError(`${command}: --${name} must be a positive whole number, got ${JSON.stringify(text)}`);
  return value;
}

export function choice<T extends string>(command: string, name: string, text: string | boolean | undefined, allowed: readonly T[], fallback: T): T {
  if (text === undefined) return fallback;
  if (typeof text !== "string" || !allowed.includes(text as T)) throw new UsageError(`${command}: --${name} must be one of ${allowed.join(", ")}, got ${JSON.stringify(text)}`);
  return text as T;
}
