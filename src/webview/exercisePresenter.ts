import * as vscode from "vscode";
import type { CheckService } from "../checkService";
import { config } from "../config";
import type { TutorContext } from "../context";
import type { PackRegistry } from "../packRegistry";
import { statusOf } from "../progress/progressModel";
import type { ProgressStore } from "../progress/progressStore";
import type { FromWebviewMessage } from "../protocol/webviewMessages";
import type { SolutionKey } from "../workspace/solutionPaths";
import type { SolutionFiles } from "../workspace/solutionFiles";
import { isWorkspaceTrusted } from "../trust";
import { exercisePanelModel } from "./exercisePanelModel";
import { ResultsPanel, solutionEditorColumn } from "./resultsPanel";

/**
 * Keeps the results panel in step with the exercise it shows: re-renders after a check, a hint or a pack
 * reload, and answers the panel's buttons (Run, next hint, reference, open file).
 */
export class ExercisePresenter implements vscode.Disposable {
  private shown: SolutionKey | undefined;
  private running = false;
  private notice: string | undefined;
  private referenceRequested = false;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly ctx: TutorContext,
    private readonly packs: PackRegistry,
    private readonly solutions: SolutionFiles,
    private readonly progress: ProgressStore,
    private readonly checks: CheckService,
  ) {
    this.subscriptions = [
      ResultsPanel.onDidReceiveAnyMessage(({ panel, message }) => void this.onMessage(panel, message)),
      checks.onDidStart((key) => this.isShown(key) && ((this.running = true), (this.notice = undefined), void this.refresh())),
      checks.onDidCheck((event) => {
        if (!this.isShown(event.key)) return;
        this.running = false;
        void this.refresh();
      }),
      checks.onDidFailToRun(({ key, message }) => {
        if (!this.isShown(key)) return;
        this.running = false;
        this.notice = message;
        void this.refresh();
      }),
      progress.onDidChange(() => this.shown && void this.refresh()),
      packs.onDidChange(() => this.shown && void this.refresh()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.shown && void this.refresh()),
    ];
  }

  /** The exercise the panel shows, if any. */
  get current(): SolutionKey | undefined {
    return this.shown ?? ResultsPanel.active?.currentModel.exercise;
  }

  private isShown(key: SolutionKey): boolean {
    const current = this.current;
    return current?.packId === key.packId && current.exerciseId === key.exerciseId;
  }

  /** Shows an exercise in the panel (creating the panel beside the editor if needed). */
  async show(key: SolutionKey, options: { reveal?: boolean } = {}): Promise<ResultsPanel | undefined> {
    if (!this.isShown(key)) {
      this.referenceRequested = false;
      this.notice = undefined;
      this.running = false;
    }
    this.shown = key;
    const model = await this.model(key);
    if (!model) return undefined;
    if (ResultsPanel.active && !options.reveal) {
      ResultsPanel.active.show(model);
      return ResultsPanel.active;
    }
    return ResultsPanel.createOrShow(this.ctx, model);
  }

  /** Redraws the panel if it is open; never opens it. */
  async refresh(): Promise<void> {
    const key = this.current;
    const panel = ResultsPanel.active;
    if (!key || !panel) return;
    const model = await this.model(key);
    if (model) panel.show(model);
  }

  showReference(key: SolutionKey): Promise<ResultsPanel | undefined> {
    this.referenceRequested = true;
    this.shown = key;
    return this.show(key, { reveal: true });
  }

  private async model(key: SolutionKey) {
    const found = this.packs.find(key.packId, key.exerciseId);
    if (!found) return undefined;
    const progress = this.progress.get(key.packId, key.exerciseId);
    const file = await this.solutions.existing(key);
    return exercisePanelModel({
      pack: found.pack,
      exercise: found.exercise,
      progress,
      status: statusOf(progress, found.exercise),
      report: this.checks.latestReport(key),
      canRun: isWorkspaceTrusted(),
      solutionFile: file?.fsPath,
      referenceRequested: this.referenceRequested,
      running: this.running,
      notice: this.notice,
    });
  }

  private async onMessage(panel: ResultsPanel, message: FromWebviewMessage): Promise<void> {
    const exercise = panel.currentModel.exercise;
    if (!exercise) return;
    const key = { packId: exercise.packId, exerciseId: exercise.exerciseId };
    this.shown = key;
    switch (message.type) {
      case "runCheck":
        await vscode.commands.executeCommand("compressionTutor.checkExercise", key);
        return;
      case "revealHint":
        await vscode.commands.executeCommand("compressionTutor.showHint", key);
        return;
      case "showReference":
        await vscode.commands.executeCommand("compressionTutor.showReference", key);
        return;
      case "openSolution": {
        const file = await this.solutions.existing(key);
        if (file) await vscode.window.showTextDocument(file, { viewColumn: solutionEditorColumn() });
        else await vscode.commands.executeCommand("compressionTutor.openExercise", key);
        return;
      }
      case "ready": {
        // A revived panel: show the report it had before the reload at once, bring its content up to date with
        // this session (progress, trust, pack changes), then check the file as it is now — the saved webview
        // state can be older than the last check (VS Code flushes it lazily), and the file may have changed.
        const revived = panel.revived;
        panel.revived = false;
        if (panel.currentModel.report) this.checks.adoptReport(key, panel.currentModel.report);
        if (!this.shown || this.isShown(key)) await this.refresh();
        if (revived && config.checkOnSave() && isWorkspaceTrusted() && (await this.solutions.existing(key))) {
          await vscode.commands.executeCommand("compressionTutor.checkExercise", key);
        }
        return;
      }
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
