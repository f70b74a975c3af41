/**
 * Grades every learner on every exercise with a pool of runners (one warm sandbox each), so `jobs` checks
 * run in parallel. One learner's broken or hostile file is one error in the result, never the end of the run.
 */
import fs from "node:fs";
import path from "node:path";
import type { PackSpec } from "../../protocol/exercise";
import { Runner } from "../../runner";
import { exerciseGradeFromReport, GRADE_RESULT_VERSION, missingExercise, summariseLearner, type ExerciseGrade, type GradeResult } from "./gradeResult";
import type { Learner } from "./submissions";

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
}

interface Task {
  learnerIndex: number;
  exerciseIndex: number;
}

export async function gradeClass(options: GradeOptions): Promise<GradeResult> {
  const start = performance.now();
  const { pack, learners } = options;
  const grades: ExerciseGrade[][] = learners.map(() => []);
  const tasks: Task[] = [];
  const toRelative = (file: string): string => path.relative(options.submissionsDir, file) || file;
  learners.forEach((learner, learnerIndex) =>
    pack.exercises.forEach((exercise, exerciseIndex) => {
      const file = path.join(learner.folder, `${exercise.id}.ts`);
      if (fs.existsSync(file)) tasks.push({ learnerIndex, exerciseIndex });
      else {
        const caseCount = exercise.checks.reduce((n, c) => n + c.cases.length, 0);
        grades[learnerIndex][exerciseIndex] = missingExercise(exercise.id, toRelative(file), caseCount);
        options.onProgress?.(`${learner.name}/${exercise.id} (missing)`);
      }
    }),
  );

  const jobs = Math.max(1, Math.min(options.jobs, tasks.length || 1));
  const runners = Array.from({ length: jobs }, () => new Runner({ timeoutMs: options.timeoutMs, memoryMb: options.memoryMb, log: options.log }));
  let next = 0;
  try {
    await Promise.all(
      runners.map(async (runner) => {
        for (let t = next++; t < tasks.length; t = next++) {
          const { learnerIndex, exerciseIndex } = tasks[t];
          const learner = learners[learnerIndex];
          const exercise = pack.exercises[exerciseIndex];
          const file = path.join(learner.folder, `${exercise.id}.ts`);
          try {
            const report = await runner.check({ packId: pack.id, exercise, solutionFile: file });
            grades[learnerIndex][exerciseIndex] = exerciseGradeFromReport(report, toRelative(file), toRelative);
          } catch (error) {
            const caseCount = exercise.checks.reduce((n, c) => n + c.cases.length, 0);
            grades[learnerIndex][exerciseIndex] = {
              exerciseId: exercise.id,
              file: toRelative(file),
              status: "error",
              passed: 0,
              total: caseCount,
              cases: [],
              diagnostics: [`${toRelative(file)}:1:1: could not be checked: ${error instanceof Error ? error.message : String(error)}`],
              durationMs: 0,
            };
          }
          options.onProgress?.(`${learner.name}/${exercise.id}`);
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
