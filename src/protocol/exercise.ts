/**
 * The exercise model every part agrees on: what the packs loader produces from a pack folder, what the
 * runner checks a learner's file against, and what the tree, Test Explorer and webview display.
 *
 * This is the in-memory form, with every file already read and every generated case already expanded
 * (seeded, so the same pack always yields the same cases). The on-disk format lives in `exercises/` as a
 * JSON Schema and is parsed by `src/packs/`.
 */
import type { Json } from "./json";

export type RoundingMode = "half-even" | "half-away" | "half-up";

/** How much a failing case tells the learner; hidden grading cases reveal less. */
export type Reveal = "full" | "actual-only" | "category-only";

/**
 * Where expected values (or a misconception's wrong values) come from.
 * - `core`: a compute-core export, called as `core[fn](...case.input, ...extraArgs)`; the result is post-processed
 *   by `pick` (a property path such as "scale" or "total") when given.
 * - `reference`: an export of the exercise's reference solution (or misconceptions file), run in the sandbox with
 *   the case's inputs; `export` defaults to the check's function name.
 * - `literal`: the case's own `expected` (or, for a misconception, `values[caseId]`).
 */
export type ValueSource =
  | { from: "core"; fn: string; extraArgs?: Json[]; pick?: string }
  | { from: "reference"; file?: "reference" | "misconceptions"; export?: string }
  | { from: "literal"; values?: Record<string, Json> };

/** Absolute and relative tolerance; a number passes when |a − e| ≤ abs + rel·|e|. Omitted: exact. */
export interface Tolerance {
  abs?: number;
  rel?: number;
  /** NaN equals NaN only where the exercise says so. */
  nanEqual?: boolean;
}

/**
 * How actual and expected are compared: a deep comparison of numbers, arrays, plain objects and strings with the
 * check's tolerance. Answers are values a check computes; nothing is graded by matching keywords in free text.
 */
export type Comparison = { kind: "value" };

export interface Misconception {
  id: string;
  /** The sentence shown to the learner when their answer matches this variant. */
  message: string;
  variant: ValueSource;
}

export interface CaseSpec {
  /** Stable across pack updates: progress and grades are keyed by it. */
  id: string;
  /** A short human label, e.g. "quantize(0.3, 0.1, 0)". */
  name: string;
  /** Positional arguments passed to the learner's function. */
  input: Json[];
  /** Only for `from: "literal"` checks. */
  expected?: Json;
  /** Overrides the check's reveal level (hidden grading cases). */
  reveal?: Reveal;
  /** True for cases generated from a seed rather than written out. */
  generated?: boolean;
}

export interface CheckSpec {
  id: string;
  /** The exported function of the learner's file that this check calls. */
  function: string;
  cases: CaseSpec[];
  expected: ValueSource;
  comparison: Comparison;
  tolerance: Tolerance;
  rounding?: RoundingMode;
  misconceptions: Misconception[];
  reveal: Reveal;
}

/** Which chart the results panel draws for an exercise. */
export type ChartKind =
  | "none"
  | "quantization-error"
  | "quantization-grid"
  | "clip-curve"
  | "memory"
  | "probabilities"
  | "temperature-sweep"
  | "kl-contributions"
  | PracticeChartKind;

/** The chart kinds of the "Compression in practice" pack (drawn by src/webview/charts/practiceCharts.ts). */
export type PracticeChartKind = "nibble-layout" | "sparsity-mask" | "memory-breakdown" | "int8-gemm" | "scale-migration" | "error-feedback" | "ste-gradient" | "calibration";

/** Where to read further after a pass: the paper, the reference code (and the function it follows), docs. */
export interface FurtherReading {
  kind: "paper" | "code" | "docs";
  title: string;
  url: string;
  /** For code: the function or file the exercise follows; for a paper: the section. */
  detail?: string;
}

export interface ExerciseSpec {
  id: string;
  title: string;
  /** One sentence, for tooltips and the tree. */
  summary: string;
  /** Markdown source of the prompt. Rendered inert: raw HTML is escaped, never executed. */
  prompt: string;
  /** The TypeScript starter the learner's file is created from. */
  starter: string;
  /** TypeScript source of the reference solution, run only inside the sandbox. */
  reference?: string;
  /** TypeScript source of known-wrong variants, run only inside the sandbox. */
  misconceptions?: string;
  /** The hint ladder: nudge, then formula, then worked example. */
  hints: string[];
  /** Whether the reference solution may be shown to the learner after a pass. */
  showReferenceAfterPass: boolean;
  checks: CheckSpec[];
  chart: ChartKind;
  /** Names of the checked function's positional arguments, so a chart can find the teacher, the student or the temperature. */
  chartArgs?: string[];
  /** Optional: shown after a pass. */
  furtherReading?: FurtherReading[];
  /**
   * Absolute paths of the exercise's files, for diagnostics on the pack itself. `misconceptions` is filled by the
   * packs loader whenever the exercise names a misconceptions file (it need not be called misconceptions.ts).
   */
  sourceFiles: { prompt?: string; starter?: string; reference?: string; misconceptions?: string; exercise?: string };
}

export interface PackSpec {
  id: string;
  title: string;
  version: string;
  description: string;
  /** semver range of the compute core this pack needs. */
  coreVersion: string;
  authors: string[];
  license: string;
  exercises: ExerciseSpec[];
  /** Absolute path of the pack folder. */
  root: string;
}

/**
 * The part of a value a source's `pick` names: a property path such as "scale" or "memory.total" (also "0" for
 * an array index). Throws when the path is not there.
 */
export function pickPath(value: unknown, pick: string | undefined): unknown {
  if (!pick) return value;
  let current = value;
  for (const key of pick.split(".")) {
    if (current === null || typeof current !== "object" || !(key in (current as object))) {
      throw new Error(`has no property path "${pick}" (stopped at "${key}")`);
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * A case's id is unique within its check (two checks of one exercise may both have a case "seed"); this key
 * is unique within the exercise, so progress, Test Explorer items and grades never mix two cases up.
 */
export function caseKey(checkId: string, caseId: string): string {
  return `${checkId}/${caseId}`;
}
