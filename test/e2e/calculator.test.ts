/**
 * A calculator run through the F1 palette of a real VS Code workbench, as a person would: typing into the
 * quick input, seeing the message for bad input before Enter, going back a step, finishing, seeing the result
 * notification, and opening the results panel with its chart painted. Screenshots go to out/screenshots/calculator-*.png.
 */
import * as assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, type PageWatch, watchPage } from "./lib/browser";
import { saveScreenshot } from "./lib/screenshots";
import { findWebviewFrame, paintedCanvasPixels } from "./lib/webview";
import { activityBarItem, openWorkbench, runCommand } from "./lib/workbench";
import { budget } from "./lib/budget";

const SOFTMAX = "Compression Tutor: Calculator: Softmax at a Temperature";
const MEMORY = "Compression Tutor: Calculator: Model Memory";

describe("calculator through the command palette (e2e)", function () {
  this.timeout(budget(60_000) + budget(90_000));
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;

  const quickInput = () => page.locator(".quick-input-widget");
  const inputBox = () => quickInput().locator("input");
  const title = () => quickInput().locator(".quick-input-title");
  const message = () => quickInput().locator(".quick-input-message");

  before(async () => {
    browser = await launchBrowser();
    page = await openWorkbench(browser);
    watch = watchPage(page);
    await activityBarItem(page, "Compression Tutor").waitFor({ timeout: budget(60_000) });
  });

  after(async () => {
    await browser?.close();
  });

  it("shows step 1/2 for the logits and names a bad item before Enter", async () => {
    await runCommand(page, SOFTMAX);
    await title().filter({ hasText: "logits" }).waitFor();
    assert.match(await title().innerText(), /Softmax at a Temperature: logits \(1\/2\)/);
    await inputBox().fill("3, x, 0.2");
    await message().filter({ hasText: "logits item 2 must be a number" }).waitFor();
    await saveScreenshot(page, "calculator-1-bad-logits");
    await page.keyboard.press("Enter");
    // Enter on an invalid value keeps the step open.
    assert.match(await title().innerText(), /logits \(1\/2\)/);
    await inputBox().fill("3, 1, 0.2");
    await page.keyboard.press("Enter");
    await title().filter({ hasText: "temperature (2/2)" }).waitFor();
  });

  it('says "temperature must be greater than 0 (got -1)" while typing, and Back returns to the logits', async () => {
    await inputBox().fill("-1");
    await message().filter({ hasText: "temperature must be greater than 0 (got -1)" }).waitFor();
    await saveScreenshot(page, "calculator-2-bad-temperature");
    // VS Code draws QuickInputButtons.Back as the arrow at the left of the title bar.
    await quickInput().locator(".quick-input-left-action-bar .action-label").first().click();
    await title().filter({ hasText: "logits (1/2)" }).waitFor();
    assert.equal(await inputBox().inputValue(), "3, 1, 0.2", "going back lost the accepted logits");
    await page.keyboard.press("Enter");
    await title().filter({ hasText: "temperature (2/2)" }).waitFor();
  });

  it("finishes with T = 2 and shows the result with Copy and Open in Results Panel", async () => {
    await inputBox().fill("2");
    await page.keyboard.press("Enter");
    const toast = page.locator(".notification-toast", { hasText: "softmax([3, 1, 0.2] / 2)" });
    await toast.waitFor({ timeout: budget(15_000) });
    assert.ok(await toast.getByRole("button", { name: "Copy" }).isVisible());
    await saveScreenshot(page, "calculator-3-result-notification");
    await toast.getByRole("button", { name: "Open in Results Panel" }).click();
  });

  it("opens the results panel with the probabilities chart painted", async () => {
    const frame = await findWebviewFrame(page, "Softmax at T = 2");
    let painted = 0;
    for (let attempt = 0; attempt < 50 && painted === 0; attempt++) {
      painted = await paintedCanvasPixels(frame, "canvas#chart-softmax-probabilities");
      if (painted === 0) await page.waitForTimeout(100);
    }
    assert.ok(painted > 0, "the softmax chart has no painted pixels");
    await saveScreenshot(page, "calculator-4-results-panel");
  });

  it("remembers the accepted answers for the next run, and Copy puts the whole result on the clipboard", async () => {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(page.url()).origin });
    await runCommand(page, SOFTMAX);
    await title().filter({ hasText: "logits (1/2)" }).waitFor();
    assert.equal(await inputBox().inputValue(), "3, 1, 0.2");
    await page.keyboard.press("Enter");
    await title().filter({ hasText: "temperature (2/2)" }).waitFor();
    assert.equal(await inputBox().inputValue(), "2");
    await page.keyboard.press("Enter");
    const toast = page.locator(".notification-toast", { hasText: "softmax([3, 1, 0.2] / 2)" });
    await toast.getByRole("button", { name: "Copy" }).click();
    let copied = "";
    for (let attempt = 0; attempt < 50 && !copied.startsWith("Softmax at T = 2"); attempt++) {
      copied = await page.evaluate(() => navigator.clipboard.readText()).catch(() => "");
      if (!copied.startsWith("Softmax at T = 2")) await page.waitForTimeout(100);
    }
    assert.match(copied, /^Softmax at T = 2\n\s+logits\s+\[3, 1, 0\.2\]\n\s+probabilities at T = 2\s+\[0\.6193959, 0\.227863, 0\.1527411\]/);
  });

  it("memory: quick picks for the choices, and the group-size step comes and goes with the format", async () => {
    await runCommand(page, MEMORY);
    await title().filter({ hasText: "parameter count (1/5)" }).waitFor();
    await inputBox().fill("7X");
    await message().filter({ hasText: "parameter count must be a count such as 7B" }).waitFor();
    await inputBox().fill("7B");
    await page.keyboard.press("Enter");
    await title().filter({ hasText: "format (2/5)" }).waitFor();
    await inputBox().fill("fp16");
    await page.keyboard.press("Enter");
    // fp16 takes no group size: the next step is the KV cache, and the count drops to 4.
    await title().filter({ hasText: "KV cache (3/4)" }).waitFor();
    await saveScreenshot(page, "calculator-5-memory-kv-step");
    await quickInput().locator(".quick-input-left-action-bar .action-label").first().click();
    await title().filter({ hasText: "format (2/4)" }).waitFor();
    await inputBox().fill("int4");
    await page.keyboard.press("Enter");
    await title().filter({ hasText: "group size (3/5)" }).waitFor();
    await inputBox().fill("128");
    await page.keyboard.press("Enter");
    await title().filter({ hasText: "KV cache (4/5)" }).waitFor();
    await page.keyboard.press("Enter");
    await title().filter({ hasText: "training (5/5)" }).waitFor();
    await page.keyboard.press("Enter");
    const toast = page.locator(".notification-toast", { hasText: "7B at int4, group 128: 3.609 GB (3.361 GiB" });
    await toast.waitFor({ timeout: budget(15_000) });
    await toast.getByRole("button", { name: "Open in Results Panel" }).click();
    const frame = await findWebviewFrame(page, "Model memory: 7B parameters at int4, group 128");
    let painted = 0;
    for (let attempt = 0; attempt < 50 && painted === 0; attempt++) {
      painted = await paintedCanvasPixels(frame, "canvas#chart-memory-by-format");
      if (painted === 0) await page.waitForTimeout(100);
    }
    assert.ok(painted > 0, "the memory chart has no painted pixels");
    // The answers are a table of label and value, GB and GiB side by side.
    const weightsRow = frame.locator("table.facts tr", { hasText: "weights" });
    assert.match(await weightsRow.innerText(), /weights\s+3\.609 GB \(3\.361 GiB, 3,609,375,000 bytes\)/);
    await saveScreenshot(page, "calculator-6-memory-panel");
  });

  it("made no request beyond 127.0.0.1", () => {
    assert.deepEqual(watch.externalRequests, []);
  });
});
