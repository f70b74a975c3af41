import assert from "node:assert/strict";
import { groupFailures } from "../../../media/results/failureGroups";
import { digitsToTellApart, significant, signedDifference } from "../../../media/results/numberFormat";
import type { CaseResult } from "../../../src/protocol/checkReport";
import type { Json } from "../../../src/protocol/json";

const HALF_UP = "Your value rounds a tie upward (2.5 → 3), as JavaScript's Math.round does.";

function failed(id: string, input: Json[], expected: Json | undefined, actual: Json | undefined, extra: Partial<CaseResult> = {}): CaseResult {
  const message = extra.message ?? `expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)} at input (${input.join(", ")})`;
  return { id, checkId: "quantize", function: "quantize", name: `quantize(${input.join(", ")})`, status: "failed", input, expected, actual, reveal: "full", ...extra, message };
}

function halfUp(id: string, input: Json[], expected: number, actual: number): CaseResult {
  const base = failed(id, input, expected, actual);
  return { ...base, message: `${base.message}: ${HALF_UP}`, misconception: { id: "half-up", message: HALF_UP } };
}

describe("groupFailures (the failure view's model)", () => {
  it("groupFailures(9 half-up cases) says the misconception once, above 9 rows", () => {
    const cases = Array.from({ length: 9 }, (_, i) => halfUp(`c${i}`, [i + 0.5, 1, 0], i % 2 === 0 ? i : i + 1, i + 1));
    const groups = groupFailures(cases);
    assert.equal(groups.length, 1);
    assert.equal(groups[0].kind, "misconception");
    assert.equal(groups[0].message, HALF_UP);
    assert.equal(groups[0].rows.length, 9);
    assert.ok(groups[0].rows.every((r) => r.note === undefined), "the misconception is repeated in a row");
  });

  it("groupFailures keeps report order: the group of the smallest failure comes first", () => {
    const groups = groupFailures([
      failed("a", [1, 1, 0], 1, 7),
      halfUp("b", [2.5, 1, 0], 2, 3),
      failed("c", [3, 1, 0], 3, 9),
      { ...failed("p", [0, 1, 0], 0, 0), status: "passed" },
    ]);
    assert.deepEqual(groups.map((g) => [g.key, g.rows.map((r) => r.caseId)]), [
      ["unexplained", ["quantize/a", "quantize/c"]],
      ["half-up", ["quantize/b"]],
    ]);
  });

  it("a row reads input / expected / yours / signed difference", () => {
    const [row] = groupFailures([halfUp("t", [2.5, 1, 0], 2, 3)])[0].rows;
    assert.deepEqual([row.input.text, row.expected.text, row.yours.text, row.difference.text], ["(2.5, 1, 0)", "2", "3", "+1"]);
  });

  it("long numbers are short on screen and exact in full; two different numbers never print alike", () => {
    const [row] = groupFailures([failed("f", [0.1, 0.2], 0.30000000000000004, 0.3)])[0].rows;
    assert.notEqual(row.expected.text, row.yours.text);
    assert.equal(row.expected.full, "0.30000000000000004");
    assert.equal(row.yours.full, "0.3");
    assert.equal(row.difference.text, "\u22125.551e-17");
    const [wide] = groupFailures([failed("w", [1], 0.123456789012, 0.5)])[0].rows;
    assert.equal(wide.expected.text, "0.1235");
    assert.equal(wide.expected.full, "0.123456789012");
  });

  it("array results: how many elements differ and the largest difference, with its index", () => {
    const [row] = groupFailures([failed("arr", [[1, 2, 3, 4]], [1, 2, 3, 4], [1, 2.5, 3, 3])])[0].rows;
    assert.equal(row.difference.text, "2 of 4 differ; largest −1 at [3]");
    assert.equal(row.difference.full, "[0,0.5,0,-1]");
    const [short] = groupFailures([failed("len", [[1, 2]], [1, 2], [1])])[0].rows;
    assert.equal(short.difference.text, "1 items, not 2");
  });

  it("object results: the fields that differ, signed", () => {
    const [row] = groupFailures([failed("obj", [-1, 1], { scale: 0.00784313725490196, zeroPoint: 0 }, { scale: 0.0078125, zeroPoint: -1 })])[0].rows;
    assert.equal(row.difference.text, "scale \u22123.064e-5; zeroPoint \u22121");
  });

  it("a note keeps what the cells do not say (a tolerance, a thrown error) and drops what they do", () => {
    const tolerance = failed("tol", [1], 1, 1.1, { message: "expected 1, got 1.1 (off by 0.1; allowed 0 + 1e-9·|expected|) at input (1)" });
    const plain = failed("plain", [2], 2, 3);
    const rows = groupFailures([tolerance, plain])[0].rows;
    assert.equal(rows[0].note, "expected 1, got 1.1 (off by 0.1; allowed 0 + 1e-9·|expected|)");
    assert.equal(rows[1].note, undefined);
  });

  it("cases that threw are grouped by their error, said once", () => {
    const threw = (id: string, x: number): CaseResult => ({ ...failed(id, [x], 1, undefined), status: "error", message: `quantize threw at input (${x}): TypeError: x.map is not a function` });
    const groups = groupFailures([threw("e1", 1), threw("e2", 2)]);
    assert.equal(groups.length, 1);
    assert.equal(groups[0].kind, "error");
    assert.equal(groups[0].message, "quantize threw: TypeError: x.map is not a function");
    assert.equal(groups[0].rows[1].yours.text, "—");
  });

  it("hidden cases show no input or expected value", () => {
    const hidden: CaseResult = { ...halfUp("h", [], 0, 0), input: [], expected: undefined, actual: undefined, reveal: "category-only", message: `wrong answer on a hidden case: ${HALF_UP}`, name: "hidden case: a negative tie" };
    const [row] = groupFailures([hidden])[0].rows;
    assert.deepEqual([row.input.text, row.expected.text, row.yours.text, row.difference.text], ["hidden", "hidden", "hidden", "—"]);
  });
});

describe("number formatting", () => {
  it("significant(x) keeps 4 digits, exact integers and readable exponents", () => {
    assert.equal(significant(0.123456), "0.1235");
    assert.equal(significant(1234567), "1234567");
    assert.equal(significant(2.5), "2.5");
    assert.equal(significant(1.23456e-7), "1.235e-7");
    assert.equal(significant(-0), "-0");
    assert.equal(significant(NaN), "NaN");
    assert.equal(significant(1e300), "1e+300");
  });
  it("digitsToTellApart(0.30000000000000004, 0.3) is 17", () => {
    assert.equal(digitsToTellApart(0.30000000000000004, 0.3), 17);
    assert.equal(digitsToTellApart(1.23451, 1.23459), 5);
    assert.equal(digitsToTellApart(2, 3), 4);
  });
  it("signedDifference(-0.5) uses a real minus sign", () => {
    assert.equal(signedDifference(-0.5), "\u22120.5");
    assert.equal(signedDifference(1), "+1");
    assert.equal(signedDifference(0), "0");
  });
});
