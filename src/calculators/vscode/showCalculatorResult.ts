/** Shows a result as a notification with "Copy" and "Open in Results Panel", and builds the panel's model. */
import * as vscode from "vscode";
import type { TutorContext } from "../../extension/tutorContext";
import type { PanelModel } from "../../protocol/webviewMessages";
import type { ResultsPanel } from "../../webview/resultsPanel";
import type { CalculatorResult } from "../calculator";
import { formatResultText } from "../formatValues";

export function resultPanelModel(result: CalculatorResult): PanelModel {
  return { title: result.title, facts: result.lines.map(({ label, value }) => ({ label, value })), charts: result.charts };
}

export function resultText(result: CalculatorResult): string {
  return formatResultText(result.title, result.lines);
}

export function openResultInPanel(ctx: TutorContext, result: CalculatorResult): ResultsPanel {
  return ctx.presenter.showModel(resultPanelModel(result));
}

/** Resolves once the person picked an action or dismissed the notification. */
export async function showCalculatorResult(ctx: TutorContext, result: CalculatorResult): Promise<void> {
  const copy = vscode.l10n.t("Copy");
  const openPanel = vscode.l10n.t("Open in Results Panel");
  const actions = result.charts.length > 0 || result.lines.length > 0 ? [copy, openPanel] : [copy];
  const action = await vscode.window.showInformationMessage(result.summary, ...actions);
  if (action === copy) {
    await vscode.env.clipboard.writeText(resultText(result));
    void vscode.window.setStatusBarMessage(vscode.l10n.t("Calculator result copied"), 3000);
  } else if (action === openPanel) {
    openResultInPanel(ctx, result);
  }
}
