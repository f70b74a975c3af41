import assert from "node:assert/strict";
import type { CaseResult } from "../../../src/protocol/checkReport";
import { orderCases } from "../../../src/runner/orderCases";

function result(id: string, status: CaseResult["status"], input: CaseResult["input"]): CaseResult {
  return { id, checkId: "c", function: "f", name: id, status, input, message: "", reveal: "full" };
}

describe("orderCases", () => {
  it("puts the smallest failing case first, then other failures in pack order, then passes", () => {
    const ordered = orderCases([
      result("pass", "passed", [1]),
      result("big", "failed", [[1, 2, 3, 4]]),
      result("small", "failed", [[5]]),
      result("error", "error", [[1, 2]]),
    ]);
    assert.deepEqual(ordered.map((r) => r.id), ["small", "big", "error", "pass"]);
  });
  it("breaks ties in size by magnitude", () => {
    const ordered = orderCases([result("large", "failed", [100]), result("tiny", "failed", [0.5])]);
    assert.equal(ordered[0].id, "tiny");
  });
  it("measures a hidden case by its real input, not the empty input its report shows", () => {
    const hidden = result("hidden", "failed", []);
    const shown = result("shown", "failed", [1]);
    const inputs: Record<string, CaseResult["input"]> = { hidden: [[1, 2, 3]], shown: [1] };
    assert.equal(orderCases([hidden, shown], (r) => inputs[r.id])[0].id, "shown");
  });
});
