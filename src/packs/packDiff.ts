/**
 * What a pack update changes, exercise by exercise: the ids added, the ids whose content changed (prompt,
 * starter, reference, checks, hints…; not where the files happen to live) and the ids removed. Progress and the
 * learner's files are keyed by pack id and exercise id, so they carry over; this tells the learner what to revisit.
 */
import type { ExerciseSpec, PackSpec } from "../protocol/exercise";

export interface PackChanges {
  added: string[];
  changed: string[];
  removed: string[];
}

/** The exercise's content without its file locations (an update in a new folder is not a change). */
function fingerprint(exercise: ExerciseSpec): string {
  const { sourceFiles: _where, ...content } = exercise;
  return JSON.stringify(content);
}

/** Changes from `before` (undefined: a pack not seen before, so everything is added) to `after`. */
export function diffPacks(before: PackSpec | undefined, after: PackSpec): PackChanges {
  const old = new Map((before?.exercises ?? []).map((e) => [e.id, fingerprint(e)]));
  const now = new Set(after.exercises.map((e) => e.id));
  return {
    added: after.exercises.filter((e) => !old.has(e.id)).map((e) => e.id),
    changed: after.exercises.filter((e) => old.has(e.id) && old.get(e.id) !== fingerprint(e)).map((e) => e.id),
    removed: [...old.keys()].filter((id) => !now.has(id)),
  };
}
