/**
 * Semantic validation of a pack: what only running its TypeScript can tell. For every exercise
 * - the starter compiles and FAILS its checks (a learner must have something to do),
 * - the reference solution, where there is one, PASSES every check, generated cases included,
 * - every misconception is really recognised: a solution written the wrong way fails, and the report names
 *   that misconception on at least one case.
 * Everything runs through the runner (injected: `SolutionChecker`), in its sandbox: a pack's code never runs in
 * this process. Problems are placed in exercise.json through the documents the loader parsed (`exerciseJson`).
 */
import { CORE_FUNCTIONS, type CoreFunction } from "../core";
import type { CheckReport, ReportDiagnostic } from "../protocol/checkReport";
import { pickPath, type CheckSpec, type ExerciseSpec, type Misconception, type PackSpec } from "../protocol/exercise";
import type { PackProblem } from "../protocol/packProblem";
import type { JsonDocument } from "./json/jsonDocument";
import type { ExerciseJson } from "./loadPack";

/** What the semantic checks need of the runner (src/runner's `Runner` is one): a file checked against an exercise. */
export interface SolutionChecker {
  check(request: { packId: string; exercise: ExerciseSpec; solutionFile: string; source: string }): Promise<CheckReport>;
}

export interface PackSemanticsOptions {
  /** One runner, or several to check exercises in parallel (one sandbox process each). */
  runner: SolutionChecker | SolutionChecker[];
  /** The compute core, for misconceptions whose wrong values come from it. Default: the built-in core. */
  core?: Readonly<Record<string, CoreFunction>>;
  /** The exercise.json documents the loader parsed (`ParsedPack.exerciseJson`); without one, problems go to the file's start. */
  exerciseJson?: ExerciseJson;
  /** Called when an exercise is done, e.g. to print progress. */
  onExercise?: (exercise: ExerciseSpec, problems: PackProblem[]) => void;
}

/** At most this many failing reference cases are listed per exercise; the rest are counted. */
const MAX_LISTED_FAILURES = 5;

/**
 * About how much running an exercise's checks costs, to start the costliest first: its files each run every
 * case (the starter, the reference, a variant per misconception), and the interpreter's work grows with the
 * inputs (clip-search sweeps thousands of weights per case). Only the order of the work depends on it.
 */
function estimatedCost(exercise: ExerciseSpec): number {
  const runs = 2 + exercise.checks.reduce((n, c) => n + c.misconceptions.length, 0);
  const inputChars = exercise.checks.reduce((n, c) => n + c.cases.reduce((m, k) => m + (JSON.stringify(k.input)?.length ?? 0), 0), 0);
  return runs * (1 + inputChars / 2000);
}

/**
 * Problems of every exercise, in the pack's order, however many runners share the work. With several runners
 * the costliest exercises start first, so that the last one to finish is a short one.
 */
export async function checkPackSemantics(pack: PackSpec, options: PackSemanticsOptions): Promise<PackProblem[]> {
  const runners = Array.isArray(options.runner) ? options.runner : [options.runner];
  const found: PackProblem[][] = [];
  const order = pack.exercises.map((exercise, index) => ({ index, cost: runners.length > 1 ? estimatedCost(exercise) : 0 })).sort((a, b) => b.cost - a.cost || a.index - b.index);
  let next = 0;
  const work = async (runner: SolutionChecker): Promise<void> => {
    while (next < order.length) {
      const index = order[next++].index;
      const exercise = pack.exercises[index];
      found[index] = await checkExerciseSemantics(pack.id, exercise, { ...options, runner });
      options.onExercise?.(exercise, found[index]);
    }
  };
  await Promise.all(runners.map(work));
  return found.flat();
}

