/**
 * "Export My Work": one .zip with the learner's solutions, their progress and the latest report per exercise
 * (src/protocol/handIn.ts), named after the learner, who is asked their name once (it is remembered). The
 * instructor puts the archives in one folder and runs `compression-tutor grade <pack> <folder>`.
 */
import * as vscode from "vscode";
import { describeStatus, progressKey, statusOf, type ExerciseProgress } from "../progress/progressModel";
import { handInFileName } from "../protocol/handIn";
import type { TutorContext } from "../extension/tutorContext";
import { buildHandInArchive, type HandInWork } from "./handInArchive";

/** globalState key of the learner's name, asked once. */
const LEARNER_NAME = "compressionTutor.learnerName";

/** Arguments tests and other commands may pass to skip the prompts. */
export interface ExportWorkOptions {
  learner?: string;
  /** Where to write the archive (a file URI string or path); asked with a save dialog otherwise. */
  target?: string;
}

export interface ExportWorkResult {
  file: string;
  learner: string;
  exercises: number;
}

async function learnerName(tutor: TutorContext, given: string | undefined): Promise<string | undefined> {
  const state = tutor.extension.globalState;
  const name =
    given?.trim() ||
    state.get<string>(LEARNER_NAME) ||
    (
      await vscode.window.showInputBox({
        title: vscode.l10n.t("Your name, for the hand-in"),
        prompt: vscode.l10n.t("The archive is named after it, and your instructor sees it. Asked once and remembered."),
        ignoreFocusOut: true,
        validateInput: (value) => (value.trim() === "" ? vscode.l10n.t("Give a name") : undefined),
      })
    )?.trim();
  if (name) await state.update(LEARNER_NAME, name);
  return name || undefined;
}

/** Every solution file the learner has, with its latest report this session and its status. */
async function collectWork(tutor: TutorContext): Promise<{ work: HandInWork[]; progress: Record<string, ExerciseProgress> }> {
  const work: HandInWork[] = [];
  const progress: Record<string, ExerciseProgress> = {};
  for (const { pack } of tutor.packs.packs) {
    if (!pack) continue;
    for (const exercise of pack.exercises) {
      const key = { packId: pack.id, exerciseId: exercise.id };
      const saved = tutor.progress.get(pack.id, exercise.id);
      if (saved) progress[progressKey(pack.id, exercise.id)] = saved;
      const uri = await tutor.solutions.existing(key);
      if (!uri) continue;
      // A file that links out of its folder is not the learner's work (grade would refuse it too).
      const leaving = await tutor.solutions.linkLeavingFolder(uri);
      if (leaving) {
        tutor.log.warn(`export: left out ${uri.fsPath}: ${leaving}`);
        continue;
      }
      const solution = await vscode.workspace.fs.readFile(uri);
      const report = tutor.checks.latestReport(key);
      work.push({ ...key, solution, ...(report ? { report } : {}), status: describeStatus(statusOf(saved, exercise)) });
    }
  }
  return { work, progress };
}

export async function exportWork(tutor: TutorContext, options: ExportWorkOptions = {}): Promise<ExportWorkResult | undefined> {
  const learner = await learnerName(tutor, options.learner);
  if (!learner) return undefined;
  await tutor.packs.ready();
  const { work, progress } = await collectWork(tutor);
  if (work.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t("There is nothing to export yet: open an exercise from the Exercises view and write its solution first."));
    return undefined;
  }
  const folder = tutor.solutions.root() ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const fileName = handInFileName(learner);
  const target = options.target
    ? /^[a-z][\w+.-]*:/i.test(options.target) && !/^[a-z]:[\\/]/i.test(options.target)
      ? vscode.Uri.parse(options.target)
      : vscode.Uri.file(options.target)
    : await vscode.window.showSaveDialog({
        title: vscode.l10n.t("Export your work as one .zip"),
        defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
        filters: { [vscode.l10n.t("Zip archives")]: ["zip"] },
        saveLabel: vscode.l10n.t("Export"),
      });
  if (!target) return undefined;
  const { bytes } = buildHandInArchive(learner, work, progress, new Date());
  await vscode.workspace.fs.writeFile(target, bytes);
  void vscode.window.showInformationMessage(vscode.l10n.t("Exported {0} solutions to {1}. Hand this file in.", work.length, target.fsPath));
  return { file: target.fsPath, learner, exercises: work.length };
}
