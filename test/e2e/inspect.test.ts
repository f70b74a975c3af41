/**
 * Inspect Model File in a real VS Code workbench in a browser: opened from the Explorer's context menu on a
 * safetensors fixture, the table's numbers checked against numpy's (test/unit/models/fixtures/expected.json),
 * sorting, the scheme picker, the histogram with the scheme's grid (screenshots out/screenshots/inspect-*.png),
 * Cancel on a large file while its Worker reads it, and "Send to playground".
 */
import * as assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { launchBrowser } from "./lib/browser";
import { WORKSPACE } from "./lib/env";
import { saveScreenshot } from "./lib/screenshots";
import { findWebviewFrame, paintedCanvasPixels } from "./lib/webview";
import { openWorkbench, runCommand } from "./lib/workbench";

const FIXTURES = path.resolve(__dirname, "../unit/models/fixtures");
const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, "expected.json"), "utf8"))["model.safetensors"] as {
  name: string;
  schemes: Record<string, { sqnrDb: number | null }>;
}[];

/** A safetensors file of `bytes` zeros (sparse: no disk), big enough that Cancel arrives while it is read. */
function sparseModel(file: string, bytes: number): void {
  const cols = 4096;
  const rows = Math.floor(bytes / 4 / cols);
  const header = Buffer.from(JSON.stringify({ "big.weight": { dtype: "F32", shape: [rows, cols], data_offsets: [0, rows * cols * 4] } }));
  const prefix = Buffer.alloc(8 + header.length);
  prefix.writeBigUInt64LE(BigInt(header.length), 0);
  header.copy(prefix, 8);
  const fd = fs.openSync(file, "w");
  fs.writeSync(fd, prefix);
  fs.ftruncateSync(fd, prefix.length + rows * cols * 4);
  fs.closeSync(fd);
}

