import assert from "node:assert/strict";
import { formatBytes, formatCount, formatList, formatNumber, formatParams, formatResultText } from "../../../src/calculators/formatValues";

describe("formatValues", () => {
  it("formatNumber keeps 7 significant digits and drops trailing zeros", () => {
    assert.equal(formatNumber(0.7310585786300049), "0.7310586");
    assert.equal(formatNumber(3), "3");
    assert.equal(formatNumber(0.5), "0.5");
    assert.equal(formatNumber(-2.5e-7), "-2.5e-7");
    assert.equal(formatNumber(0), "0");
    assert.equal(formatNumber(36_000_000), "36000000");
    assert.equal(formatNumber(123456789), "123456800");
    assert.equal(formatNumber(2e15), "2e+15");
  });
  it("formatNumber writes ∞ and NaN readably", () => {
    assert.equal(formatNumber(Infinity), "∞");
    assert.equal(formatNumber(-Infinity), "-∞");
    assert.equal(formatNumber(NaN), "NaN");
  });
  it("formatList brackets the values", () => {
    assert.equal(formatList(new Float64Array([0.7310585786, 0.2689414214])), "[0.7310586, 0.2689414]");
  });
  it("formatBytes gives GB, GiB and bytes with separators", () => {
    assert.equal(formatBytes(6.5e9, 6.5, 6.5e9 / 2 ** 30), "6.5 GB (6.054 GiB, 6,500,000,000 bytes)");
    assert.equal(formatCount(1234567), "1,234,567");
  });
  it("formatParams says 7B, 1.5T, 20M", () => {
    assert.deepEqual([7e9, 1.5e12, 20e6, 350e3, 12].map(formatParams), ["7B", "1.5T", "20M", "350K", "12"]);
  });
  it("formatResultText aligns labels under a heading", () => {
    assert.equal(formatResultText("T", [{ label: "a", value: "1" }, { label: "bbb", value: "2" }]), "T\n  a    1\n  bbb  2");
  });
});
