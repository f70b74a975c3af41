import assert from "node:assert/strict";
import { caseCount, caseCountText, functionCaseCountText } from "../../../src/protocol/caseCounts";

const summary = (passed: number, failed: number, errored: number) => ({ summary: { passed, failed, errored, total: passed + failed + errored } });

describe("case counts (one definition for every view)", () => {
  it("caseCount counts a case that could not run as failing", () => {
    assert.deepEqual(caseCount(summary(64, 7, 2)), { failing: 9, passed: 64, total: 73 });
  });
  it('caseCountText(64 passed, 9 failed) is "9 of 73 cases fail"', () => {
    assert.equal(caseCountText(summary(64, 9, 0)), "9 of 73 cases fail");
    assert.equal(caseCountText(summary(73, 0, 0)), "all 73 cases pass");
    assert.equal(caseCountText(summary(0, 1, 0)), "1 of 1 case fails");
  });
  it('functionCaseCountText(9, 73, "quantize") counts against the exercise\'s total', () => {
    assert.equal(functionCaseCountText(9, 73, "quantize"), "9 of 73 cases fail in quantize");
  });
});
