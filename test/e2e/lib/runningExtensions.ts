import type { Page } from "playwright-core";
import { runCommand } from "./workbench";

/**
 * The activation time VS Code itself reports for an extension, read from "Developer: Show Running Extensions"
 * (the row's "Activation: N ms"). Throws when the extension is not listed or has not activated.
 */
export async function reportedActivationMs(page: Page, displayName: string): Promise<number> {
  await runCommand(page, "Developer: Show Running Extensions");
  const rows = page.locator(".runtime-extensions-editor .monaco-list-row");
  const row = rows.filter({ hasText: displayName });
  await rows.first().waitFor({ timeout: 15_000 });
  // The list is virtual: only the rows in view exist in the DOM, and its order depends on activation, so
  // scroll down through it until the extension's row is rendered.
  const deadline = Date.now() + 15_000;
  while (!(await row.first().isVisible())) {
    if (Date.now() > deadline) throw new Error(`"${displayName}" is not among the running extensions`);
    await rows.first().hover();
    await page.mouse.wheel(0, 240);
    await page.waitForTimeout(150);
  }
  const text = await row.first().locator(".activation-time").innerText();
  const match = /Activation:\s*([\d.]+)\s*ms/.exec(text);
  if (!match) throw new Error(`"${displayName}" shows no activation time (its row reads "${text}")`);
  return Number(match[1]);
}
