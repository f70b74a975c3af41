import * as vscode from "vscode";
import type { TutorApi } from "../../../src/extension/activate";

/** The extension's id in VS Code: `<publisher>.<name>` from package.json. */
export const EXTENSION_ID = "compression-tutor.compression-tutor";

/** Activates the extension under test (a no-op when it already is) and returns what `activate` returned. */
export async function activateTutor(): Promise<TutorApi> {
  const extension = vscode.extensions.getExtension<TutorApi>(EXTENSION_ID);
  if (!extension) throw new Error(`VS Code does not know the extension ${EXTENSION_ID}; is extensionDevelopmentPath the repository root?`);
  return extension.activate();
}

/** Resolves with the first event `event` fires that satisfies `accept`, or rejects after `timeoutMs` saying what it waited for. */
export function nextEvent<T>(event: vscode.Event<T>, what: string, accept: (value: T) => boolean = () => true, timeoutMs = 15_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`waited ${timeoutMs} ms for ${what}, in vain`));
    }, timeoutMs);
    const subscription = event((value) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

/**
 * Acts out Restricted Mode until the returned function is called: this VS Code runs with workspace trust off, so
 * it reports every workspace trusted. The seam is the context's one `WorkspaceTrust`, which every service asks.
 */
export function actOutRestrictedMode(api: TutorApi): () => void {
  const trust = api.tutor.trust as { isTrusted(): boolean };
  trust.isTrusted = () => false;
  return () => {
    delete (trust as { isTrusted?: () => boolean }).isTrusted;
  };
}
