/**
 * CheckReports built from a few cases, for the tests of what reads reports (charts, progress). A case passes
 * when its expected and actual values are equal, unless its status is given.
 */
import type { CaseResult, CheckReport } from "../../../src/protocol/checkReport";
import type { Json } from "../../../src/protocol/json";

export interface CaseSketch {
  id: string;
  /** The function the case calls. Default "f". */
  fn?: string;
  /** Default "check". */
  checkId?: string;
  input?: Json[];
  expected?: Json;
  actual?: Json;
  status?: "passed" | "failed";
}

/** A report of one exercise ("p"/"e", file /w/e.ts) holding these cases, its status and summary counted from them. */
export function reportOf(cases: CaseSketch[], fields: Partial<Pick<CheckReport, "packId" | "exerciseId" | "file">> = {}): CheckReport {
  const results: CaseResult[] = cases.map((c) => {
    const input = c.input ?? [];
    return {
      id: c.id,
      checkId: c.checkId ?? "check",
      function: c.fn ?? "f",
      name: `${c.fn ?? "f"}(${input.map((v) => JSON.stringify(v)).join(", ")})`,
      status: c.status ?? (JSON.stringify(c.expected) === JSON.stringify(c.actual) ? "passed" : "failed"),
      input,
      ...("expected" in c ? { expected: c.expected } : {}),
      ...("actual" in c ? { actual: c.actual } : {}),
      message: "",
      reveal: "full",
    };
  });
  const failed = results.filter((r) => r.status !== "passed").length;
  return {
    version: 1,
    packId: "p",
    exerciseId: "e",
    file: "/w/e.ts",
    ...fields,
    status: failed ? "failed" : "passed",
    cases: results,
    diagnostics: [],
    summary: { passed: results.length - failed, failed, errored: 0, total: results.length },
    timings: { compileMs: 0, runMs: 0, compareMs: 0, totalMs: 0 },
    finishedAt: "2026-01-01T00:00:00Z",
  };
}
