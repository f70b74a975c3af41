import * as vscode from "vscode";
import { Disposable } from "../extension/disposable";
import type { CheckService } from "../services/checkService";
import type { PackRegistry } from "../services/packRegistry";
import { statusOf } from "../progress/progressModel";
import { caseCountText } from "../protocol/caseCounts";
import type { ProgressStore } from "../progress/progressStore";

/** The status-bar item: pack progress ("3/25 passed"), a spinner while a check runs; opens the results panel. */
export class ProgressStatusItem extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem("compressionTutor.progress", vscode.StatusBarAlignment.Left, 50));
  private running = 0;
  /** The latest check's case count, read as every view reads it ("9 of 73 cases fail"). */
  private lastCheck: { title: string; count: string; passed: boolean } | undefined;
  constructor(
    private readonly packs: PackRegistry,
    private readonly progress: ProgressStore,
    checks: CheckService,
  ) {
    super();
    this.item.name = vscode.l10n.t("Compression Tutor Progress");
    this.item.command = "compressionTutor.showResults";
    this.registerAll(
      packs.onDidChange(() => this.update()),
      progress.onDidChange(() => this.update()),
      checks.onDidStart(() => {
        this.running++;
        this.update();
      }),
      checks.onDidCheck((event) => {
        this.lastCheck = { title: event.exercise.title, count: caseCountText(event.report), passed: event.report.status === "passed" };
        this.finishOne();
      }),
      checks.onDidFailToRun(() => this.finishOne()),
    );
    this.update();
  }

  private finishOne(): void {
    this.running = Math.max(0, this.running - 1);
    this.update();
  }

  /** The text shown, for tests: e.g. "$(mortar-board) 3/25 passed". */
  get text(): string {
    return this.item.text;
  }

  private update(): void {
    const exercises = this.packs.packs.flatMap((p) => (p.pack ? p.pack.exercises.map((e) => ({ pack: p.pack!, exercise: e })) : []));
    if (exercises.length === 0) {
      this.item.hide();
      return;
    }
    const passed = exercises.filter(({ pack, exercise }) => statusOf(this.progress.get(pack.id, exercise.id), exercise).kind === "passed").length;
    const icon = this.running > 0 ? "$(sync~spin)" : "$(mortar-board)";
    const last = this.lastCheck && !this.lastCheck.passed ? ` · ${this.lastCheck.count}` : "";
    this.item.text = `${icon} ${vscode.l10n.t("{0}/{1} passed", passed, exercises.length)}${last}`;
    const lastLine = this.lastCheck ? `\n${this.lastCheck.title}: ${this.lastCheck.count}` : "";
    this.item.tooltip = this.running > 0 ? vscode.l10n.t("Checking your solution… Click to open the results panel.") : vscode.l10n.t("Compression Tutor: {0} of {1} exercises passed. Click to open the results panel.", passed, exercises.length) + lastLine;
    this.item.accessibilityInformation = { label: vscode.l10n.t("Compression Tutor: {0} of {1} exercises passed", passed, exercises.length) };
    this.item.show();
  }

}
