// The ESM build: the UMD one (package "main") loads its parts with a require() that bundlers cannot follow.
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser/lib/esm/main.js";
import { LineMap, type TextPosition } from "./textPositions";

/** A span in a JSON file, 1-based, end exclusive. */
export interface TextRange {
  start: TextPosition;
  end: TextPosition;
}

export interface JsonSyntaxError {
  range: TextRange;
  message: string;
}

/**
 * A JSON file parsed with positions kept, so that a problem found in the value (by the schema or by the
 * loader) can be reported at the line and column of the offending property.
 */
export class JsonDocument {
  readonly value: unknown;
  readonly syntaxErrors: JsonSyntaxError[];
  private readonly root: Node | undefined;
  private readonly lines: LineMap;

  constructor(readonly text: string) {
    this.lines = new LineMap(text);
    const errors: ParseError[] = [];
    // Pack files are JSON, not JSONC: comments and trailing commas are errors, as they are for JSON.parse.
    this.root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    this.syntaxErrors = errors.map((e) => ({
      range: this.rangeOf(e.offset, Math.max(e.length, 1)),
      message: describeSyntaxError(printParseErrorCode(e.error)),
    }));
    this.value = this.syntaxErrors.length === 0 && this.root ? nodeValue(this.root) : undefined;
  }

  /**
   * Where a JSON pointer ("/checks/0/id") lies. With `at: "key"` the range of the property's name (for unknown
   * or duplicate properties); otherwise the value. A pointer to something absent falls back to its nearest
   * existing parent, so every problem gets a place.
   */
  locate(pointer: string, at: "value" | "key" = "value"): TextRange {
    if (!this.root) return this.rangeOf(0, 0);
    const segments = parsePointer(pointer);
    for (let n = segments.length; n >= 0; n--) {
      const node = findNodeAtLocation(this.root, segments.slice(0, n));
      if (!node) continue;
      if (at === "key" && n === segments.length && node.parent?.type === "property" && node.parent.children?.[0]) {
        const key = node.parent.children[0];
        return this.rangeOf(key.offset, key.length);
      }
      // An object or array is marked at its opening bracket only; a whole block underlined helps nobody.
      const length = node.type === "object" || node.type === "array" ? 1 : node.length;
      return this.rangeOf(node.offset, length);
    }
    return this.rangeOf(this.root.offset, 1);
  }

  /** Duplicate keys in objects: JSON.parse silently keeps the last one, which hides an author's mistake. */
  duplicateKeys(): { pointer: string; key: string; range: TextRange }[] {
    const found: { pointer: string; key: string; range: TextRange }[] = [];
    const walk = (node: Node, path: (string | number)[]): void => {
      if (node.type === "object") {
        const seen = new Set<string>();
        for (const property of node.children ?? []) {
          const [key, value] = property.children ?? [];
          if (!key) continue;
          const name = String(key.value);
          if (seen.has(name)) found.push({ pointer: toPointer([...path, name]), key: name, range: this.rangeOf(key.offset, key.length) });
          seen.add(name);
          if (value) walk(value, [...path, name]);
        }
      } else if (node.type === "array") {
        (node.children ?? []).forEach((child, i) => walk(child, [...path, i]));
      }
    };
    if (this.root) walk(this.root, []);
    return found;
  }

  rangeOf(offset: number, length: number): TextRange {
    return { start: this.lines.positionAt(offset), end: this.lines.positionAt(offset + length) };
  }
}

/** "/checks/0/cases/1" → ["checks", 0, "cases", 1]; RFC 6901 escapes (~1, ~0) undone. */
export function parsePointer(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .split("/")
    .slice(1)
    .map((raw) => raw.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((segment) => (/^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment));
}

/** ["checks", 0, "id"] → "/checks/0/id". */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

/**
 * The value of a tree node. Unlike jsonc-parser's getNodeValue, a duplicated key keeps its first value, which is
 * also the one the duplicate-key problem points away from.
 */
function nodeValue(node: Node): unknown {
  switch (node.type) {
    case "array":
      return (node.children ?? []).map(nodeValue);
    case "object": {
      const result: Record<string, unknown> = Object.create(null);
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key || !value || Object.prototype.hasOwnProperty.call(result, key.value)) continue;
        result[String(key.value)] = nodeValue(value);
      }
      // A plain prototype again, so that consumers (ajv, JSON.stringify) see an ordinary object.
      return Object.assign({}, result);
    }
    default:
      return node.value;
  }
}

function describeSyntaxError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: "unexpected character",
    InvalidNumberFormat: "invalid number",
    PropertyNameExpected: "a property name in double quotes was expected (is there a trailing comma?)",
    ValueExpected: "a value was expected (is there a trailing comma?)",
    ColonExpected: "':' was expected after the property name",
    CommaExpected: "',' was expected between items",
    CloseBraceExpected: "'}' was expected",
    CloseBracketExpected: "']' was expected",
    EndOfFileExpected: "the file should end after its top-level value",
    InvalidCommentToken: "comments are not allowed in JSON",
    UnexpectedEndOfComment: "unterminated comment",
    UnexpectedEndOfString: "unterminated string",
    UnexpectedEndOfNumber: "unterminated number",
    InvalidUnicode: "invalid \\u escape",
    InvalidEscapeCharacter: "invalid escape character in a string",
    InvalidCharacter: "invalid character in a string (control characters must be escaped)",
  };
  return `JSON syntax error: ${words[code] ?? code}`;
}
