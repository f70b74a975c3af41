import * as vscode from "vscode";
import type { CheckService } from "../services/checkService";
import { config } from "../extension/config";
import { Disposable } from "../extension/disposable";
import type { TutorContext } from "../extension/tutorContext";
import type { PackRegistry } from "../services/packRegistry";
import { parsePlaygroundArgument } from "../playground/playgroundArgument";
import type { PlaygroundPanels } from "../playground/playgroundPanel";
import { statusOf } from "../progress/progressModel";
import type { ProgressStore } from "../progress/progressStore";
import type { FromWebviewMessage, PanelModel } from "../protocol/webviewMessages";
import type { SolutionKey } from "../workspace/solutionPaths";
import type { SolutionFiles } from "../workspace/solutionFiles";
import { exercisePanelModel } from "./exercisePanelModel";
import { PanelSlot } from "./panelSlot";
import { ShownExerciseFile } from "./shownExerciseFile";
import { createResultsPanel, ResultsPanel, type ShowFocus as Focus } from "./resultsPanel";

/** One handler per message the results webview sends, typed by the message it receives. */
type MessageHandlers = {
  [T in FromWebviewMessage["type"]]: (message: Extract<FromWebviewMessage, { type: T }>, panel: ResultsPanel) => Promise<void> | void;
};

/**
 * The only thing that renders the results panel, and the owner of that panel. State changes (a check started
 * or ended, a hint opened, progress, packs, trust) each lead to one render; renders run one after another and
 * the panel drops a model identical to the one it shows, so a Run press posts one `show`. The panel's messages
 * arrive typed and go through one table straight to the services (checks, progress, files, the playground),
 * not through the command bus; `ready` is answered there and nowhere else.
 */
export class ExercisePresenter extends Disposable {
  private readonly slot = this.register(new PanelSlot<ResultsPanel>());
  private shown: SolutionKey | undefined;
  /** The exercise the learner was working on when a hint request switched the panel to another one. */
  private backTo: SolutionKey | undefined;
  private running = false;
  private notice: string | undefined;
  private referenceRequested = false;
  /** What the next render scrolls to (set before the state change that causes the render). */
  private pendingFocus: Focus;
  private renders: Promise<void> = Promise.resolve();
  /** The last exercise shown, kept on disk for a panel revived without its saved state. */
  private readonly shownFile: ShownExerciseFile;
  /** A revived panel's exercise until the panel shows it; it is then re-checked once (see `ready`). */
  private revivedKey: SolutionKey | undefined;

  constructor(
    private readonly ctx: TutorContext,
    private readonly packs: PackRegistry,
    private readonly solutions: SolutionFiles,
    private readonly progress: ProgressStore,
    private readonly checks: CheckService,
    private readonly playground: PlaygroundPanels,
  ) {
    super();
    this.shownFile = new ShownExerciseFile((ctx.extension.storageUri ?? ctx.extension.globalStorageUri).fsPath);
    this.registerAll(
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
      // A check records progress just before it ends; its end renders once with both, so no render in between.
      progress.onDidChange(() => {
        if (!this.running) void this.refresh();
      }),
      packs.onDidChange(() => void this.refresh()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.refresh()),
    );
  }

  /** The results panel, while one is open. */
  get panel(): ResultsPanel | undefined {
    return this.slot.current;
  }

  /** The exercise the panel shows, if any. */
  get current(): SolutionKey | undefined {
    return this.shown ?? this.panel?.currentModel.exercise;
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
    return this.panel;
  }

  /**
   * Shows a model that is not an exercise (a calculator's result, the welcome page), in the panel that is open
   * (brought to the front) or a new one. The exercise shown before comes back with Show Results.
   */
  showModel(model: PanelModel, focus?: Focus): ResultsPanel {
    if (!model.exercise) this.revivedKey = undefined;
    const panel = this.panel;
    if (panel) {
      panel.show(model, focus);
      panel.reveal();
      return panel;
    }
    return this.adopt(createResultsPanel(this.ctx.extensionUri, this.ctx.log, model, focus));
  }

