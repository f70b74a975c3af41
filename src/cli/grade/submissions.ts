/**
 * A submissions folder holds one folder per learner with `<exercise-id>.ts` files. Learners are sorted by
 * name so that shards are stable across CI jobs.
 */
import fs from "node:fs";
import path from "node:path";
import { UsageError } from "../io";

export interface Learner {
  name: string;
  folder: string;
}

export function listLearners(submissionsDir: string): Learner[] {
  if (!fs.existsSync(submissionsDir) || !fs.statSync(submissionsDir).isDirectory()) {
    throw new UsageError(`grade: the submissions folder ${submissionsDir} does not exist`);
  }
  return fs
    .readdirSync(submissionsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith("."))
    .map((e) => ({ name: e.name, folder: path.join(submissionsDir, e.name) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
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
