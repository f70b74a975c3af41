import * as vscode from "vscode";
import { config } from "../extension/config";

const SHOWN_KEY = "compressionTutor.firstRunShown";

/**
 * On the first start of a profile where `compressionTutor.openOnFirstRun` is on (npm start's learner profile),
 * opens the Compression Tutor view and the getting-started walkthrough, so a new learner does not face an
 * empty Explorer. Once per profile: the flag lives in global state.
 */
export async function openOnFirstRun(extension: vscode.ExtensionContext): Promise<boolean> {
  if (!config.openOnFirstRun() || extension.globalState.get<boolean>(SHOWN_KEY)) return false;
  await extension.globalState.update(SHOWN_KEY, true);
  await vscode.commands.executeCommand("workbench.view.extension.compressionTutor");
  await vscode.commands.executeCommand("compressionTutor.openWalkthrough");
  return true;
}
