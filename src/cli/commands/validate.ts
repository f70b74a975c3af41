/**
 * `compression-tutor validate`: reserved here so the command list is complete; the full command replaces
 * this file (same exported signature as every command: `(args, io) => Promise<exit code>`).
 */
import { EXIT_CANNOT_RUN, type CliIo } from "../io";

export async function validateCommand(_args: string[], io: CliIo): Promise<number> {
  io.stderr("compression-tutor validate: not available in this build\n");
  return EXIT_CANNOT_RUN;
}
