import type { ChartSeries } from "../../src/protocol/webviewMessages";

/** Reads a colour from the active VS Code theme's CSS variables, so charts follow the theme. */
export function themeColor(variable: string, fallback: string): string {
  const value = getComputedStyle(document.body).getPropertyValue(variable).trim();
  return value || fallback;
}

export function roleColor(role: ChartSeries["role"]): string {
  switch (role) {
    case "reference":
      return themeColor("--vscode-charts-blue", "#3794ff");
    case "learner":
      return themeColor("--vscode-charts-orange", "#d18616");
    case "error":
      return themeColor("--vscode-charts-red", "#f14c4c");
    case "neutral":
      return themeColor("--vscode-charts-lines", "rgba(128,128,128,0.6)");
  }
}

/**
 * Categories (classes, teacher and student, formats): a palette of their own. Blue means the reference,
 * orange yours and red the error in every chart, so categories never take those three.
 */
const PALETTE: [string, string][] = [
  ["--vscode-charts-green", "#89d185"],
  ["--vscode-charts-purple", "#b180d7"],
  ["--vscode-charts-yellow", "#cca700"],
  ["--vscode-terminal-ansiCyan", "#11a8cd"],
  ["--vscode-terminal-ansiMagenta", "#bc3fbc"],
  ["--vscode-charts-foreground", "#cccccc"],
];

export function paletteColor(index: number): string {
  const [variable, fallback] = PALETTE[((index % PALETTE.length) + PALETTE.length) % PALETTE.length];
  return themeColor(variable, fallback);
}

export function foregroundColor(): string {
  return themeColor("--vscode-foreground", "#cccccc");
}

export function gridColor(): string {
  return themeColor("--vscode-editorWidget-border", "rgba(128,128,128,0.35)");
}

/** Calls `onChange` when VS Code switches theme (it rewrites the body's class list). */
export function onThemeChange(onChange: () => void): void {
  new MutationObserver(onChange).observe(document.body, { attributes: true, attributeFilter: ["class"] });
}
