import type MarkdownIt from "markdown-it";
import type { TextPosition } from "./text/textPositions";

export interface RawHtmlFinding {
  start: TextPosition;
  end: TextPosition;
  /** The HTML as written, shortened for the message. */
  snippet: string;
}

/**
 * CommonMark's raw HTML, inline or block, always begins with `<` and then a letter (a tag), `/` (a closing
 * tag), `!` (a comment, declaration or CDATA) or `?` (a processing instruction). A prompt without that pair
 * has none, and is not parsed: most prompts, which is what keeps markdown-it out of a one-shot `check`
 * (about 7 ms of its CPU, measured).
 */
const MAY_HOLD_HTML = /<[A-Za-z/!?]/;

let markdown: MarkdownIt | undefined;

function markdownParser(): MarkdownIt {
  if (!markdown) {
    // Required when first needed, not imported: its modules are evaluated only by a prompt that may hold HTML.
    const loaded = require("markdown-it") as typeof MarkdownIt | { default: typeof MarkdownIt };
    markdown = new ("default" in loaded ? loaded.default : loaded)({ html: true });
  }
  return markdown;
}

/**
 * Raw HTML in a markdown prompt (outside code spans and fences, which are text). The prompt is rendered with HTML
 * escaped, so such markup shows as literal tags; the author is told where, so they can write markdown instead.
 */
export function findRawHtml(prompt: string): RawHtmlFinding[] {
  if (!MAY_HOLD_HTML.test(prompt)) return [];
  const lines = prompt.split(/\r\n|\r|\n/);
  const findings: RawHtmlFinding[] = [];
  const tokens = markdownParser().parse(prompt, {});
  for (const token of tokens) {
    if (token.type === "html_block" && token.map) {
      findings.push(locate(lines, token.content, token.map[0], token.map[1]));
    } else if (token.type === "inline" && token.map) {
      for (const child of token.children ?? []) {
        if (child.type === "html_inline") findings.push(locate(lines, child.content, token.map[0], token.map[1]));
      }
    }
  }
  return dedupeByPosition(findings);
}

/** Finds `html` in lines [fromLine, toLine) and returns its 1-based position; the block start when not found. */
function locate(lines: string[], html: string, fromLine: number, toLine: number): RawHtmlFinding {
  const firstLine = html.split(/\r\n|\r|\n/)[0].trim();
  const snippet = firstLine.length > 40 ? `${firstLine.slice(0, 40)}…` : firstLine;
  for (let i = fromLine; i < Math.min(toLine, lines.length); i++) {
    const column = lines[i].indexOf(firstLine);
    if (column >= 0) return { start: { line: i + 1, column: column + 1 }, end: { line: i + 1, column: column + 1 + firstLine.length }, snippet };
  }
  return { start: { line: fromLine + 1, column: 1 }, end: { line: fromLine + 1, column: 1 }, snippet };
}

function dedupeByPosition(findings: RawHtmlFinding[]): RawHtmlFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.start.line}:${f.start.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
