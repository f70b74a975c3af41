import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { webviewHtml, webviewOptions, type WebviewPage } from "../../src/webview/html";

/** A webview as the shell sees it: its CSP source and the URIs it would serve; no panel is opened. */
const webview = {
  cspSource: "https://webview.example",
  asWebviewUri: (uri: vscode.Uri) => uri.with({ scheme: "https", authority: "webview.example" }),
} as unknown as vscode.Webview;
const extensionUri = vscode.Uri.file("/extension");
const pages: WebviewPage[] = [
  { asset: "results", title: "Compression Tutor", loading: "Loading…", live: true },
  { asset: "inspect", title: "Compression Tutor: Inspect Model File", loading: "Reading the model file…" },
  { asset: "playground", title: "Compression Tutor: Playground", loading: "Loading the playground…" },
];

describe("webview shell: one HTML shell and one set of options for the results, Inspect and playground panels", () => {
  for (const page of pages) {
    it(`${page.asset}: a strict CSP whose nonce is the script's, assets only from dist/webview`, () => {
      const html = webviewHtml(webview, extensionUri, page);
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
      assert.ok(csp, "no CSP meta tag");
      const nonce = /script-src 'nonce-([A-Za-z0-9+/=]{24})'/.exec(csp)?.[1];
      assert.ok(nonce, `no 16-byte nonce in ${csp}`);
      assert.equal(
        csp,
        `default-src 'none'; img-src https://webview.example data:; style-src https://webview.example; font-src https://webview.example; script-src 'nonce-${nonce}'`,
      );
      const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
      assert.deepEqual(scripts, [` nonce="${nonce}" src="https://webview.example/extension/dist/webview/${page.asset}.js"`]);
      assert.ok(html.includes(`href="https://webview.example/extension/dist/webview/${page.asset}.css"`));
      assert.ok(html.includes(`<title>${page.title}</title>`));
      assert.equal(html.includes('aria-live="polite"'), page.live === true);
    });
  }

  it("draws a fresh nonce for every load", () => {
    const nonces = new Set(Array.from({ length: 20 }, () => /'nonce-([^']+)'/.exec(webviewHtml(webview, extensionUri, pages[0]))?.[1]));
    assert.equal(nonces.size, 20);
  });

  it("enables scripts and limits local resources to the built assets", () => {
    const options = webviewOptions(extensionUri);
    assert.equal(options.enableScripts, true);
    assert.deepEqual(
      options.localResourceRoots?.map((u) => u.path),
      ["/extension/dist/webview"],
    );
  });
});
