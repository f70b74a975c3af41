import * as vscode from "vscode";
import type { TutorContext } from "../extension/tutorContext";
import { ResultsPanel } from "../webview/resultsPanel";
import { parsePlaygroundArgument } from "./playgroundArgument";
import { PLAYGROUND_VIEW_TYPE, PlaygroundPanel } from "./playgroundPanel";

/**
 * The playground's command, its serializer (the panel and its state come back after a reload), and the
 * results panel's "Open in playground" button, which opens the preset of the exercise it shows.
 */
export function registerPlayground(ctx: TutorContext): void {
  ctx.push(
    vscode.commands.registerCommand("compressionTutor.openPlayground", (arg: unknown) => {
      const parsed = parsePlaygroundArgument(arg);
      if (!parsed.ok) {
        void vscode.window.showErrorMessage(parsed.error);
        return false;
      }
      PlaygroundPanel.createOrShow(ctx, parsed.request);
      return true;
    }),
  );
  ctx.push(
    vscode.window.registerWebviewPanelSerializer(PLAYGROUND_VIEW_TYPE, {
      async deserializeWebviewPanel(panel) {
        PlaygroundPanel.revive(ctx, panel);
      },
    }),
  );
  ctx.push(
    ResultsPanel.onDidReceiveAnyMessage(({ panel, message }) => {
      if (message.type !== "openPlayground") return;
      const exerciseId = panel.currentModel.exercise?.exerciseId;
      const parsed = parsePlaygroundArgument(exerciseId ? { preset: exerciseId } : undefined);
      PlaygroundPanel.createOrShow(ctx, parsed.ok ? parsed.request : {});
    }),
  );
  ctx.push({ dispose: () => PlaygroundPanel.active?.dispose() });
}
