import * as vscode from "vscode";
import type { TutorContext } from "./context";
import { ResultsPanel } from "./webview/resultsPanel";
import { welcomeModel } from "./webview/welcomeModel";

/** Every command, as a factory `(ctx) => handler`, in one table. */
const commands: Record<string, (ctx: TutorContext) => (...args: unknown[]) => unknown> = {
  "compressionTutor.showResults": (ctx) => () => ResultsPanel.createOrShow(ctx, welcomeModel()),
};

export function registerCommands(ctx: TutorContext): void {
  for (const [id, factory] of Object.entries(commands)) ctx.push(vscode.commands.registerCommand(id, factory(ctx)));
}
