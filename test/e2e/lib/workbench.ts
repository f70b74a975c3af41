import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { budget } from "./budget";
import { launchBrowser, type PageWatch, watchPage } from "./browser";
import { CS_URL, WORKSPACE } from "./env";

/** The title of the extension's activity-bar container; its icon appears once the extension host has scanned extensions. */
export const TUTOR_CONTAINER_TITLE = "Compression Tutor";

/**
 * A new page showing the code-server workbench on `folder`, returned once the extension's contributions are in:
 * the command palette lists commands only from extensions known when it opens, so a test that pressed F1 earlier
 * would not find ours.
 */
export async function openWorkbench(browser: Browser, folder = WORKSPACE): Promise<Page> {
  // A context of its own (not browser.newPage's): axe-core's scan opens a helper page in the same context.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${CS_URL}/?folder=${encodeURIComponent(folder)}`);
  await page.locator(".monaco-workbench").waitFor({ timeout: budget(60_000) });
  await activityBarItem(page, TUTOR_CONTAINER_TITLE)
    .waitFor({ timeout: budget(60_000) })
    .catch(() => {
      throw new Error(`the workbench shows no "${TUTOR_CONTAINER_TITLE}" activity-bar entry within ${budget(60_000) / 1000} s: is the extension installed (start.sh --vsix)?`);
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
  await openPalette(page);
  const input = page.locator(".quick-input-widget input");
  await input.fill(`>${label}`);
  await page
    .locator(".quick-input-list .monaco-list-row", { hasText: label })
    .first()
    .waitFor({ timeout: budget(15_000) })
    .catch(() => {
      throw new Error(`the command palette lists no command "${label}" within ${budget(15_000) / 1000} s`);
    });
  await page.keyboard.press("Enter");
}

/** Switches the colour theme through "Preferences: Color Theme", as a user would. */
export async function setColorTheme(page: Page, theme: string): Promise<void> {
  await openPalette(page);
  // The palette also lists "Browse Color Themes in Marketplace" first, so click the command's own row.
  await page.locator(".quick-input-widget input").fill(">Preferences: Color Theme");
  await page.locator(".quick-input-list .monaco-list-row", { hasText: /^Preferences: Color Theme/ }).first().click({ timeout: budget(15_000) });
  // The theme picker replaces the palette in the same widget: wait for it before typing the theme's name.
  const input = page.locator(".quick-input-widget input.input");
  await page.waitForFunction(() => {
    const box = document.querySelector<HTMLInputElement>(".quick-input-widget input.input");
    return Boolean(box && !box.value.startsWith(">") && /theme/i.test(box.placeholder + (box.getAttribute("aria-label") ?? "")));
  }, undefined, { timeout: budget(15_000) });
  await input.fill(theme);
  // Rows read "<label><description>", e.g. "Light ModernDefault Light Modern": pick the row whose label is the theme.
  await page.locator(".quick-input-list .monaco-list-row", { hasText: new RegExp(`^${theme}`) }).first().click({ timeout: budget(15_000) });
  await page.locator(".quick-input-widget").waitFor({ state: "hidden", timeout: budget(15_000) });
}

/**
 * Opens the command palette with F1. A palette that is still closing (right after a command ran) swallows the
 * key, so wait for it to be gone first, and press again if the palette does not show.
 */
async function openPalette(page: Page): Promise<void> {
  const widget = page.locator(".quick-input-widget");
  for (let attempt = 0; ; attempt++) {
    await widget.waitFor({ state: "hidden", timeout: budget(5_000) }).catch(() => page.keyboard.press("Escape"));
    await page.keyboard.press("F1");
    const shown = await page
      .locator(".quick-input-widget input")
      .waitFor({ state: "visible", timeout: budget(5_000) })
      .then(() => true, () => false);
    if (shown) return;
    if (attempt >= 2) throw new Error("F1 did not open the command palette");
  }
}

/** The Exercises view's row whose label starts with `label` (a pack's or an exercise's title; the label goes on with its status). */
export function exerciseTreeRow(page: Page, label: string) {
  return page.locator(`.sidebar .monaco-list-row[aria-label^="${label}"]`).first();
}

/**
 * Replaces the text of the active editor and saves it, as a learner pasting their code and pressing Ctrl+S would
 * (the page needs clipboard permissions). Returns once `file` on disk holds exactly `text`: the saved file is the
 * proof that the editor holds it.
 */
export async function pasteAndSave(page: Page, file: string, text: string): Promise<void> {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  const editor = page.locator(".editor-group-container .monaco-editor .view-lines").first();
  await editor.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Control+V");
  await page.keyboard.press("Control+S");
  const saved = () => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined);
  const deadline = Date.now() + budget(15_000);
  while (saved() !== text) {
    if (Date.now() > deadline) throw new Error(`the saved solution ${file} differs from what was pasted:\n${saved() ?? "(no file)"}`);
    await page.waitForTimeout(200);
  }
}

/**
 * A browser showing the workbench, its page watched (console, requests leaving the machine) and allowed the
 * clipboard, through which pasteAndSave types. The browser is closed again if the workbench does not open.
 */
export async function openLearnerSession(): Promise<{ browser: Browser; page: Page; watch: PageWatch }> {
  const browser = await launchBrowser();
  try {
    const page = await openWorkbench(browser);
    const watch = watchPage(page);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    return { browser, page, watch };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
