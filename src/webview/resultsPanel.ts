import * as vscode from "vscode";
import type { FromWebviewMessage, PanelModel, ToWebviewMessage } from "../protocol/webviewMessages";
import type { TutorContext } from "../extension/tutorContext";
import { webviewHtml, webviewOptions, type WebviewPage } from "./html";

const RESULTS_PAGE: WebviewPage = { asset: "results", title: "Compression Tutor", loading: "Loading…", live: true };

type ShowFocus = Extract<ToWebviewMessage, { type: "show" }>["focus"];

export const RESULTS_VIEW_TYPE = "compressionTutor.results";

/**
 * The one results panel. Created on demand, revived by a serializer after a reload (no
 * retainContextWhenHidden: the webview keeps its own state with setState and asks again with `ready`).
 */
export class ResultsPanel implements vscode.Disposable {
  private static current: ResultsPanel | undefined;
  private static readonly anyMessage = new vscode.EventEmitter<{ panel: ResultsPanel; message: FromWebviewMessage }>();
  /** Every message from whichever panel exists now or later (a revived panel included). */
  static readonly onDidReceiveAnyMessage = ResultsPanel.anyMessage.event;
  private readonly received = new vscode.EventEmitter<FromWebviewMessage>();
  /** Every message the webview posts; tests and commands listen here. */
  readonly onDidReceiveMessage = this.received.event;
  private readonly disposables: vscode.Disposable[] = [];

  /** True for a panel brought back by the serializer after a reload, until its first `ready` is handled. */
  revived = false;
  /** The model the webview was last sent, serialised: an equal model is not sent again. */
  private posted: string | undefined;
  /** False until the webview's script has said `ready`; models shown before wait for it. */
  private loaded = false;
  private pendingFocus: ShowFocus;
  /** How many `show` messages this panel has posted (each one re-renders the page and its charts). */
  postedShows = 0;

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly ctx: TutorContext,
    private model: PanelModel,
  ) {
    panel.webview.options = webviewOptions(ctx.extensionUri);
    panel.webview.html = webviewHtml(panel.webview, ctx.extensionUri, RESULTS_PAGE);
    this.disposables.push(
      this.received,
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: FromWebviewMessage) => this.onMessage(message)),
    );
  }

  static createOrShow(ctx: TutorContext, model: PanelModel, focus?: ShowFocus): ResultsPanel {
    if (ResultsPanel.current) {
      ResultsPanel.current.show(model, focus);
      ResultsPanel.current.panel.reveal(undefined, true);
      return ResultsPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(
      RESULTS_VIEW_TYPE,
      model.title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewOptions(ctx.extensionUri),
    );
    ResultsPanel.current = new ResultsPanel(panel, ctx, model);
    ResultsPanel.current.pendingFocus = focus;
    return ResultsPanel.current;
  }

  static revive(ctx: TutorContext, panel: vscode.WebviewPanel, model: PanelModel | undefined): ResultsPanel {
    ResultsPanel.current?.dispose();
    ResultsPanel.current = new ResultsPanel(panel, ctx, model ?? { title: "Compression Tutor", charts: [] });
    ResultsPanel.current.revived = true;
    return ResultsPanel.current;
  }

  static get active(): ResultsPanel | undefined {
    return ResultsPanel.current;
  }

  /** What the panel shows now (after a revive: what it showed before the reload). */
  get currentModel(): PanelModel {
    return this.model;
  }

  /**
   * Shows a model. A model equal to the one the webview already has is not posted again (every `show`
   * rebuilds the page and its charts), unless the caller asks for a part to be focused.
   */
  show(model: PanelModel, focus?: ShowFocus): void {
    const serialised = JSON.stringify(model);
    this.model = model;
    this.panel.title = model.title;
    if (serialised === this.posted && !focus) return;
    if (!this.loaded) {
      // The webview asks with `ready` once its script runs; it gets the newest model then.
      this.pendingFocus = focus ?? this.pendingFocus;
      return;
    }
    this.posted = serialised;
    void this.post({ type: "show", model, ...(focus ? { focus } : {}) });
  }

  post(message: ToWebviewMessage): Thenable<boolean> {
    if (message.type === "show") this.postedShows++;
    return this.panel.webview.postMessage(message);
  }

  private onMessage(message: FromWebviewMessage): void {
    this.ctx.log.debug(`webview → ${JSON.stringify(message.type === "rendered" ? message : { type: message.type })}`);
    if (message.type === "ready") {
      // A (re)loaded webview has nothing on screen: it always gets the model, once, here.
      this.loaded = true;
      this.posted = JSON.stringify(this.model);
      const focus = this.pendingFocus;
      this.pendingFocus = undefined;
      void this.post({ type: "show", model: this.model, ...(focus ? { focus } : {}) });
    }
    this.received.fire(message);
    ResultsPanel.anyMessage.fire({ panel: this, message });
  }

  dispose(): void {
    if (ResultsPanel.current === this) ResultsPanel.current = undefined;
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** Registers the serializer that brings the panel back after a window reload. */
export function registerResultsSerializer(ctx: TutorContext): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(RESULTS_VIEW_TYPE, {
    async deserializeWebviewPanel(panel, state: { model?: PanelModel } | undefined) {
      ResultsPanel.revive(ctx, panel, state?.model);
    },
  });
}

/**
 * The column for the learner's file: the first one, unless the results panel sits there (a panel opened
 * with no editor around lands in column one), in which case the one beside it, so file and panel are
 * side by side and the file keeps the focus.
 */
export function solutionEditorColumn(): vscode.ViewColumn {
  return ResultsPanel.active?.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
}
