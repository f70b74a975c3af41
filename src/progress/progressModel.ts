/**
 * Progress as data: what the learner has passed, keyed by case id so that a pack update (cases added,
 * removed or reordered) never turns a pass into nonsense. Pure: the store persists it, the tree and the
 * status bar summarise it.
 */
import type { CheckReport } from "../protocol/checkReport";
import { caseKey, type ExerciseSpec } from "../protocol/exercise";

/** Everything remembered about one exercise. JSON-serialisable: it is stored in globalState. */
export interface ExerciseProgress {
  /** Case ids that passed in the latest check. */
  passedCaseIds: string[];
  /** Case ids that failed or errored in the latest check. */
  failedCaseIds: string[];
  /** True once every case passed in one check; a later failure does not take it back. */
  everPassed: boolean;
  /** How many rungs of the hint ladder are open. */
  hintsOpened: number;
  /** ISO 8601 time of the latest check, if any. */
  lastCheckedAt?: string;
}

/** What the tree shows for one exercise. */
export type ExerciseStatus =
  | { kind: "not-started" }
  | { kind: "failed"; failed: number; total: number }
  | { kind: "passed" }
  /** Passed before, but the pack has cases since that have not been checked yet. */
  | { kind: "outdated"; passed: number; total: number };

export function emptyProgress(): ExerciseProgress {
  return { passedCaseIds: [], failedCaseIds: [], everPassed: false, hintsOpened: 0 };
}

/** The progress after a check: the latest report decides every case it ran. */
export function recordReport(previous: ExerciseProgress | undefined, report: CheckReport): ExerciseProgress {
  const base = previous ?? emptyProgress();
  const passed = report.cases.filter((c) => c.status === "passed").map((c) => caseKey(c.checkId, c.id));
  const failed = report.cases.filter((c) => c.status !== "passed").map((c) => caseKey(c.checkId, c.id));
  const allPassed = report.status === "passed" && failed.length === 0 && passed.length > 0;
  return {
    passedCaseIds: passed,
    failedCaseIds: failed,
    everPassed: base.everPassed || allPassed,
    hintsOpened: base.hintsOpened,
    lastCheckedAt: report.finishedAt,
  };
}

/** Opens one more rung of the hint ladder, never past its top. */
export function openNextHint(previous: ExerciseProgress | undefined, hintCount: number): ExerciseProgress {
  const base = previous ?? emptyProgress();
  return { ...base, hintsOpened: Math.min(hintCount, base.hintsOpened + 1) };
}

/** Every case of an exercise, by its check-qualified key, in pack order. */
export function caseIdsOf(exercise: Pick<ExerciseSpec, "checks">): string[] {
  return exercise.checks.flatMap((check) => check.cases.map((c) => caseKey(check.id, c.id)));
}

/** The status of an exercise against the pack as it is now (cases matched by id). */
export function statusOf(progress: ExerciseProgress | undefined, exercise: Pick<ExerciseSpec, "checks">): ExerciseStatus {
  if (!progress) return { kind: "not-started" };
  // Only a synced summary is known (checked on another machine): trust its pass.
  if (progress.passedCaseIds.length === 0 && progress.failedCaseIds.length === 0) return progress.everPassed ? { kind: "passed" } : { kind: "not-started" };
  const ids = caseIdsOf(exercise);
  const passed = new Set(progress.passedCaseIds);
  const failed = new Set(progress.failedCaseIds);
  const failedNow = ids.filter((id) => failed.has(id)).length;
  const passedNow = ids.filter((id) => passed.has(id)).length;
  if (failedNow > 0) return { kind: "failed", failed: failedNow, total: ids.length };
  if (passedNow === ids.length && ids.length > 0) return { kind: "passed" };
  return { kind: "outdated", passed: passedNow, total: ids.length };
}

/** The tree's description of a status, e.g. "failed 3 of 7". */
export function describeStatus(status: ExerciseStatus): string {
  switch (status.kind) {
    case "not-started":
      return "not started";
    case "failed":
      return `failed ${status.failed} of ${status.total}`;
    case "passed":
      return "passed";
    case "outdated":
      return `passed ${status.passed} of ${status.total}, check again`;
  }
}

/**
 * The small, synced form (Settings Sync carries only small keys): per exercise whether it was passed and
 * how many hints are open. Case-level detail stays on the machine.
 */
export interface SyncedSummary {
  [exerciseKey: string]: { passed: boolean; hints: number };
}

export function toSyncedSummary(all: Record<string, ExerciseProgress>): SyncedSummary {
  const summary: SyncedSummary = {};
  for (const [key, progress] of Object.entries(all)) summary[key] = { passed: progress.everPassed, hints: progress.hintsOpened };
  return summary;
}

/**
 * Merges what arrived from another machine into the local detail: a pass or an opened hint is never
 * lost, and local case-level detail is kept where it exists.
 */
export function mergeSyncedSummary(local: Record<string, ExerciseProgress>, synced: SyncedSummary | undefined): Record<string, ExerciseProgress> {
  const merged: Record<string, ExerciseProgress> = { ...local };
  for (const [key, remote] of Object.entries(synced ?? {})) {
    const mine = merged[key] ?? emptyProgress();
    merged[key] = { ...mine, everPassed: mine.everPassed || remote.passed, hintsOpened: Math.max(mine.hintsOpened, remote.hints) };
  }
  return merged;
}

/**
 * Merges two complete copies of the progress (globalState's and the journal on disk, which can differ when a
 * window closed before one of them was written): per exercise the later check's case lists win, and a pass or an
 * opened hint is never lost.
 */
export function mergeProgress(a: Record<string, ExerciseProgress>, b: Record<string, ExerciseProgress>): Record<string, ExerciseProgress> {
  const merged: Record<string, ExerciseProgress> = { ...a };
  for (const [key, theirs] of Object.entries(b)) {
    const mine = merged[key];
    if (!mine) {
      merged[key] = theirs;
      continue;
    }
    const newer = (theirs.lastCheckedAt ?? "") > (mine.lastCheckedAt ?? "") ? theirs : mine;
    merged[key] = { ...newer, everPassed: mine.everPassed || theirs.everPassed, hintsOpened: Math.max(mine.hintsOpened, theirs.hintsOpened) };
  }
  return merged;
}

/** Whether two copies hold the same progress (so a merge has nothing to write back). */
export function sameProgress(a: Record<string, ExerciseProgress>, b: Record<string, ExerciseProgress>): boolean {
  return JSON.stringify(sortedEntries(a)) === JSON.stringify(sortedEntries(b));
}

function sortedEntries(all: Record<string, ExerciseProgress>): [string, ExerciseProgress][] {
  return Object.entries(all).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
}

/** The storage key of one exercise. */
export function progressKey(packId: string, exerciseId: string): string {
  return `${packId}/${exerciseId}`;
}
