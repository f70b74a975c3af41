import * as vscode from "vscode";
import { randomBytes } from "node:crypto";

/**
 * The playground's HTML shell, with the same policy as the results panel: `default-src 'none'`, one nonce'd
 * script, styles and fonts only from the built assets, no inline styles or eval. The math runs on the page's
 * own thread (a large tensor's sweep is cut into short tasks), so no worker-src is needed.
 */
export function playgroundHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(16).toString("base64");
  const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, "dist", "webview", name));
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
<link rel="stylesheet" href="${asset("playground.css")}">
<title>Compression Tutor: Playground</title>
</head>
<body>
<main id="app"><p>Loading the playground…</p></main>
<script nonce="${nonce}" src="${asset("playground.js")}"></script>
</body>
</html>`;
}

export function playgroundWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, "dist", "webview")] };
}
