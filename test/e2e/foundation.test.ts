import * as assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, watchPage, type PageWatch } from "./lib/browser";
import { USER_DATA } from "./lib/env";
import { saveScreenshot } from "./lib/screenshots";
import { findWebviewFrame, paintedCanvasPixels } from "./lib/webview";
import { activityBarItem, openWorkbench, runCommand } from "./lib/workbench";
import { budget } from "./lib/budget";

describe("foundation: a user in the code-server workbench", function () {
  this.timeout(budget(60_000) + budget(90_000));
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;

  before(async () => {
    browser = await launchBrowser();
    page = await openWorkbench(browser);
    watch = watchPage(page);
  });

  after(async () => {
    await browser?.close();
  });

  it('shows the "Compression Tutor" container in the activity bar and opens its "Exercises" view', async () => {
    const item = activityBarItem(page, "Compression Tutor");
    await item.waitFor({ timeout: budget(60_000) });
    await item.click();
    // With one view in a container, VS Code hides the view's header and titles the side bar "Container: View".
    const title = page.locator(".sidebar .composite.title", { hasText: /Compression Tutor: Exercises/i });
    await title.waitFor({ timeout: budget(15_000) });
    await saveScreenshot(page, "foundation-01-exercises-view");
  });

  it('runs "Compression Tutor: Show Results Panel" from the command palette and the webview shows its title', async () => {
    await runCommand(page, "Compression Tutor: Show Results Panel");
    const frame = await findWebviewFrame(page, "Softmax");
    assert.equal(await frame.locator("h1").first().innerText(), "Compression Tutor");
  });

  it("draws the chart on the webview's canvas (pixels painted, not just a canvas element)", async () => {
    const frame = await findWebviewFrame(page, "Softmax");
    await frame.locator("canvas").first().waitFor();
    const painted = await paintedCanvasPixels(frame, "canvas");
    assert.ok(painted > 1000, `the chart canvas looks blank: ${painted} painted pixels`);
    await saveScreenshot(page, "foundation-02-results-panel");
    await saveScreenshot(frame.locator("body"), "foundation-03-results-webview-only");
  });

  it('writes the "Compression Tutor" output channel to its log file', () => {
    const logs = path.join(USER_DATA, "logs");
    const files = fs.readdirSync(logs, { recursive: true }).map(String).filter((f) => f.endsWith(`${path.sep}Compression Tutor.log`));
    assert.ok(files.length > 0, `no "Compression Tutor.log" under ${logs}`);
    const text = files.map((f) => fs.readFileSync(path.join(logs, f), "utf8")).join("\n");
    assert.match(text, /activated in [\d.]+ ms/);
  });

  it("sends no request beyond 127.0.0.1", () => {
    assert.deepEqual(watch.externalRequests, []);
  });
});
