import * as vscode from "vscode";
import { Disposable } from "../extension/disposable";
import { CheckScheduler } from "./checkScheduler";
import { config } from "../extension/config";
import type { TutorContext } from "../extension/tutorContext";
import type { TutorDiagnostics } from "../diagnostics/tutorDiagnostics";
import type { PackRegistry } from "./packRegistry";
import type { ProgressStore } from "../progress/progressStore";
import type { CheckReport } from "../protocol/checkReport";
import type { ExerciseSpec } from "../protocol/exercise";
import { Runner } from "../runner";
import type { SolutionKey } from "../workspace/solutionPaths";
import type { SolutionFiles } from "../workspace/solutionFiles";

/** A finished check, as every view receives it. */
export interface CheckEvent {
  key: SolutionKey;
  exercise: ExerciseSpec;
  report: CheckReport;
  /** Wall-clock time from the request to the report, as the learner waits for it (after any debounce). */
  latencyMs: number;
}

export type CheckOutcome = { kind: "checked"; event: CheckEvent } | { kind: "superseded" } | { kind: "not-run"; reason: string };

/**
 * Runs checks: one entry point for the panel's Run button, the command, the CodeLens, the Test Explorer
 * and save. Starts the runner lazily on the first check (activation stays light), debounces saves, lets a
 * newer request abort an older one for the same file, and hands every report to the views.
 */
export class CheckService extends Disposable {
  private runner: Runner | undefined;
  private readonly scheduler = new CheckScheduler();
  private readonly started = this.register(new vscode.EventEmitter<SolutionKey>());
  private readonly checked = this.register(new vscode.EventEmitter<CheckEvent>());
  private readonly failedToRun = this.register(new vscode.EventEmitter<{ key: SolutionKey; message: string }>());
  readonly onDidStart = this.started.event;
  readonly onDidCheck = this.checked.event;
  readonly onDidFailToRun = this.failedToRun.event;
  private readonly latest = new Map<string, CheckReport>();

  constructor(
    private readonly ctx: TutorContext,
    private readonly packs: PackRegistry,
    private readonly solutions: SolutionFiles,
    private readonly progress: ProgressStore,
    private readonly diagnostics: TutorDiagnostics,
  ) {
    super();
    this.register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        // A new time limit applies to a new runner; the next check starts one.
        if (config.affects(e, "runTimeoutMs")) void this.stopRunner();
      }),
    );
  }

  /** The latest report of an exercise in this session, if any. */
  latestReport(key: SolutionKey): CheckReport | undefined {
    return this.latest.get(`${key.packId}/${key.exerciseId}`);
  }

  /**
   * Takes over a report from before a window reload (a revived results panel keeps the last one in its saved
   * state), unless this session has already checked the exercise.
   */
  adoptReport(key: SolutionKey, report: CheckReport): void {
    const id = `${key.packId}/${key.exerciseId}`;
    if (!this.latest.has(id) && report.packId === key.packId && report.exerciseId === key.exerciseId) this.latest.set(id, report);
  }

  /**
   * Checks an exercise's solution file. `delayMs` debounces (saves); unsaved editor text is checked as it
   * is on screen. A newer request for the same file supersedes this one.
   */
  async check(key: SolutionKey, options: { delayMs?: number; cancellation?: vscode.CancellationToken; reason: string }): Promise<CheckOutcome> {
    if (!this.ctx.trust.ensureTrustedForRunning()) return { kind: "not-run", reason: vscode.l10n.t("Restricted Mode: running code needs a trusted workspace.") };
    // A check right after start-up (a save, a revived panel) must not race the first load of the packs.
    await this.packs.ready();
    const found = this.packs.find(key.packId, key.exerciseId);
    if (!found) return this.notRun(key, vscode.l10n.t("No loaded pack has the exercise {0}. Is its pack still in the Exercises view?", `${key.packId}/${key.exerciseId}`));
    const file = await this.solutions.existing(key);
    if (!file) return this.notRun(key, vscode.l10n.t("{0} has no solution file yet. Open the exercise from the Exercises view to create it.", found.exercise.title));
    const refused = await this.solutions.linkLeavingFolder(file);
    if (refused) return this.notRun(key, refused);

    const outcome = await this.scheduler.schedule(file.fsPath, options.delayMs ?? 0, async (signal) => {
      const cancelListener = options.cancellation?.onCancellationRequested(() => this.scheduler.cancel(file.fsPath));
      this.started.fire(key);
      const requested = performance.now();
      try {
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString());
        const source = open?.isDirty ? open.getText() : undefined;
        const report = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Window, title: vscode.l10n.t("Checking {0}…", found.exercise.title) },
          () => this.ensureRunner().check({ packId: key.packId, exercise: found.exercise, solutionFile: file.fsPath, source, signal }),
        );
        return { report, latencyMs: performance.now() - requested };
      } finally {
        cancelListener?.dispose();
      }
    });

    if (outcome.kind === "superseded") return outcome;
    if (outcome.kind === "failed") {
      const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
      this.ctx.log.error(`check of ${key.packId}/${key.exerciseId} (${options.reason}) could not run: ${message}`);
      return this.notRun(key, vscode.l10n.t("The check could not run: {0}. The log (Output → Compression Tutor) has details.", message));
    }
    const { report, latencyMs } = outcome.value;
    this.latest.set(`${key.packId}/${key.exerciseId}`, report);
    this.ctx.log.info(
      `check ${key.packId}/${key.exerciseId} (${options.reason}): ${report.status}, ${report.summary.passed}/${report.summary.total} passed in ${latencyMs.toFixed(0)} ms ` +
        `(compile ${report.timings.compileMs.toFixed(0)}, run ${report.timings.runMs.toFixed(0)}, compare ${report.timings.compareMs.toFixed(0)})`,
    );
    this.diagnostics.showReport(report);
    await this.progress.recordReport(report);
    const event: CheckEvent = { key, exercise: found.exercise, report, latencyMs };
    this.checked.fire(event);
    return { kind: "checked", event };
  }

  /** Cancels a waiting or running check of a file. */
  cancel(file: vscode.Uri): void {
    this.scheduler.cancel(file.fsPath);
  }

  private notRun(key: SolutionKey, reason: string): CheckOutcome {
    this.failedToRun.fire({ key, message: reason });
    return { kind: "not-run", reason };
  }

  private ensureRunner(): Runner {
    if (!this.runner) {
      const started = performance.now();
      this.runner = new Runner({
        timeoutMs: config.runTimeoutMs(),
        execPath: process.execPath,
        env: { ELECTRON_RUN_AS_NODE: "1" },
        hostScript: vscode.Uri.joinPath(this.ctx.extensionUri, "dist", "runner", "host.js").fsPath,
        log: (line) => this.ctx.log.debug(`runner: ${line}`),
      });
      this.ctx.log.info(`runner created in ${(performance.now() - started).toFixed(1)} ms`);
    }
    return this.runner;
  }

  private async stopRunner(): Promise<void> {
    const runner = this.runner;
    this.runner = undefined;
    await runner?.dispose();
  }

  override dispose(): void {
    this.scheduler.dispose();
    void this.stopRunner();
    super.dispose();
  }
}
