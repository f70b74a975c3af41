/**
 * `compression-tutor validate <pack-dir> [--json] [--static]`: every problem of a pack, as
 * `file:line:column: severity: message [code]` (or JSON), then a one-line verdict.
 *
 * Exit codes: 0 valid (warnings allowed), 1 invalid (every problem listed), 2 could not run (no such folder, a
 * bad option, the sandbox missing). A pack author's mistake is a problem line, never a stack trace.
 */
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CORE_FUNCTIONS } from "../../core";
import { formatProblem } from "../../packs/formatProblem";
import { loadPackFromDisk } from "../../packs/node/loadPackFromDisk";
import { defaultCacheRoot } from "../../packs/node/packSource";
import { checkPackSemantics } from "../../packs/packSemantics";
import type { ExerciseJson } from "../../packs/loadPack";
import { sortProblems } from "../../packs/problems";
import type { PackSpec } from "../../protocol/exercise";
import type { PackProblem } from "../../protocol/packProblem";
import { Runner } from "../../runner";
import { EXIT_CANNOT_RUN, EXIT_FAILED, EXIT_OK, UsageError, type CliIo } from "../io";
import { resolvePackSource } from "../loadPackForCli";
import { parseOptions, positiveInteger } from "../parseOptions";

export const VALIDATE_HELP = `Usage: compression-tutor validate <pack> [options]

<pack> is a pack folder, a .zip of one, or a git repository: a URL (https://…, git@host:…) or a local
repository, with an optional #tag or #branch to pin (cloned into the cache, $COMPRESSION_TUTOR_CACHE or
~/.cache/compression-tutor).

Checks an exercise pack: JSON syntax and schema, ids, named files, paths that leave the pack, sizes, raw HTML
in prompts, compute-core names; then runs the pack's TypeScript in the sandbox: every starter must compile and
fail its checks, every reference solution pass every case, every misconception be recognised.

Options:
  --json      print {"pack", "valid", "errors", "warnings", "problems"} instead of text
  --static    skip running the pack's code (no sandbox needed; quick)
  --jobs <N>  sandboxes checking exercises in parallel (default: one per CPU core, ${os.availableParallelism()}
              here; more than the cores are not started: they would only add start-ups)
  --mutants   mutation analysis instead: derive mutants of every reference solution (rounding functions
              swapped, comparisons and arithmetic flipped, off-by-one, arguments swapped, a max-subtraction
              or clamp dropped, another log base, a changed constant), check each as a learner's file, and
              list the survivors per exercise with the mutation score. Needs the typescript package.
  --min-score <P>  with --mutants: exit 1 when the score (killed / non-equivalent mutants) is below P percent
              (default 95)
  -h, --help  show this help

Exit codes: 0 valid, 1 invalid (every problem listed), 2 could not run.
`;