describe("inspect model file (e2e)", () => {
  let browser: Browser;
  let page: Page;
  let frame: Frame;
  const dir = path.join(WORKSPACE, "models");

  /**
   * Right-clicks a file in the Explorer and picks "Inspect Model File…", as a person would, until the panel's tab
   * is there (on a busy machine a click can land while the menu is still being laid out).
   */
  async function inspectFromExplorer(name: string): Promise<void> {
    await runCommand(page, "View: Show Explorer");
    const folder = page.locator(".explorer-folders-view .monaco-list-row", { hasText: "models" }).first();
    await folder.waitFor({ timeout: 30_000 });
    const row = page.locator(".explorer-folders-view .monaco-list-row", { hasText: name }).first();
    if (!(await row.isVisible())) await folder.click();
    await row.waitFor({ timeout: 30_000 });
    const tab = page.locator(".tabs-container .tab", { hasText: `Inspect ${name}` }).first();
    for (let attempt = 1; ; attempt++) {
      await row.click({ button: "right" });
      const item = page.locator(".context-view .action-label", { hasText: "Inspect Model File…" });
      await item.waitFor({ timeout: 15_000 });
      await item.hover();
      await item.click();
      try {
        await tab.waitFor({ timeout: 20_000 });
        return;
      } catch (error) {
        await saveScreenshot(page, `inspect-menu-attempt-${attempt}`);
        if (attempt === 3) throw error;
        await page.keyboard.press("Escape");
      }
    }
  }

  before(async () => {
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(FIXTURES, "model.safetensors"), path.join(dir, "model.safetensors"));
    sparseModel(path.join(dir, "big.safetensors"), 1.5e9);
    browser = await launchBrowser();
    page = await openWorkbench(browser);
    await runCommand(page, "View: Close All Editors");
  });

  after(async () => {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("opens from the Explorer's context menu and shows every tensor with numpy's numbers", async () => {
    await inspectFromExplorer("model.safetensors");
    frame = await findWebviewFrame(page, "model.safetensors", 60_000);
    await frame.waitForFunction(() => document.body.dataset.state === "report", undefined, { timeout: 60_000 });
    const rows = frame.locator("#tensors tbody tr");
    assert.equal(await rows.count(), expected.length);
    for (const want of expected) {
      const row = frame.locator(`#tensors tbody tr[data-tensor="${want.name}"]`);
      const shown = await row.locator("td").nth(4).getAttribute("data-value");
      const sqnr = want.schemes["int8-per-channel"].sqnrDb;
      if (sqnr === null) assert.equal(shown, "", want.name);
      else assert.ok(Math.abs(Number(shown) - sqnr) < 1e-9 * Math.abs(sqnr), `${want.name}: panel ${shown}, numpy ${sqnr}`);
    }
    assert.ok((await paintedCanvasPixels(frame, "#histogram")) > 1000, "the histogram is drawn");
    assert.ok(Number(await frame.locator("#histogram").getAttribute("data-grid-lines")) > 10, "the int8 grid is drawn");
    await saveScreenshot(page, "inspect-1-table");
  });

  it("sorts by a column, ascending then descending", async () => {
    const names = () => frame.locator("#tensors tbody tr").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-tensor")!));
    await frame.locator('button[data-sort="name"]').click();
    const ascending = await names();
    assert.deepEqual(ascending, [...ascending].sort((a, b) => a.localeCompare(b)));
    await frame.locator('button[data-sort="name"]').click();
    assert.deepEqual(await names(), [...ascending].reverse());
    assert.equal(await frame.locator('th:has(button[data-sort="name"])').getAttribute("aria-sort"), "descending");
  });

  it("picks a tensor and a scheme: the histogram shows that scheme's grid and error", async () => {
    await frame.locator('#tensors tbody tr[data-tensor="layers.0.attn.q_proj.weight"]').click();
    await frame.locator("#scheme").selectOption("int4-g128");
    await frame.waitForFunction(() => document.querySelector("#histogram")?.getAttribute("aria-label")?.includes("int4-g128"));
    const want = expected.find((t) => t.name === "layers.0.attn.q_proj.weight")!.schemes["int4-g128"].sqnrDb!;
    assert.equal(await frame.locator("#detail-sqnr").textContent(), `${want.toFixed(2)} dB`);
    const lines = Number(await frame.locator("#histogram").getAttribute("data-grid-lines"));
    assert.ok(lines >= 10 && lines <= 16, `int4 has 16 levels, ${lines} within the range`);
    await saveScreenshot(page, "inspect-2-int4-grid");
  });

  it("sends the selected tensor to the playground, which then explores it", async () => {
    await frame.locator("#send-to-playground").click();
    const playground = await findWebviewFrame(page, "Compression Tutor: Playground", 30_000);
    await playground.waitForFunction((name) => document.body.innerText.includes(name), "layers.0.attn.q_proj.weight", { timeout: 30_000 });
    await saveScreenshot(page, "inspect-3-playground");
  });

  it("comes back after a window reload with its report, scheme and selection", async () => {
    await runCommand(page, "Developer: Reload Window");
    await page.locator(".monaco-workbench").waitFor({ timeout: 60_000 });
    await page.locator(".tabs-container .tab", { hasText: "Inspect model.safetensors" }).first().click({ timeout: 60_000 });
    frame = await findWebviewFrame(page, "Totals per scheme", 60_000);
    await frame.waitForFunction(() => document.body.dataset.state === "report", undefined, { timeout: 30_000 });
    assert.equal(await frame.locator("#scheme").inputValue(), "int4-g128");
    assert.equal(await frame.locator('#tensors tbody tr[aria-selected="true"]').getAttribute("data-tensor"), "layers.0.attn.q_proj.weight");
    assert.equal(await frame.locator('th:has(button[data-sort="name"])').getAttribute("aria-sort"), "descending");
    assert.ok((await paintedCanvasPixels(frame, "#histogram")) > 1000, "the histogram is drawn again");
    await saveScreenshot(page, "inspect-4-after-reload");
  });

  it("cancels a large file while its Worker reads it", async () => {
    await inspectFromExplorer("big.safetensors");
    const big = await findWebviewFrame(page, "big.safetensors", 60_000);
    await big.locator("#cancel").waitFor({ timeout: 30_000 });
    await big.waitForFunction(() => Number((document.getElementById("progress") as HTMLProgressElement | null)?.value) > 0, undefined, { timeout: 60_000 });
    await big.locator("#cancel").click();
    await big.waitForFunction(() => document.body.dataset.state === "cancelled", undefined, { timeout: 30_000 });
    await saveScreenshot(page, "inspect-5-cancelled");
  });
});
