/**
 * `compression-tutor validate <pack-dir> [--json] [--static]`: every problem of a pack, as
 * `file:line:column: severity: message [code]` (or JSON), then a one-line verdict.
 *
 * Exit codes: 0 valid (warnings allowed), 1 invalid (every problem listed), 2 could not run (no such folder, a
 * bad option, the sandbox missing). A pack author's mistake is a problem line, never a stack trace.
 */
import { promises as fsp } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CORE_FUNCTIONS } from "../../core";
import { formatProblem } from "../../packs/formatProblem";
import { loadPackFromDisk } from "../../packs/node/loadPackFromDisk";
import { sortProblems } from "../../packs/problems";
import type { PackSpec } from "../../protocol/exercise";
import type { PackProblem } from "../../protocol/packProblem";
import { Runner } from "../../runner";
import { checkPackSemantics } from "../../runner/packSemantics";
import { EXIT_CANNOT_RUN, EXIT_FAILED, EXIT_OK, UsageError, type CliIo } from "../io";
import { parseOptions, positiveInteger } from "../parseOptions";

export const VALIDATE_HELP = `Usage: compression-tutor validate <pack-dir> [options]

Checks an exercise pack: JSON syntax and schema, ids, named files, paths that leave the pack, sizes, raw HTML
in prompts, compute-core names; then runs the pack's TypeScript in the sandbox: every starter must compile and
fail its checks, every reference solution pass every case, every misconception be recognised.

Options:
  --json      print {"pack", "valid", "errors", "warnings", "problems"} instead of text
  --static    skip running the pack's code (no sandbox needed; quick)
  --jobs <N>  sandboxes checking exercises in parallel (default: 2, or 1 on a one-core machine)
  -h, --help  show this help

Exit codes: 0 valid, 1 invalid (every problem listed), 2 could not run.
`;

export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions("validate", args, { json: { type: "boolean" }, static: { type: "boolean" }, jobs: { type: "string" } });
  if (values.help) {
    io.stdout(VALIDATE_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1)
    throw new UsageError(`validate: give exactly one pack folder (got ${positionals.length}); see \`compression-tutor validate --help\``);
  const dir = path.resolve(io.cwd, positionals[0]);
  const entry = await fsp.stat(dir).catch(() => undefined);
  if (!entry?.isDirectory()) throw new UsageError(`validate: ${positionals[0]} is not a folder; give the folder that holds pack.json`);
  const jobs = positiveInteger("validate", "jobs", values.jobs, DEFAULT_JOBS);
  return validatePackFolder(dir, io, { json: values.json === true, runCode: values.static !== true, jobs });
}

export interface ValidateOptions {
  json: boolean;
  /** Run starters, references and misconceptions in the sandbox (false: static checks only). */
  runCode: boolean;
  /** How many sandboxes check exercises in parallel. Default 1. */
  jobs?: number;
  /** Runners to use (and leave running) instead of starting them; tests share them across packs. */
  runner?: Runner | Runner[];
}

/** Two sandboxes halve the time on a two-core machine; more mostly add memory. */
const DEFAULT_JOBS = Math.max(1, Math.min(2, os.availableParallelism()));

/** Validates the pack in `dir` (absolute, an existing folder), prints the result, returns the exit code. */
export async function validatePackFolder(dir: string, io: CliIo, options: ValidateOptions): Promise<number> {
  const { json, runCode } = options;
  const { pack, problems } = await loadPackFromDisk(dir);
  let all = problems;
  let couldNotRun: string | undefined;
  if (pack && runCode && pack.exercises.length > 0) {
    try {
      all = sortProblems([...problems, ...(await runPackCode(pack, io, json, options.runner, options.jobs ?? 1))]);
    } catch (error) {
      couldNotRun = error instanceof Error ? error.message : String(error);
    }
  }

  const errors = all.filter((p) => p.severity === "error").length;
  const warnings = all.length - errors;
  const shown = (file: string): string => displayPath(io.cwd, file);
  if (json) {
    const report = {
      pack: shown(dir),
      valid: errors === 0 && !couldNotRun,
      errors,
      warnings,
      problems: all.map((p) => ({ ...p, file: shown(p.file) })),
      ...(couldNotRun ? { couldNotRun } : {}),
    };
    io.stdout(JSON.stringify(report, null, 2) + "\n");
  } else {
    for (const problem of all) io.stdout(formatProblem(problem, shown) + "\n");
    io.stdout(verdict(shown(dir), pack, errors, warnings, runCode) + "\n");
  }
  if (couldNotRun) {
    io.stderr(`compression-tutor validate: could not run the pack's code: ${couldNotRun}\n`);
    return errors > 0 ? EXIT_FAILED : EXIT_CANNOT_RUN;
  }
  return errors > 0 ? EXIT_FAILED : EXIT_OK;
}

/** Starters, references and misconceptions through the sandbox; progress on stderr so stdout stays parseable. */
async function runPackCode(pack: PackSpec, io: CliIo, quiet: boolean, shared: Runner | Runner[] | undefined, jobs: number): Promise<PackProblem[]> {
  const runners = shared ?? Array.from({ length: Math.min(jobs, pack.exercises.length) }, () => new Runner({ core: CORE_FUNCTIONS }));
  const started = Date.now();
  try {
    const found = await checkPackSemantics(pack, {
      runner: runners,
      onExercise: (exercise, problems) => {
        if (!quiet) io.stderr(`  ${problems.some((p) => p.severity === "error") ? "✗" : "✓"} ${exercise.id}\n`);
      },
    });
    if (!quiet) io.stderr(`ran the pack's code in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return found;
  } finally {
    if (!shared) await Promise.all((runners as Runner[]).map((r) => r.dispose().catch(() => undefined)));
  }
}

/** Paths under the working directory are shown relative to it, others in full. */
export function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative === "" ? "." : relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}

function verdict(shownDir: string, pack: PackSpec | undefined, errors: number, warnings: number, ranCode: boolean): string {
  const name = pack ? `pack "${pack.id}" (${shownDir})` : shownDir;
  const tally = `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
  if (errors > 0) return `${name} is invalid: ${tally}`;
  const exercises = pack?.exercises.length ?? 0;
  const cases = pack?.exercises.reduce((n, e) => n + e.checks.reduce((m, c) => m + c.cases.length, 0), 0) ?? 0;
  const scope = ranCode ? "starters fail, references pass, misconceptions recognised" : "static checks only (--static)";
  return `${name} is valid: ${exercises} exercise${exercises === 1 ? "" : "s"}, ${cases} cases; ${scope}${warnings > 0 ? `; ${tally}` : ""}`;
}
