import * as vscode from "vscode";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { TutorContext } from "../extension/tutorContext";
import type { FromInspectMessage, FromInspectWorker, InspectSchemeName, ToInspectMessage, ToInspectWorker } from "../protocol/inspectMessages";
import { parsePlaygroundArgument } from "../playground/playgroundArgument";
import { PLAYGROUND_MAX_VALUES } from "../protocol/playgroundMessages";
import { Disposable } from "../extension/disposable";
import { translationsMessage, webviewHtml, webviewOptions, type WebviewPage } from "../webview/html";
import { PanelSlot } from "../webview/panelSlot";
import { WebviewOutbox } from "../webview/webviewOutbox";

const INSPECT_PAGE: WebviewPage = { asset: "inspect", title: vscode.l10n.t("Compression Tutor: Inspect Model File"), loading: vscode.l10n.t("Reading the model file…") };

export const INSPECT_VIEW_TYPE = "compressionTutor.inspect";
export const INSPECT_SCHEMES: InspectSchemeName[] = ["int8-per-tensor", "int8-per-channel", "int4-g128", "nf4-b64", "fp8-e4m3", "q4_0", "q8_0"];

/**
 * One model file's inspection: a panel, and a Worker (dist/inspect/worker.js) that reads the file and computes the
 * report off the extension host's thread. Closing the panel or pressing Cancel terminates the Worker.
 */
export class InspectPanel extends Disposable {
  private readonly outbox: WebviewOutbox<ToInspectMessage>;
  private worker: Worker | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly ctx: TutorContext,
    readonly file: string,
  ) {
    super();
    this.outbox = new WebviewOutbox(panel.webview);
    panel.webview.options = webviewOptions(ctx.extensionUri);
    panel.webview.html = webviewHtml(panel.webview, ctx.extensionUri, INSPECT_PAGE);
    this.register(panel);
    this.register({ dispose: () => this.stopWorker() });
    this.registerAll(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: FromInspectMessage) => this.onMessage(message)),
    );
  }

  private startWorker(onMessage: (m: FromInspectWorker) => void): Worker {
    const worker = new Worker(vscode.Uri.joinPath(this.ctx.extensionUri, "dist", "inspect", "worker.js").fsPath);
    worker.on("message", onMessage);
    worker.on("error", (error) => onMessage({ type: "failed", message: error.message }));
    return worker;
  }

  /** Starts the inspection in a Worker; its progress and report go to the page. */
  start(): void {
    this.post({ type: "started", file: this.file, schemes: INSPECT_SCHEMES });
    this.worker = this.startWorker((m) => {
      if (m.type === "progress") this.post(m);
      else if (m.type === "report" || m.type === "failed") {
        this.post(m);
        this.stopWorker();
      }
    });
    this.worker.postMessage({ type: "inspect", file: this.file, schemes: INSPECT_SCHEMES } satisfies ToInspectWorker);
  }

  private stopWorker(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private post(message: ToInspectMessage): void {
    this.outbox.post(message);
  }

  private onMessage(message: FromInspectMessage): void {
    switch (message?.type) {
      case "ready":
        this.outbox.opened(...translationsMessage());
        return;
      case "cancel":
        if (!this.worker) return;
        this.stopWorker();
        this.post({ type: "cancelled" });
        return;
      case "sendToPlayground":
        if (typeof message.tensor === "string") this.sendToPlayground(message.tensor);
        return;
    }
  }

  /** Reads the tensor's values (its first rows beyond the playground's 1M) in a Worker, then opens the playground. */
  private sendToPlayground(tensor: string): void {
    const worker = this.startWorker((m) => {
      void worker.terminate();
      // The values are checked as the playground command checks its argument, then go to the context's playground.
      const parsed = m.type === "values" ? parsePlaygroundArgument({ tensor: { name: m.name, shape: m.shape, values: m.values } }) : undefined;
      if (!parsed?.ok) {
        const why = m.type === "failed" ? m.message : parsed && !parsed.ok ? parsed.error : vscode.l10n.t("no values");
        void vscode.window.showErrorMessage(vscode.l10n.t("Send to playground: {0}", why));
        return;
      }
      this.ctx.playground.open(parsed.request);
    });
    worker.postMessage({ type: "values", file: this.file, tensor, maxValues: PLAYGROUND_MAX_VALUES } satisfies ToInspectWorker);
  }
}

/** The one Inspect Model File panel, owned by the context: a new inspection replaces the one before. */
export class ModelInspector extends Disposable {
  private readonly slot = this.register(new PanelSlot<InspectPanel>());

  constructor(private readonly ctx: TutorContext) {
    super();
  }

  get current(): InspectPanel | undefined {
    return this.slot.current;
  }

  /** Opens a panel for `file` (replacing the one before) and starts its inspection. */
  open(file: string): InspectPanel {
    this.slot.current?.dispose();
    const panel = vscode.window.createWebviewPanel(INSPECT_VIEW_TYPE, vscode.l10n.t("Inspect {0}", path.basename(file)), vscode.ViewColumn.Active, webviewOptions(this.ctx.extensionUri));
    const inspection = this.slot.set(new InspectPanel(panel, this.ctx, file));
    inspection.start();
    return inspection;
  }

  /**
   * A panel VS Code restored after a window reload: the webview shows its saved report (or that the run was
   * cancelled or failed) again; when the reload came mid-inspection, the inspection starts over.
   */
  revive(panel: vscode.WebviewPanel, saved: unknown): InspectPanel {
    const s = saved as { file?: unknown; report?: unknown; ended?: unknown } | undefined;
    const file = typeof s?.file === "string" ? s.file : "";
    const inspection = this.slot.set(new InspectPanel(panel, this.ctx, file));
    if (file && !s?.report && !s?.ended) inspection.start();
    return inspection;
  }
}
