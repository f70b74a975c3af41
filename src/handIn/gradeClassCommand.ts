/**
 * "Grade a Class…": the CLI's `grade` inside VS Code, for an instructor with a folder of learner folders and
 * hand-ins. It grades every learner on every exercise of a loaded pack with the extension's own sandbox, then
 * opens the class report (the same HTML as `grade --format html`) in a panel, which can be saved as a file.
 */
import * as vscode from "vscode";
import { formatGradeHtml } from "../cli/format/gradeHtml";
import { gradeClass } from "../cli/grade/gradeClass";
import type { GradeResult } from "../cli/grade/gradeResult";
import { listLearners, openHandIns } from "../cli/grade/submissions";
import { config } from "../extension/config";
import type { TutorContext } from "../extension/tutorContext";

export interface GradeClassOptions {
  packId?: string;
  /** The submissions folder (a path); asked with a folder dialog otherwise. */
  submissions?: string;
}

export interface GradeClassOutcome {
  result: GradeResult;
  panel: vscode.WebviewPanel;
}

async function pickPack(tutor: TutorContext, packId: string | undefined) {
  await tutor.packs.ready();
  const packs = tutor.packs.packs.flatMap((p) => (p.pack ? [p.pack] : []));
  if (packId) return packs.find((p) => p.id === packId);
  const picked = await vscode.window.showQuickPick(
    packs.map((pack) => ({ label: pack.title, description: `${pack.id}@${pack.version}`, detail: vscode.l10n.t("{0} exercises", pack.exercises.length), pack })),
    { title: vscode.l10n.t("Grade a class on which pack?") },
  );
  return picked?.pack;
}

export async function gradeClassCommand(tutor: TutorContext, options: GradeClassOptions = {}): Promise<GradeClassOutcome | undefined> {
  if (!tutor.trust.isTrusted()) {
    void vscode.window.showWarningMessage(vscode.l10n.t("Grading runs the learners' code, which Restricted Mode does not allow. Trust this workspace to grade a class."));
    return undefined;
  }
  const pack = await pickPack(tutor, options.packId);
  if (!pack) return undefined;
  const submissions =
    options.submissions ??
    (
      await vscode.window.showOpenDialog({
        canSelectFolders: true,
        canSelectFiles: false,
        title: vscode.l10n.t("The submissions folder: one folder or hand-in .zip per learner"),
        openLabel: vscode.l10n.t("Grade"),
      })
    )?.[0]?.fsPath;
  if (!submissions) return undefined;

  let result: GradeResult;
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t("Grading the class on {0}", pack.title), cancellable: false },
      async (progress) => {
        const handIns = await openHandIns(listLearners(submissions), pack.id);
        const total = Math.max(1, handIns.learners.length * pack.exercises.length);
        try {
          return await gradeClass({
            pack,
            submissionsDir: submissions,
            learners: handIns.learners,
            jobs: 2,
            timeoutMs: config.runTimeoutMs(),
            memoryMb: 256,
            sandbox: { execPath: process.execPath, env: { ELECTRON_RUN_AS_NODE: "1" }, hostScript: vscode.Uri.joinPath(tutor.extensionUri, "dist", "runner", "host.js").fsPath },
            log: (line) => tutor.log.debug(`grade: ${line}`),
            onProgress: (label) => progress.report({ increment: 100 / total, message: label }),
          });
        } finally {
          handIns.dispose();
        }
      },
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    tutor.log.error(`grading ${submissions} failed: ${message}`);
    void vscode.window.showErrorMessage(vscode.l10n.t("Could not grade the class: {0}", message));
    return undefined;
  }

  const html = formatGradeHtml(result);
  // No scripts and no local resources: the report is static HTML under its own Content-Security-Policy.
  const panel = vscode.window.createWebviewPanel("compressionTutor.classReport", vscode.l10n.t("Class report: {0}", pack.title), vscode.ViewColumn.Active, {
    enableScripts: false,
    localResourceRoots: [],
  });
  panel.webview.html = html;
  const save = vscode.l10n.t("Save as HTML…");
  void vscode.window.showInformationMessage(vscode.l10n.t("Graded {0} learners on {1} exercises.", result.learners.length, pack.exercises.length), save).then(async (choice) => {
    if (choice !== save) return;
    const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(`${submissions}-report.html`), filters: { HTML: ["html"] } });
    if (target) await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(html));
  });
  return { result, panel };
}
