/**
 * The hostile corpus: every attack on the sandbox that has a fixture in fixtures/hostile, with the verdict it
 * must get against the doubling exercise (or its 25-case twin) under a 2000 ms, 160 MB limit. Shared by the
 * unit test (both configurations) and the integration test inside code-server.
 */
import os from "node:os";
import path from "node:path";
import type { CheckStatus } from "../../../../src/protocol/checkReport";

export interface HostileCase {
  fixture: string;
  status: CheckStatus;
  /** A phrase the learner must see in a case's message or a diagnostic. */
  says: RegExp;
  /** Checked against the 25-case exercise: the attack adds up over many calls. */
  manyCases?: boolean;
  /** The attack aims past the engine at the host (files, processes, the realm, memory outside the heap). */
  onHost?: boolean;
}

export const HOSTILE_CORPUS: HostileCase[] = [
  // Escapes and attacks on the host.
  { fixture: "realmEscapeImport", status: "failed", says: /expected 2, got -1/, onHost: true },
  { fixture: "realmEscapeWasm", status: "failed", says: /expected 2, got -1/, onHost: true },
  { fixture: "killParent", status: "failed", says: /expected 2, got -1/, onHost: true },
  { fixture: "processExit", status: "error", says: /'process' is not defined/, onHost: true },
  { fixture: "fileSystemImport", status: "error", says: /exercises run without Node modules; remove `fs`/, onHost: true },
  { fixture: "fileSystemAtRunTime", status: "error", says: /threw at input/, onHost: true },
  { fixture: "readExpectedFromDisk", status: "error", says: /outside the folder of your solution/, onHost: true },
  { fixture: "networkAccess", status: "error", says: /TypeError: not a function/, onHost: true },
  { fixture: "childProcess", status: "error", says: /threw at input/, onHost: true },
  { fixture: "postMessages", status: "failed", says: /expected 2, got -1/, onHost: true },
  { fixture: "fakePassedOutput", status: "failed", says: /expected 2, got -1/, onHost: true },
  // Memory, named as memory.
  { fixture: "hugeArrayBuffer", status: "error", says: /out of memory: the run used its 160 MB/, onHost: true },
  { fixture: "manyTypedArrays", status: "error", says: /out of memory: the run used its 160 MB/, onHost: true },
  { fixture: "wasmMemory", status: "error", says: /cannot read property 'Memory' of undefined/, onHost: true },
  { fixture: "unboundedAllocation", status: "error", says: /out of memory: the run used its 160 MB/, onHost: true },
  { fixture: "deepRecursion", status: "error", says: /stack overflow: recursion deeper than the sandbox's stack allows/ },
  // Time, named as time.
  { fixture: "infiniteLoop", status: "error", says: /did not return within 2000 ms/ },
  { fixture: "promiseQueuedLoop", status: "error", says: /did not return within 2000 ms/ },
  // Results too large for a report, named by size.
  { fixture: "returnsHugeArray", status: "failed", says: /returned an array of 1,200,000 items/ },
  { fixture: "longKey", status: "failed", says: /your function returned 50 MB; the limit is 8 MB per call/ },
  { fixture: "repeatedString", status: "failed", says: /your function returned 25 MB; the limit is 8 MB per call/ },
  { fixture: "millionItemsEveryCall", status: "failed", says: /whole check's 4,000,000 values/, manyCases: true },
  // Odd values and odd code.
  { fixture: "protoKeys", status: "failed", says: /expected a number \(2\), got an object/ },
  { fixture: "throwNonError", status: "error", says: /threw 42, which is not an Error/ },
  { fixture: "returnsNaN", status: "failed", says: /expected 2, got NaN/ },
  { fixture: "returnsUndefined", status: "failed", says: /expected a number \(2\), got undefined/ },
  { fixture: "returnsString", status: "failed", says: /expected a number \(2\), got a string \("2"\)/ },
  { fixture: "patchGlobals", status: "failed", says: /expected 2, got 1001/ },
];

/** Files an escaped fixture would write. */
export function escapeMarkers(): string[] {
  return [os.tmpdir(), "/tmp"].flatMap((dir) => ["import", "wasm"].map((how) => path.join(dir, `compression-tutor-escaped-${how}`)));
}
