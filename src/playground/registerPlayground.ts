import * as vscode from "vscode";
import type { TutorContext } from "../extension/tutorContext";
import { parsePlaygroundArgument } from "./playgroundArgument";
import { PLAYGROUND_VIEW_TYPE } from "./playgroundPanel";

/**
 * The playground's command and its serializer (the panel and its state come back after a reload). The results
 * panel's "Open in playground" button goes to the same `ctx.playground` through the presenter.
 */
export function registerPlayground(ctx: TutorContext): void {
  ctx.register(
    vscode.commands.registerCommand("compressionTutor.openPlayground", (arg: unknown) => {
      const parsed = parsePlaygroundArgument(arg);
      if (!parsed.ok) {
        void vscode.window.showErrorMessage(parsed.error);
        return false;
      }
      ctx.playground.open(parsed.request);
      return true;
    }),
  );
  ctx.register(
    vscode.window.registerWebviewPanelSerializer(PLAYGROUND_VIEW_TYPE, {
      async deserializeWebviewPanel(panel) {
        ctx.playground.revive(panel);
      },
    }),
  );
}
