/**
 * A webview page's words in the learner's display language. The extension sends VS Code's translation bundle for the
 * language (`vscode.l10n.bundle`; none for English) before the first model, and `t` looks each message up in it,
 * as `vscode.l10n.t` does in the extension: the English text is the key, `{0}`, `{1}` … are filled in.
 */
let translations: Record<string, string> | undefined;

export function useTranslations(bundle: Record<string, string> | undefined): void {
  translations = bundle;
}

export function t(message: string, ...args: (string | number)[]): string {
  const template = translations?.[message] ?? message;
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}
