import assert from "node:assert/strict";
import { caseName } from "../../../src/packs/caseNames";
import { formatProblem } from "../../../src/packs/formatProblem";

describe("caseName(functionName, input)", () => {
  it("writes the call a learner would write", () => {
    assert.equal(caseName("quantize", [0.3, 0.1, 0]), "quantize(0.3, 0.1, 0)");
    assert.equal(caseName("softmax", [[2, 0], 2]), "softmax([2, 0], 2)");
    assert.equal(caseName("f", ["a", null, true]), 'f("a", null, true)');
  });

  it("abbreviates long arrays and long fractions, and stays under 80 characters", () => {
    assert.equal(caseName("mse", [Array.from({ length: 64 }, (_, i) => i)]), "mse([0, 1, … 64 items])");
    assert.equal(caseName("f", [0.1234567890123]), "f(0.123457)");
    assert.ok(caseName("f", Array.from({ length: 40 }, () => 123456)).length <= 80);
  });
});

describe("formatProblem(problem, displayPath)", () => {
  it("prints file:line:column: severity: path: message [code]", () => {
    const problem = { file: "/p/pack.json", line: 3, column: 5, jsonPath: "/id", severity: "error" as const, code: "schema", message: "bad" };
    assert.equal(formatProblem(problem, (f) => f.replace("/p/", "")), "pack.json:3:5: error: /id: bad [schema]");
    assert.equal(formatProblem({ ...problem, jsonPath: undefined }), "/p/pack.json:3:5: error: bad [schema]");
  });
});
