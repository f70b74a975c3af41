/**
 * Mutation adequacy of a pack's cases: every mutant of every reference solution is checked as a learner's file
 * would be, through the Runner (its public API only), and is killed when the check fails or errs. A mutant that
 * passes every case survives: either the cases miss a mistake a learner could make (add a case that kills it),
 * or it computes the same function (record it in exercise.json's `equivalentMutants`, with the reason).
 */
import { promises as fsp } from "node:fs";
import path from "node:path";
import type { ExerciseSpec, PackSpec } from "../protocol/exercise";
import type { Runner } from "../runner";
import { deriveMutants, type Mutant } from "./deriveMutants";

export interface EquivalentMutant {
  id: string;
  reason: string;
}

export interface ExerciseMutation {
  exerciseId: string;
  total: number;
  killed: number;
  /** Surviving mutants not recorded as equivalent: the cases let these wrong solutions through. */
  survivors: Mutant[];
  /** Recorded as equivalent and indeed surviving. */
  equivalent: EquivalentMutant[];
  /** Recorded as equivalent although a case kills them, or naming no mutant of the reference: stale records. */
  staleEquivalents: EquivalentMutant[];
}

export interface MutationReport {
  exercises: ExerciseMutation[];
  total: number;
  killed: number;
  equivalent: number;
  /** killed / (total − equivalent), 1 when there is nothing to kill. */
  score: number;
}

export interface MutationOptions {
  runner: Runner | Runner[];
  /** Only these exercises (ids); default all with a reference. */
  only?: string[];
  onExercise?: (result: ExerciseMutation) => void;
}

/** The exercise as the mutants are checked against it: misconceptions are not needed to tell pass from fail. */
function withoutMisconceptions(exercise: ExerciseSpec): ExerciseSpec {
  return { ...exercise, checks: exercise.checks.map((check) => ({ ...check, misconceptions: [] })) };
}

async function recordedEquivalents(exercise: ExerciseSpec): Promise<EquivalentMutant[]> {
  const file = exercise.sourceFiles.exercise;
  if (!file) return [];
  const raw = JSON.parse(await fsp.readFile(file, "utf8")) as { equivalentMutants?: EquivalentMutant[] };
  return raw.equivalentMutants ?? [];
}

export async function mutateExercise(packId: string, exercise: ExerciseSpec, runner: Runner): Promise<ExerciseMutation> {
  const result: ExerciseMutation = { exerciseId: exercise.id, total: 0, killed: 0, survivors: [], equivalent: [], staleEquivalents: [] };
  if (exercise.reference === undefined) return result;
  const referenceFile = exercise.sourceFiles.reference ?? path.resolve(exercise.id, "reference.ts");
  const mutants = deriveMutants(exercise.reference, referenceFile);
  const equivalents = new Map((await recordedEquivalents(exercise)).map((e) => [e.id, e]));
  const spec = withoutMisconceptions(exercise);
  result.total = mutants.length;
  for (const mutant of mutants) {
    const report = await runner.check({ packId, exercise: spec, solutionFile: referenceFile, source: mutant.source });
    const killed = report.status !== "passed";
    const recorded = equivalents.get(mutant.id);
    if (killed) {
      result.killed++;
      if (recorded) result.staleEquivalents.push(recorded);
    } else if (recorded) {
      result.equivalent.push(recorded);
    } else {
      result.survivors.push(mutant);
    }
  }
  const ids = new Set(mutants.map((m) => m.id));
  for (const recorded of equivalents.values()) if (!ids.has(recorded.id)) result.staleEquivalents.push(recorded);
  return result;
}

/** Mutation analysis of every exercise with a reference, spread over the runners given. */
export async function mutatePack(pack: PackSpec, options: MutationOptions): Promise<MutationReport> {
  const runners = Array.isArray(options.runner) ? options.runner : [options.runner];
  const exercises = pack.exercises.filter((e) => e.reference !== undefined && (!options.only || options.only.includes(e.id)));
  const results: ExerciseMutation[] = [];
  let next = 0;
  await Promise.all(
    runners.map(async (runner) => {
      while (next < exercises.length) {
        const index = next++;
        results[index] = await mutateExercise(pack.id, exercises[index], runner);
        options.onExercise?.(results[index]);
      }
    }),
  );
  const total = results.reduce((n, r) => n + r.total, 0);
  const killed = results.reduce((n, r) => n + r.killed, 0);
  const equivalent = results.reduce((n, r) => n + r.equivalent.length, 0);
  const killable = total - equivalent;
  return { exercises: results, total, killed, equivalent, score: killable === 0 ? 1 : killed / killable };
}

/** The report as text: one line per exercise, then each survivor with its position and mutated line. */
export function formatMutationReport(report: MutationReport, referencePath: (exerciseId: string) => string): string {
  const lines: string[] = [];
  for (const e of report.exercises) {
    const killable = e.total - e.equivalent.length;
    lines.push(`${e.survivors.length === 0 ? "✓" : "✗"} ${e.exerciseId}: ${e.killed}/${killable} mutants killed${e.equivalent.length > 0 ? ` (${e.equivalent.length} equivalent)` : ""}`);
    for (const m of e.survivors) lines.push(`    ${referencePath(e.exerciseId)}:${m.line}:${m.column}: survived ${m.id}: ${m.description}   | ${m.mutatedLine}`);
    for (const s of e.staleEquivalents) lines.push(`    stale equivalentMutants entry ${s.id}: no surviving mutant has this id; remove it`);
  }
  const percent = (100 * report.score).toFixed(1);
  lines.push(`mutation score ${percent}%: ${report.killed} of ${report.total - report.equivalent} non-equivalent mutants killed (${report.total} derived, ${report.equivalent} recorded as equivalent)`);
  return lines.join("\n");
}
