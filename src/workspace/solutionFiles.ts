import { promises as fs } from "node:fs";
import path from "node:path";
import * as vscode from "vscode";
import { isInsideFolder } from "../packs/node/isInsideFolder";
import { config } from "../extension/config";
import type { TutorContext } from "../extension/tutorContext";
import { backupFileName, backupSegments, parseSolutionPath, type SolutionKey, solutionSegments } from "./solutionPaths";

/** Where solutions go when no folder is open: remembered after the learner picks it once. */
const ROOT_KEY = "compressionTutor.solutionsRoot";

/**
 * The learner's solution files: created from the starter in one predictable place, never overwritten,
 * and backed up before a reset so nothing the learner wrote is ever lost.
 */
export class SolutionFiles {
  constructor(private readonly ctx: TutorContext) {}

  /** The folder solutions live under: the first workspace folder, else the folder picked earlier. */
  root(): vscode.Uri | undefined {
    const workspace = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (workspace) return workspace;
    const remembered = this.ctx.extension.globalState.get<string>(ROOT_KEY);
    return remembered ? vscode.Uri.parse(remembered) : undefined;
  }

  /** The root, asking the learner for a folder when none is open (undefined if they cancel). */
  async rootOrAsk(): Promise<vscode.Uri | undefined> {
    const known = this.root();
    if (known) return known;
    const picked = await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      canSelectMany: false,
      openLabel: vscode.l10n.t("Keep Solutions Here"),
      title: vscode.l10n.t("No folder is open: choose where your solution files should be created"),
    });
    if (!picked?.[0]) return undefined;
    await this.ctx.extension.globalState.update(ROOT_KEY, picked[0].toString());
    return picked[0];
  }

  uriFor(root: vscode.Uri, key: SolutionKey): vscode.Uri {
    return vscode.Uri.joinPath(root, ...solutionSegments(config.solutionsFolder(), key));
  }

  /** The solution file of an exercise if it exists. */
  async existing(key: SolutionKey): Promise<vscode.Uri | undefined> {
    const root = this.root();
    if (!root) return undefined;
    const uri = this.uriFor(root, key);
    return (await exists(uri)) ? uri : undefined;
  }

  /** Which exercise a file is the solution of, if any. */
  keyOf(uri: vscode.Uri): SolutionKey | undefined {
    const root = this.root();
    if (!root || uri.scheme !== root.scheme) return undefined;
    const rootPath = root.path.replace(/\/+$/, "");
    if (!uri.path.startsWith(`${rootPath}/`)) return undefined;
    return parseSolutionPath(uri.path.slice(rootPath.length + 1), config.solutionsFolder());
  }

  /**
   * Why a solution file may not be checked, or undefined when it may: a symbolic link that resolves outside its
   * own folder (to a pack's reference solution, say) would be checked as the learner's work.
   */
  async linkLeavingFolder(uri: vscode.Uri): Promise<string | undefined> {
    if (uri.scheme !== "file") return undefined; // only local files can be links that Node resolves
    try {
      const [file, folder] = await Promise.all([fs.realpath(uri.fsPath), fs.realpath(path.dirname(uri.fsPath))]);
      if (isInsideFolder(folder, file)) return undefined;
      return `${path.basename(uri.fsPath)} is a symbolic link to ${file}, outside its folder; keep your solution as a file of its own.`;
    } catch {
      return undefined; // nothing to resolve: the check itself reports a missing file
    }
  }

  /**
   * Removes the solution file when it is a symbolic link out of its folder (after the caller backed up what it
   * showed), so that the write that follows creates a file of the learner's own instead of writing through the
   * link into someone else's file, such as a pack's reference solution.
   */
  private async unlinkIfLeavingFolder(uri: vscode.Uri): Promise<void> {
    if (!(await this.linkLeavingFolder(uri))) return;
    await fs.unlink(uri.fsPath);
    this.ctx.log.info(`${uri.fsPath} was a link out of its folder; it is replaced by a file of its own`);
  }

  /** Creates the solution file from the starter unless it exists; an existing file is never touched. */
  async ensure(key: SolutionKey, starter: string): Promise<{ uri: vscode.Uri; created: boolean } | undefined> {
    const root = await this.rootOrAsk();
    if (!root) return undefined;
    const uri = this.uriFor(root, key);
    if (await exists(uri)) return { uri, created: false };
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, ".."));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(starter));
    this.ctx.log.info(`created ${uri.fsPath} from the starter`);
    return { uri, created: true };
  }

  /** Copies the current solution into the exercise's backups folder and returns the backup's location. */
  async backup(key: SolutionKey): Promise<vscode.Uri | undefined> {
    const root = this.root();
    if (!root) return undefined;
    const source = this.uriFor(root, key);
    if (!(await exists(source))) return undefined;
    await saveIfDirty(source);
    const folder = vscode.Uri.joinPath(root, ...backupSegments(config.solutionsFolder(), key));
    await vscode.workspace.fs.createDirectory(folder);
    const target = vscode.Uri.joinPath(folder, backupFileName(new Date()));
    await vscode.workspace.fs.copy(source, target, { overwrite: false });
    return target;
  }

  /** Backups of an exercise, newest first. */
  async backups(key: SolutionKey): Promise<vscode.Uri[]> {
    const root = this.root();
    if (!root) return [];
    const folder = vscode.Uri.joinPath(root, ...backupSegments(config.solutionsFolder(), key));
    try {
      const entries = await vscode.workspace.fs.readDirectory(folder);
      return entries
        .filter(([name, type]) => type === vscode.FileType.File && name.endsWith(".ts"))
        .map(([name]) => name)
        .sort()
        .reverse()
        .map((name) => vscode.Uri.joinPath(folder, name));
    } catch {
      return [];
    }
  }

  /** Replaces the solution with the starter, after a backup. The caller has asked the learner first. */
  async resetToStarter(key: SolutionKey, starter: string): Promise<{ uri: vscode.Uri; backup?: vscode.Uri } | undefined> {
    const root = await this.rootOrAsk();
    if (!root) return undefined;
    const uri = this.uriFor(root, key);
    const backup = await this.backup(key);
    await this.unlinkIfLeavingFolder(uri);
    await writeThroughEditor(uri, starter);
    return { uri, backup };
  }

  /** Puts a backup back in place, after backing up what is there now (a restore is undoable too). */
  async restore(key: SolutionKey, backup: vscode.Uri): Promise<{ uri: vscode.Uri; backupOfCurrent?: vscode.Uri } | undefined> {
    const root = this.root();
    if (!root) return undefined;
    const uri = this.uriFor(root, key);
    const backupOfCurrent = await this.backup(key);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(backup));
    await this.unlinkIfLeavingFolder(uri);
    await writeThroughEditor(uri, text);
    return { uri, backupOfCurrent };
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function saveIfDirty(uri: vscode.Uri): Promise<void> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) await open.save();
}

/**
 * Writes a file's new content through an open editor when there is one (so the editor does not end up
 * "dirty against a changed file"), else straight to disk. Either way the result is saved.
 */
async function writeThroughEditor(uri: vscode.Uri, text: string): Promise<void> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!open) {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, ".."));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(0, 0, open.lineCount, 0), text);
  await vscode.workspace.applyEdit(edit);
  await open.save();
}
