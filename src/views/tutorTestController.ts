import * as vscode from "vscode";
import { Disposable } from "../extension/disposable";
import type { CheckEvent, CheckService } from "../services/checkService";
import { exportedFunctions } from "../codelens/exportedFunctions";
import type { PackRegistry } from "../services/packRegistry";
import type { CaseResult, CheckReport } from "../protocol/checkReport";
import { caseCountText } from "../protocol/caseCounts";
import { caseKey } from "../protocol/exercise";
import type { SolutionKey } from "../workspace/solutionPaths";
import type { SolutionFiles } from "../workspace/solutionFiles";

/** What a test item stands for (VS Code reserves "\0" in ids, so the ids are not parsed back). */
type ItemMeta = { kind: "pack" } | { kind: "exercise"; key: SolutionKey } | { kind: "case"; key: SolutionKey; caseId: string };

/**
 * The Test Explorer: packs, exercises as tests and their cases as children. Its Run button checks the
 * exercise; checks that start elsewhere (save, panel, CodeLens) are reported as runs too, so the explorer
 * always shows the latest result. Failed cases carry TestMessage.diff(expected, actual) located at the
 * exported function in the learner's file.
 */
export class TutorTestController extends Disposable {
  readonly controller = this.register(vscode.tests.createTestController("compressionTutor", vscode.l10n.t("Compression Tutor")));
  /** Exercises whose check a Test Explorer run started: their results are reported by that run. */
  private readonly ownRuns = new Set<string>();
  private readonly meta = new WeakMap<vscode.TestItem, ItemMeta>();
  constructor(
    private readonly packs: PackRegistry,
    private readonly solutions: SolutionFiles,
    private readonly checks: CheckService,
  ) {
    super();
    this.controller.createRunProfile(vscode.l10n.t("Check"), vscode.TestRunProfileKind.Run, (request, token) => this.run(request, token), true);
    this.controller.refreshHandler = async () => {
      await this.packs.reload();
    };
    this.registerAll(packs.onDidChange(() => this.rebuild()), checks.onDidCheck((event) => this.reportOutsideRun(event)));
    this.rebuild();
  }

  /** Rebuilds the tree of test items from the loaded packs (cases are the exercise's children). */
  private rebuild(): void {
    const root = this.solutions.root();
    const packItems: vscode.TestItem[] = [];
    for (const { pack } of this.packs.packs) {
      if (!pack) continue;
      const packItem = this.controller.createTestItem(packItemId(pack.id), pack.title);
      this.meta.set(packItem, { kind: "pack" });
      pack.exercises.forEach((exercise, index) => {
        const key = { packId: pack.id, exerciseId: exercise.id };
        const uri = root ? this.solutions.uriFor(root, key) : undefined;
        const item = this.controller.createTestItem(exerciseItemId(key), `${index + 1}. ${exercise.title}`, uri);
        this.meta.set(item, { kind: "exercise", key });
        item.sortText = String(index).padStart(4, "0");
        item.description = exercise.summary;
        for (const check of exercise.checks) {
          for (const c of check.cases) {
            const caseItem = this.controller.createTestItem(caseItemId(key, caseKey(check.id, c.id)), c.name, uri);
            this.meta.set(caseItem, { kind: "case", key, caseId: caseKey(check.id, c.id) });
            item.children.add(caseItem);
          }
        }
        packItem.children.add(item);
      });
      packItems.push(packItem);
    }
    this.controller.items.replace(packItems);
  }

  private exerciseItem(key: SolutionKey): vscode.TestItem | undefined {
    return this.controller.items.get(packItemId(key.packId))?.children.get(exerciseItemId(key));
  }

  private async run(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    const run = this.controller.createTestRun(request);
    const exercises = new Map<string, vscode.TestItem>();
    const add = (item: vscode.TestItem) => {
      const meta = this.meta.get(item);
      if (meta?.kind === "pack") item.children.forEach(add);
      else if (meta?.kind === "case" && item.parent) exercises.set(item.parent.id, item.parent);
      else if (meta?.kind === "exercise") exercises.set(item.id, item);
    };
    if (request.include) request.include.forEach(add);
    else this.controller.items.forEach(add);
    for (const item of request.exclude ?? []) exercises.delete(item.id);

    for (const item of exercises.values()) item.children.forEach((c) => run.enqueued(c));
    for (const item of exercises.values()) {
      if (token.isCancellationRequested) {
        item.children.forEach((c) => run.skipped(c));
        continue;
      }
      const meta = this.meta.get(item);
      if (meta?.kind !== "exercise") continue;
      const key = meta.key;
      item.children.forEach((c) => run.started(c));
      this.ownRuns.add(item.id);
      try {
        const outcome = await this.checks.check(key, { cancellation: token, reason: "Test Explorer" });
        if (outcome.kind === "checked") await this.apply(run, item, outcome.event.report);
        else if (outcome.kind === "superseded") item.children.forEach((c) => run.skipped(c));
        else run.errored(item, new vscode.TestMessage(outcome.reason));
      } finally {
        this.ownRuns.delete(item.id);
      }
    }
    run.end();
  }

