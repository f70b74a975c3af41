/**
 * Compiled bundles of single-file solutions, by the file's name and text, so that the same file is compiled
 * once per sandbox process: a class's untouched starters and identical submissions, the same text checked
 * again. Only clean builds of one file are kept: with imports, the bundle depends on other files the key does
 * not cover, and warnings and errors name the file's full path, which differs between learners.
 *
 * The bundle's source map names its sources relative to the entry's folder, so a bundle compiled from
 * `alice/quantize.ts` maps `bob/quantize.ts` correctly when both texts are the same.
 */
import path from "node:path";
import type { BundleResult } from "./bundler";

/** Enough for a class's ten exercises several times over; a bundle of a solution is a few kilobytes. */
const MAX_ENTRIES = 200;

export class BundleCache {
  private readonly bundles = new Map<string, BundleResult>();

  static keyOf(entry: string, text: string): string {
    // Required here, not at the top: a one-shot sandbox whose bundle comes from the runner's store never
    // hashes, and loading node:crypto is about 2 ms of its start.
    const { createHash } = require("node:crypto") as typeof import("node:crypto");
    return createHash("sha256").update(path.basename(entry)).update("\0").update(text).digest("hex");
  }

  get(key: string): BundleResult | undefined {
    const found = this.bundles.get(key);
    if (found) {
      // Most recently used last, so eviction drops the least recently used.
      this.bundles.delete(key);
      this.bundles.set(key, found);
    }
    return found;
  }

  /** Whether `result` is a clean build of the entry file alone, so that its name and text alone determine it. */
  static keeps(result: BundleResult): boolean {
    return result.singleFile && result.code !== undefined && result.errors.length === 0 && result.warnings.length === 0;
  }

  /** Keeps `result` if it is a clean build of the entry file alone; otherwise does nothing. */
  offer(key: string, result: BundleResult): void {
    if (!BundleCache.keeps(result)) return;
    this.bundles.set(key, result);
    if (this.bundles.size > MAX_ENTRIES) this.bundles.delete(this.bundles.keys().next().value as string);
  }
}
