/**
 * A copy of the learner's progress in a file of the extension's global storage folder, beside globalState.
 *
 * Why two copies: in a browser-hosted VS Code (code-server, vscode.dev) globalState lives in the page's
 * IndexedDB and is written lazily, so a reload or a closed tab moments after a check can lose a pass. This file
 * is on the extension host's disk and is replaced atomically (write a temporary file, then rename) after every
 * change, so a pass survives whatever happens to the page. Reading tolerates a missing, truncated or foreign
 * file: it then contributes nothing, and the next write replaces it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { replaceFileAtomically } from "../workspace/replaceFile";
import type { ExerciseProgress } from "./progressModel";

export const PROGRESS_JOURNAL_FILE = "progress.json";
/** Larger than any real progress (a few hundred bytes per exercise): a bigger file is not ours to parse. */
const MAX_JOURNAL_BYTES = 16 * 1024 * 1024;

export class ProgressJournal {
  private readonly file: string;
  /** Writes run one after another, so the last change is the one on disk. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    folder: string,
    private readonly warn: (message: string) => void = () => {},
  ) {
    this.file = path.join(folder, PROGRESS_JOURNAL_FILE);
  }

  /** The progress in the file; {} when there is none or it cannot be read (with a warning saying why). */
  read(): Record<string, ExerciseProgress> {
    let text: string;
    try {
      const stat = fs.statSync(this.file);
      if (!stat.isFile() || stat.size > MAX_JOURNAL_BYTES) {
        this.warn(`${this.file}: not a progress file (${stat.isFile() ? `${stat.size} bytes` : "not a file"}); ignored`);
        return {};
      }
      text = fs.readFileSync(this.file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") this.warn(`${this.file}: ${(error as Error).message}; ignored`);
      return {};
    }
    try {
      return progressRecords(JSON.parse(text));
    } catch (error) {
      this.warn(`${this.file}: ${(error as Error).message}; ignored`);
      return {};
    }
  }

  /** Replaces the file with `all`; resolves once it is on disk (a failure is warned, never thrown). */
  write(all: Record<string, ExerciseProgress>): Promise<void> {
    const text = JSON.stringify({ version: 1, progress: all });
    this.queue = this.queue.then(() =>
      replaceFileAtomically(this.file, text).catch((error: Error) => this.warn(`could not keep the progress in ${this.file}: ${error.message}`)),
    );
    return this.queue;
  }
}

/** The records of a parsed journal, keeping only entries of the right shape (the file is outside our control). */
export function progressRecords(parsed: unknown): Record<string, ExerciseProgress> {
  if (!isObject(parsed) || parsed.version !== 1 || !isObject(parsed.progress)) throw new Error("not a version 1 progress file");
  const records: Record<string, ExerciseProgress> = Object.create(null);
  for (const [key, value] of Object.entries(parsed.progress)) {
    if (!isObject(value)) continue;
    const { passedCaseIds, failedCaseIds, everPassed, hintsOpened, lastCheckedAt } = value;
    if (!isStringArray(passedCaseIds) || !isStringArray(failedCaseIds) || typeof everPassed !== "boolean") continue;
    if (typeof hintsOpened !== "number" || !Number.isInteger(hintsOpened) || hintsOpened < 0) continue;
    if (lastCheckedAt !== undefined && typeof lastCheckedAt !== "string") continue;
    records[key] = { passedCaseIds, failedCaseIds, everPassed, hintsOpened, ...(lastCheckedAt === undefined ? {} : { lastCheckedAt }) };
  }
  return { ...records };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}
