import * as vscode from "vscode";
import type { TutorContext } from "../extension/tutorContext";
import type { FromPlaygroundMessage, PlaygroundTensor, ToPlaygroundMessage } from "../protocol/playgroundMessages";
import { type PlaygroundRequest, parsePlaygroundArgument } from "./playgroundArgument";
import { Disposable } from "../extension/disposable";
import { webviewHtml, webviewOptions, type WebviewPage } from "../webview/html";
import { PanelSlot } from "../webview/panelSlot";
import { WebviewOutbox } from "../webview/webviewOutbox";

/**
 * The shared strict shell, without worker-src: the math runs on the page's own thread. A move computes one
 * scheme (at 1M values every format within 100 ms, NF4, FP8 and Q4_0 as block loops held equal to the core),
 * and the sweep is cut into tasks of one scheme each. A Worker would need more: a script under the webview's
 * resource URI is another origin than the page, which `new Worker` refuses, so it would have to be a blob:
 * worker (`worker-src blob:`), a wider policy for no move that misses its goal.
 */
const PLAYGROUND_PAGE: WebviewPage = { asset: "playground", title: vscode.l10n.t("Compression Tutor: Playground"), loading: vscode.l10n.t("Loading the playground…") };

export const PLAYGROUND_VIEW_TYPE = "compressionTutor.playground";
/** Settings are a few hundred bytes; anything far larger is not ours. */
const MAX_STATE_BYTES = 64 * 1024;
/** Where the settings are kept, in the extension's global storage: written to disk before a reload can outrun it. */
const STATE_FILE = "playground-state.json";
/** The last tensor sent from a model file: its name and shape, and its values as little-endian float32. */
const TENSOR_FILE = "playground-tensor.json";
const TENSOR_VALUES_FILE = "playground-tensor.f32";

/**
 * A playground panel. The webview owns its state (setState) and survives a reload through the serializer;
 * the extension only forwards requests (a preset, a tensor) once the webview says `ready`.
 */
