import * as vscode from "vscode";
import type { CheckService } from "../services/checkService";
import { config } from "../extension/config";
import type { TutorContext } from "../extension/tutorContext";
import type { PackRegistry } from "../services/packRegistry";
import { statusOf } from "../progress/progressModel";
import type { ProgressStore } from "../progress/progressStore";
import type { FromWebviewMessage, ToWebviewMessage } from "../protocol/webviewMessages";
import type { SolutionKey } from "../workspace/solutionPaths";
import type { SolutionFiles } from "../workspace/solutionFiles";
import { isWorkspaceTrusted } from "../extension/trust";
import { exercisePanelModel } from "./exercisePanelModel";
import { ResultsPanel, solutionEditorColumn } from "./resultsPanel";

type Focus = Extract<ToWebviewMessage, { type: "show" }>["focus"];

/**
 * The only thing that renders the results panel for an exercise. State changes (a check started or ended,
 * a hint opened, progress, packs, trust) each lead to one render; renders run one after another and the panel
 * drops a model identical to the one it shows, so a Run press posts one `show`. The panel's buttons arrive
 * as typed messages and go straight to the services (checks, progress, files), not through the command bus.
 */
export class ExercisePresenter implements vscode.Disposable {
  private shown: SolutionKey | undefined;
  /** The exercise the learner was working on when a hint request switched the panel to another one. */
  private backTo: SolutionKey | undefined;
  private running = false;
  private notice: string | undefined;
  private referenceRequested = false;
  /** What the next render scrolls to (set before the state change that causes the render). */
  private pendingFocus: Focus;
  private renders: Promise<void> = Promise.resolve();
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
      checks.onDidStart((key) => {
        if (!this.isShown(key)) return;
        this.setRunning(true);
        if (this.notice !== undefined) {
          this.notice = undefined;
          void this.refresh();
        }
      }),
      checks.onDidCheck((event) => {
        if (!this.isShown(event.key)) return;
        this.setRunning(false);
        void this.refresh();
      }),
      checks.onDidFailToRun(({ key, message }) => {
        if (!this.isShown(key)) return;
        this.setRunning(false);
        this.notice = message;
        void this.refresh();
      }),
      progress.onDidChange(() => void this.refresh()),
      packs.onDidChange(() => void this.refresh()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.refresh()),
    ];
  }

  /** The exercise the panel shows, if any. */
  get current(): SolutionKey | undefined {
    return this.shown ?? ResultsPanel.active?.currentModel.exercise;
  }

  private isShown(key: SolutionKey): boolean {
    return sameKey(this.current, key);
  }

  /** Shows an exercise in the panel (creating the panel beside the editor if needed). */
  async show(key: SolutionKey, options: { reveal?: boolean; focus?: Focus } = {}): Promise<ResultsPanel | undefined> {
    if (!this.isShown(key)) {
      this.referenceRequested = false;
      this.notice = undefined;
      this.setRunning(false);
      // Back links lead to the exercise the learner works on; following one (or opening it) clears it.
      if (sameKey(this.backTo, key)) this.backTo = undefined;
    }
    this.shown = key;
    if (options.focus) this.pendingFocus = options.focus;
    await this.render({ create: true, reveal: options.reveal });
    return ResultsPanel.active;
  }

  /** Redraws the panel if it shows an exercise; never opens it, and leaves a calculator's result alone. */
  refresh(): Promise<void> {
    return this.render({ create: false });
  }

  /**
   * Opens the next rung of an exercise's hint ladder and shows it, scrolled into view and focused. When the
   * panel shows another exercise the learner has been working on, a "Back to …" link keeps it one click away.
   */
  async openNextHint(key: SolutionKey, total: number): Promise<number> {
    const working = this.current;
    if (working && !sameKey(working, key) && ResultsPanel.active?.currentModel.exercise) this.backTo = working;
    this.pendingFocus = "latest-hint";
    const after = await this.progress.openNextHint(key.packId, key.exerciseId, total);
    await this.show(key, { reveal: true, focus: "latest-hint" });
    return after.hintsOpened;
  }

  showReference(key: SolutionKey): Promise<ResultsPanel | undefined> {
    this.referenceRequested = true;
    this.shown = key;
    return this.show(key, { reveal: true });
  }

  /** Creates the learner's file from the starter if needed, opens it, and shows the exercise beside it. */
  async open(key: SolutionKey): Promise<vscode.Uri | undefined> {
    await this.packs.ready();
    const found = this.packs.find(key.packId, key.exerciseId);
    if (!found) {
      void vscode.window.showErrorMessage(vscode.l10n.t("The exercise {0} is not in any loaded pack. Refresh the Exercises view, or check the pack's problems.", `${key.packId}/${key.exerciseId}`));
      return undefined;
    }
    // The file first, then the panel beside it (the file's column decides where "beside" is).
    const file = await this.solutions.ensure(key, found.exercise.starter);
    if (!file) return undefined;
    await vscode.window.showTextDocument(file.uri, { viewColumn: solutionEditorColumn(), preview: false });
    await this.show(key, { reveal: true });
    return file.uri;
  }

  private setRunning(running: boolean): void {
    if (this.running === running) return;
    this.running = running;
    if (ResultsPanel.active?.currentModel.exercise) ResultsPanel.active.post({ type: "running", running });
  }

  /** Queues a render after the ones already asked for, so models reach the panel in the order of the changes. */
  private render(options: { create: boolean; reveal?: boolean }): Promise<void> {
    this.renders = this.renders.then(() => this.renderNow(options)).catch((error) => this.ctx.log.error(`results panel: ${error instanceof Error ? error.message : String(error)}`));
    return this.renders;
  }

  private async renderNow(options: { create: boolean; reveal?: boolean }): Promise<void> {
    const key = this.current;
    const panel = ResultsPanel.active;
    if (!key) return;
    if (!options.create && (!panel || !panel.currentModel.exercise)) return;
    const model = await this.model(key);
    if (!model) return;
    const focus = this.pendingFocus;
    this.pendingFocus = undefined;
    if (panel && !options.reveal) panel.show(model, focus);
    else ResultsPanel.createOrShow(this.ctx, model, focus);
  }

  private async model(key: SolutionKey) {
    const found = this.packs.find(key.packId, key.exerciseId);
    if (!found) return undefined;
    const progress = this.progress.get(key.packId, key.exerciseId);
    const file = await this.solutions.existing(key);
    const status = statusOf(progress, found.exercise);
    const passed = Boolean(progress?.everPassed);
    const showReference = this.referenceRequested && passed;
    const yourSource = showReference && file ? await readText(file) : undefined;
    const index = found.pack.exercises.indexOf(found.exercise);
    const next = found.pack.exercises[index + 1];
    const backTo = this.backTo && !sameKey(this.backTo, key) ? this.packs.find(this.backTo.packId, this.backTo.exerciseId) : undefined;
    return exercisePanelModel({
      pack: found.pack,
      exercise: found.exercise,
      progress,
      status,
      report: this.checks.latestReport(key),
      canRun: isWorkspaceTrusted(),
      solutionFile: file?.fsPath,
      referenceRequested: this.referenceRequested,
      notice: this.notice,
      yourSource,
      next: next && { packId: found.pack.id, exerciseId: next.id, title: next.title },
      backTo: backTo && { packId: backTo.pack.id, exerciseId: backTo.exercise.id, title: backTo.exercise.title },
    });
  }

  /** The panel's buttons, dispatched to the services. */
  private async onMessage(panel: ResultsPanel, message: FromWebviewMessage): Promise<void> {
    const exercise = panel.currentModel.exercise;
    if (!exercise) return;
    const key = { packId: exercise.packId, exerciseId: exercise.exerciseId };
    this.shown = key;
    switch (message.type) {
      case "runCheck": {
        if (!(await this.solutions.existing(key))) {
          await this.open(key);
          return;
        }
        const outcome = await this.checks.check(key, { reason: "panel" });
        if (outcome.kind === "not-run" && this.notice === undefined) {
          this.notice = outcome.reason;
          await this.refresh();
        }
        return;
      }
      case "revealHint": {
        const found = this.packs.find(key.packId, key.exerciseId);
        if (found) await this.openNextHint(key, found.exercise.hints.length);
        return;
      }
      case "showReference":
        if (this.progress.get(key.packId, key.exerciseId)?.everPassed) await this.showReference(key);
        return;
      case "openSolution": {
        const file = await this.solutions.existing(key);
        if (file) await vscode.window.showTextDocument(file, { viewColumn: solutionEditorColumn() });
        else await this.open(key);
        return;
      }
      case "openExercise": {
        const target = { packId: message.packId, exerciseId: message.exerciseId };
        if (this.packs.find(target.packId, target.exerciseId)) await this.open(target);
        return;
      }
      case "ready": {
        // The panel has answered `ready` with the model it holds. A revived panel: bring its content up to date
        // with this session (progress, trust, pack changes), then check the file as it is now — the saved webview
        // state can be older than the last check (VS Code flushes it lazily), and the file may have changed.
        const revived = panel.revived;
        panel.revived = false;
        if (panel.currentModel.report) this.checks.adoptReport(key, panel.currentModel.report);
        await this.refresh();
        if (revived && config.checkOnSave() && isWorkspaceTrusted() && (await this.solutions.existing(key))) {
          await this.checks.check(key, { reason: "revived panel" });
        }
        return;
      }
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

function sameKey(a: SolutionKey | undefined, b: SolutionKey | undefined): boolean {
  return a !== undefined && b !== undefined && a.packId === b.packId && a.exerciseId === b.exerciseId;
}

async function readText(file: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  } catch {
    return undefined;
  }
}
