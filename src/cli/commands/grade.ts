/**
 * `compression-tutor grade <pack-dir> <submissions-dir> [--format json|junit|csv|html] [--out FILE] [--jobs N]
 * [--shard K/N]`: grades every learner on every exercise, in parallel. Exit 0 when grading finished (whatever
 * the learners scored), 2 when it could not run.
 */
import os from "node:os";
import path from "node:path";
import { gradeClass } from "../grade/gradeClass";
import { ProgressBar } from "../grade/progressBar";
import { listLearners, openHandIns, parseShard, shardOf } from "../grade/submissions";
import { GRADE_FORMATS, gradeSummary, writeGrade } from "../format/gradeOutput";
import { EXIT_OK, UsageError, type CliIo } from "../io";
import { loadPackForCli } from "../loadPackForCli";
import { checkOutputFile } from "../outputFile";
import { choice, parseOptions, positiveInteger } from "../parseOptions";
import { MEMORY_MB_RANGE, REFERENCE_LIMIT_FACTOR, REFERENCE_LIMIT_FLOOR_MS, TIMEOUT_MS_RANGE } from "../../runner/limits";

export const GRADE_HELP = `Usage: compression-tutor grade <pack> <submissions-dir> [options]

<pack> is a pack folder, a .zip, or a git repository (a URL or a local repository, #tag or #branch to pin).

Grades a class: <submissions-dir> holds one folder per learner, each with
<exercise-id>.ts files, and/or one hand-in .zip per learner (made by "Export My Work";
the learner is named after the file). Every learner is checked on every exercise of the pack,
in parallel; a missing file counts as failed, a broken one as an error.

Options:
  --format json|junit|csv|html  output format (default json); html is the class report:
                           pass rates, misconceptions, most failed cases, learner × exercise
  --out <file>             write the result to a file instead of stdout (checked before
                           grading starts: a folder, a device or a full disk is refused)
  --jobs <N>               checks in parallel (default: one per CPU core, ${os.availableParallelism()} here)
  --shard <K>/<N>          grade only the K-th of N slices of the learners (for CI matrices;
                           combine the slices' JSON with \`compression-tutor merge\`)
  --timeout-ms <N>         cap of the time limit per case, in ms (default 2000); each case may
                           compute ${REFERENCE_LIMIT_FACTOR} × the reference's time on it, at least ${REFERENCE_LIMIT_FLOOR_MS} ms
                           (docs/grading.md)
  --memory-mb <N>          memory limit per check, in MB (default 256)
  -h, --help               show this help

Exit codes: 0 grading finished, 2 could not run.
`;

export async function gradeCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions("grade", args, {
    format: { type: "string", short: "f" },
    out: { type: "string", short: "o" },
    jobs: { type: "string", short: "j" },
    shard: { type: "string" },
    "timeout-ms": { type: "string" },
    "memory-mb": { type: "string" },
  });
  if (values.help) {
    io.stdout(GRADE_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 2) throw new UsageError(`grade: give a pack folder and a submissions folder (got ${positionals.length} arguments); see \`compression-tutor grade --help\``);
  const format = choice("grade", "format", values.format, GRADE_FORMATS, "json");
  const jobs = positiveInteger("grade", "jobs", values.jobs, os.availableParallelism(), { max: 64 });
  const timeoutMs = positiveInteger("grade", "timeout-ms", values["timeout-ms"], 2000, TIMEOUT_MS_RANGE);
  const memoryMb = positiveInteger("grade", "memory-mb", values["memory-mb"], 256, MEMORY_MB_RANGE);
  const shard = typeof values.shard === "string" ? parseShard(values.shard) : undefined;
  // Checked before anything is graded: a bad --out found after grading a class wastes the whole run.
  const out = typeof values.out === "string" ? checkOutputFile("grade", io.cwd, values.out) : undefined;

  const pack = await loadPackForCli("grade", positionals[0], io);
  const submissionsDir = path.resolve(io.cwd, positionals[1]);
  const handIns = await openHandIns(shardOf(listLearners(submissionsDir), shard), pack.id);
  const learners = handIns.learners;
  let result;
  try {
    const progress = new ProgressBar(learners.length * pack.exercises.length, io.isTerminal ? io.stderr : undefined);
    result = await gradeClass({ pack, submissionsDir, learners, jobs, timeoutMs, memoryMb, shard, onProgress: (label) => progress.tick(label) });
    progress.finish();
  } finally {
    handIns.dispose();
  }
  writeGrade("grade", result, format, out, io);
  if (out || format !== "json") io.stderr(gradeSummary(result));
  return EXIT_OK;
}