export class PlaygroundPanel extends Disposable {
  private readonly outbox: WebviewOutbox<ToPlaygroundMessage>;
  /** Writes of the settings file, one after another, so the last one wins. */
  private writes: Promise<void> = Promise.resolve();

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly ctx: TutorContext,
  ) {
    super();
    this.outbox = new WebviewOutbox(panel.webview);
    panel.webview.options = webviewOptions(ctx.extensionUri);
    panel.webview.html = webviewHtml(panel.webview, ctx.extensionUri, PLAYGROUND_PAGE);
    this.register(panel);
    this.registerAll(
      panel.onDidDispose(() => this.dispose()),
      // A hidden webview loses its page (no retainContextWhenHidden): hold messages until it says `ready` again.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.outbox.closed();
      }),
      panel.webview.onDidReceiveMessage((message: FromPlaygroundMessage) => void this.onMessage(message)),
    );
  }

  /** Brings the panel forward and passes on what the request asks for (a tensor to keep and show, a preset). */
  request(request: PlaygroundRequest): void {
    if (request.tensor) {
      this.keepTensor(request.tensor);
      this.outbox.post({ type: "loadTensor", tensor: request.tensor });
    }
    if (request.preset) this.outbox.post({ type: "applyPreset", preset: request.preset });
  }

  private async onMessage(message: FromPlaygroundMessage): Promise<void> {
    switch (message?.type) {
      case "ready": {
        // A (re)loaded page first gets the settings and the tensor kept on disk, then what waited.
        const first: ToPlaygroundMessage[] = [];
        const kept = await this.readKeptState();
        if (kept) first.push({ type: "restoreState", state: kept.state, savedAt: kept.savedAt });
        const tensor = await this.readKeptTensor();
        if (tensor) first.push({ type: "loadTensor", tensor, restored: true });
        this.outbox.opened(...first);
        return;
      }
      case "saveState": {
        if (typeof message.savedAt !== "number") return;
        const text = JSON.stringify({ savedAt: message.savedAt, state: message.state ?? null });
        if (text.length > MAX_STATE_BYTES) return;
        this.keep([[STATE_FILE, new TextEncoder().encode(text)]]);
        return;
      }
      case "copySnippet":
        if (typeof message.text !== "string" || message.text.length > 1_000_000) return;
        await vscode.env.clipboard.writeText(message.text);
        void vscode.window.showInformationMessage(vscode.l10n.t("Playground snippet copied: paste it into your test file."));
        return;
    }
  }

  /** Writes files into the extension's global storage, one write after another, so the last one wins. */
  private keep(files: [string, Uint8Array][]): void {
    const dir = this.ctx.extension.globalStorageUri;
    this.writes = this.writes
      .then(async () => {
        await vscode.workspace.fs.createDirectory(dir);
        for (const [name, bytes] of files) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, name), bytes);
      })
      .catch((error: unknown) => this.ctx.log.warn(`playground: could not keep its state: ${String(error)}`));
  }

  /** Keeps a tensor from a model file for the next reload (float32 bytes: 4 MiB at the 1M-value cap). */
  private keepTensor(tensor: PlaygroundTensor): void {
    const values = Float32Array.from(tensor.values);
    this.keep([
      [TENSOR_VALUES_FILE, new Uint8Array(values.buffer)],
      [TENSOR_FILE, new TextEncoder().encode(JSON.stringify({ name: tensor.name, shape: tensor.shape }))],
    ]);
  }

  /** The kept tensor, validated like a command's argument, or undefined. */
  private async readKeptTensor(): Promise<PlaygroundTensor | undefined> {
    try {
      const dir = this.ctx.extension.globalStorageUri;
      const header = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, TENSOR_FILE)))) as { name?: unknown; shape?: unknown };
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, TENSOR_VALUES_FILE));
      if (bytes.byteLength % 4 !== 0) return undefined;
      const values = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      const parsed = parsePlaygroundArgument({ tensor: { name: header.name, shape: header.shape, values } });
      return parsed.ok ? parsed.request.tensor : undefined;
    } catch {
      return undefined;
    }
  }

  /** The settings file, or undefined when there is none or it is not ours (the webview sanitizes the state). */
  private async readKeptState(): Promise<{ state: unknown; savedAt: number } | undefined> {
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.ctx.extension.globalStorageUri, STATE_FILE));
      if (bytes.byteLength > MAX_STATE_BYTES) return undefined;
      const kept = JSON.parse(new TextDecoder().decode(bytes)) as { state?: unknown; savedAt?: unknown };
      return typeof kept.savedAt === "number" ? { state: kept.state, savedAt: kept.savedAt } : undefined;
    } catch {
      return undefined;
    }
  }
}

/** The one playground panel, owned by the context: opened by the command and the results panel, revived after a reload. */
export class PlaygroundPanels extends Disposable {
  private readonly slot = this.register(new PanelSlot<PlaygroundPanel>());

  constructor(private readonly ctx: TutorContext) {
    super();
  }

  get current(): PlaygroundPanel | undefined {
    return this.slot.current;
  }

  /** Shows the playground (creating it in the active column if needed) and passes the request on. */
  open(request: PlaygroundRequest = {}): PlaygroundPanel {
    let current = this.slot.current;
    if (current) current.panel.reveal(undefined, false);
    else {
      const panel = vscode.window.createWebviewPanel(PLAYGROUND_VIEW_TYPE, vscode.l10n.t("Playground"), vscode.ViewColumn.Active, webviewOptions(this.ctx.extensionUri));
      current = this.slot.set(new PlaygroundPanel(panel, this.ctx));
    }
    current.request(request);
    return current;
  }

  revive(panel: vscode.WebviewPanel): PlaygroundPanel {
    return this.slot.set(new PlaygroundPanel(panel, this.ctx));
  }
}