export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions("validate", args, {
    json: { type: "boolean" },
    static: { type: "boolean" },
    jobs: { type: "string" },
    mutants: { type: "boolean" },
    "min-score": { type: "string" },
  });
  if (values.help) {
    io.stdout(VALIDATE_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1)
    throw new UsageError(`validate: give exactly one pack folder (got ${positionals.length}); see \`compression-tutor validate --help\``);
  const dir = await resolvePackSource("validate", positionals[0], io);
  const jobs = positiveInteger("validate", "jobs", values.jobs, DEFAULT_JOBS, { max: 64 });
  if (values["min-score"] !== undefined && values.mutants !== true) throw new UsageError("validate: --min-score goes with --mutants");
  if (values.mutants === true) return validateMutants(dir, io, { jobs, minScore: percent(values["min-score"], 95), json: values.json === true });
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

/** One runner (two sandbox processes, used in turn) per core keeps every core busy. */
const DEFAULT_JOBS = Math.max(1, os.availableParallelism());

/**
 * How many runners to start for `jobs`: never more than the cores (a runner computes on one core at a time, so
 * more would only add their start-ups and caches, and more jobs would run slower) nor than the exercises.
 */
function runnerCount(jobs: number, exercises: number): number {
  return Math.max(1, Math.min(jobs, os.availableParallelism(), exercises));
}

/** Validates the pack in `dir` (absolute, an existing folder), prints the result, returns the exit code. */
export async function validatePackFolder(dir: string, io: CliIo, options: ValidateOptions): Promise<number> {
  const { json, runCode } = options;
  const { pack, problems, exerciseJson } = await loadPackFromDisk(dir);
  let all = problems;
  let couldNotRun: string | undefined;
  if (pack && runCode && pack.exercises.length > 0) {
    try {
      all = sortProblems([...problems, ...(await runPackCode(pack, exerciseJson, io, json, options.runner, options.jobs ?? 1))]);
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
async function runPackCode(pack: PackSpec, exerciseJson: ExerciseJson, io: CliIo, quiet: boolean, shared: Runner | Runner[] | undefined, jobs: number): Promise<PackProblem[]> {
  // Bundles, and the values the exercises' own sources produced, are kept in the cache folder as `check`
  // keeps them (by content: docs/grading.md), so validating again after an edit compiles and runs only what changed.
  const bundleStoreDir = path.join(defaultCacheRoot(process.env, os.homedir()), "bundles");
  const first = shared ? undefined : new Runner({ core: CORE_FUNCTIONS, bundleStoreDir });
  // The others share the first's exercise sandbox: one such process to start, each exercise's values produced once.
  const runners = shared ?? [first as Runner, ...Array.from({ length: runnerCount(jobs, pack.exercises.length) - 1 }, () => new Runner({ core: CORE_FUNCTIONS, bundleStoreDir, expectedFrom: first }))];
  const started = Date.now();
  try {
    const found = await checkPackSemantics(pack, {
      runner: runners,
      exerciseJson,
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

function percent(text: string | boolean | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (typeof text !== "string" || text.trim() === "" || !(value >= 0 && value <= 100)) throw new UsageError(`validate: --min-score must be a percentage from 0 to 100, got ${JSON.stringify(text)}`);
  return value;
}

type MutantsModule = typeof import("../../mutants");

/**
 * The mutants module, loaded only for --mutants: dist/mutants.js beside the CLI bundle, or its source when the
 * CLI runs from source. A computed path, so the bundler leaves the TypeScript compiler out of the CLI.
 */
function loadMutants(): MutantsModule {
  const candidates = [path.join(__dirname, "mutants.js"), path.resolve(__dirname, "..", "..", "mutants", "index.ts")];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new UsageError(
      `validate: --mutants needs dist/mutants.js (looked for ${candidates.join(", ")}): the packaged extension leaves it out, since it needs the TypeScript compiler; run it from a source checkout after \`npm run build\``,
    );
  const load = require;
  try {
    return load(found) as MutantsModule;
  } catch (error) {
    throw new UsageError(`validate: --mutants could not load ${found}: ${error instanceof Error ? error.message : String(error)} (it needs the typescript package)`);
  }
}

async function validateMutants(dir: string, io: CliIo, options: { jobs: number; minScore: number; json: boolean }): Promise<number> {
  const { pack, problems } = await loadPackFromDisk(dir);
  const errors = problems.filter((p) => p.severity === "error");
  if (!pack || errors.length > 0) {
    for (const problem of sortProblems(problems)) io.stdout(formatProblem(problem, (f) => displayPath(io.cwd, f)) + "\n");
    io.stdout(`${displayPath(io.cwd, dir)} is invalid: fix the problems above before the mutation analysis\n`);
    return EXIT_FAILED;
  }
  const mutants = loadMutants();
  // As for validate: the others share the first's exercise sandbox, so each exercise's expected values are produced once.
  const first = new Runner({ core: CORE_FUNCTIONS, timeoutMs: MUTANT_TIMEOUT_MS });
  const runners = [first, ...Array.from({ length: runnerCount(options.jobs, pack.exercises.length) - 1 }, () => new Runner({ core: CORE_FUNCTIONS, timeoutMs: MUTANT_TIMEOUT_MS, expectedFrom: first }))];
  const started = Date.now();
  try {
    const report = await mutants.mutatePack(pack, {
      runner: runners,
      onExercise: (e) => {
        if (!options.json) io.stderr(`  ${e.survivors.length === 0 ? "✓" : "✗"} ${e.exerciseId}\n`);
      },
    });
    const referencePath = (id: string): string => {
      const exercise = pack.exercises.find((e) => e.id === id);
      return displayPath(io.cwd, exercise?.sourceFiles.reference ?? path.join(dir, id, "reference.ts"));
    };
    if (options.json) {
      const exercises = report.exercises.map((e) => ({ ...e, survivors: e.survivors.map(({ source: _source, ...m }) => m) }));
      io.stdout(JSON.stringify({ pack: displayPath(io.cwd, dir), ...report, exercises, minScore: options.minScore / 100 }, null, 2) + "\n");
    } else {
      io.stdout(mutants.formatMutationReport(report, referencePath) + "\n");
      io.stderr(`ran ${report.total} mutants in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    }
    const stale = report.exercises.some((e) => e.staleEquivalents.length > 0);
    return report.score * 100 >= options.minScore && !stale ? EXIT_OK : EXIT_FAILED;
  } finally {
    await Promise.all(runners.map((r) => r.dispose().catch(() => undefined)));
  }
}

/** A mutant that loops forever is killed by its first timeout; no need to wait the learner's full limit. */
const MUTANT_TIMEOUT_MS = 1000;
