/**
 * The second built-in pack in a real VS Code workbench: the tree lists "Compression in Practice" as its own pack
 * beside the foundations, and every exercise, opened from the tree and given a plausible wrong solution (its
 * reference with one mistake a learner makes), fails with its own chart painted. Screenshots go to
 * out/screenshots/practice-*.png, one per exercise, to be looked at: a chart can be painted and still say nothing.
 */
import * as assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { ROOT } from "../../scripts/lib/paths";
import type { PageWatch } from "./lib/browser";
import { WORKSPACE } from "./lib/env";
import { saveScreenshot } from "./lib/screenshots";
import { findWebviewFrame, paintedCanvasPixels } from "./lib/webview";
import { activityBarItem, exerciseTreeRow, openLearnerSession, pasteAndSave } from "./lib/workbench";

const PACK = "compression-in-practice";
const PACK_DIR = path.join(ROOT, "exercises", PACK);

/** One mistake per exercise, made in its reference: [exercise id, text in reference.ts, what a learner writes instead]. */
const MISTAKES: [string, string, string][] = [
  ["gptq-error-feedback", "for (let j = i + 1; j < d; j++) row[j] -= e * h[i][j];", "for (let j = i + 1; j < d; j++) row[j] += e * h[i][j];"],
  ["q4-0-bit-packing", "bytes.push(q[j] | (q[j + 16] << 4))", "bytes.push(q[2 * j] | (q[2 * j + 1] << 4))"],
  ["nm-sparsity", "Math.abs(w[b]) - Math.abs(w[a])", "w[b] - w[a]"],
  ["qlora-memory", "const optimizerBytes = 8 * adapterParams;", "const optimizerBytes = 8 * (baseParams + adapterParams);"],
  ["smoothquant-migration", "actMax ** alpha / weightMax ** (1 - alpha)", "weightMax ** (1 - alpha) / actMax ** alpha"],
  ["per-token-int8-gemm", "(a - zeroPoints[t] * colSums[j])", "a"],
  ["calibration-methods", "for (let b = i; b < counts.length; b++) p[i - 1] += counts[b];", ""],
  ["qat-ste-lsq", "gradV.push(inside ? gradOut[i] : 0);", "gradV.push(gradOut[i]);"],
];

interface Manifest {
  title: string;
  exercises: string[];
}

describe("the compression-in-practice pack in the workbench (e2e)", () => {
  let browser: Browser;
  let page: Page;
  let watch: PageWatch;
  const manifest = JSON.parse(fs.readFileSync(path.join(PACK_DIR, "pack.json"), "utf8")) as Manifest;
  const titleOf = (id: string) => (JSON.parse(fs.readFileSync(path.join(PACK_DIR, id, "exercise.json"), "utf8")) as { title: string }).title;
  const treeRow = (label: string) => exerciseTreeRow(page, label);
  const replaceSolution = (file: string, text: string) => pasteAndSave(page, file, text);

  /** Brings the Exercises view back if the side bar was closed; a click on the active container would close it. */
  async function showTreeRow(label: string): Promise<void> {
    for (let attempt = 0; attempt < 3 && !(await treeRow(label).isVisible()); attempt++) {
      await activityBarItem(page, "Compression Tutor").click();
      await treeRow(label).waitFor({ timeout: 5_000 }).catch(() => undefined);
    }
    await treeRow(label).waitFor({ timeout: 30_000 });
  }

  before(async () => {
    ({ browser, page, watch } = await openLearnerSession());
  });

  after(async () => {
    await browser?.close();
  });

  it("lists Compression in Practice as a pack of its own, after the foundations", async () => {
    await activityBarItem(page, "Compression Tutor").click();
    const packRow = treeRow(manifest.title);
    await packRow.waitFor({ timeout: 60_000 });
    await treeRow("Quantization and Distillation").waitFor({ timeout: 30_000 });
    const rows = await page.locator(".sidebar .monaco-list-row").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
    const foundations = rows.findIndex((r) => r.startsWith("Quantization and Distillation"));
    const practice = rows.findIndex((r) => r.startsWith(manifest.title));
    assert.ok(foundations >= 0 && practice > foundations, `tree rows: ${rows.join(" | ")}`);
    // Collapse the foundations and open this pack, so its exercises are on screen.
    if ((await treeRow("Quantization and Distillation").getAttribute("aria-expanded")) === "true") await treeRow("Quantization and Distillation").click();
    if ((await packRow.getAttribute("aria-expanded")) !== "true") await packRow.click();
    await treeRow(titleOf(manifest.exercises[0])).waitFor({ timeout: 30_000 });
    await saveScreenshot(page, "practice-00-tree");
  });

  for (const [id, right, wrong] of MISTAKES) {
    it(`${id}: a plausible wrong solution fails with the exercise's chart painted`, async function () {
      this.timeout(180_000);
      assert.ok(manifest.exercises.includes(id), `${id} is not in the pack`);
      const reference = fs.readFileSync(path.join(PACK_DIR, id, "reference.ts"), "utf8");
      assert.ok(reference.includes(right), `${id}/reference.ts no longer contains "${right}"`);
      const title = titleOf(id);
      await showTreeRow(title);
      await treeRow(title).click();
      const file = path.join(WORKSPACE, "compression-tutor", PACK, `${id}.ts`);
      await page.locator(".tab", { hasText: `${id}.ts` }).first().waitFor({ timeout: 30_000 });
      await page.locator(".tab", { hasText: `${id}.ts` }).first().click();
      await replaceSolution(file, reference.replace(right, wrong));
      const frame: Frame = await findWebviewFrame(page, title, 30_000);
      await frame.locator("#verdict", { hasText: /^Failed/ }).waitFor({ timeout: 120_000 });
      let painted = 0;
      for (let attempt = 0; attempt < 100 && painted <= 1000; attempt++) {
        painted = await paintedCanvasPixels(frame, "canvas").catch(() => 0);
        if (painted <= 1000) await page.waitForTimeout(200);
      }
      assert.ok(painted > 1000, `${id}: the chart looks blank (${painted} painted pixels)`);
      await frame.locator("canvas").first().scrollIntoViewIfNeeded();
      await saveScreenshot(page, `practice-${id}`);
      if ((await frame.locator("canvas").count()) > 1) {
        await frame.locator("canvas").last().scrollIntoViewIfNeeded();
        await saveScreenshot(page, `practice-${id}-more`);
      }
    });
  }

  it("made no request beyond 127.0.0.1", () => {
    assert.deepEqual(watch.externalRequests, []);
  });
});
