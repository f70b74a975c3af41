import * as vscode from "vscode";
import { createLog } from "./log";

/**
 * The one object that owns everything the extension creates. Whatever is registered goes through
 * `push`, and the context itself is disposed by VS Code with the extension, so nothing leaks.
 */
export class TutorContext implements vscode.Disposable {
  readonly log: vscode.LogOutputChannel;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(readonly extension: vscode.ExtensionContext) {
    this.log = this.push(createLog());
    extension.subscriptions.push(this);
  }

  push<T extends vscode.Disposable>(disposable: T): T {
    this.disposables.push(disposable);
    return disposable;
  }

  get extensionUri(): vscode.Uri {
    return this.extension.extensionUri;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0).reverse()) d.dispose();
  }
}
