import type * as vscode from "vscode";

/**
 * Something that owns other disposables and disposes them with itself, newest first (what was registered
 * later may use what came before). Whatever is registered after disposal is disposed at once, so a late
 * subscription cannot outlive its owner. Disposing twice does nothing.
 */
export class Disposable implements vscode.Disposable {
  private readonly owned: vscode.Disposable[] = [];
  private disposed = false;

  get isDisposed(): boolean {
    return this.disposed;
  }

  register<T extends vscode.Disposable>(disposable: T): T {
    if (this.disposed) disposable.dispose();
    else this.owned.push(disposable);
    return disposable;
  }

  /** Registers several at once (a class's event subscriptions, say). */
  registerAll(...disposables: vscode.Disposable[]): void {
    for (const d of disposables) this.register(d);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const d of this.owned.splice(0).reverse()) d.dispose();
  }
}
