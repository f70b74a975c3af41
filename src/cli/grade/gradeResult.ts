/**
 * The result of grading a class (or one shard of it): per learner, per exercise, per case, with reasons.
 * The JSON form is the source of truth; JUnit and CSV are renderings of it, and `merge` combines shards.
 */
import type { CheckReport, CheckStatus } from "../../protocol/checkReport";
import type { Json } from "../../protocol/json";

export const GRADE_RESULT_VERSION = 1;

/** `missing`: the learner has no file for the exercise. */
export type ExerciseGradeStatus = CheckStatus | "missing";

export interface CaseGrade {
  /** Unique within its check; `checkId` + `id` is unique within the exercise (see caseKey). */
  id: string;
  checkId: string;
  name: string;
  status: CheckStatus;
  message: string;
  misconception?: string;
  /** What the misconception is, in the pack's words (present with `misconception`). */
  misconceptionMessage?: string;
  expected?: Json;
  actual?: Json;
}

export interface ExerciseGrade {
  exerciseId: string;
  /** Path of the graded file relative to the submissions folder. */
  file?: string;
  status: ExerciseGradeStatus;
  passed: number;
  total: number;
  cases: CaseGrade[];
  /** `file:line:column: message`, relative to the submissions folder. */
  diagnostics: string[];
  durationMs: number;
}

export interface LearnerGrade {
  learner: string;
  exercises: ExerciseGrade[];
  /** Exercises fully passed, out of the pack's exercises. */
  exercisesPassed: number;
  casesPassed: number;
  casesTotal: number;
}

export interface GradeResult {
  version: typeof GRADE_RESULT_VERSION;
  packId: string;
  packVersion: string;
  exerciseIds: string[];
  /** Which slice of the learners this covers; absent for a whole class (or a merged result). */
  shard?: { index: number; count: number };
  learners: LearnerGrade[];
  jobs: number;
  durationMs: number;
  generatedAt: string;
}

export function exerciseGradeFromReport(report: CheckReport, relativeFile: string, toRelative: (file: string) => string): ExerciseGrade {
  return {
    exerciseId: report.exerciseId,
    file: relativeFile,
    status: report.status,
    passed: report.summary.passed,
    total: report.summary.total,
    cases: report.cases.map((c) => ({
      id: c.id,
      checkId: c.checkId,
      name: c.name,
      status: c.status,
      message: c.message,
      ...(c.misconception ? { misconception: c.misconception.id, misconceptionMessage: c.misconception.message } : {}),
      ...(c.expected !== undefined ? { expected: c.expected } : {}),
      ...(c.actual !== undefined ? { actual: c.actual } : {}),
    })),
    diagnostics: report.diagnostics.map((d) => `${toRelative(d.file)}:${d.line}:${d.column}: ${d.message}`),
    durationMs: report.timings.totalMs,
  };
}

export function missingExercise(exerciseId: string, expectedFile: string, caseCount: number): ExerciseGrade {
  return { exerciseId, file: expectedFile, status: "missing", passed: 0, total: caseCount, cases: [], diagnostics: [`${expectedFile}: no submission`], durationMs: 0 };
}

export function summariseLearner(learner: string, exercises: ExerciseGrade[]): LearnerGrade {
  return {
    learner,
    exercises,
    exercisesPassed: exercises.filter((e) => e.status === "passed").length,
    casesPassed: exercises.reduce((n, e) => n + e.passed, 0),
    casesTotal: exercises.reduce((n, e) => n + e.total, 0),
  };
}