  /** Takes over a panel VS Code restored after a window reload, with the model it showed before. */
  revive(webviewPanel: vscode.WebviewPanel, model: PanelModel | undefined): ResultsPanel {
    // Without its saved state (written lazily, so a reload can lose it) the panel reopens on the exercise it showed.
    this.revivedKey = model ? undefined : this.shownFile.read();
    if (this.revivedKey) this.shown = this.revivedKey;
    return this.adopt(new ResultsPanel(webviewPanel, this.ctx.extensionUri, this.ctx.log, model ?? { title: "Compression Tutor", charts: [] }, true));
  }

  private adopt(panel: ResultsPanel): ResultsPanel {
    this.slot.set(panel);
    panel.register(panel.onDidReceiveMessage((message) => void this.receive(panel, message)));
    return panel;
  }

  /** Redraws the panel if it shows an exercise; never opens it, and leaves a calculator's result alone. */
  refresh(): Promise<void> {
    return this.render({ create: false });
  }

  /** Resolves once every render asked for so far has reached the panel. */
  whenRendered(): Promise<void> {
    return this.renders;
  }

  /**
   * Opens the next rung of an exercise's hint ladder and shows it, scrolled into view and focused. When the
   * panel shows another exercise the learner has been working on, a "Back to …" link keeps it one click away.
   */
  async openNextHint(key: SolutionKey, total: number): Promise<number> {
    const working = this.current;
    if (working && !sameKey(working, key) && this.panel?.currentModel.exercise) this.backTo = working;
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
    await vscode.window.showTextDocument(file.uri, { viewColumn: this.solutionEditorColumn(), preview: false });
    await this.show(key, { reveal: true });
    return file.uri;
  }

  /**
   * The column for the learner's file: the first one, unless the results panel sits there (a panel opened
   * with no editor around lands in column one), in which case the one beside it, so file and panel are
   * side by side and the file keeps the focus.
   */
  solutionEditorColumn(): vscode.ViewColumn {
    return this.panel?.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
  }

  private setRunning(running: boolean): void {
    if (this.running === running) return;
    this.running = running;
    if (this.panel?.currentModel.exercise) this.panel.setRunning(running);
  }

  /** Queues a render after the ones already asked for, so models reach the panel in the order of the changes. */
  private render(options: { create: boolean; reveal?: boolean }): Promise<void> {
    this.renders = this.renders.then(() => this.renderNow(options)).catch((error) => this.ctx.log.error(`results panel: ${error instanceof Error ? error.message : String(error)}`));
    return this.renders;
  }

  private async renderNow(options: { create: boolean; reveal?: boolean }): Promise<void> {
    const key = this.current;
    const panel = this.panel;
    if (!key) return;
    const revived = panel !== undefined && sameKey(this.revivedKey, key);
    if (!options.create && (!panel || (!panel.currentModel.exercise && !revived))) return;
    const model = await this.model(key);
    if (!model) return;
    const focus = this.pendingFocus;
    this.pendingFocus = undefined;
    if (panel && !options.reveal) panel.show(model, focus);
    else this.showModel(model, focus);
    this.shownFile.remember(key, (message) => this.ctx.log.warn(message));
    if (revived) {
      // Shown only now (its packs loaded after the page said ready): bring it up to date as `ready` would.
      this.revivedKey = undefined;
      if (panel.revived) return;
      void this.recheckRevived(key);
    }
  }

