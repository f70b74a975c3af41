import * as vscode from "vscode";
import { randomBytes } from "node:crypto";

/**
 * The Inspect panel's HTML shell, with the results panel's policy: `default-src 'none'`, one nonce'd script,
 * styles and fonts only from the built assets, no inline styles or eval. The work runs in the extension's
 * Worker, so the page needs no worker-src.
 */
export function inspectHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(16).toString("base64");
  const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, "dist", "webview", name));
  const csp = ["default-src 'none'", `img-src ${webview.cspSource} data:`, `style-src ${webview.cspSource}`, `font-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join("; ");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${asset("inspect.css")}">
<title>Compression Tutor: Inspect Model File</title>
</head>
<body>
<main id="app"><p>Reading the model file…</p></main>
<script nonce="${nonce}" src="${asset("inspect.js")}"></script>
</body>
</html>`;
}

export function inspectWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, "dist", "webview")] };
}
