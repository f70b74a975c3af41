/**
 * softmaxRows into a Float32Array: the float32-precision exponential (softmaxExpFloat32) and the row it builds,
 * against Math.exp and numpy's float64 softmax (test/unit/fixtures/core/vectors.json). The WebAssembly kernel
 * is held to these bits in test/unit/kernels/.
 */
import * as assert from "node:assert/strict";
import { softmax, softmaxRows } from "../../../src/core";
import { softmaxExpFloat32 } from "../../../src/core/float32Exp";
import { assertClose } from "./tolerance";
import { loadVectors } from "./vectors";

/** The distance between v (a positive float32) and the next float32 up; 2^-149 below the normal range. */
function float32Ulp(v: number): number {
  if (v < 2 ** -126) return 2 ** -149;
  return 2 ** (Math.floor(Math.log2(v)) - 23);
}

describe("softmaxExpFloat32", () => {
  it("is within one float32 ulp of Math.exp over (−700, 0]", () => {
    let s = 12345;
    const uniform = (): number => {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      return (s >>> 0) / 4294967296;
    };
    let worst = 0;
    for (const range of [1e-9, 0.35, 1.1, 20, 88, 104, 699.9]) {
      for (let i = 0; i < 100_000; i++) {
        const z = -uniform() * range;
        const expected = Math.exp(z);
        if (expected < 2 ** -149) continue; // no float32 holds it
        worst = Math.max(worst, Math.abs(softmaxExpFloat32(z) - expected) / float32Ulp(expected));
      }
    }
    assert.ok(worst <= 1, `worst error ${worst} float32 ulps`);
  });
  it("softmaxExpFloat32(0) and (−0) are 1; −Infinity and ≤ −700 give 0; NaN gives NaN", () => {
    assert.equal(softmaxExpFloat32(0), 1);
    assert.equal(softmaxExpFloat32(-0), 1);
    assert.equal(softmaxExpFloat32(-Infinity), 0);
    assert.equal(softmaxExpFloat32(-700), 0);
    assert.ok(softmaxExpFloat32(-699.99) > 0);
    assert.ok(Number.isNaN(softmaxExpFloat32(NaN)));
  });
  it("returns values a float32 holds exactly (above the subnormal range)", () => {
    for (const z of [-1e-8, -0.2, -0.5, -1, -3.7, -50, -87]) assert.equal(Math.fround(softmaxExpFloat32(z)), softmaxExpFloat32(z), `z = ${z}`);
  });
});

describe("softmaxRows into a Float32Array", () => {
  it("agrees with numpy's float64 softmax rows (vectors.json) to float32 precision", () => {
    const c = loadVectors().softmax.find((v) => v.fn === "softmaxRows");
    assert.ok(c, "vectors.json has a softmaxRows case");
    const [logits, rowLength, temperature] = c.args as [number[], number, number];
    const out = softmaxRows(logits, rowLength, temperature, { out: new Float32Array(logits.length) });
    assert.ok(out instanceof Float32Array);
    assertClose(Array.from(out), c.expected as number[], { abs: 1e-30, rel: 1e-6 });
  });
  it("agrees with the float64 softmax on rows of float32 logits at several scales and temperatures", () => {
    for (const [scale, temperature] of [[1, 1], [30, 0.5], [1000, 2], [1e-3, 1e-4]]) {
      const rowLength = 37;
      const x = Float32Array.from({ length: rowLength * 20 }, (_, i) => Math.sin(i * 12.9898) * scale);
      const out = softmaxRows(x, rowLength, temperature) as Float32Array;
      for (let r = 0; r < 20; r++) {
        const row = x.subarray(r * rowLength, (r + 1) * rowLength);
        assertClose(Array.from(out.subarray(r * rowLength, (r + 1) * rowLength)), Array.from(softmax(row, temperature)), { abs: 1e-30, rel: 2e-6 });
      }
    }
  });
  it("softmaxRows(x, n, 5e-324) gives the row's max 1 and the rest 0 (1/T overflows, so it divides)", () => {
    const out = softmaxRows(Float32Array.of(1, 3, 2, 0.5, 0.25, 0.75), 3, 5e-324) as Float32Array;
    assert.deepEqual(Array.from(out), [0, 1, 0, 0, 0, 1]);
  });
});
