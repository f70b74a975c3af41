import * as vscode from "vscode";
import { Disposable } from "../extension/disposable";
import type { TutorContext } from "../extension/tutorContext";
import type { FromWebviewMessage, PanelModel, ToWebviewMessage } from "../protocol/webviewMessages";
import { translationsMessage, webviewHtml, webviewOptions, type WebviewPage } from "./html";
import { WebviewOutbox } from "./webviewOutbox";

const RESULTS_PAGE: WebviewPage = { asset: "results", title: "Compression Tutor", loading: vscode.l10n.t("Loading…"), live: true };

export type ShowFocus = Extract<ToWebviewMessage, { type: "show" }>["focus"];

export const RESULTS_VIEW_TYPE = "compressionTutor.results";

/**
 * One results panel: a webview that shows a `PanelModel`. It only carries messages (the presenter decides
 * what it shows and answers what it asks). No retainContextWhenHidden: the webview keeps its own state with
 * setState, survives a reload through the serializer, and asks again with `ready`.
 */
export class ResultsPanel extends Disposable {
  private readonly received = this.register(new vscode.EventEmitter<FromWebviewMessage>());
  /** Every message the webview posts; the presenter dispatches them, tests wait for `rendered`. */
  readonly onDidReceiveMessage = this.received.event;
  private readonly outbox: WebviewOutbox<ToWebviewMessage>;
  /** The model the webview was last sent, serialised: an equal model is not sent again. */
  private posted: string | undefined;
  private pendingFocus: ShowFocus;
  /** How many `show` messages this panel has posted (each one re-renders the page and its charts). */
  postedShows = 0;

  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private model: PanelModel,
    /** True for a panel brought back by the serializer after a reload, until its first `ready` is handled. */
    public revived = false,
  ) {
    super();
    this.outbox = new WebviewOutbox(panel.webview);
    panel.webview.options = webviewOptions(extensionUri);
    panel.webview.html = webviewHtml(panel.webview, extensionUri, RESULTS_PAGE);
    this.panel.title = model.title;
    this.register(panel);
    this.registerAll(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: FromWebviewMessage) => {
        this.log.debug(`webview → ${JSON.stringify(message?.type === "rendered" ? message : { type: message?.type })}`);
        this.received.fire(message);
      }),
    );
  }

  /** What the panel shows now (after a revive: what it showed before the reload). */
  get currentModel(): PanelModel {
    return this.model;
  }

  /**
   * Shows a model. A model equal to the one the webview already has is not posted again (every `show`
   * rebuilds the page and its charts), unless the caller asks for a part to be focused. Before the page
   * says `ready` only the newest model is kept: the page gets it when it opens.
   */
  show(model: PanelModel, focus?: ShowFocus): void {
    const serialised = JSON.stringify(model);
    this.model = model;
    this.panel.title = model.title;
    if (serialised === this.posted && !focus) return;
    if (!this.outbox.isOpen) {
      this.pendingFocus = focus ?? this.pendingFocus;
      return;
    }
    this.posted = serialised;
    this.postedShows++;
    this.outbox.post({ type: "show", model, ...(focus ? { focus } : {}) });
  }

  /** A check of the shown exercise started or ended: only the Run button changes. */
  setRunning(running: boolean): void {
    this.outbox.post({ type: "running", running });
  }

  /** The page's script said `ready`: a (re)loaded page has nothing on screen, so it gets the model, once, then what waited. */
  opened(): void {
    this.posted = JSON.stringify(this.model);
    const focus = this.pendingFocus;
    this.pendingFocus = undefined;
    this.postedShows++;
    this.outbox.opened(...translationsMessage(), { type: "show", model: this.model, ...(focus ? { focus } : {}) });
  }

  /** Brings the panel to the front without taking the focus from the editor. */
  reveal(): void {
    this.panel.reveal(undefined, true);
  }
}

/** A new results panel beside the editor, showing `model` once its page is ready. */
export function createResultsPanel(extensionUri: vscode.Uri, log: vscode.LogOutputChannel, model: PanelModel, focus?: ShowFocus): ResultsPanel {
  const panel = vscode.window.createWebviewPanel(RESULTS_VIEW_TYPE, model.title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(extensionUri));
  const results = new ResultsPanel(panel, extensionUri, log, model);
  if (focus) results.show(model, focus);
  return results;
}

/** Registers the serializer that brings the panel back after a window reload, into the presenter's hands. */
export function registerResultsSerializer(ctx: TutorContext): void {
  ctx.register(
    vscode.window.registerWebviewPanelSerializer(RESULTS_VIEW_TYPE, {
      async deserializeWebviewPanel(panel, state: { model?: PanelModel } | undefined) {
        ctx.presenter.revive(panel, state?.model);
      },
    }),
  );
}
