/**
 * Maps a stack frame of the compiled bundle back to the learner's file through the bundle's source map
 * (decoded by @jridgewell/trace-mapping).
 */
import { GREATEST_LOWER_BOUND, LEAST_UPPER_BOUND, originalPositionFor, TraceMap } from "@jridgewell/trace-mapping";

export interface OriginalPosition {
  /** As written in the map's `sources` (normalised), resolved by the caller. */
  source: string;
  /** 1-based. */
  line: number;
  /** 1-based, UTF-16 code units. */
  column: number;
}

/** What VLQ `mappings` may hold; the map comes from the sandbox, so anything else is refused rather than decoded. */
const MAPPINGS = /^[A-Za-z0-9+/,;]*$/;

export class SourceMapLookup {
  private readonly map: TraceMap;

  /** Throws when the text is not a source map. */
  constructor(mapJson: string) {
    const map = JSON.parse(mapJson) as { mappings?: unknown };
    if (typeof map?.mappings !== "string" || !MAPPINGS.test(map.mappings)) throw new Error("source map: its mappings are not VLQ text");
    this.map = new TraceMap(mapJson);
  }

  /**
   * `line` and `column` are 1-based, as V8 prints them in stack traces. The segment at or before the column;
   * a column before the line's first segment takes that first segment.
   */
  originalPositionFor(line: number, column: number): OriginalPosition | undefined {
    const needle = { line, column: Math.max(0, column - 1) };
    let found = originalPositionFor(this.map, { ...needle, bias: GREATEST_LOWER_BOUND });
    if (found.source === null) found = originalPositionFor(this.map, { ...needle, bias: LEAST_UPPER_BOUND });
    return found.source === null ? undefined : { source: found.source, line: found.line, column: found.column + 1 };
  }
}

/** The first frame of `stack` that points into the bundle named `bundleName`, as 1-based line and column. */
export function firstBundleFrame(stack: string, bundleName: string): { line: number; column: number } | undefined {
  const escaped = bundleName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`${escaped}:(\\d+):(\\d+)`).exec(stack);
  return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
}
