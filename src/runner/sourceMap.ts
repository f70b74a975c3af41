/**
 * Just enough of source map v3 to map a stack frame of the compiled bundle back to the learner's file: decode
 * the VLQ `mappings` once, then find the segment at or before a generated line and column.
 */

export interface OriginalPosition {
  /** As written in the map's `sources`, resolved by the caller. */
  source: string;
  /** 1-based. */
  line: number;
  /** 1-based, UTF-16 code units. */
  column: number;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** [generatedColumn, sourceIndex, originalLine, originalColumn] per segment, per generated line (0-based). */
type Segment = [number, number, number, number];

function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  let sourceIndex = 0;
  let originalLine = 0;
  let originalColumn = 0;
  for (const lineText of mappings.split(";")) {
    const segments: Segment[] = [];
    let generatedColumn = 0;
    for (const segmentText of lineText.split(",")) {
      if (!segmentText) continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segmentText) {
        const digit = DIGIT.get(char);
        if (digit === undefined) throw new Error(`source map: invalid character ${JSON.stringify(char)} in mappings`);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      generatedColumn += fields[0] ?? 0;
      if (fields.length >= 4) {
        sourceIndex += fields[1];
        originalLine += fields[2];
        originalColumn += fields[3];
        segments.push([generatedColumn, sourceIndex, originalLine, originalColumn]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

export class SourceMapLookup {
  private readonly lines: Segment[][];
  private readonly sources: string[];

  constructor(mapJson: string) {
    const map = JSON.parse(mapJson) as { sources?: string[]; mappings?: string };
    this.sources = map.sources ?? [];
    this.lines = decodeMappings(map.mappings ?? "");
  }

  /** `line` and `column` are 1-based, as V8 prints them in stack traces. */
  originalPositionFor(line: number, column: number): OriginalPosition | undefined {
    const segments = this.lines[line - 1];
    if (!segments || segments.length === 0) return undefined;
    let best: Segment | undefined;
    for (const segment of segments) {
      if (segment[0] <= column - 1) best = segment;
      else break;
    }
    best ??= segments[0];
    const source = this.sources[best[1]];
    return source === undefined ? undefined : { source, line: best[2] + 1, column: best[3] + 1 };
  }
}

/** The first frame of `stack` that points into the bundle named `bundleName`, as 1-based line and column. */
export function firstBundleFrame(stack: string, bundleName: string): { line: number; column: number } | undefined {
  const escaped = bundleName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`${escaped}:(\\d+):(\\d+)`).exec(stack);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
}
