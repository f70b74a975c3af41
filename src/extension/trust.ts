import * as vscode from "vscode";

/**
 * Whether running code is allowed here. One instance, owned by the context, so every service asks the same
 * object (integration tests, whose VS Code runs with workspace trust off, act out Restricted Mode by replacing
 * `isTrusted` on that instance).
 */
export class WorkspaceTrust {
  isTrusted(): boolean {
    return vscode.workspace.isTrusted;
  }

  /**
   * Checking runs the learner's code (and a pack's reference code), so it needs a trusted workspace. The
   * command palette hides the commands in Restricted Mode through `when` clauses; this is the second lock,
   * inside the command itself, for callers that reach it another way (a keybinding, the panel, the API).
   * Returns at once; the warning's button is handled when the learner clicks it.
   */
  ensureTrustedForRunning(): boolean {
    if (this.isTrusted()) return true;
    const manage = vscode.l10n.t("Manage Workspace Trust");
    void vscode.window
      .showWarningMessage(
        vscode.l10n.t("Checking a solution runs its code, which Restricted Mode does not allow. Trust this workspace to check your solutions; browsing exercises and the calculators work without it."),
        manage,
      )
      .then((choice) => choice === manage && vscode.commands.executeCommand("workbench.trust.manage"));
    return false;
  }
}
