/** The fast per-element paths of src/models/schemes.ts equal the core's readable definitions. */
import * as assert from "node:assert/strict";
import { fp8Round, nf4Quantize, q4_0Dequantize, q4_0Quantize, q8_0Dequantize, q8_0Quantize } from "../../../src/core";
import { bytesFile } from "../../../src/models/file";
import { inspectModel } from "../../../src/models/inspect";
import { e4m3RoundNonNegative, nf4Code, schemeBytes } from "../../../src/models/schemes";
import { fileRange } from "../../../src/models/tensor";

function generator(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

describe("scheme kernels equal the core", () => {
  it("E4M3 rounding equals core fp8Round over seven decades, subnormals, ties and the saturation edge", () => {
    const u = generator(5);
    const values = [0, 2 ** -9, 2 ** -10, 3 * 2 ** -10, 2 ** -6, 448, 448.0000001, 464, 480, 1e-300, 5e-324];
    for (let i = 0; i < 200_000; i++) values.push(10 ** (u() * 10 - 7) * (i % 2 ? 1 : 448));
    for (let k = 0; k < 2000; k++) values.push((k + 0.5) * 2 ** -9); // exact ties of the subnormal step
    for (const v of values) assert.equal(e4m3RoundNonNegative(v), fp8Round(v, "e4m3"), `e4m3(${v})`);
  });

  it("the NF4 code equals core nf4Quantize's (lower code on a tie), ties at every midpoint included", () => {
    const u = generator(6);
    const values: number[] = [];
    for (let i = 0; i < 100_000; i++) values.push(u() * 2 - 1);
    const codebook = [-1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453, -0.28444138169288635, -0.18477343022823334, -0.09105003625154495, 0.0, 0.07958029955625534, 0.16093020141124725, 0.24611230194568634, 0.33791524171829224, 0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0];
    for (let c = 0; c + 1 < 16; c++) values.push((codebook[c] + codebook[c + 1]) / 2, codebook[c]);
    for (const v of values) {
      // nf4Quantize divides by the block's absmax; a block [v, 1] has absmax 1, so v is looked up as is.
      assert.equal(nf4Code(v), nf4Quantize([v, 1]).codes[0], `nf4(${v})`);
    }
  });

  it("q4_0 and q8_0 of a tensor equal core q4_0/q8_0 block by block (MSE from the core's dequantized blocks)", async () => {
    const u = generator(7);
    const n = 32 * 200;
    const x = new Float32Array(n);
    for (let i = 0; i < n; i++) x[i] = (u() - 0.5) * (i % 97 === 0 ? 40 : 1);
    for (let i = 64; i < 96; i++) x[i] = ((i % 5) - 2) * 0.25; // ties
    // Squares summed in four lanes (index mod 4), as inspect's loops do; the tensor is one chunk here.
    const q4l = [0, 0, 0, 0];
    const q8l = [0, 0, 0, 0];
    for (let b = 0; b < n; b += 32) {
      const block = x.subarray(b, b + 32);
      const r4 = q4_0Quantize(block);
      const d4 = q4_0Dequantize(r4.d, r4.q);
      const r8 = q8_0Quantize(block);
      const d8 = q8_0Dequantize(r8.d, r8.q);
      for (let i = 0; i < 32; i++) {
        q4l[(b + i) & 3] += (block[i] - d4[i]) ** 2;
        q8l[(b + i) & 3] += (block[i] - d8[i]) ** 2;
      }
    }
    const q4 = q4l[0] + q4l[1] + (q4l[2] + q4l[3]);
    const q8 = q8l[0] + q8l[1] + (q8l[2] + q8l[3]);
    const file = bytesFile("x", new Uint8Array(x.buffer));
    const model = { format: "npy" as const, metadata: {}, tensors: [{ name: "x", dtype: "F32", shape: [n], params: n, bytes: 4 * n, data: fileRange(file, 0, 4 * n, "F32") }] };
    const r = await inspectModel("x", model, { schemes: ["q4_0", "q8_0"] });
    assert.equal(r.tensors[0].schemes.q4_0!.mse, q4 / n);
    assert.equal(r.tensors[0].schemes.q8_0!.mse, q8 / n);
  });

  it("bytes per scheme follow the issue's definitions", () => {
    assert.equal(schemeBytes("q4_0", [4096, 4096]), (4096 * 4096 * 18) / 32);
    assert.equal(schemeBytes("q8_0", [33]), 2 * 34);
    assert.equal(schemeBytes("nf4-b64", [65]), 33 + 2 * 4);
    assert.equal(schemeBytes("int4-g128", [3, 130]), 195 + 2 * 3 * 2);
    assert.equal(schemeBytes("int8-per-channel", [7, 2, 3]), 42 + 7 * 4);
    assert.equal(schemeBytes("int8-per-channel", [9]), 9 + 4);
    assert.equal(schemeBytes("fp8-e4m3", []), 1 + 4);
  });
});
