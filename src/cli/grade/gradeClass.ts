/**
 * Grades every learner on every exercise with a pool of runners (one warm sandbox each), so `jobs` checks
 * run in parallel. One learner's broken or hostile file is one error in the result, never the end of the run.
 */
import fs from "node:fs";
import path from "node:path";
import type { ExerciseSpec, PackSpec } from "../../protocol/exercise";
import { Runner, type RunnerOptions } from "../../runner";
import { exerciseGradeFromReport, GRADE_RESULT_VERSION, missingExercise, summariseLearner, type ExerciseGrade, type GradeResult } from "./gradeResult";
import { isInsideFolder } from "../../packs/node/isInsideFolder";
import { findSubmission, type Learner } from "./submissions";

export interface GradeOptions {
  pack: PackSpec;
  submissionsDir: string;
  learners: Learner[];
  jobs: number;
  timeoutMs: number;
  memoryMb: number;
  shard?: { index: number; count: number };
  onProgress?: (label: string) => void;
  log?: (line: string) => void;
  /** How to start the sandbox where the defaults do not fit (VS Code: its own Node and the extension's host script). */
  sandbox?: Pick<RunnerOptions, "execPath" | "env" | "hostScript">;
}

interface Task {
  learnerIndex: number;
  exerciseIndex: number;
  /** The learner's file, symlinks resolved (see findSubmission). */
  file: string;
}

function caseCount(exercise: ExerciseSpec): number {
  return exercise.checks.reduce((n, c) => n + c.cases.length, 0);
}

/** An exercise graded as an error without a report: a refused file, or a check that could not run. */
function notChecked(exercise: ExerciseSpec, shownFile: string, reason: string): ExerciseGrade {
  return {
    exerciseId: exercise.id,
    file: shownFile,
    status: "error",
    passed: 0,
    total: caseCount(exercise),
    cases: [],
    diagnostics: [`${shownFile}:1:1: could not be checked: ${reason}`],
    durationMs: 0,
  };
}

export async function gradeClass(options: GradeOptions): Promise<GradeResult> {
  const start = performance.now();
  const { pack, learners } = options;
  const grades: ExerciseGrade[][] = learners.map(() => []);
  const tasks: Task[] = [];
  // Learner folders and files are resolved paths (see listLearners), so they are shown relative to the resolved
  // folder; a hand-in's files, extracted elsewhere, are shown inside the archive ("ada.zip/solutions/week-1/…").
  const root = fs.realpathSync(options.submissionsDir);
  const relativeFor = (learner: Learner) => (file: string): string =>
    learner.folder && isInsideFolder(learner.folder, file) ? path.join(learner.shownFolder, path.relative(learner.folder, file)) : path.relative(root, file) || file;
  learners.forEach((learner, learnerIndex) =>
    pack.exercises.forEach((exercise, exerciseIndex) => {
      const submission = findSubmission(learner, exercise.id);
      if (submission.kind === "file") return tasks.push({ learnerIndex, exerciseIndex, file: submission.file });
      const shown = relativeFor(learner)(submission.file);
      grades[learnerIndex][exerciseIndex] =
        submission.kind === "missing" ? missingExercise(exercise.id, shown, caseCount(exercise)) : notChecked(exercise, shown, submission.reason);
      options.onProgress?.(`${learner.name}/${exercise.id} (${submission.kind})`);
    }),
  );

  const jobs = Math.max(1, Math.min(options.jobs, tasks.length || 1));
  const runnerOptions: RunnerOptions = { ...options.sandbox, timeoutMs: options.timeoutMs, memoryMb: options.memoryMb, log: options.log, limitsFromReference: true };
  // One exercise sandbox and core for all: each exercise's expected values and reference times are produced once.
  const first = new Runner(runnerOptions);
  const runners = [first, ...Array.from({ length: jobs - 1 }, () => new Runner({ ...runnerOptions, expectedFrom: first }))];
  let next = 0;
  try {
    await Promise.all(
      runners.map(async (runner) => {
        for (let t = next++; t < tasks.length; t = next++) {
          const { learnerIndex, exerciseIndex } = tasks[t];
          const exercise = pack.exercises[exerciseIndex];
          const file = tasks[t].file;
          const toRelative = relativeFor(learners[learnerIndex]);
          try {
            const report = await runner.check({ packId: pack.id, exercise, solutionFile: file });
            grades[learnerIndex][exerciseIndex] = exerciseGradeFromReport(report, toRelative(file), toRelative);
          } catch (error) {
            grades[learnerIndex][exerciseIndex] = notChecked(exercise, toRelative(file), error instanceof Error ? error.message : String(error));
          }
          options.onProgress?.(`${learners[learnerIndex].name}/${exercise.id}`);
        }
      }),
    );
  } finally {
    await Promise.all(runners.map((r) => r.dispose()));
  }

  return {
    version: GRADE_RESULT_VERSION,
    packId: pack.id,
    packVersion: pack.version,
    exerciseIds: pack.exercises.map((e) => e.id),
    ...(options.shard ? { shard: options.shard } : {}),
    learners: learners.map((l, i) => summariseLearner(l.name, grades[i])),
    jobs,
    durationMs: Math.round(performance.now() - start),
    generatedAt: new Date().toISOString(),
  };
}