export async function checkExerciseSemantics(
  packId: string,
  exercise: ExerciseSpec,
  options: Omit<PackSemanticsOptions, "runner"> & { runner: SolutionChecker },
): Promise<PackProblem[]> {
  const problems: PackProblem[] = [];
  const locate = exerciseLocator(exercise, options.exerciseJson?.get(exercise.id));
  // The author sees everything: hidden grading cases are revealed in full while validating.
  const revealed = revealAll(exercise);
  // A file beside the exercise's own (so that its imports resolve as theirs do); relative names are resolved by the runner.
  const anchor = exercise.sourceFiles.exercise ?? exercise.sourceFiles.starter ?? `${exercise.id}/exercise.json`;
  const besideExercise = (name: string): string => anchor.replace(/[^\\/]*$/, () => name);
  const run = (solutionFile: string, source: string): Promise<CheckReport> =>
    options.runner.check({ packId, exercise: revealed, solutionFile, source });

  const starterFile = exercise.sourceFiles.starter ?? besideExercise("starter.ts");
  const starter = await run(starterFile, exercise.starter);
  const starterErrors = compileErrors(starter);
  for (const d of starterErrors)
    problems.push(atDiagnostic(d, "starter-compile", `the starter does not compile: ${d.message}; learners must start from a file that compiles`));
  if (starterErrors.length === 0 && starter.status === "passed")
    problems.push(atFileStart(starterFile, "starter-passes", `the starter passes all ${starter.summary.total} cases; it must fail its checks, or the learner has nothing to do`));

  if (exercise.reference !== undefined) {
    const referenceFile = exercise.sourceFiles.reference ?? besideExercise("reference.ts");
    const reference = await run(referenceFile, exercise.reference);
    const referenceErrors = compileErrors(reference);
    for (const d of referenceErrors) problems.push(atDiagnostic(d, "reference-compile", `the reference solution does not compile: ${d.message}`));
    if (referenceErrors.length === 0) {
      const failing = reference.cases.filter((c) => c.status !== "passed");
      for (const c of failing.slice(0, MAX_LISTED_FAILURES)) {
        problems.push(
          locate.case(c.checkId, c.id, "reference-fails", `the reference solution fails case "${c.id}" of check "${c.checkId}" (${c.name}): ${c.message}`),
        );
      }
      if (failing.length > MAX_LISTED_FAILURES)
        problems.push(atFileStart(referenceFile, "reference-fails", `the reference solution fails ${failing.length - MAX_LISTED_FAILURES} more case(s) than listed; fix those first`));
    }
  }

  for (const [i, check] of exercise.checks.entries()) {
    for (const [k, misconception] of check.misconceptions.entries()) {
      const pointer = `/checks/${i}/misconceptions/${k}`;
      const learner = wrongSolution(exercise, check, misconception, options.core ?? CORE_FUNCTIONS);
      if ("problem" in learner) {
        problems.push(locate.pointer(pointer, "misconception-unusable", learner.problem));
        continue;
      }
      // Only this check's cases decide whether the misconception is recognised, so only they are run: the
      // variant's file answers the other checks with errors, which would cost their calls and their own
      // misconceptions' values (clip-search's sweeps: seconds) for nothing.
      const report = await options.runner.check({ packId, exercise: { ...revealed, checks: [revealed.checks[i]] }, solutionFile: besideExercise(`.misconception-${check.id}-${misconception.id}.ts`), source: learner.source });
      const errors = compileErrors(report);
      if (errors.length > 0) {
        problems.push(
          locate.pointer(pointer, "misconception-compile", `the variant of misconception "${misconception.id}" does not compile as a learner's file: ${errors[0].message}`),
        );
        continue;
      }
      const cases = report.cases.filter((c) => c.checkId === check.id);
      if (cases.some((c) => c.misconception?.id === misconception.id)) continue;
      const failing = cases.filter((c) => c.status !== "passed");
      const named = [...new Set(failing.flatMap((c) => (c.misconception ? [c.misconception.id] : [])))];
      const why =
        failing.length === 0
          ? `a solution written that way passes every case of check "${check.id}", so no learner is ever told about it; add a case on which it is wrong`
          : `a solution written that way fails ${failing.length} case(s) of check "${check.id}", but none is recognised as this misconception` +
            (named.length > 0 ? ` (they match ${named.map((n) => `"${n}"`).join(", ")} first: order the misconceptions from most to least specific)` : `; check that the variant's values are the wrong answers (and the tolerance)`);
      problems.push(locate.pointer(pointer, "misconception-not-recognised", `misconception "${misconception.id}": ${why}`));
    }
  }
  return problems;
}

/**
 * A learner's file that answers the way a misconception does. A variant in the exercise's misconceptions (or
 * reference) file is that file with the variant re-exported under the learner's function name; a variant given
 * by the compute core or by literals becomes a lookup table of its wrong values.
 */