  /** A revived panel's saved state can be older than the last check, and the file may have changed: check it. */
  private async recheckRevived(key: SolutionKey): Promise<void> {
    if (config.checkOnSave() && this.ctx.trust.isTrusted() && (await this.solutions.existing(key))) await this.checks.check(key, { reason: "revived panel" });
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
      canRun: this.ctx.trust.isTrusted(),
      solutionFile: file?.fsPath,
      referenceRequested: this.referenceRequested,
      notice: this.notice,
      yourSource,
      next: next && { packId: found.pack.id, exerciseId: next.id, title: next.title },
      backTo: backTo && { packId: backTo.pack.id, exerciseId: backTo.exercise.id, title: backTo.exercise.title },
    });
  }

  /**
   * A message from the panel's page, dispatched through the table below. Messages that act on an exercise act
   * on the one the panel shows (and make it the current one); with a calculator's result on screen they do nothing.
   */
  receive(panel: ResultsPanel, message: FromWebviewMessage): Promise<void> {
    const handler = this.handlers[message?.type] as ((message: FromWebviewMessage, panel: ResultsPanel) => Promise<void> | void) | undefined;
    return Promise.resolve(handler?.(message, panel)).catch((error) => this.ctx.log.error(`results panel, ${message.type}: ${error instanceof Error ? error.message : String(error)}`));
  }

  /** The exercise the panel shows, made the current one; undefined when it shows something else. */
  private exerciseOf(panel: ResultsPanel): SolutionKey | undefined {
    const exercise = panel.currentModel.exercise;
    if (!exercise) return undefined;
    this.shown = { packId: exercise.packId, exerciseId: exercise.exerciseId };
    return this.shown;
  }

  private readonly handlers: MessageHandlers = {
    ready: async (_, panel) => {
      // The one answer to `ready`: the page gets the model the panel holds. A revived panel is then brought up to
      // date with this session (progress, trust, pack changes) and checks the file as it is now: the saved webview
      // state can be older than the last check (VS Code flushes it lazily), and the file may have changed.
      panel.opened();
      const revived = panel.revived;
      // Revived without its saved state: show the exercise it showed last (once its pack is loaded, if not yet).
      if (revived && !panel.currentModel.exercise && this.revivedKey) await this.render({ create: false });
      panel.revived = false;
      const key = this.exerciseOf(panel);
      if (!key) return;
      if (panel.currentModel.report) this.checks.adoptReport(key, panel.currentModel.report);
      await this.refresh();
      if (revived) await this.recheckRevived(key);
    },
    rendered: () => undefined,
    runCheck: async (_, panel) => {
      const key = this.exerciseOf(panel);
      if (!key) return;
      if (!(await this.solutions.existing(key))) {
        await this.open(key);
        return;
      }
      const outcome = await this.checks.check(key, { reason: "panel" });
      if (outcome.kind === "not-run" && this.notice === undefined) {
        this.notice = outcome.reason;
        await this.refresh();
      }
    },
    revealHint: async (_, panel) => {
      const key = this.exerciseOf(panel);
      const found = key && this.packs.find(key.packId, key.exerciseId);
      if (key && found) await this.openNextHint(key, found.exercise.hints.length);
    },
    showReference: async (_, panel) => {
      const key = this.exerciseOf(panel);
      if (key && this.progress.get(key.packId, key.exerciseId)?.everPassed) await this.showReference(key);
    },
    openSolution: async (_, panel) => {
      const key = this.exerciseOf(panel);
      if (!key) return;
      const file = await this.solutions.existing(key);
      if (file) await vscode.window.showTextDocument(file, { viewColumn: this.solutionEditorColumn() });
      else await this.open(key);
    },
    openExercise: async (message, panel) => {
      if (!this.exerciseOf(panel)) return;
      const target = { packId: message.packId, exerciseId: message.exerciseId };
      if (this.packs.find(target.packId, target.exerciseId)) await this.open(target);
    },
    openPlayground: (_, panel) => {
      // The preset that shows the idea of the exercise on screen; with none (or an unknown one), the playground as it is.
      const exerciseId = panel.currentModel.exercise?.exerciseId;
      const parsed = parsePlaygroundArgument(exerciseId ? { preset: exerciseId } : undefined);
      this.playground.open(parsed.ok ? parsed.request : {});
    },
  };
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
