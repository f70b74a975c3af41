import * as vscode from "vscode";

/**
 * Checking runs the learner's code (and a pack's reference code), so it needs a trusted workspace. The
 * command palette hides the commands in Restricted Mode through `when` clauses; this is the second lock,
 * inside the command itself, for callers that reach it another way (a keybinding, the panel, the API).
 */
export async function ensureTrustedForRunning(): Promise<boolean> {
  if (vscode.workspace.isTrusted) return true;
  const manage = vscode.l10n.t("Manage Workspace Trust");
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t("Checking a solution runs its code, which Restricted Mode does not allow. Trust this workspace to check your solutions; browsing exercises and the calculators work without it."),
    manage,
  );
  if (choice === manage) await vscode.commands.executeCommand("workbench.trust.manage");
  return false;
}
