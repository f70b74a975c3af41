/** Runs a CLI command in-process and captures what it prints, for tests of exit codes and output. */
import type { CliIo } from "../../../../src/cli/io";

export interface Captured {
  io: CliIo;
  stdout: () => string;
  stderr: () => string;
}

export function captureIo(cwd: string): Captured {
  let out = "";
  let err = "";
  return {
    io: { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTerminal: false, cwd },
    stdout: () => out,
    stderr: () => err,
  };
}

/**
 * Whether an output line matches an expected line. Exact, except that "…" in the expected line stands for any
 * text: used where the rest of a message is the runner's wording (expected vs actual), not the pack loader's.
 */
export function lineMatches(actual: string, expected: string): boolean {
  if (!expected.includes("…")) return actual === expected;
  const pattern = expected.split("…").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  return new RegExp(`^${pattern}$`).test(actual);
}
