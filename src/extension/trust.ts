import * as vscode from "vscode";

let simulated: boolean | undefined;

/**
 * Whether running code is allowed here. Integration tests run with workspace trust disabled (so VS Code
 * reports every workspace trusted); they simulate Restricted Mode through `simulateWorkspaceTrust`.
 */
export function isWorkspaceTrusted(): boolean {
  return simulated ?? vscode.workspace.isTrusted;
}

/** For integration tests only: pretend the workspace is (un)trusted; undefined goes back to VS Code's answer. */
export function simulateWorkspaceTrust(trusted: boolean | undefined): void {
  simulated = trusted;
}

/**
 * Checking runs the learner's code (and a pack's reference code), so it needs a trusted workspace. The
 * command palette hides the commands in Restricted Mode through `when` clauses; this is the second lock,
 * inside the command itself, for callers that reach it another way (a keybinding, the panel, the API).
 * Returns at once; the warning's button is handled when the learner clicks it.
 */
export function ensureTrustedForRunning(): boolean {
  if (isWorkspaceTrusted()) return true;
  const manage = vscode.l10n.t("Manage Workspace Trust");
  void vscode.window
    .showWarningMessage(
      vscode.l10n.t("Checking a solution runs its code, which Restricted Mode does not allow. Trust this workspace to check your solutions; browsing exercises and the calculators work without it."),
      manage,
    )
    .then((choice) => choice === manage && vscode.commands.executeCommand("workbench.trust.manage"));
  return false;
}
