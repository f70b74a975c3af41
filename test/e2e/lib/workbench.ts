import type { Browser, Page } from "playwright-core";
import { CS_URL, WORKSPACE } from "./env";

/** The title of the extension's activity-bar container; its icon appears once the extension host has scanned extensions. */
export const TUTOR_CONTAINER_TITLE = "Compression Tutor";

/**
 * A new page showing the code-server workbench on `folder`, returned once the extension's contributions are in:
 * the command palette lists commands only from extensions known when it opens, so a test that pressed F1 earlier
 * would not find ours.
 */
export async function openWorkbench(browser: Browser, folder = WORKSPACE): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${CS_URL}/?folder=${encodeURIComponent(folder)}`);
  await page.locator(".monaco-workbench").waitFor({ timeout: 60_000 });
  await activityBarItem(page, TUTOR_CONTAINER_TITLE)
    .waitFor({ timeout: 60_000 })
    .catch(() => {
      throw new Error(`the workbench shows no "${TUTOR_CONTAINER_TITLE}" activity-bar entry within 60 s: is the extension installed (start.sh --vsix)?`);
    });
  return page;
}

/** The activity-bar entry of a view container, by its title (e.g. "Compression Tutor"). */
export function activityBarItem(page: Page, title: string) {
  return page.locator(`.activitybar a[aria-label="${title}"]`);
}

/**
 * Runs a command by its palette label ("Category: Title") from the F1 command palette, as a user would.
 * Waits for the label to be listed so a missing command fails here, not later.
 */
export async function runCommand(page: Page, label: string): Promise<void> {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible" });
  await input.fill(`>${label}`);
  await page
    .locator(".quick-input-list .monaco-list-row", { hasText: label })
    .first()
    .waitFor({ timeout: 15_000 })
    .catch(() => {
      throw new Error(`the command palette lists no command "${label}" within 15 s`);
    });
  await page.keyboard.press("Enter");
}
