import * as vscode from "vscode";
import { Disposable } from "../extension/disposable";
import type { LoadedPack, PackRegistry } from "../services/packRegistry";
import { describeStatus, type ExerciseStatus, statusOf } from "../progress/progressModel";
import type { ProgressStore } from "../progress/progressStore";
import type { ExerciseSpec, PackSpec } from "../protocol/exercise";
import type { PackProblem } from "../protocol/packProblem";

/** A node of the Exercises tree: a pack, one of its exercises, or one problem of an invalid pack. */
export type ExerciseTreeNode =
  | { kind: "pack"; loaded: LoadedPack }
  | { kind: "exercise"; pack: PackSpec; exercise: ExerciseSpec; index: number }
  | { kind: "problem"; loaded: LoadedPack; problem: PackProblem }
  /** Shown while the packs are read for the first time. */
  | { kind: "loading" };

const STATUS_ICON: Record<ExerciseStatus["kind"], vscode.ThemeIcon> = {
  "not-started": new vscode.ThemeIcon("circle-large-outline"),
  failed: new vscode.ThemeIcon("error", new vscode.ThemeColor("testing.iconFailed")),
  passed: new vscode.ThemeIcon("pass-filled", new vscode.ThemeColor("testing.iconPassed")),
  outdated: new vscode.ThemeIcon("history", new vscode.ThemeColor("testing.iconQueued")),
};

/**
 * Lists packs and their exercises in pack order, each with its status; an invalid pack shows its problems
 * as children instead of vanishing. While nothing is loaded it returns no children, so VS Code shows the
 * view's welcome content (contributed in package.json). Inline actions hang off `contextValue`.
 */
export class ExercisesTreeProvider extends Disposable implements vscode.TreeDataProvider<ExerciseTreeNode> {
  private readonly changed = this.register(new vscode.EventEmitter<ExerciseTreeNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  constructor(
    private readonly packs: PackRegistry,
    private readonly progress: ProgressStore,
  ) {
    super();
    this.register(packs.onDidChange(() => this.refresh()));
    this.register(progress.onDidChange(() => this.refresh()));
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  status(pack: PackSpec, exercise: ExerciseSpec): ExerciseStatus {
    return statusOf(this.progress.get(pack.id, exercise.id), exercise);
  }

  getTreeItem(node: ExerciseTreeNode): vscode.TreeItem {
    switch (node.kind) {
      case "pack":
        return this.packItem(node.loaded);
      case "exercise":
        return this.exerciseItem(node.pack, node.exercise, node.index);
      case "problem":
        return problemItem(node.problem);
      case "loading": {
        const item = new vscode.TreeItem(vscode.l10n.t("Loading exercise packs…"), vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon("loading~spin");
        return item;
      }
    }
  }

  private packItem(loaded: LoadedPack): vscode.TreeItem {
    const errors = loaded.problems.filter((p) => p.severity === "error").length;
    const pack = loaded.pack;
    const label = pack?.title ?? folderName(loaded.folder);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `pack:${loaded.folder.toString()}`;
    if (!pack) {
      item.description = vscode.l10n.t("invalid: {0} problem(s)", loaded.problems.length);
      item.iconPath = new vscode.ThemeIcon("error", new vscode.ThemeColor("problemsErrorIcon.foreground"));
      item.contextValue = "pack.invalid";
      item.tooltip = vscode.l10n.t("This pack could not be loaded. Its problems are listed below and in the Problems panel.\n{0}", loaded.folder.fsPath);
      return item;
    }
    const passed = pack.exercises.filter((e) => this.status(pack, e).kind === "passed").length;
    item.description = vscode.l10n.t("{0} of {1} passed", passed, pack.exercises.length) + (errors ? ` · ${vscode.l10n.t("{0} problem(s)", errors)}` : "");
    item.iconPath = new vscode.ThemeIcon(loaded.origin === "built-in" ? "mortar-board" : "package");
    item.contextValue = `pack.${loaded.origin}`;
    const tooltip = new vscode.MarkdownString(undefined, false);
    tooltip.appendMarkdown(`**${escapeMarkdown(pack.title)}** ${escapeMarkdown(pack.version)}\n\n`);
    tooltip.appendText(`${pack.description}\n\n${loaded.folder.fsPath}`);
    item.tooltip = tooltip;
    return item;
  }

  private exerciseItem(pack: PackSpec, exercise: ExerciseSpec, index: number): vscode.TreeItem {
    const status = this.status(pack, exercise);
    const item = new vscode.TreeItem(`${index + 1}. ${exercise.title}`, vscode.TreeItemCollapsibleState.None);
    item.id = `exercise:${pack.id}/${exercise.id}`;
    item.description = describeStatus(status);
    item.iconPath = STATUS_ICON[status.kind];
    const tooltip = new vscode.MarkdownString(undefined, false);
    tooltip.appendMarkdown(`**${escapeMarkdown(exercise.title)}** · ${escapeMarkdown(describeStatus(status))}\n\n`);
    tooltip.appendText(exercise.summary);
    item.tooltip = tooltip;
    // "exercise.passed" / "exercise.failed" / …: menus match /^exercise/, the reference action also needs a pass.
    item.contextValue = `exercise.${status.kind}${exercise.showReferenceAfterPass && exercise.reference ? ".reference" : ""}`;
    item.command = { command: "compressionTutor.openExercise", title: vscode.l10n.t("Open Exercise"), arguments: [{ packId: pack.id, exerciseId: exercise.id }] };
    item.accessibilityInformation = { label: `${exercise.title}, ${describeStatus(status)}` };
    return item;
  }

  getChildren(node?: ExerciseTreeNode): ExerciseTreeNode[] {
    if (!node) return this.packs.firstLoadPending ? [{ kind: "loading" }] : this.packs.packs.map((loaded) => ({ kind: "pack", loaded }));
    if (node.kind !== "pack") return [];
    const { loaded } = node;
    const problems: ExerciseTreeNode[] = loaded.problems.filter((p) => !loaded.pack || p.severity === "error").map((problem) => ({ kind: "problem", loaded, problem }));
    const exercises: ExerciseTreeNode[] = (loaded.pack?.exercises ?? []).map((exercise, index) => ({ kind: "exercise", pack: loaded.pack!, exercise, index }));
    return [...problems, ...exercises];
  }

  getParent(node: ExerciseTreeNode): ExerciseTreeNode | undefined {
    if (node.kind === "pack" || node.kind === "loading") return undefined;
    const loaded = node.kind === "problem" ? node.loaded : this.packs.packs.find((p) => p.pack === node.pack);
    return loaded ? { kind: "pack", loaded } : undefined;
  }

}

function problemItem(problem: PackProblem): vscode.TreeItem {
  const item = new vscode.TreeItem(problem.message, vscode.TreeItemCollapsibleState.None);
  item.description = `${folderName(vscode.Uri.file(problem.file))}:${problem.line}:${problem.column}`;
  item.iconPath = new vscode.ThemeIcon(problem.severity === "error" ? "error" : "warning");
  item.tooltip = `${problem.file}:${problem.line}:${problem.column} [${problem.code}]\n${problem.message}`;
  item.contextValue = "problem";
  const position = new vscode.Position(Math.max(0, problem.line - 1), Math.max(0, problem.column - 1));
  item.command = { command: "vscode.open", title: vscode.l10n.t("Show Problem"), arguments: [vscode.Uri.file(problem.file), { selection: new vscode.Range(position, position) }] };
  return item;
}

function folderName(uri: vscode.Uri): string {
  return uri.path.split("/").filter(Boolean).pop() ?? uri.fsPath;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, "\\$&");
}
