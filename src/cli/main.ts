/**
 * `compression-tutor`: the instructors' and calculators' command line (dist/cli.js). Dispatches to one
 * command per file in commands/; user mistakes print one sentence and exit 2, never a stack trace.
 */
import { SandboxStartError } from "../runner";
import { EXIT_CANNOT_RUN, EXIT_OK, nodeIo, UsageError, type CliCommand, type CliIo } from "./io";

/**
 * Each command's module is evaluated when that command runs, so a one-shot `check` does not pay for grade's,
 * inspect's or calc's modules at start-up (they stay in the one bundle; only their evaluation waits). A
 * require rather than import(): the bundle is CommonJS, and so are the sources the tests run through tsx.
 */
const COMMANDS: Record<string, { run: CliCommand; summary: string }> = {
  check: { run: (a, io) => (require("./commands/check") as typeof import("./commands/check")).checkCommand(a, io), summary: "check one solution file against an exercise" },
  grade: { run: (a, io) => (require("./commands/grade") as typeof import("./commands/grade")).gradeCommand(a, io), summary: "grade a class's submissions (JSON, JUnit, CSV), optionally one shard of it" },
  merge: { run: (a, io) => (require("./commands/merge") as typeof import("./commands/merge")).mergeCommand(a, io), summary: "merge the JSON results of grading shards into one report" },
  validate: { run: (a, io) => (require("./commands/validate") as typeof import("./commands/validate")).validateCommand(a, io), summary: "validate an exercise pack" },
  "new-pack": { run: (a, io) => (require("./commands/newPack") as typeof import("./commands/newPack")).newPackCommand(a, io), summary: "create a new exercise pack" },
  calc: { run: (a, io) => (require("./commands/calc") as typeof import("./commands/calc")).calcCommand(a, io), summary: "quantization and distillation calculators" },
  inspect: {
    run: (a, io) => (require("./commands/inspect") as typeof import("./commands/inspect")).inspectCommand(a, io),
    summary: "a model file's tensors and what each quantization scheme would do to them",
  },
};

export const MAIN_HELP = `Usage: compression-tutor <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join("\n")}

Run \`compression-tutor <command> --help\` for a command's options.
`;

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(MAIN_HELP);
    return name === undefined ? EXIT_CANNOT_RUN : EXIT_OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`compression-tutor: unknown command \`${name}\`\n\n${MAIN_HELP}`);
    return EXIT_CANNOT_RUN;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof SandboxStartError) {
      io.stderr(error instanceof UsageError ? `compression-tutor ${error.message}\n` : `compression-tutor ${name}: ${error.message}\n`);
      return EXIT_CANNOT_RUN;
    }
    io.stderr(`compression-tutor ${name}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_CANNOT_RUN;
  }
}

/** Runs the command line on this process's arguments and sets its exit code (dist/cli.js calls this). */
export function runAsProgram(): void {
  main(process.argv.slice(2), nodeIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`compression-tutor: ${String(error)}\n`);
      process.exitCode = EXIT_CANNOT_RUN;
    },
  );
}

if (require.main === module) runAsProgram();
