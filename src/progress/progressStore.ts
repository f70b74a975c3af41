import * as vscode from "vscode";
import type { CheckReport } from "../protocol/checkReport";
import {
  type ExerciseProgress,
  mergeProgress,
  mergeSyncedSummary,
  openNextHint,
  progressKey,
  recordReport,
  sameProgress,
  type SyncedSummary,
  toSyncedSummary,
} from "./progressModel";
import type { ProgressJournal } from "./progressJournal";

/** Case-level detail: stays on this machine (it can be large). */
const DETAIL_KEY = "compressionTutor.progress.v1";
/** Per exercise: passed, hints opened. Small, so Settings Sync carries it between machines. */
const SYNCED_KEY = "compressionTutor.progressSummary.v1";

/**
 * The learner's progress in globalState, so it survives reloads, workspace switches and pack updates, and in a
 * journal file beside it (see progressJournal.ts: a browser-hosted window can lose globalState's latest writes).
 * Fires `onDidChange` after every write so the tree and the status bar can redraw.
 */
export class ProgressStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  /** Settles once what the journal held that globalState lacked has been written back (tests wait on it). */
  readonly restored: Promise<void>;

  constructor(
    private readonly state: vscode.Memento & { setKeysForSync(keys: readonly string[]): void },
    private readonly journal?: ProgressJournal,
  ) {
    state.setKeysForSync([SYNCED_KEY]);
    this.restored = this.restoreFromJournal();
  }

  /** Brings back a change the journal kept but globalState lost, and the other way round. */
  private async restoreFromJournal(): Promise<void> {
    if (!this.journal) return;
    const stored = this.all();
    const journaled = this.journal.read();
    const merged = mergeProgress(stored, journaled);
    if (!sameProgress(merged, stored)) {
      await this.state.update(DETAIL_KEY, merged);
      await this.state.update(SYNCED_KEY, toSyncedSummary(merged));
      this.changed.fire();
    }
    // The journal is rewritten only when it lacks something (most activations write nothing): with what
    // globalState holds now, which includes any change made while the lines above waited.
    if (!sameProgress(merged, journaled)) await this.journal.write(this.all());
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
    // The journal first: it is the copy that survives a page going away mid-write.
    const journaled = this.journal?.write(all);
    await this.state.update(DETAIL_KEY, all);
    await this.state.update(SYNCED_KEY, toSyncedSummary(all));
    await journaled;
    this.changed.fire();
    return all[key];
  }

  dispose(): void {
    this.changed.dispose();
  }
}
