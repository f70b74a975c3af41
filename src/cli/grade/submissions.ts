/**
 * A submissions folder holds one folder per learner with `<exercise-id>.ts` files, or a learner's hand-in
 * archive (`<learner>.zip`, made by "Export My Work"; see src/protocol/handIn.ts), or both kinds side by side.
 * Learners are sorted by name so that shards are stable across CI jobs.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { isInsideFolder } from "../../packs/node/isInsideFolder";
import { extractZip, ZipRefusedError, type ZipLimits } from "../../packs/node/extractZip";
import { handInSolutionPath } from "../../protocol/handIn";
import { UsageError } from "../io";

export interface Learner {
  name: string;
  /** Where the learner's files are read (resolved); for a hand-in, set once the archive is opened. */
  folder: string;
  /** How that folder is shown in results, relative to the submissions folder ("ada", "ada.zip/solutions/week-1"). */
  shownFolder: string;
  /** The hand-in archive, for a learner who handed in a .zip. */
  archive?: string;
  /** Why none of the learner's work can be graded (a refused archive); every exercise is then an error. */
  refused?: string;
}

/** A hand-in holds one learner's solutions, reports and progress: small text, never megabytes. */
export const HAND_IN_ZIP_LIMITS: ZipLimits = { maxArchiveBytes: 64 * 1024 * 1024, maxEntries: 2_000, maxEntryBytes: 1024 * 1024, maxTotalBytes: 32 * 1024 * 1024 };

export function listLearners(submissionsDir: string): Learner[] {
  if (!fs.existsSync(submissionsDir) || !fs.statSync(submissionsDir).isDirectory()) {
    throw new UsageError(`grade: the submissions folder ${submissionsDir} does not exist`);
  }
  // Resolved once, so that a learner's file is compared with (and shown relative to) resolved paths. A learner
  // folder that is itself a symbolic link is not a directory entry here, so it is not graded.
  // A hand-in that is itself a symbolic link is not a file entry either, so it is not graded.
  const root = fs.realpathSync(submissionsDir);
  const learners: Learner[] = [];
  for (const e of fs.readdirSync(root, { withFileTypes: true })) {
    if (e.name.startsWith(".")) continue;
    if (e.isDirectory()) learners.push({ name: e.name, folder: path.join(root, e.name), shownFolder: e.name });
    else if (e.isFile() && /\.zip$/i.test(e.name)) learners.push({ name: e.name.slice(0, -4), folder: "", shownFolder: e.name, archive: path.join(root, e.name) });
  }
  learners.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (let i = 1; i < learners.length; i++) {
    if (learners[i].name === learners[i - 1].name) throw new UsageError(`grade: the learner ${learners[i].name} is in the submissions folder twice (${learners[i - 1].shownFolder} and ${learners[i].shownFolder}); keep one`);
  }
  return learners;
}

/**
 * Opens the hand-in archives among `learners` for grading `packId`: each is extracted, under the archive rules
 * (no entry leaving it, no links, size and count limits), into a fresh temporary folder, and the learner's
 * folder becomes its `solutions/<pack-id>/` (or its root, for a plain zip of .ts files). A refused archive marks
 * the learner `refused`. `dispose` removes the temporary folder.
 */
export async function openHandIns(learners: Learner[], packId: string): Promise<{ learners: Learner[]; dispose(): void }> {
  if (!learners.some((l) => l.archive)) return { learners, dispose: () => undefined };
  const temporary = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-hand-ins-"));
  const opened: Learner[] = [];
  for (const [index, learner] of learners.entries()) {
    if (!learner.archive) {
      opened.push(learner);
      continue;
    }
    const target = path.join(temporary, String(index));
    try {
      await extractZip(learner.archive, target, HAND_IN_ZIP_LIMITS);
    } catch (error) {
      if (!(error instanceof ZipRefusedError)) throw error;
      opened.push({ ...learner, folder: target, refused: `the hand-in ${error.message}` });
      continue;
    }
    const solutions = path.join(target, path.dirname(handInSolutionPath(packId, "x")));
    const inSolutions = fs.existsSync(solutions);
    opened.push({
      ...learner,
      folder: fs.realpathSync(inSolutions ? solutions : target),
      shownFolder: inSolutions ? `${learner.shownFolder}/${path.dirname(handInSolutionPath(packId, "x"))}` : learner.shownFolder,
    });
  }
  return { learners: opened, dispose: () => fs.rmSync(temporary, { recursive: true, force: true }) };
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
  if (learner.refused) return { kind: "refused", file, reason: learner.refused };
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
