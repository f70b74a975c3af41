/**
 * A mocha root hook (loaded with --require by scripts/test/e2e.ts): when an end-to-end step fails, every page
 * still open is saved as out/screenshots/failed-<step>-<n>.png, so a failure on a busy CI machine leaves a
 * picture of what the workbench showed instead of a bare timeout. Pages register themselves through watchPage.
 */
import type { Page } from "playwright-core";
import { saveScreenshot } from "./screenshots";

const openPages = new Set<Page>();

export function trackPage(page: Page): void {
  openPages.add(page);
  page.on("close", () => openPages.delete(page));
}

export const mochaHooks = {
  async afterEach(this: Mocha.Context): Promise<void> {
    const step = this.currentTest;
    if (step?.state !== "failed") return;
    const name = `failed-${step.fullTitle().replace(/[^\w-]+/g, "-").slice(0, 120)}`;
    let n = 0;
    for (const page of openPages) {
      const file = await saveScreenshot(page, `${name}-${n++}`).catch(() => undefined);
      if (file) console.log(`      screenshot of the failure: ${file}`);
    }
  },
};
