import assert from "node:assert/strict";
import type { CheckReport } from "../../../src/protocol/checkReport";
import type { CheckSpec } from "../../../src/protocol/exercise";
import { describeStatus, mergeSyncedSummary, openNextHint, recordReport, statusOf, toSyncedSummary } from "../../../src/progress/progressModel";
import { reportOf } from "../support/checkReports";

function exercise(caseIds: string[]): { checks: CheckSpec[] } {
  return {
    checks: [
      {
        id: "c",
        function: "f",
        cases: caseIds.map((id) => ({ id, name: id, input: [] })),
        expected: { from: "literal" },
        comparison: { kind: "value" },
        tolerance: {},
        misconceptions: [],
        reveal: "full",
      },
    ],
  };
}

function report(results: Record<string, "passed" | "failed">): CheckReport {
  return reportOf(Object.entries(results).map(([id, status]) => ({ id, checkId: "c", status })));
}

describe("progress model", () => {
  it("statusOf(undefined) is not started", () => {
    assert.equal(describeStatus(statusOf(undefined, exercise(["a"]))), "not started");
  });

  it("a check with 3 failures of 7 reads \"failed 3 of 7\"", () => {
    const ids = ["a", "b", "c", "d", "e", "f", "g"];
    const progress = recordReport(undefined, report({ a: "failed", b: "failed", c: "failed", d: "passed", e: "passed", f: "passed", g: "passed" }));
    assert.equal(describeStatus(statusOf(progress, exercise(ids))), "failed 3 of 7");
    assert.equal(progress.everPassed, false);
  });

  it("a full pass reads \"passed\" and stays everPassed after a later failure", () => {
    const passed = recordReport(undefined, report({ a: "passed", b: "passed" }));
    assert.equal(describeStatus(statusOf(passed, exercise(["a", "b"]))), "passed");
    const later = recordReport(passed, report({ a: "failed", b: "passed" }));
    assert.equal(later.everPassed, true);
    assert.equal(describeStatus(statusOf(later, exercise(["a", "b"]))), "failed 1 of 2");
  });

  it("a pack update that adds a case asks for a new check instead of claiming a pass (matched by case id)", () => {
    const passed = recordReport(undefined, report({ a: "passed", b: "passed" }));
    assert.deepEqual(statusOf(passed, exercise(["b", "a", "new"])), { kind: "outdated", passed: 2, total: 3 });
  });

  it("a pack update that removes a failing case no longer counts it", () => {
    const progress = recordReport(undefined, report({ a: "passed", gone: "failed" }));
    assert.equal(describeStatus(statusOf(progress, exercise(["a"]))), "passed");
  });

  it("openNextHint stops at the top of the ladder", () => {
    let progress = openNextHint(undefined, 2);
    progress = openNextHint(progress, 2);
    progress = openNextHint(progress, 2);
    assert.equal(progress.hintsOpened, 2);
  });

  it("recordReport keeps two checks' cases with the same id apart", () => {
    const twoChecks = report({ seed: "passed" });
    twoChecks.cases.push({ ...twoChecks.cases[0], checkId: "d", status: "failed" });
    const progress = recordReport(undefined, twoChecks);
    assert.deepEqual(progress.passedCaseIds, ["c/seed"]);
    assert.deepEqual(progress.failedCaseIds, ["d/seed"]);
  });

  it("recordReport keeps the hints already opened", () => {
    const progress = recordReport(openNextHint(undefined, 3), report({ a: "failed" }));
    assert.equal(progress.hintsOpened, 1);
  });

  it("mergeSyncedSummary never loses a pass or an opened hint from either machine", () => {
    const local = { "p/e": recordReport(openNextHint(undefined, 3), report({ a: "failed" })) };
    const merged = mergeSyncedSummary(local, { "p/e": { passed: true, hints: 0 }, "p/other": { passed: false, hints: 2 } });
    assert.equal(merged["p/e"].everPassed, true);
    assert.equal(merged["p/e"].hintsOpened, 1);
    assert.deepEqual(merged["p/e"].failedCaseIds, ["c/a"]);
    assert.equal(merged["p/other"].hintsOpened, 2);
  });

  it("an exercise passed on another machine (summary only) shows as passed", () => {
    const merged = mergeSyncedSummary({}, { "p/e": { passed: true, hints: 1 } });
    assert.equal(describeStatus(statusOf(merged["p/e"], exercise(["a"]))), "passed");
  });

  it("toSyncedSummary keeps only the small fields", () => {
    const summary = toSyncedSummary({ "p/e": recordReport(undefined, report({ a: "passed" })) });
    assert.deepEqual(summary, { "p/e": { passed: true, hints: 0 } });
  });
});
