import type { Page } from "playwright-core";
import { runCommand } from "./workbench";

/**
 * The activation time VS Code itself reports for an extension, read from "Developer: Show Running Extensions"
 * (the row's "Activation: N ms"). Throws when the extension is not listed or has not activated.
 */
export async function reportedActivationMs(page: Page, displayName: string): Promise<number> {
  await runCommand(page, "Developer: Show Running Extensions");
  const row = page.locator(".runtime-extensions-editor .monaco-list-row", { hasText: displayName });
  await row.first().waitFor({ timeout: 15_000 }).catch(() => {
    throw new Error(`"${displayName}" is not among the running extensions`);
  });
  const text = await row.first().locator(".activation-time").innerText();
  const match = /Activation:\s*([\d.]+)\s*ms/.exec(text);
  if (!match) throw new Error(`"${displayName}" shows no activation time (its row reads "${text}")`);
  return Number(match[1]);
}
