/**
 * What a class misunderstands, computed from a GradeResult: per exercise the pass rate, the misconceptions the
 * learners' answers matched (with how many learners made each) and the cases most often failed. Every output
 * format (JSON, JUnit, CSV, HTML) renders this one summary, and `merge` recomputes it from the merged learners,
 * so a sharded class and a class graded at once say the same.
 */
import type { GradeResult } from "./gradeResult";

export interface MisconceptionCount {
  /** The misconception's id in the exercise (exercise.json `misconceptions[].id`). */
  id: string;
  /** Learners with at least one case matching it. */
  learners: number;
  /** Cases matching it, over all learners. */
  cases: number;
  /** What it is, in the pack's words (from the first case that named it; absent in results made before it was kept). */
  message?: string;
}

export interface FailedCaseCount {
  checkId: string;
  caseId: string;
  name: string;
  /** Learners who failed (or errored on) the case. */
  learners: number;
}

export interface ExerciseSummary {
  exerciseId: string;
  learners: number;
  passed: number;
  failed: number;
  errors: number;
  missing: number;
  /** passed / learners, 0 for an empty class. */
  passRate: number;
  /** Most learners first, then by id. */
  misconceptions: MisconceptionCount[];
  /** The cases failed by the most learners, most first (at most MOST_FAILED_CASES). */
  mostFailedCases: FailedCaseCount[];
}

export interface ClassSummary {
  learners: number;
  exercises: ExerciseSummary[];
}

export const MOST_FAILED_CASES = 5;

function byCountThenName<T>(count: (t: T) => number, name: (t: T) => string): (a: T, b: T) => number {
  return (a, b) => count(b) - count(a) || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0);
}

export function summariseClass(result: GradeResult): ClassSummary {
  const exercises = result.exerciseIds.map((exerciseId, index): ExerciseSummary => {
    const counts = { passed: 0, failed: 0, errors: 0, missing: 0 };
    const misconceptions = new Map<string, MisconceptionCount>();
    const failedCases = new Map<string, FailedCaseCount>();
    for (const learner of result.learners) {
      // Shards and merges keep exercises in the pack's order; look the id up anyway so a reordered file still counts right.
      const grade = learner.exercises[index]?.exerciseId === exerciseId ? learner.exercises[index] : learner.exercises.find((e) => e.exerciseId === exerciseId);
      if (!grade) continue;
      if (grade.status === "passed") counts.passed++;
      else if (grade.status === "failed") counts.failed++;
      else if (grade.status === "missing") counts.missing++;
      else counts.errors++;
      const madeByLearner = new Set<string>();
      const failedByLearner = new Set<string>();
      for (const c of grade.cases) {
        if (c.misconception) {
          const entry = misconceptions.get(c.misconception) ?? { id: c.misconception, learners: 0, cases: 0, ...(c.misconceptionMessage ? { message: c.misconceptionMessage } : {}) };
          entry.cases++;
          if (!madeByLearner.has(c.misconception)) entry.learners++;
          madeByLearner.add(c.misconception);
          misconceptions.set(c.misconception, entry);
        }
        const key = `${c.checkId}\u0000${c.id}`;
        if (c.status !== "passed" && !failedByLearner.has(key)) {
          failedByLearner.add(key);
          const entry = failedCases.get(key) ?? { checkId: c.checkId, caseId: c.id, name: c.name, learners: 0 };
          entry.learners++;
          failedCases.set(key, entry);
        }
      }
    }
    const learners = counts.passed + counts.failed + counts.errors + counts.missing;
    return {
      exerciseId,
      learners,
      ...counts,
      passRate: learners === 0 ? 0 : counts.passed / learners,
      misconceptions: [...misconceptions.values()].sort(byCountThenName((m) => m.learners, (m) => m.id)),
      mostFailedCases: [...failedCases.values()].sort(byCountThenName((c) => c.learners, (c) => `${c.checkId}/${c.caseId}`)).slice(0, MOST_FAILED_CASES),
    };
  });
  return { learners: result.learners.length, exercises };
}

/** "exercise id" → "misconception id" → learners who made it, for the formats that annotate rows. */
export function misconceptionLearnerCounts(summary: ClassSummary): Map<string, Map<string, number>> {
  return new Map(summary.exercises.map((e) => [e.exerciseId, new Map(e.misconceptions.map((m) => [m.id, m.learners]))]));
}
