import fs from "node:fs";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { SCREENSHOTS_DIR } from "../../../scripts/lib/paths";

/** Saves a PNG of the page (or one element) as out/screenshots/<name>.png and returns its path. */
export async function saveScreenshot(target: Page | Locator, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const file = path.join(SCREENSHOTS_DIR, `${name}.png`);
  await target.screenshot({ path: file });
  return file;
}
