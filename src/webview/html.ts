import * as vscode from "vscode";
import { randomBytes } from "node:crypto";
import type { TranslationsMessage } from "../protocol/webviewMessages";

/** What differs between the webviews' pages: their built assets' name, their title and what shows while loading. */
export interface WebviewPage {
  /** dist/webview/<asset>.js and <asset>.css, built from media/<asset>/. */
  asset: "results" | "inspect" | "playground";
  title: string;
  loading: string;
  /** Whether screen readers announce the page's changes (the results panel's verdicts). */
  live?: boolean;
}

/**
 * Every webview's HTML shell: no data in it (the page asks for its state in a message), a strict CSP
 * (`default-src 'none'`, one script carrying a fresh nonce per load, styles, fonts and images only from the
 * built assets, no inline styles, no eval, no workers: the pages' work runs on their own thread or in the
 * extension's Workers).
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage): string {
  const nonce = randomBytes(16).toString("base64");
  const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(builtAssets(extensionUri), name));
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join("; ");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${asset(`${page.asset}.css`)}">
<title>${page.title}</title>
</head>
<body>
<main id="app"${page.live ? ' aria-live="polite"' : ""}><p${page.live ? ' class="muted"' : ""}>${page.loading}</p></main>
<script nonce="${nonce}" src="${asset(`${page.asset}.js`)}"></script>
</body>
</html>`;
}

/** What a page gets before anything else in a language other than English: the translations of its words. */
export function translationsMessage(): TranslationsMessage[] {
  return vscode.l10n.bundle ? [{ type: "l10n", bundle: vscode.l10n.bundle }] : [];
}

/** Webview options shared by every panel, new or revived: scripts on, local resources limited to the built assets. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [builtAssets(extensionUri)] };
}

function builtAssets(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, "dist", "webview");
}
