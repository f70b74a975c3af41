import type { Frame, Page } from "playwright-core";
import { budget } from "./budget";

/**
 * The frame holding a webview's own HTML whose text contains `text`. VS Code in the browser nests every webview:
 * iframe.webview (pre/index.html) wraps iframe#active-frame (pre/fake.html), which holds the extension's HTML.
 */
export async function findWebviewFrame(page: Page, text: string, timeoutMs = budget(20_000)): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (!frame.url().includes("/webview/browser/pre/fake.html")) continue;
      const body = await frame.evaluate(() => document.body?.innerText ?? "").catch(() => "");
      if (body.includes(text)) return frame;
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`no webview shows "${text}" within ${timeoutMs} ms`);
}

/** How many pixels of the canvas matching `selector` are not fully transparent: 0 means nothing was drawn. */
export async function paintedCanvasPixels(frame: Frame, selector: string): Promise<number> {
  return frame.locator(selector).first().evaluate((node) => {
    if (!(node instanceof HTMLCanvasElement)) throw new Error(`${node.tagName} is not a canvas`);
    const context = node.getContext("2d");
    if (!context || node.width === 0 || node.height === 0) return 0;
    const data = context.getImageData(0, 0, node.width, node.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
    return painted;
  });
}
