import * as vscode from "vscode";
import { config } from "../extension/config";
import type { TutorContext } from "../extension/tutorContext";

/**
 * Checks a solution file when it is saved (setting `compressionTutor.checkOnSave`, on by default),
 * debounced: a newer save cancels the check the older one started. Quiet in Restricted Mode (the panel's
 * Run button and the command explain trust when the learner asks).
 */
export function registerCheckOnSave(tutor: TutorContext): vscode.Disposable {
  return vscode.workspace.onDidSaveTextDocument((document) => {
    if (!config.checkOnSave() || !tutor.trust.isTrusted()) return;
    const key = tutor.solutions.keyOf(document.uri);
    if (!key || !tutor.packs.find(key.packId, key.exerciseId)) return;
    void tutor.checks.check(key, { delayMs: config.checkOnSaveDelayMs(), reason: "save" });
  });
}
