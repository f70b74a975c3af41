/**
 * "Add Exercise Pack…": a pack from a folder, a .zip or a git repository. Archives are extracted and repositories
 * cloned (src/packs/node/packSource.ts, the same rules as the CLI) into the extension's global storage; the folder
 * that results is added to the `packFolders` setting, and the source is remembered so that adding it again is an
 * update: the old folder is replaced, and the learner is told which exercises were added, changed or removed.
 * Progress and solution files are keyed by pack id and exercise id, so they carry over.
 */
import * as vscode from "vscode";
import { diffPacks, type PackChanges } from "../packs/packDiff";
import { classifyPackSource, packFolderOf, type PackSource } from "../packs/node/packSource";
import type { PackSpec } from "../protocol/exercise";
import type { TutorContext } from "../extension/tutorContext";

/** globalState key: source key → the pack folder it was installed into. */
const ADDED_PACKS = "compressionTutor.addedPacks";

export interface AddPackResult {
  packId?: string;
  folder: string;
  /** Present when the pack (same id) was loaded before: what the update changed. */
  changes?: PackChanges;
}

function sourceKey(source: PackSource): string {
  return source.kind === "git" ? `git:${source.url}#${source.ref ?? ""}` : `${source.kind}:${source.path}`;
}

/** Asks which kind of source, then which one; undefined when the learner cancels. */
async function pickSource(): Promise<string | undefined> {
  const choices: (vscode.QuickPickItem & { source: PackSource["kind"] })[] = [
    { label: vscode.l10n.t("A folder…"), source: "folder" },
    { label: vscode.l10n.t("A .zip file…"), source: "zip" },
    { label: vscode.l10n.t("A git repository…"), source: "git" },
  ];
  const picked = await vscode.window.showQuickPick(choices, { title: vscode.l10n.t("Add an exercise pack from") });
  if (!picked) return undefined;
  if (picked.source === "git") {
    return vscode.window.showInputBox({
      title: vscode.l10n.t("Git repository of the pack"),
      prompt: vscode.l10n.t("A URL (https://…, git@host:…) or a local repository; add #tag or #branch to pin a version"),
      placeHolder: "https://example.org/course/week-1.git#v1",
      ignoreFocusOut: true,
    });
  }
  const uris = await vscode.window.showOpenDialog({
    canSelectFolders: picked.source === "folder",
    canSelectFiles: picked.source === "zip",
    canSelectMany: false,
    filters: picked.source === "zip" ? { [vscode.l10n.t("Zip archives")]: ["zip"] } : undefined,
    openLabel: vscode.l10n.t("Add Pack"),
  });
  return uris?.[0]?.fsPath;
}

function describeChanges(title: string, changes: PackChanges): string {
  const list = (ids: string[]): string => (ids.length === 0 ? "0" : `${ids.length} (${ids.join(", ")})`);
  if (changes.added.length + changes.changed.length + changes.removed.length === 0) return vscode.l10n.t("{0} is up to date: no exercise changed.", title);
  return vscode.l10n.t("Updated {0}: exercises added {1}, changed {2}, removed {3}. Your solutions and progress are kept.", title, list(changes.added), list(changes.changed), list(changes.removed));
}

/** Installs the pack `text` names (or asks for one) and reloads the packs. */
export async function addPack(tutor: TutorContext, arg: unknown): Promise<AddPackResult | undefined> {
  const text = arg instanceof vscode.Uri ? arg.fsPath : typeof arg === "string" ? arg : await pickSource();
  if (!text) return undefined;
  const base = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd();
  let source: PackSource;
  try {
    source = classifyPackSource(text.trim(), base);
  } catch (error) {
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    return undefined;
  }
  const key = sourceKey(source);
  const remembered = tutor.extension.globalState.get<Record<string, string>>(ADDED_PACKS, {});
  const previousFolder = remembered[key];
  const before = tutor.packs.packs.find((p) => p.folder.fsPath === previousFolder)?.pack;

  let folder: string;
  try {
    const storage = vscode.Uri.joinPath(tutor.extension.globalStorageUri, "packs").fsPath;
    folder = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t("Adding the exercise pack {0}…", text) }, () =>
      packFolderOf(source, storage),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    tutor.log.error(`adding the pack ${text} failed: ${message}`);
    void vscode.window.showErrorMessage(vscode.l10n.t("Could not add the pack: {0}", message));
    return undefined;
  }

  const setting = vscode.workspace.getConfiguration("compressionTutor");
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const current = setting.get<string[]>("packFolders", []).filter((f) => f !== previousFolder || f === folder);
  if (!current.includes(folder)) current.push(folder);
  await setting.update("packFolders", current, target);
  await tutor.extension.globalState.update(ADDED_PACKS, { ...remembered, [key]: folder });
  await tutor.packs.reload();

  const loaded = tutor.packs.packs.find((p) => p.folder.fsPath === folder);
  if (!loaded?.pack) {
    void vscode.window.showWarningMessage(vscode.l10n.t("The pack in {0} has problems; they are listed in the Exercises view and the Problems panel.", folder));
    return { folder };
  }
  const after: PackSpec = loaded.pack;
  const previous = before?.id === after.id ? before : undefined;
  const changes = previous ? diffPacks(previous, after) : undefined;
  void vscode.window.showInformationMessage(changes ? describeChanges(after.title, changes) : vscode.l10n.t("Added {0}: {1} exercises.", after.title, after.exercises.length));
  return { packId: after.id, folder, ...(changes ? { changes } : {}) };
}
