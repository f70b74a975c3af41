/**
 * Every user-facing string goes through l10n: `vscode.l10n.t("…")` in the extension and `l10n.t("…")` in the webview
 * pages. Translators work from l10n/bundle.l10n.json, so it must hold every such message, and nothing else.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../../..");

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join(root, dir, f));
}

/** The literal first arguments of `call("…"` in a source file (a message built at run time cannot be translated). */
export function messagesOf(source: string, call: RegExp): string[] {
  const pattern = new RegExp(`${call.source}\\(\\s*"((?:[^"\\\\]|\\\\.)*)"`, "g");
  return [...source.matchAll(pattern)].map((m) => JSON.parse(`"${m[1]}"`) as string);
}

/** `vscode.l10n.t` in the extension, `l10n.t` (media/shared/l10n.ts) in the pages. */
const L10N_CALL = /\bl10n\.t/;

describe("l10n bundle", () => {
  const bundle = JSON.parse(fs.readFileSync(path.join(root, "l10n/bundle.l10n.json"), "utf8")) as Record<string, string>;
  const used = new Set([
    ...filesUnder("src").flatMap((f) => messagesOf(fs.readFileSync(f, "utf8"), L10N_CALL)),
    ...filesUnder("media").flatMap((f) => messagesOf(fs.readFileSync(f, "utf8"), L10N_CALL)),
  ]);

  it("holds every message the extension and the results page translate", () => {
    assert.deepEqual([...used].filter((m) => !(m in bundle)).sort(), []);
  });

  it("holds no message that nothing translates any more", () => {
    assert.deepEqual(Object.keys(bundle).filter((m) => !used.has(m)), []);
  });

  it("messagesOf reads escaped quotes and skips other calls and built messages", () => {
    const source = 'vscode.l10n.t("Say \\"hi\\" to {0}", name); vscode.l10n.t(`built ${x}`); other.t("not this"); l10n.t("page {0}", 1);';
    assert.deepEqual(messagesOf(source, L10N_CALL), ['Say "hi" to {0}', "page {0}"]);
  });
});
