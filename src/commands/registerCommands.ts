import * as vscode from "vscode";
import { resolveExercise } from "./exerciseArgument";
import type { ExportWorkOptions } from "../handIn/exportWork";
import type { GradeClassOptions } from "../handIn/gradeClassCommand";
import type { TutorContext } from "../extension/tutorContext";
import { welcomeModel } from "../webview/welcomeModel";

type Handler = (...args: unknown[]) => unknown;

/** Arguments the commands accept besides a tree node or key, so tests and other commands can skip prompts. */
interface ResetOptions {
  packId: string;
  exerciseId: string;
  /** Skip the "are you sure?" dialog (the caller has asked already). */
  confirmed?: boolean;
}
interface RestoreOptions {
  packId: string;
  exerciseId: string;
  /** The backup to restore, as a URI string; without it the learner picks one. */
  backup?: string;
}

/** Every command, as a factory `(tutor) => handler`, in one table. */
const commands: Record<string, (tutor: TutorContext) => Handler> = {
  "compressionTutor.showResults": (tutor) => async () => {
    const current = tutor.presenter.current;
    if (current && tutor.packs.find(current.packId, current.exerciseId)) return tutor.presenter.show(current, { reveal: true });
    return tutor.presenter.showModel(welcomeModel());
  },

  "compressionTutor.openExercise": (tutor) => async (arg) => {
    const key = await resolveExercise(tutor, arg);
    tutor.log.debug(`openExercise ${JSON.stringify(key)} from ${describeArgument(arg)}`);
    if (!key) return undefined;
    // Progress shows at once on the Exercises view: the first open may wait for the packs and the panel to load.
    return vscode.window.withProgress({ location: { viewId: "compressionTutor.exercises" }, title: vscode.l10n.t("Opening the exercise…") }, () => tutor.presenter.open(key));
  },

  "compressionTutor.checkExercise": (tutor) => async (arg) => {
    const key = await resolveExercise(tutor, arg);
    if (!key) return undefined;
    if (!(await tutor.solutions.existing(key))) {
      const open = vscode.l10n.t("Open Exercise");
      const choice = await vscode.window.showInformationMessage(vscode.l10n.t("There is no solution file for this exercise yet. Open the exercise to create it from the starter."), open);
      if (choice === open) await vscode.commands.executeCommand("compressionTutor.openExercise", key);
      return undefined;
    }
    if (tutor.presenter.panel) await tutor.presenter.show(key);
    const outcome = await tutor.checks.check(key, { reason: "command" });
    if (outcome.kind === "not-run") void vscode.window.showWarningMessage(outcome.reason);
    // The panel shows this report before the command returns, so what the caller sees next is consistent
    // (the presenter rendered it when the check ended; this only waits for that render).
    await tutor.presenter.whenRendered();
    return outcome.kind === "checked" ? outcome.event.report : undefined;
  },

  "compressionTutor.showHint": (tutor) => async (arg) => {
    const key = await resolveExercise(tutor, arg);
    const found = key && tutor.packs.find(key.packId, key.exerciseId);
    if (!key || !found) return undefined;
    const total = found.exercise.hints.length;
    if (total === 0) return void vscode.window.showInformationMessage(vscode.l10n.t("{0} has no hints.", found.exercise.title));
    const before = tutor.progress.get(key.packId, key.exerciseId)?.hintsOpened ?? 0;
    const opened = await tutor.presenter.openNextHint(key, total);
    if (before >= total) void vscode.window.showInformationMessage(vscode.l10n.t("All {0} hints of {1} are open in the results panel.", total, found.exercise.title));
    return opened;
  },

  "compressionTutor.showReference": (tutor) => async (arg) => {
    const key = await resolveExercise(tutor, arg);
    const found = key && tutor.packs.find(key.packId, key.exerciseId);
    if (!key || !found) return false;
    if (!found.exercise.showReferenceAfterPass || !found.exercise.reference) {
      void vscode.window.showInformationMessage(vscode.l10n.t("This pack does not show a reference solution for {0}.", found.exercise.title));
      return false;
    }
    if (!tutor.progress.get(key.packId, key.exerciseId)?.everPassed) {
      void vscode.window.showInformationMessage(vscode.l10n.t("The reference solution opens once your solution passes every case. Keep going, and try a hint."));
      return false;
    }
    await tutor.presenter.showReference(key);
    return true;
  },

  "compressionTutor.resetExercise": (tutor) => async (arg) => {
    const key = await resolveExercise(tutor, arg);
    const found = key && tutor.packs.find(key.packId, key.exerciseId);
    if (!key || !found) return undefined;
    if (!(arg as ResetOptions | undefined)?.confirmed) {
      const reset = vscode.l10n.t("Reset to Starter");
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t("Reset {0} to its starter?", found.exercise.title),
        { modal: true, detail: vscode.l10n.t("Your current file is kept as a backup; \"Restore Solution from Backup\" brings it back.") },
        reset,
      );
      if (choice !== reset) return undefined;
    }
    const result = await tutor.solutions.resetToStarter(key, found.exercise.starter);
    if (!result) return undefined;
    tutor.diagnostics.clearSolution(result.uri.fsPath);
    await vscode.window.showTextDocument(result.uri, { viewColumn: tutor.presenter.solutionEditorColumn(), preview: false });
    const restore = vscode.l10n.t("Restore");
    void vscode.window
      .showInformationMessage(result.backup ? vscode.l10n.t("{0} is back to its starter. Your previous file is backed up.", found.exercise.title) : vscode.l10n.t("{0} is back to its starter.", found.exercise.title), ...(result.backup ? [restore] : []))
      .then((choice) => choice === restore && vscode.commands.executeCommand("compressionTutor.restoreBackup", { ...key, backup: result.backup!.toString() }));
    return { file: result.uri.toString(), backup: result.backup?.toString() };
  },

  "compressionTutor.restoreBackup": (tutor) => async (arg) => {
    const key = await resolveExercise(tutor, arg);
    if (!key) return undefined;
    let backup = (arg as RestoreOptions | undefined)?.backup ? vscode.Uri.parse((arg as RestoreOptions).backup!) : undefined;
    if (!backup) {
      const backups = await tutor.solutions.backups(key);
      if (backups.length === 0) return void vscode.window.showInformationMessage(vscode.l10n.t("There are no backups of this exercise yet; one is made every time you reset it."));
      const picked = await vscode.window.showQuickPick(
        backups.map((uri) => ({ label: backupLabel(uri), description: uri.fsPath, uri })),
        { title: vscode.l10n.t("Restore which backup? (what is there now is backed up first)") },
      );
      backup = picked?.uri;
    }
    if (!backup) return undefined;
    const result = await tutor.solutions.restore(key, backup);
    if (result) await vscode.window.showTextDocument(result.uri, { viewColumn: tutor.presenter.solutionEditorColumn(), preview: false });
    return result && { file: result.uri.toString(), backupOfCurrent: result.backupOfCurrent?.toString() };
  },

  "compressionTutor.addPackFolder": (tutor) => async (arg) => {
    const folder =
      arg instanceof vscode.Uri
        ? arg
        : (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: vscode.l10n.t("Add Pack Folder"), title: vscode.l10n.t("Choose a folder that holds a pack.json") }))?.[0];
    if (!folder) return undefined;
    const setting = vscode.workspace.getConfiguration("compressionTutor");
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    const current = setting.get<string[]>("packFolders", []);
    if (!current.includes(folder.fsPath)) await setting.update("packFolders", [...current, folder.fsPath], target);
    await tutor.packs.reload();
    const loaded = tutor.packs.packs.find((p) => p.folder.fsPath === folder.fsPath);
    if (loaded && !loaded.pack) void vscode.window.showWarningMessage(vscode.l10n.t("The pack in {0} has problems; they are listed in the Exercises view and the Problems panel.", folder.fsPath));
    return loaded?.pack?.id;
  },

  /** A folder or .zip (a Uri or a path) or a git repository (a URL or a path with #ref); asks when given nothing. */
  // Loaded on first use (zip reader, git, the grader, the report), so activation does not pay for them.
  "compressionTutor.addPack": (tutor) => async (arg) => (await import("./addPack")).addPack(tutor, arg),

  "compressionTutor.exportWork": (tutor) => async (arg) =>
    (await import("../handIn/exportWork")).exportWork(tutor, typeof arg === "object" && arg !== null && !(arg instanceof vscode.Uri) ? (arg as ExportWorkOptions) : {}),

  "compressionTutor.gradeClass": (tutor) => async (arg) =>
    (await import("../handIn/gradeClassCommand")).gradeClassCommand(tutor, typeof arg === "object" && arg !== null && !(arg instanceof vscode.Uri) ? (arg as GradeClassOptions) : {}),

  "compressionTutor.refreshPacks": (tutor) => () => tutor.packs.reload(),

  "compressionTutor.openWalkthrough": () => () =>
    vscode.commands.executeCommand("workbench.action.openWalkthrough", "compression-tutor.compression-tutor#compressionTutor.gettingStarted", false),
};

function describeArgument(arg: unknown): string {
  if (arg === undefined) return "the palette";
  if (arg instanceof vscode.Uri) return arg.toString();
  return typeof arg === "object" && arg !== null ? `{ ${Object.keys(arg).join(", ")} }` : String(arg);
}

function backupLabel(uri: vscode.Uri): string {
  const name = uri.path.split("/").pop() ?? "";
  const iso = name.replace(/\.ts$/, "").replace(/^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, "$1T$2:$3:$4.$5Z");
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? name : date.toLocaleString();
}

export function registerCommands(tutor: TutorContext): void {
  for (const [id, factory] of Object.entries(commands)) tutor.register(vscode.commands.registerCommand(id, factory(tutor)));
}
