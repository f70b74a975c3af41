import assert from "node:assert/strict";
import type { CheckReport } from "../../../src/protocol/checkReport";
import { packProblemDiagnostics, reportDiagnostics } from "../../../src/diagnostics/diagnosticModel";

const base: CheckReport = {
  version: 1,
  packId: "p",
  exerciseId: "e",
  file: "/ws/e.ts",
  status: "failed",
  cases: [],
  diagnostics: [],
  summary: { passed: 0, failed: 1, errored: 0, total: 1 },
  timings: { compileMs: 0, runMs: 0, compareMs: 0, totalMs: 0 },
  finishedAt: "2026-01-01T00:00:00Z",
};

describe("diagnostic model", () => {
  it("reportDiagnostics turns the report's 1-based line 3, column 5 into 0-based 2:4", () => {
    const byFile = reportDiagnostics({ ...base, diagnostics: [{ file: "/ws/e.ts", line: 3, column: 5, severity: "error", message: "expected 3, got 4", source: "check" }] });
    const [d] = byFile.get("/ws/e.ts")!;
    assert.deepEqual([d.startLine, d.startColumn, d.endLine, d.endColumn], [2, 4, 2, 4]);
    assert.equal(d.message, "expected 3, got 4");
    assert.match(d.source, /check/);
  });

  it("a passing report still lists the learner's file with no diagnostics, so old ones clear", () => {
    const byFile = reportDiagnostics({ ...base, status: "passed" });
    assert.deepEqual(byFile.get("/ws/e.ts"), []);
  });

  it("diagnostics in an imported file are grouped under that file", () => {
    const byFile = reportDiagnostics({ ...base, diagnostics: [{ file: "/ws/helper.ts", line: 1, column: 1, endLine: 1, endColumn: 9, severity: "warning", message: "m", source: "compile" }] });
    assert.deepEqual([...byFile.keys()].sort(), ["/ws/e.ts", "/ws/helper.ts"]);
    assert.equal(byFile.get("/ws/helper.ts")![0].endColumn, 8);
  });

  it("packProblemDiagnostics keeps the problem's code and names the JSON path", () => {
    const byFile = packProblemDiagnostics([{ file: "/p/pack.json", line: 2, column: 3, severity: "error", code: "schema", message: "must have id", jsonPath: "/exercises/0" }]);
    const [d] = byFile.get("/p/pack.json")!;
    assert.equal(d.code, "schema");
    assert.match(d.message, /must have id.*\/exercises\/0/);
    assert.deepEqual([d.startLine, d.startColumn], [1, 2]);
  });
});
