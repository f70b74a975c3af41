/**
 * First contact: with `compressionTutor.openOnFirstRun` on (what `npm start` writes into its learner profile),
 * the first window shows the Compression Tutor view and the getting-started walkthrough, not an empty Explorer.
 * Runs last (file order): it turns the setting on in the shared profile and off again.
 */
import * as assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "./lib/browser";
import { budget } from "./lib/budget";
import { USER_DATA } from "./lib/env";
import { saveScreenshot } from "./lib/screenshots";
import { openWorkbench, runCommand } from "./lib/workbench";

const SETTINGS = path.join(USER_DATA, "User", "settings.json");
const KEY = "compressionTutor.openOnFirstRun";

function setSetting(value: boolean | undefined): void {
  const settings = JSON.parse(fs.readFileSync(SETTINGS, "utf8")) as Record<string, unknown>;
  if (value === undefined) delete settings[KEY];
  else settings[KEY] = value;
  fs.writeFileSync(SETTINGS, JSON.stringify(settings, null, 2));
}

describe("welcome: the first run opens the view and the walkthrough (e2e)", function () {
  this.timeout(budget(60_000) + budget(60_000));
  let browser: Browser;
  let page: Page;

  before(async () => {
    setSetting(true);
    browser = await launchBrowser();
  });

  after(async () => {
    setSetting(undefined);
    await browser?.close();
  });

  it("opens the Compression Tutor view and the walkthrough by itself", async () => {
    page = await openWorkbench(browser);
    const walkthrough = page.locator(".tab", { hasText: "Walkthrough: Model Compression Tutor" }).first();
    await walkthrough.waitFor({ timeout: budget(30_000) });
    const sidebarTitle = page.locator(".sidebar .composite.title", { hasText: /Compression Tutor/i }).first();
    await sidebarTitle.waitFor({ timeout: budget(15_000) });
    assert.ok(await page.locator(".getting-started-step, .getting-started-category").first().isVisible(), "the walkthrough's steps are not shown");
    await saveScreenshot(page, "welcome-first-run");
    // Leave the workspace as the other tests expect it: no editor open.
    await runCommand(page, "View: Close All Editors");
  });
});
