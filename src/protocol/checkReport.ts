/**
 * The result of checking one learner file against one exercise. Produced by the runner, rendered by the
 * extension (diagnostics, Test Explorer, results webview), the progress store and the CLI (text, JSON,
 * JUnit, CSV). Versioned and JSON-serialisable: it crosses process and webview boundaries and is stored.
 */
import type { Json } from "./json";
import type { Reveal } from "./exercise";

export const CHECK_REPORT_VERSION = 1;

export type CheckStatus = "passed" | "failed" | "error";

export interface ReportDiagnostic {
  /** Absolute path of the file the diagnostic is in (the learner's file or a file it imports). */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units as editors count them. */
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: "error" | "warning" | "info";
  message: string;
  source: "compile" | "runtime" | "check";
}

export interface CaseResult {
  /** The case's stable id. */
  id: string;
  checkId: string;
  function: string;
  name: string;
  status: CheckStatus;
  input: Json[];
  /** Absent when the case's reveal level hides it. */
  expected?: Json;
  actual?: Json;
  /** What went wrong, in words a learner can act on (empty when passed). */
  message: string;
  misconception?: { id: string; message: string };
  reveal: Reveal;
  /** For arrays: the first index where actual and expected differ. */
  firstDifferingIndex?: number;
  durationMs?: number;
}

/** Hint 3 worked on the learner's own smallest failing case, by the exercise's reference (runner/workedExample.ts). */
export interface WorkedExample {
  checkId: string;
  caseId: string;
  /** The call, e.g. `softmax([1000, -1000], 1)`. */
  call: string;
  /** The computation step by step, as plain text lines (markdown inline code allowed). */
  text: string;
}

export interface CheckReport {
  version: typeof CHECK_REPORT_VERSION;
  packId: string;
  exerciseId: string;
  /** Absolute path of the learner's file. */
  file: string;
  status: CheckStatus;
  /** Sorted: smallest failing case first, then the other failures, then passes. */
  cases: CaseResult[];
  diagnostics: ReportDiagnostic[];
  summary: { passed: number; failed: number; errored: number; total: number };
  /** Present when a case fails that the learner may see and the reference can explain it. */
  workedExample?: WorkedExample;
  timings: { compileMs: number; runMs: number; compareMs: number; totalMs: number };
  /** ISO 8601. */
  finishedAt: string;
}
