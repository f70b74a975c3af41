/**
 * Messages between the runner (in the extension host or the CLI) and its warm sandbox process, both ways.
 * Discriminated unions, one per direction. Everything the sandbox sends is untrusted: the runner checks
 * each message against these shapes and a size budget (src/runner/channel.ts) before believing it.
 *
 * The sandbox never receives expected values: it is asked to compile a file and call functions, and answers
 * with the raw values they returned. Files are read by the runner and handed over on request, so the sandbox
 * process itself needs no file-system access beyond its own scripts.
 *
 * Values cross these boundaries by structured clone (Node's "advanced" IPC serialisation), so NaN, ±Infinity,
 * -0 and undefined survive; `RawValue` is therefore wider than `Json`.
 */

/** What a learner's function returned, after the sandbox decoded it from QuickJS (typed arrays become arrays). */
export type RawValue = unknown;

/** One function call the sandbox makes: `exports[fn](...args)`. */
export interface SandboxCall {
  fn: string;
  args: unknown[];
}

/** The outcome of one call. Runtime errors carry the stack as seen inside the bundle; the runner maps it. */
export type CallOutcome =
  | { kind: "returned"; value: RawValue; durationMs: number }
  | { kind: "threw"; message: string; stack?: string; durationMs: number }
  | { kind: "invalid"; message: string; durationMs: number }
  | { kind: "timeout"; message: string }
  | { kind: "crashed"; message: string }
  | { kind: "not-run"; message: string };

/** A compile message as esbuild reports it: `column` is in UTF-8 bytes, `lineText` is the line's text. */
export interface CompileMessage {
  text: string;
  file?: string;
  line?: number;
  columnBytes?: number;
  lengthBytes?: number;
  lineText?: string;
  severity: "error" | "warning";
}

export interface RunRequest {
  type: "run";
  id: number;
  /** Absolute path of the entry file; its text is `entryText`, or asked for with `load` when that is absent. */
  entry: string;
  /** The entry's text as the runner has it (the file, or the editor's unsaved text): saves asking for it. */
  entryText?: string;
  calls: SandboxCall[];
  /** Wall-clock limit for loading the bundle and for each call. */
  timeoutMs: number;
  /**
   * Per-call limits of computing (the sandbox process's CPU time; one per call, below `timeoutMs`, which
   * stays each call's wall-clock limit), derived from the reference's own time on each case (limits.ts);
   * absent: every call gets `timeoutMs` alone.
   */
  callTimeoutsMs?: number[];
  memoryMb: number;
  /**
   * A bundle of the entry the runner already has (its bundle store, keyed by the entry's name and text): the
   * sandbox runs it instead of compiling, so esbuild-wasm is not started for it.
   */
  bundle?: { code: string; sourceMap?: string };
}

/** The runner's answers to the sandbox's `resolve`/`load` questions. */
export type FileAnswer =
  | { type: "fileAnswer"; id: number; question: number; ok: true; path: string; contents?: string }
  | { type: "fileAnswer"; id: number; question: number; ok: false; message: string };

export type ToSandboxMessage = RunRequest | FileAnswer;

export interface RunResult {
  type: "runResult";
  id: number;
  compileMs: number;
  runMs: number;
  errors: CompileMessage[];
  warnings: CompileMessage[];
  /** Absent when compilation failed. */
  outcomes?: CallOutcome[];
  /** The bundle's source map (JSON text), to map runtime stack frames back to the learner's files. */
  sourceMap?: string;
  /** Whether the learner's module itself failed while loading (top-level code threw or timed out). */
  loadFailure?: CallOutcome;
  /**
   * The bundle's code, sent only when this run compiled the entry file alone (it imports nothing) without
   * errors or warnings, so that the runner may store it under the entry's name and text.
   */
  bundleCode?: string;
}

export type FromSandboxMessage =
  /** `esbuildInitMs` is 0 when esbuild-wasm was not started (it starts on the first build that is needed). */
  | { type: "ready"; esbuildInitMs: number; engineInitMs: number; permission: boolean }
  | RunResult
  | { type: "resolve"; id: number; question: number; specifier: string; importer: string }
  | { type: "load"; id: number; question: number; path: string }
  /** The sandbox itself failed; with `id`, while doing that run (which then fails with this message). */
  | { type: "fatal"; id?: number; message: string };

/** Stack frames of learner code carry this file name; the runner maps them through the bundle's source map. */
export const SANDBOX_BUNDLE_NAME = "compression-tutor-solution.js";