  /** A check started elsewhere (save, panel, CodeLens): shown as a run of its own, as a watch mode does, and kept. */
  private async reportOutsideRun(event: CheckEvent): Promise<void> {
    const item = this.exerciseItem(event.key);
    if (!item || this.ownRuns.has(item.id)) return;
    const run = this.controller.createTestRun(new vscode.TestRunRequest([item]), vscode.l10n.t("Check"), true);
    await this.apply(run, item, event.report);
    run.end();
  }

  /**
   * Reports a check. A case is the unit everywhere (panel, Problems, CodeLens, tree): each case gets its own
   * result and the exercise's item none of its own, so the explorer counts cases, not cases plus one. Only a
   * report without cases (a file that does not compile) marks the exercise itself. Test Results get every
   * failing case's input, expected and actual values as output, located in the learner's file.
   */
  private async apply(run: vscode.TestRun, item: vscode.TestItem, report: CheckReport): Promise<void> {
    const file = vscode.Uri.file(report.file);
    const text = await readText(file);
    const functions = exportedFunctions(text);
    const locate = (fn: string): vscode.Location => {
      const found = functions.find((f) => f.name === fn);
      return new vscode.Location(file, new vscode.Position(found?.line ?? 0, found?.column ?? 0));
    };
    const errors = report.diagnostics
      .filter((d) => d.severity === "error" && d.source !== "check")
      .map((d) => {
        const message = new vscode.TestMessage(d.message);
        message.location = new vscode.Location(vscode.Uri.file(d.file), new vscode.Position(d.line - 1, Math.max(0, d.column - 1)));
        return message;
      });
    const failing = report.summary.failed + report.summary.errored;
    run.appendOutput(toTerminal(`${caseCountText(report)}\n`));
    for (const line of errors) run.appendOutput(toTerminal(`${line.message}\n`), line.location, item);
    if (report.cases.length === 0) {
      run.errored(item, errors.length ? errors : [new vscode.TestMessage(vscode.l10n.t("The check produced no cases."))], report.timings.totalMs);
      return;
    }
    for (const c of report.cases) {
      const key = { packId: report.packId, exerciseId: report.exerciseId };
      const id = caseItemId(key, caseKey(c.checkId, c.id));
      let caseItem = item.children.get(id);
      if (!caseItem) {
        caseItem = this.controller.createTestItem(id, c.name, file);
        this.meta.set(caseItem, { kind: "case", key, caseId: caseKey(c.checkId, c.id) });
        item.children.add(caseItem);
      }
      const location = locate(c.function);
      caseItem.range = location.range;
      if (c.status !== "passed") run.appendOutput(toTerminal(caseOutput(c)), location, caseItem);
      if (c.status === "passed") run.passed(caseItem, c.durationMs);
      else if (c.status === "failed") run.failed(caseItem, caseMessage(c, location), c.durationMs);
      else run.errored(caseItem, [caseMessage(c, location), ...errors], c.durationMs);
    }
    if (failing === 0) run.appendOutput(toTerminal(vscode.l10n.t("All {0} cases passed.", report.summary.total) + "\n"));
  }

}

function packItemId(packId: string): string {
  return `pack:${packId}`;
}

function exerciseItemId(key: SolutionKey): string {
  return `exercise:${key.packId}/${key.exerciseId}`;
}

function caseItemId(key: SolutionKey, caseId: string): string {
  return `case:${key.packId}/${key.exerciseId}#${caseId}`;
}

/** Test Results output is a terminal: lines end in CRLF. */
function toTerminal(text: string): string {
  return text.replace(/\r?\n/g, "\r\n");
}

/** One failing case as Test Results shows it: what went in, what was expected, what came out, and why. */
export function caseOutput(c: CaseResult): string {
  const show = (value: unknown) => (value === undefined ? vscode.l10n.t("(hidden)") : JSON.stringify(value));
  return [
    `${c.status === "error" ? "!" : "✗"} ${c.name}`,
    `    ${vscode.l10n.t("input")}:    ${c.reveal === "category-only" ? vscode.l10n.t("(hidden)") : `(${c.input.map((v) => JSON.stringify(v)).join(", ")})`}`,
    `    ${vscode.l10n.t("expected")}: ${show(c.expected)}`,
    `    ${vscode.l10n.t("actual")}:   ${show(c.actual)}`,
    `    ${c.message}`,
    "",
  ].join("\n");
}

function caseMessage(c: CaseResult, location: vscode.Location): vscode.TestMessage {
  const text = [c.message, c.misconception ? `${vscode.l10n.t("Likely misconception")}: ${c.misconception.message}` : ""].filter(Boolean).join("\n");
  const message =
    c.expected !== undefined
      ? vscode.TestMessage.diff(text || vscode.l10n.t("Expected and actual differ"), JSON.stringify(c.expected, null, 2), JSON.stringify(c.actual ?? null, null, 2))
      : new vscode.TestMessage(text);
  message.location = location;
  return message;
}

async function readText(file: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  } catch {
    return "";
  }
}
