/**
 * A TypeScript file's text with everything that is not code blanked out: comments, and the contents of strings,
 * template literals and regular expressions become spaces (line breaks are kept), so that a scan for keywords
 * finds only real code, at the same offsets, lines and columns as in the original.
 *
 * Not a parser: a `/` is read as a regular expression where an expression may start (after an operator, an
 * opening bracket, a keyword such as `return`, or at the start), otherwise as a division; that is how
 * JavaScript's own grammar decides in all but contrived cases. A template literal's `${…}` stays code, and its
 * delimiters are blanked so that braces in the masked text balance.
 */

/** Keywords after which a `/` starts a regular expression rather than dividing. */
const BEFORE_EXPRESSION = new Set(["return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "yield", "await", "instanceof"]);

export function maskSource(source: string): string {
  const out = source.split("");
  const blank = (from: number, to: number): void => {
    for (let k = from; k < to; k++) if (out[k] !== "\n" && out[k] !== "\r") out[k] = " ";
  };
  /** Brace depth of each `${` still open, innermost last: a `}` at that depth closes it and the template resumes. */
  const templates: number[] = [];
  let depth = 0;
  let i = 0;
  const n = source.length;

  /** From just after an opening backtick or a closing `}` of `${…}`: to the closing backtick or the next `${`. */
  const templateText = (start: number): number => {
    let k = start;
    while (k < n) {
      const c = source[k];
      if (c === "\\") k += 2;
      else if (c === "`") {
        blank(start, k);
        return k + 1;
      } else if (c === "$" && source[k + 1] === "{") {
        blank(start, k + 2);
        templates.push(depth);
        return k + 2;
      } else k++;
    }
    blank(start, n);
    return n;
  };

  while (i < n) {
    const c = source[i];
    const next = source[i + 1];
    if (c === "/" && next === "/") {
      const end = source.indexOf("\n", i);
      const stop = end < 0 ? n : end;
      blank(i, stop);
      i = stop;
    } else if (c === "/" && next === "*") {
      const end = source.indexOf("*/", i + 2);
      const stop = end < 0 ? n : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'") {
      let k = i + 1;
      while (k < n && source[k] !== c && source[k] !== "\n") k += source[k] === "\\" ? 2 : 1;
      blank(i + 1, Math.min(k, n));
      i = k + 1;
    } else if (c === "`") {
      i = templateText(i + 1);
    } else if (c === "/" && regexMayStart(out, i)) {
      let k = i + 1;
      let inClass = false;
      while (k < n && source[k] !== "\n") {
        const r = source[k];
        if (r === "\\") k++;
        else if (r === "[") inClass = true;
        else if (r === "]") inClass = false;
        else if (r === "/" && !inClass) break;
        k++;
      }
      blank(i + 1, Math.min(k, n));
      i = k + 1;
    } else if (c === "{") {
      depth++;
      i++;
    } else if (c === "}") {
      if (templates.length > 0 && templates[templates.length - 1] === depth) {
        templates.pop();
        out[i] = " ";
        i = templateText(i + 1);
      } else {
        depth = Math.max(0, depth - 1);
        i++;
      }
    } else i++;
  }
  return out.join("");
}

/** Whether a `/` at `at` (not a comment) starts a regular expression: judged by the code before it (comments already blanked). */
function regexMayStart(source: readonly string[], at: number): boolean {
  let k = at - 1;
  while (k >= 0 && /\s/.test(source[k])) k--;
  if (k < 0) return true;
  const before = source[k];
  if (/[\w$]/.test(before)) {
    let start = k;
    while (start > 0 && /[\w$]/.test(source[start - 1])) start--;
    return BEFORE_EXPRESSION.has(source.slice(start, k + 1).join(""));
  }
  // After a closing bracket or a string the `/` divides; after an operator or an opening bracket it starts a regex.
  return !/[)\]}"'`]/.test(before);
}
