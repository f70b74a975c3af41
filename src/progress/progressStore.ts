import * as vscode from "vscode";
import type { CheckReport } from "../protocol/checkReport";
import {
  type ExerciseProgress,
  mergeSyncedSummary,
  openNextHint,
  progressKey,
  recordReport,
  type SyncedSummary,
  toSyncedSummary,
} from "./progressModel";

/** Case-level detail: stays on this machine (it can be large). */
const DETAIL_KEY = "compressionTutor.progress.v1";
/** Per exercise: passed, hints opened. Small, so Settings Sync carries it between machines. */
const SYNCED_KEY = "compressionTutor.progressSummary.v1";

/**
 * The learner's progress in globalState, so it survives reloads, workspace switches and pack updates.
 * Fires `onDidChange` after every write so the tree and the status bar can redraw.
 */
export class ProgressStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento & { setKeysForSync(keys: readonly string[]): void }) {
    state.setKeysForSync([SYNCED_KEY]);
  }

  private all(): Record<string, ExerciseProgress> {
    return mergeSyncedSummary(this.state.get<Record<string, ExerciseProgress>>(DETAIL_KEY, {}), this.state.get<SyncedSummary>(SYNCED_KEY));
  }

  get(packId: string, exerciseId: string): ExerciseProgress | undefined {
    return this.all()[progressKey(packId, exerciseId)];
  }

  async recordReport(report: CheckReport): Promise<ExerciseProgress> {
    return this.update(report.packId, report.exerciseId, (previous) => recordReport(previous, report));
  }

  async openNextHint(packId: string, exerciseId: string, hintCount: number): Promise<ExerciseProgress> {
    return this.update(packId, exerciseId, (previous) => openNextHint(previous, hintCount));
  }

  private async update(packId: string, exerciseId: string, change: (previous: ExerciseProgress | undefined) => ExerciseProgress): Promise<ExerciseProgress> {
    const all = this.all();
    const key = progressKey(packId, exerciseId);
    all[key] = change(all[key]);
    await this.state.update(DETAIL_KEY, all);
    await this.state.update(SYNCED_KEY, toSyncedSummary(all));
    this.changed.fire();
    return all[key];
  }

  dispose(): void {
    this.changed.dispose();
  }
}
