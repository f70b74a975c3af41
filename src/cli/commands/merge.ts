/**
 * `compression-tutor merge <shard.json>... [--format json|junit|csv|html] [--out FILE]`: combines the JSON results
 * of `grade --shard K/N` jobs into one result, as if the class had been graded in one go. Refuses results of
 * different packs and learners graded twice.
 */
import fs from "node:fs";
import path from "node:path";
import { GRADE_RESULT_VERSION, type GradeResult } from "../grade/gradeResult";
import { GRADE_FORMATS, gradeSummary, writeGrade } from "../format/gradeOutput";
import { checkOutputFile } from "../outputFile";
import { EXIT_OK, UsageError, type CliIo } from "../io";
import { choice, parseOptions } from "../parseOptions";

export const MERGE_HELP = `Usage: compression-tutor merge <result.json>... [options]

Merges the JSON results of \`compression-tutor grade --shard K/N\` into one result.

Options:
  --format json|junit|csv|html  output format (default json); html is the class report:
                           pass rates, misconceptions, most failed cases, learner × exercise
  --out <file>             write the result to a file instead of stdout
  -h, --help               show this help

Exit codes: 0 merged, 2 could not run (unreadable file, different packs, a learner in two shards).
`;

function readResult(file: string): GradeResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new UsageError(`merge: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const r = parsed as Partial<GradeResult>;
  if (r.version !== GRADE_RESULT_VERSION || !Array.isArray(r.learners) || typeof r.packId !== "string") {
    throw new UsageError(`merge: ${file} is not a grade result (version ${GRADE_RESULT_VERSION}) made by \`compression-tutor grade --format json\``);
  }
  return r as GradeResult;
}

export function mergeResults(results: GradeResult[], names: string[]): GradeResult {
  const first = results[0];
  const seen = new Map<string, string>();
  for (const [i, r] of results.entries()) {
    if (r.packId !== first.packId || r.packVersion !== first.packVersion) {
      throw new UsageError(`merge: ${names[i]} grades pack ${r.packId}@${r.packVersion}, but ${names[0]} grades ${first.packId}@${first.packVersion}`);
    }
    for (const l of r.learners) {
      const other = seen.get(l.learner);
      if (other !== undefined) throw new UsageError(`merge: learner ${l.learner} is in both ${other} and ${names[i]}; were the shards K/N given the same N?`);
      seen.set(l.learner, names[i]);
    }
  }
  const learners = results.flatMap((r) => r.learners).sort((a, b) => (a.learner < b.learner ? -1 : a.learner > b.learner ? 1 : 0));
  return {
    version: GRADE_RESULT_VERSION,
    packId: first.packId,
    packVersion: first.packVersion,
    exerciseIds: first.exerciseIds,
    learners,
    jobs: results.reduce((n, r) => n + r.jobs, 0),
    // Shards run side by side in CI: the class took as long as the slowest shard.
    durationMs: Math.max(...results.map((r) => r.durationMs)),
    generatedAt: new Date().toISOString(),
  };
}

export async function mergeCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions("merge", args, { format: { type: "string", short: "f" }, out: { type: "string", short: "o" } });
  if (values.help) {
    io.stdout(MERGE_HELP);
    return EXIT_OK;
  }
  if (positionals.length === 0) throw new UsageError("merge: give at least one result file; see `compression-tutor merge --help`");
  const format = choice("merge", "format", values.format, GRADE_FORMATS, "json");
  const files = positionals.map((p) => path.resolve(io.cwd, p));
  const merged = mergeResults(files.map(readResult), positionals);
  const out = typeof values.out === "string" ? checkOutputFile("merge", io.cwd, values.out) : undefined;
  writeGrade("merge", merged, format, out, io);
  if (out || format !== "json") io.stderr(gradeSummary(merged));
  return EXIT_OK;
}
