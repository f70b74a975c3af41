// The ESM build: the UMD one (package "main") loads its parts with a require() that bundlers cannot follow.
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser/lib/esm/main.js";
import { DEFAULT_PACK_LIMITS } from "../limits";
import { withoutBom } from "../text/decodeUtf8";
import { LineMap, type TextPosition } from "../text/textPositions";

/** A span in a JSON file, 1-based, end exclusive. */
export interface TextRange {
  start: TextPosition;
  end: TextPosition;
}

export interface JsonSyntaxError {
  range: TextRange;
  message: string;
  /** "json-syntax", or "json-too-deep" when the file nests deeper than the limit (then it is not parsed at all). */
  code: "json-syntax" | "json-too-deep";
}

/** Keys that name or reach an object's prototype in JavaScript; refused so that no key can change how a parsed object behaves. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);


interface KeyProblem {
  pointer: string;
  key: string;
  range: TextRange;
}

/**
 * A JSON file parsed with positions kept, so that a problem found in the value (by the schema or by the
 * loader) can be reported at the line and column of the offending property.
 *
 * Hostile input is refused before it can hurt: nesting deeper than `maxDepth` is a located error found by a flat
 * scan (the parser recurses, so 6000 nested arrays would overflow the stack); objects have no prototype, and the
 * keys `__proto__`, `constructor` and `prototype` are left out of the value and listed by `forbiddenKeys()`.
 * A leading byte-order mark is ignored, and positions count from after it, as editors show them.
 */
export class JsonDocument {
  readonly value: unknown;
  readonly syntaxErrors: JsonSyntaxError[];
  private readonly root: Node | undefined;
  private readonly lines: LineMap;

  readonly text: string;

  constructor(text: string, maxDepth = DEFAULT_PACK_LIMITS.maxJsonDepth) {
    this.text = text = withoutBom(text);
    this.lines = new LineMap(text);
    const tooDeep = firstOffsetDeeperThan(text, maxDepth);
    if (tooDeep !== undefined) {
      this.root = undefined;
      this.value = undefined;
      this.syntaxErrors = [
        {
          range: this.rangeOf(tooDeep, 1),
          message: `arrays and objects nest more than ${maxDepth} levels deep here; a pack file needs far fewer, so flatten the data`,
          code: "json-too-deep",
        },
      ];
      return;
    }
    const errors: ParseError[] = [];
    // Pack files are JSON, not JSONC: comments and trailing commas are errors, as they are for JSON.parse.
    this.root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    this.syntaxErrors = errors.map((e) => ({
      range: this.rangeOf(e.offset, Math.max(e.length, 1)),
      message: describeSyntaxError(printParseErrorCode(e.error)),
      code: "json-syntax" as const,
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
  duplicateKeys(): KeyProblem[] {
    return this.keysWhere((name, seen) => seen.has(name) && !FORBIDDEN_KEYS.has(name));
  }

  /** `__proto__`, `constructor` and `prototype` keys, at their position; the value leaves them out. */
  forbiddenKeys(): KeyProblem[] {
    return this.keysWhere((name) => FORBIDDEN_KEYS.has(name));
  }

  /** Every key for which `test` holds, given the names seen before it in the same object. */
  private keysWhere(test: (name: string, seenBefore: ReadonlySet<string>) => boolean): KeyProblem[] {
    const found: KeyProblem[] = [];
    const walk = (node: Node, path: (string | number)[]): void => {
      if (node.type === "object") {
        const seen = new Set<string>();
        for (const property of node.children ?? []) {
          const [key, value] = property.children ?? [];
          if (!key) continue;
          const name = String(key.value);
          if (test(name, seen)) found.push({ pointer: toPointer([...path, name]), key: name, range: this.rangeOf(key.offset, key.length) });
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
 * also the one the duplicate-key problem points away from. Objects are created without a prototype and forbidden
 * keys are dropped, so no key in a file can give an object inherited properties.
 */
function nodeValue(node: Node): unknown {
  switch (node.type) {
    case "array":
      return (node.children ?? []).map(nodeValue);
    case "object": {
      const result: Record<string, unknown> = Object.create(null);
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key || !value) continue;
        const name = String(key.value);
        if (FORBIDDEN_KEYS.has(name) || Object.prototype.hasOwnProperty.call(result, name)) continue;
        result[name] = nodeValue(value);
      }
      return result;
    }
    default:
      return node.value;
  }
}

/**
 * The offset of the first `[` or `{` that opens level `maxDepth + 1`, or undefined. A flat scan that skips strings,
 * run before the (recursive) parser so that no input can overflow the stack.
 */
export function firstOffsetDeeperThan(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */) {
      for (i++; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x5c /* \ */) i++;
        else if (c === 0x22 || c === 0x0a || c === 0x0d) break; // a line end ends an unterminated string too
      }
    } else if (ch === 0x5b /* [ */ || ch === 0x7b /* { */) {
      if (++depth > maxDepth) return i;
    } else if (ch === 0x5d /* ] */ || ch === 0x7d /* } */) depth = Math.max(0, depth - 1);
  }
  return undefined;
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
