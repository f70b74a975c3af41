import * as vscode from "vscode";

/** The settings section; every key below is contributed (with a description) in package.json. */
const SECTION = "compressionTutor";

/**
 * Every setting, read through one typed getter each, so a key's name and default live in one place.
 * Getters read live values: a changed setting takes effect on the next use without a reload.
 */
export const config = {
  /** Check a solution file when it is saved. */
  checkOnSave(): boolean {
    return get("checkOnSave", true);
  },
  /** Quiet time after a save before the check starts; a newer save within it restarts the wait. */
  checkOnSaveDelayMs(): number {
    return clamp(get("checkOnSaveDelayMs", 250), 0, 10_000);
  },
  /** Wall-clock limit for one run of the learner's code. */
  runTimeoutMs(): number {
    return clamp(get("runTimeoutMs", 2000), 100, 60_000);
  },
  /** Extra pack folders (absolute, or relative to the first workspace folder). */
  packFolders(): string[] {
    return get<string[]>("packFolders", []).filter((p) => typeof p === "string" && p.trim() !== "");
  },
  /** Folder, relative to the workspace folder, where solution files are created. */
  solutionsFolder(): string {
    const value = get("solutionsFolder", "compression-tutor").trim();
    return value === "" ? "compression-tutor" : value;
  },
  /** Whether a Check CodeLens appears above each exported function of a solution file. */
  codeLens(): boolean {
    return get("codeLens", true);
  },
  /** Open the view and the walkthrough once, on the first start of a profile (npm start sets it). */
  openOnFirstRun(): boolean {
    return get("openOnFirstRun", false);
  },
  affects(event: vscode.ConfigurationChangeEvent, key: string): boolean {
    return event.affectsConfiguration(`${SECTION}.${key}`);
  },
};

function get<T>(key: string, fallback: T): T {
  return vscode.workspace.getConfiguration(SECTION).get<T>(key, fallback);
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
}
