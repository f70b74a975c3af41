import * as vscode from "vscode";
import type { TutorContext } from "../extension/tutorContext";
import { INSPECT_VIEW_TYPE } from "./inspectPanel";

/**
 * "Compression Tutor: Inspect Model File…": from the palette (a file picker) or the Explorer's context menu on a
 * .safetensors, .gguf, .npy or .npz file (the clicked file's Uri is the argument).
 */
export function registerInspect(ctx: TutorContext): void {
  ctx.register(
    vscode.commands.registerCommand("compressionTutor.inspectModelFile", async (arg: unknown) => {
      let uri = arg instanceof vscode.Uri ? arg : undefined;
      if (!uri) {
        const picked = await vscode.window.showOpenDialog({
          canSelectMany: false,
          openLabel: vscode.l10n.t("Inspect"),
          filters: { [vscode.l10n.t("Model files")]: ["safetensors", "gguf", "npy", "npz", "json"] },
        });
        uri = picked?.[0];
      }
      if (!uri) return false;
      if (uri.scheme !== "file") {
        void vscode.window.showErrorMessage(vscode.l10n.t("Inspect Model File reads files on this machine's disk; {0} is not one.", uri.toString()));
        return false;
      }
      ctx.inspector.open(uri.fsPath);
      return true;
    }),
  );
  ctx.register(
    vscode.window.registerWebviewPanelSerializer(INSPECT_VIEW_TYPE, {
      async deserializeWebviewPanel(panel, state) {
        ctx.inspector.revive(panel, state);
      },
    }),
  );
}
