/**
 * The exercise the results panel last showed, in a small file of the extension's storage folder. A revived panel
 * normally gets it back from its webview's saved state, but a browser-hosted VS Code writes that state lazily
 * (with the window's layout), and a reload moments after a check can come back with none: the panel then reopens
 * on this exercise instead of a blank page. Reads tolerate a missing or foreign file (nothing to restore).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { replaceFileAtomically } from "../workspace/replaceFile";
import { isSafeSegment, type SolutionKey } from "../workspace/solutionPaths";

const FILE = "results-panel.json";

export class ShownExerciseFile {
  private readonly file: string;
  private written: string | undefined;
  private writes: Promise<void> = Promise.resolve();

  constructor(folder: string) {
    this.file = path.join(folder, FILE);
  }

  read(): SolutionKey | undefined {
    try {
      const stat = fs.statSync(this.file);
      if (!stat.isFile() || stat.size > 4096) return undefined;
      const parsed = JSON.parse(fs.readFileSync(this.file, "utf8")) as { packId?: unknown; exerciseId?: unknown };
      const { packId, exerciseId } = parsed ?? {};
      return typeof packId === "string" && typeof exerciseId === "string" && isSafeSegment(packId) && isSafeSegment(exerciseId) ? { packId, exerciseId } : undefined;
    } catch {
      return undefined;
    }
  }

  /** Keeps `key` (written only when it changed; replaced atomically). Failures are left to `warn`. */
  remember(key: SolutionKey, warn: (message: string) => void): void {
    const text = JSON.stringify({ packId: key.packId, exerciseId: key.exerciseId });
    if (text === this.written) return;
    this.written = text;
    this.writes = this.writes.then(() =>
      replaceFileAtomically(this.file, text).catch((error: Error) => warn(`results panel: could not remember the exercise shown in ${this.file}: ${error.message}`)),
    );
  }
}
