import * as vscode from "vscode";

/** The extension's log: one LogOutputChannel, so levels and timestamps come from VS Code. */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel("Compression Tutor", { log: true });
}
