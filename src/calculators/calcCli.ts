/**
 * `compression-tutor calc <name> [--flags]`, without any I/O: takes the arguments after `calc`, returns what to
 * print and the exit code (0 done, 2 bad input). `src/cli/commands/calc.ts` adapts it to the CLI's shape.
 */
import { CALCULATOR_IDS, type Calculator, type CalculatorId } from "./calculator";
import { CALCULATORS } from "./calculators";
import { formatResultText } from "./formatValues";
import { resultToJson, runCalculator } from "./runCalculator";

export interface CliOutcome {
  exitCode: 0 | 2;
  stdout: string;
  stderr: string;
}

const USAGE = `Usage: compression-tutor calc <${CALCULATOR_IDS.join("|")}> [--flags] [--json]`;

export function runCalcCli(args: readonly string[]): CliOutcome {
  const [name, ...rest] = args;
  if (name === undefined) return fail(`compression-tutor calc: which calculator? ${USAGE}\nRun "compression-tutor calc --help" for the list.`);
  if (name === "--help" || name === "-h" || name === "help") return done(overviewHelp());
  if (!(CALCULATOR_IDS as readonly string[]).includes(name)) {
    return fail(`compression-tutor calc: unknown calculator "${name}"; choose one of ${CALCULATOR_IDS.join(", ")}.\n${USAGE}`);
  }
  const calculator = CALCULATORS[name as CalculatorId];
  const prefix = `compression-tutor calc ${calculator.id}`;
  const flags = parseFlags(rest);
  if (!flags.ok) return fail(`${prefix}: ${flags.message}\nRun "${prefix} --help" for its flags.`);
  if (flags.help) return done(calculatorHelp(calculator));

  const byFlag = new Map(calculator.fields.map((field) => [field.flag, field.key]));
  const given: Record<string, string> = {};
  for (const [flag, value] of flags.values) {
    const key = byFlag.get(flag);
    if (key === undefined) {
      return fail(`${prefix}: unknown flag --${flag}; it takes ${calculator.fields.map((f) => `--${f.flag}`).join(", ")}, --json, --help`);
    }
    given[key] = value;
  }
  const keyToFlag = (_key: string, flag: string) => `--${flag}`;
  const outcome = runCalculator(calculator, given, { nameOf: keyToFlag });
  if (!outcome.ok) return fail(`${prefix}: ${outcome.message}\nRun "${prefix} --help" for its flags.`);
  const result = outcome.value;
  return done(flags.json ? resultToJson(result) : formatResultText(result.title, result.lines));
}

type Flags = { ok: true; help: boolean; json: boolean; values: [string, string][] } | { ok: false; message: string };

/** `--flag value` or `--flag=value`; a value may start with a single dash (`--min -1`). */
function parseFlags(args: readonly string[]): Flags {
  const values: [string, string][] = [];
  const seen = new Set<string>();
  let help = false;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--help" || arg === "-h") {
      help = true;
      continue;
    }
    if (arg === "--json") {
      json = true;
      continue;
    }
    if (!arg.startsWith("--") || arg.length === 2) return { ok: false, message: `unexpected argument "${arg}": every input is a --flag followed by its value` };
    const eq = arg.indexOf("=");
    let flag: string;
    let value: string | undefined;
    if (eq > 0) {
      flag = arg.slice(2, eq);
      value = arg.slice(eq + 1);
    } else {
      flag = arg.slice(2);
      value = args[i + 1];
      if (value === undefined || value.startsWith("--")) return { ok: false, message: `--${flag} needs a value, e.g. --${flag} <value>` };
      i++;
    }
    if (seen.has(flag)) return { ok: false, message: `--${flag} is given twice; give it once` };
    seen.add(flag);
    values.push([flag, value]);
  }
  return { ok: true, help, json, values };
}

function overviewHelp(): string {
  const width = Math.max(...CALCULATOR_IDS.map((id) => id.length));
  return [
    USAGE,
    "",
    "Calculators:",
    ...CALCULATOR_IDS.map((id) => `  ${id.padEnd(width)}  ${CALCULATORS[id].title}`),
    "",
    `Run "compression-tutor calc <name> --help" for a calculator's flags. --json prints the figures as JSON.`,
    "Exit codes: 0 computed, 2 bad input (the message says which flag and why).",
  ].join("\n");
}

export function calculatorHelp(calculator: Calculator): string {
  const lines = [`compression-tutor calc ${calculator.id}: ${calculator.title}`, calculator.description, "", "Flags:"];
  for (const field of calculator.fields) {
    const choices = field.choices ? ` One of: ${field.choices.map((c) => c.value).join(", ")}.` : "";
    const fallback = field.defaultText !== "" ? ` Default: ${field.defaultText}.` : field.optional ? " Optional." : "";
    lines.push(`  --${field.flag} <${field.placeholder ?? field.choices?.[0]?.value ?? "value"}>`, `      ${field.prompt}.${choices}${fallback}`);
  }
  lines.push("  --json", "      Print the figures as JSON instead of text.", "", "Examples:", ...calculator.examples.map((e) => `  ${e}`));
  return lines.join("\n");
}

function done(stdout: string): CliOutcome {
  return { exitCode: 0, stdout: `${stdout}\n`, stderr: "" };
}

function fail(stderr: string): CliOutcome {
  return { exitCode: 2, stdout: "", stderr: `${stderr}\n` };
}
