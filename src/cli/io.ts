/**
 * What every command gets: where to print, whether stderr is a terminal (for the progress bar), and the
 * working directory. Commands return their exit code: 0 all passed (or done), 1 something failed, 2 could
 * not run. A `UsageError` is a user mistake: printed as one sentence, never as a stack trace.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is an interactive terminal (progress bars only then). */
  isTerminal: boolean;
  cwd: string;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_CANNOT_RUN = 2;

export class UsageError extends Error {}

/** The signature every `compression-tutor <command>` implements. */
export type CliCommand = (args: string[], io: CliIo) => Promise<number>;

export function nodeIo(): CliIo {
  // A closed pipe or a full disk behind stdout is one line and exit 2, not an uncaught stream error's stack.
  process.stdout.once("error", (error: NodeJS.ErrnoException) => {
    process.stderr.write(`compression-tutor: cannot write the output: ${error.code ?? error.message}\n`);
    process.exit(EXIT_CANNOT_RUN);
  });
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    isTerminal: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  };
}
