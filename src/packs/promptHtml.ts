import MarkdownIt from "markdown-it";
import type { TextPosition } from "./text/textPositions";

export interface RawHtmlFinding {
  start: TextPosition;
  end: TextPosition;
  /** The HTML as written, shortened for the message. */
  snippet: string;
}

const markdown = new MarkdownIt({ html: true });

/**
 * Raw HTML in a markdown prompt (outside code spans and fences, which are text). The prompt is rendered with HTML
 * escaped, so such markup shows as literal tags; the author is told where, so they can write markdown instead.
 */
export function findRawHtml(prompt: string): RawHtmlFinding[] {
  const lines = prompt.split(/\r\n|\r|\n/);
  const findings: RawHtmlFinding[] = [];
  const tokens = markdown.parse(prompt, {});
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