function wrongSolution(exercise: ExerciseSpec, check: CheckSpec, m: Misconception, core: Readonly<Record<string, CoreFunction>>): { source: string } | { problem: string } {
  const variant = m.variant;
  if (variant.from === "reference") {
    // The in-memory model's default, as the runner reads it (the loader always fills `file` in).
    const file = variant.file ?? "reference";
    const text = file === "reference" ? exercise.reference : exercise.misconceptions;
    if (text === undefined) return { problem: `misconception "${m.id}" takes its values from the ${file} file, which the exercise does not have` };
    const name = variant.export ?? check.function;
    const alias = name === check.function ? "" : `\nexport { ${name} as ${check.function} };\n`;
    return { source: `${text}\n${alias}` };
  }
  const table: [string, unknown][] = [];
  for (const c of check.cases) {
    if (variant.from === "literal") {
      if (variant.values && c.id in variant.values) table.push([JSON.stringify(c.input), variant.values[c.id]]);
      continue;
    }
    const fn = core[variant.fn];
    if (typeof fn !== "function") return { problem: `misconception "${m.id}" names the core function "${variant.fn}", which this build's core does not have` };
    try {
      const value = pickPath((fn as (...args: unknown[]) => unknown)(...structuredClone(c.input), ...structuredClone(variant.extraArgs ?? [])), variant.pick);
      table.push([JSON.stringify(c.input), value]);
    } catch {
      // The core refuses this input (e.g. a zero range); the variant simply has no value for the case.
    }
  }
  const entries = table.map(([key, value]) => `  [${JSON.stringify(key)}, ${jsLiteral(value)}],`).join("\n");
  return {
    source: [
      `const wrongValues = new Map<string, unknown>([\n${entries}\n]);`,
      `export function ${check.function}(...args: unknown[]): unknown {`,
      `  return wrongValues.get(JSON.stringify(args));`,
      `}`,
      ``,
    ].join("\n"),
  };
}

/** A JavaScript literal for a value, keeping what JSON loses (NaN, ±Infinity, -0). */
function jsLiteral(value: unknown): string {
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (Array.isArray(value)) return `[${value.map(jsLiteral).join(", ")}]`;
  if (value !== null && typeof value === "object")
    return `{ ${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${jsLiteral(v)}`).join(", ")} }`;
  return value === undefined ? "undefined" : JSON.stringify(value);
}

function revealAll(exercise: ExerciseSpec): ExerciseSpec {
  return {
    ...exercise,
    checks: exercise.checks.map((check) => ({ ...check, reveal: "full", cases: check.cases.map((c) => ({ ...c, reveal: "full" })) })),
  };
}

function compileErrors(report: CheckReport): ReportDiagnostic[] {
  return report.diagnostics.filter((d) => d.source === "compile" && d.severity === "error");
}

function atDiagnostic(d: ReportDiagnostic, code: string, message: string): PackProblem {
  return { file: d.file, line: d.line, column: d.column, severity: "error", code, message };
}

function atFileStart(file: string, code: string, message: string): PackProblem {
  return { file, line: 1, column: 1, severity: "error", code, message };
}

/** Places problems in exercise.json: at a JSON pointer, or at the case (or the generate block) a case id comes from. */
function exerciseLocator(exercise: ExerciseSpec, parsed: { file: string; doc: JsonDocument } | undefined) {
  const pointer = (at: string, code: string, message: string): PackProblem => {
    if (!parsed) return atFileStart(exercise.sourceFiles.exercise ?? exercise.id, code, message);
    const range = parsed.doc.locate(at);
    return { file: parsed.file, line: range.start.line, column: range.start.column, endLine: range.end.line, endColumn: range.end.column, jsonPath: at, severity: "error", code, message };
  };
  const casePointer = (checkId: string, caseId: string): string => {
    const i = exercise.checks.findIndex((c) => c.id === checkId);
    if (i < 0) return "";
    const raw = (parsed?.doc.value as { checks?: { cases?: { id: string }[]; generate?: { idPrefix: string }[] }[] } | undefined)?.checks?.[i];
    const written = raw?.cases?.findIndex((c) => c.id === caseId) ?? -1;
    if (written >= 0) return `/checks/${i}/cases/${written}/id`;
    const generated = raw?.generate?.findIndex((g) => caseId.startsWith(`${g.idPrefix}-`)) ?? -1;
    return generated >= 0 ? `/checks/${i}/generate/${generated}/idPrefix` : `/checks/${i}`;
  };
  return {
    pointer,
    case: (checkId: string, caseId: string, code: string, message: string) => pointer(casePointer(checkId, caseId), code, message),
  };
}
