/**
 * `compression-tutor new-pack`: reserved here so the command list is complete; the full command replaces
 * this file (same exported signature as every command: `(args, io) => Promise<exit code>`).
 */
import { EXIT_CANNOT_RUN, type CliIo } from "../io";

export async function newPackCommand(_args: string[], io: CliIo): Promise<number> {
  io.stderr("compression-tutor new-pack: not available in this build\n");
  return EXIT_CANNOT_RUN;
}
