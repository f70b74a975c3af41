/**
 * A learner's hand-in: one .zip written by "Compression Tutor: Export My Work" and read by `compression-tutor
 * grade` (a submissions folder may hold such archives beside learner folders). Its layout:
 *
 *   handin.json                           HandInManifest
 *   solutions/<pack-id>/<exercise-id>.ts  the learner's files, as they are
 *   reports/<pack-id>/<exercise-id>.json  the latest CheckReport of the exercise, when there is one
 *   progress.json                         the learner's progress, keyed "<pack-id>/<exercise-id>"
 */
export const HAND_IN_FORMAT = "compression-tutor-hand-in";
export const HAND_IN_VERSION = 1;
export const HAND_IN_MANIFEST = "handin.json";
export const HAND_IN_PROGRESS = "progress.json";

export interface HandInExercise {
  packId: string;
  exerciseId: string;
  /** Path of the solution inside the archive. */
  solution: string;
  /** Path of the latest report inside the archive, when there is one. */
  report?: string;
  /** The status the learner's editor last showed ("passed", "failed 3 of 12", "not started"). */
  status: string;
}

export interface HandInManifest {
  format: typeof HAND_IN_FORMAT;
  version: typeof HAND_IN_VERSION;
  learner: string;
  /** ISO 8601. */
  exportedAt: string;
  exercises: HandInExercise[];
}

export function handInSolutionPath(packId: string, exerciseId: string): string {
  return `solutions/${packId}/${exerciseId}.ts`;
}

export function handInReportPath(packId: string, exerciseId: string): string {
  return `reports/${packId}/${exerciseId}.json`;
}

/**
 * The archive's file name for a learner: "Ada Lovelace" → "ada-lovelace.zip"; letters of any script are kept,
 * anything a file system or a shell would trip on becomes "-". `grade` names the learner after it.
 */
export function handInFileName(learner: string): string {
  const base = learner
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}._-]+/gu, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 80);
  return `${base || "learner"}.zip`;
}
