/**
 * `compression-tutor check <solution.ts> --exercise <pack-dir>/<exercise-id> [--json] [--timeout-ms N]`:
 * checks one learner file. Exit 0 all cases passed, 1 anything failed (wrong answer, compile or runtime
 * error, timeout), 2 could not run (bad arguments, invalid pack, missing file).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Runner } from "../../runner";
import { formatCheckText } from "../format/checkText";
import { EXIT_FAILED, EXIT_OK, UsageError, type CliIo } from "../io";
import { loadExerciseForCli } from "../loadPackForCli";
import { parseOptions, positiveInteger } from "../parseOptions";
import { defaultCacheRoot } from "../../packs/node/packSource";
import { MEMORY_MB_RANGE, TIMEOUT_MS_RANGE } from "../../runner/limits";

export const CHECK_HELP = `Usage: compression-tutor check <solution.ts> --exercise <pack-dir>/<exercise-id> [options]

Compiles the solution (and the files it imports), runs its exported functions on the
exercise's cases in an isolated process, and compares them with the reference.

Options:
  --exercise <pack>/<id>      the exercise to check against (required); <pack> is a folder, a .zip or
                              a git repository (URL or local path, #tag to pin)
  --json                      print the CheckReport as JSON instead of text
  --timeout-ms <N>            wall-clock limit per case, in ms (default 2000)
  --memory-mb <N>             memory limit of the sandbox, in MB (default 256)
  -h, --help                  show this help

Exit codes: 0 all passed, 1 something failed, 2 could not run.
`;

export async function checkCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions("check", args, {
    exercise: { type: "string", short: "e" },
    json: { type: "boolean" },
    "timeout-ms": { type: "string" },
    "memory-mb": { type: "string" },
  });
  if (values.help) {
    io.stdout(CHECK_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError(`check: give exactly one solution file (got ${positionals.length}); see \`compression-tutor check --help\``);
  if (typeof values.exercise !== "string") throw new UsageError("check: --exercise <pack-dir>/<exercise-id> is required");
  const solution = path.resolve(io.cwd, positionals[0]);
  if (!fs.existsSync(solution) || !fs.statSync(solution).isFile()) throw new UsageError(`check: the solution file ${solution} does not exist`);
  const timeoutMs = positiveInteger("check", "timeout-ms", values["timeout-ms"], 2000, TIMEOUT_MS_RANGE);
  const memoryMb = positiveInteger("check", "memory-mb", values["memory-mb"], 256, MEMORY_MB_RANGE);

  const { pack, exercise } = await loadExerciseForCli("check", values.exercise, io);
  // One check, then exit: no warm-ups; bundles compiled before (the exercise's sources above all) come from
  // the user's cache folder instead of a new esbuild-wasm start.
  const runner = new Runner({ timeoutMs, memoryMb, oneShot: true, bundleStoreDir: path.join(defaultCacheRoot(process.env, os.homedir()), "bundles") });
  try {
    const report = await runner.check({ packId: pack.id, exercise, solutionFile: solution });
    io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatCheckText(report, io.cwd));
    return report.status === "passed" ? EXIT_OK : EXIT_FAILED;
  } finally {
    await runner.dispose();
  }
}
