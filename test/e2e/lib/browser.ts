import { chromium, type Browser, type Page } from "playwright-core";
import { trackPage } from "./failureScreenshots";

/** Debian's chromium, headless; the flags keep it from reaching out (updates, sync, QUIC) or needing a GPU. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  }).catch((error: Error) => {
    throw new Error(`could not launch chromium at ${executablePath} (${error.message.split("\n")[0]}); install it with scripts/code-server/system-deps.sh or set CHROMIUM`);
  });
}

/** What a page did: its console lines, and every request that left 127.0.0.1. */
export interface PageWatch {
  consoleLines: string[];
  externalRequests: string[];
}

/**
 * Records console output and flags requests to any host but 127.0.0.1/localhost. Webview resources use
 * https://*.vscode-resource.vscode-cdn.net URLs that the webview's service worker answers locally, so those
 * never reach the network and are not flagged.
 */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { consoleLines: [], externalRequests: [] };
  trackPage(page);
  page.on("console", (message) => {
    // VS Code styles its console lines with %c arguments; drop them so the text reads plainly.
    const text = message.text().replace(/%c/g, "").replace(/color: [#\w]+;?/g, "").trim();
    watch.consoleLines.push(`[${message.type()}] ${text}`);
  });
  page.on("request", (request) => {
    const url = new URL(request.url());
    const networked = ["http:", "https:", "ws:", "wss:"].includes(url.protocol);
    const local = ["127.0.0.1", "localhost"].includes(url.hostname) || url.hostname.endsWith(".vscode-resource.vscode-cdn.net");
    if (networked && !local) watch.externalRequests.push(request.url());
  });
  return watch;
}
