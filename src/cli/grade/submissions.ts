/**
 * A submissions folder holds one folder per learner with `<exercise-id>.ts` files. Learners are sorted by
 * name so that shards are stable across CI jobs.
 */
import fs from "node:fs";
import path from "node:path";
import { isInsideFolder } from "../../packs/node/loadPackFromDisk";
import { UsageError } from "../io";

export interface Learner {
  name: string;
  folder: string;
}

export function listLearners(submissionsDir: string): Learner[] {
  if (!fs.existsSync(submissionsDir) || !fs.statSync(submissionsDir).isDirectory()) {
    throw new UsageError(`grade: the submissions folder ${submissionsDir} does not exist`);
  }
  // Resolved once, so that a learner's file is compared with (and shown relative to) resolved paths. A learner
  // folder that is itself a symbolic link is not a directory entry here, so it is not graded.
  const root = fs.realpathSync(submissionsDir);
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith("."))
    .map((e) => ({ name: e.name, folder: path.join(root, e.name) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * A learner's file for one exercise. A symbolic link is followed only while it stays in the learner's own
 * folder: a link to the reference solution (or to another learner's file) would otherwise be graded as theirs.
 */
export type Submission =
  | { kind: "file"; file: string }
  | { kind: "missing"; file: string }
  | { kind: "refused"; file: string; reason: string };

export function findSubmission(learner: Learner, exerciseId: string): Submission {
  const file = path.join(learner.folder, `${exerciseId}.ts`);
  let entry: fs.Stats;
  try {
    entry = fs.lstatSync(file);
  } catch {
    return { kind: "missing", file };
  }
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    return { kind: "refused", file, reason: `${exerciseId}.ts is a symbolic link to nothing` };
  }
  const folder = fs.realpathSync(learner.folder);
  if (!isInsideFolder(folder, real)) return { kind: "refused", file, reason: `${exerciseId}.ts is a symbolic link to ${real}, outside the learner's folder; submit the file itself` };
  if (!(entry.isSymbolicLink() ? fs.statSync(real) : entry).isFile()) return { kind: "refused", file, reason: `${exerciseId}.ts is not a regular file` };
  return { kind: "file", file: real };
}

/** Parses `K/N` (1 ≤ K ≤ N). */
export function parseShard(text: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`grade: --shard must be K/N with 1 ≤ K ≤ N, e.g. 2/4; got ${JSON.stringify(text)}`);
  return { index, count };
}

/** The K-th of N slices: learners dealt round-robin in name order, so slices differ in size by at most one. */
export function shardOf<T>(items: readonly T[], shard: { index: number; count: number } | undefined): T[] {
  if (!shard) return [...items];
  return items.filter((_, i) => i % shard.count === shard.index - 1);
}
