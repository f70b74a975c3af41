import * as assert from "node:assert/strict";
import { magnitudePruneMask, nmSparsityMask, nmSparsityReport } from "../../../src/core";

const DOC = [0.1, -0.9, 0.4, 0.3, 2, -2, 0, 1];

describe("sparsity (N:M and unstructured masks)", () => {
  it("nmSparsityMask(doc, 2, 4) keeps the two largest magnitudes of each group of four, signs ignored", () => {
    assert.deepEqual(nmSparsityMask(DOC, 2, 4), [0, 1, 1, 0, 1, 1, 0, 0]);
  });

  it("nmSparsityMask keeps exactly n of every m, whatever the values (seeded)", () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
    for (const [n, m] of [[2, 4], [1, 4], [4, 8], [0, 4], [4, 4]]) {
      const w = Array.from({ length: 8 * m }, next);
      const mask = nmSparsityMask(w, n, m);
      for (let g = 0; g < w.length; g += m) assert.equal(mask.slice(g, g + m).reduce((a, b) => a + b, 0), n, `${n}:${m} group ${g / m}`);
    }
  });

  it("nmSparsityMask([1, -1, 1, -1], 2, 4) breaks magnitude ties by the lower index", () => {
    assert.deepEqual(nmSparsityMask([1, -1, 1, -1], 2, 4), [1, 1, 0, 0]);
    assert.deepEqual(magnitudePruneMask([1, -1, 1, -1], 1), [1, 0, 0, 0]);
  });

  it("nmSparsityReport(doc, 2, 4, 16): half kept, 1 metadata bit per weight, 9 stored bits, N:M error ≥ unstructured", () => {
    const r = nmSparsityReport(DOC, 2, 4, 16);
    assert.deepEqual({ ...r, nmError: undefined, unstructuredError: undefined }, { keptFraction: 0.5, metadataBitsPerWeight: 1, storedBitsPerWeight: 9, nmError: undefined, unstructuredError: undefined });
    assert.ok(Math.abs(r.nmError - 1.1) < 1e-15 && Math.abs(r.unstructuredError - 0.26) < 1e-15);
    assert.ok(r.unstructuredError <= r.nmError);
  });

  it("hostile input throws naming the function and the argument", () => {
    assert.throws(() => nmSparsityMask([1, 2, 3], 2, 4), /^Error: nmSparsityMask: w's length \(3\) must be a multiple of m \(4\)/);
    assert.throws(() => nmSparsityMask(DOC, 5, 4), /^Error: nmSparsityMask: n must be an integer from 0 to 4, got 5/);
    assert.throws(() => nmSparsityMask(DOC, 1, 0), /^Error: nmSparsityMask: m must be an integer from 1 to 64, got 0/);
    assert.throws(() => nmSparsityMask([NaN, 1, 2, 3], 2, 4), /^Error: nmSparsityMask: w\[0\] must be a finite number/);
    assert.throws(() => magnitudePruneMask(DOC, 9), /^Error: magnitudePruneMask: keep must be an integer from 0 to 8, got 9/);
    assert.throws(() => nmSparsityReport(DOC, 2, 4, 0), /^Error: nmSparsityReport: valueBits must be an integer from 1 to 64, got 0/);
  });
});
