import type * as vscode from "vscode";

/**
 * What a panel sends its page. A page's script says `ready` once it listens; until then (a new panel, a revived
 * one, a hidden one that lost its page) messages wait here and go, in order, when it does.
 */
export class WebviewOutbox<T> {
  private open = false;
  private readonly waiting: T[] = [];

  constructor(private readonly webview: vscode.Webview) {}

  /** Whether the page has said `ready` (and not lost its page since). */
  get isOpen(): boolean {
    return this.open;
  }

  /** Sends now if the page listens, else once it says `ready`. */
  post(message: T): void {
    if (this.open) void this.webview.postMessage(message);
    else this.waiting.push(message);
  }

  /** The page said `ready`: `first` (what a fresh page needs before anything else) goes, then what waited. */
  opened(...first: T[]): void {
    this.open = true;
    for (const message of [...first, ...this.waiting.splice(0)]) void this.webview.postMessage(message);
  }

  /** The page is gone (a hidden webview without retainContextWhenHidden): hold messages until it says `ready` again. */
  closed(): void {
    this.open = false;
  }
}
