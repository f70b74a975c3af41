/** The WebAssembly inspection loops give the same bits as their TypeScript twins, call for call. */
import * as assert from "node:assert/strict";
import { inspectModel } from "../../../src/models/inspect";
import { SCHEMES } from "../../../src/models/schemes";
import { TypeScriptValueOps, WasmValueOps, float16RoundFast } from "../../../src/models/valueOps";
import { float16Round } from "../../../src/core";
import { kernelsForTest } from "../kernels/loadForTest";
import { openFixture } from "./helpers";

function values(n: number, seed: number): Float32Array {
  let s = seed;
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    const u = s / 4294967296 - 0.5;
    x[i] = i % 53 === 0 ? u * 50 : i % 7 === 0 ? Math.round(u * 16) / 8 : u; // outliers, exact ties, the rest
  }
  return x;
}

describe("inspection loops: WebAssembly = TypeScript", function () {
  this.timeout(60_000);
  it("moments, histogram, int8, Q4_0, Q8_0, FP8 and NF4 over odd spans give identical accumulators", async () => {
    const wasm = new WasmValueOps(await kernelsForTest());
    const ts = new TypeScriptValueOps();
    for (const n of [1, 3, 31, 32, 33, 100, 4099, 70_001]) {
      const x = values(n, n);
      wasm.begin(x);
      ts.begin(x);
      for (const [from, to] of [[0, n], [Math.floor(n / 3), n], [0, Math.max(1, n - 5)]]) {
        const a = Float64Array.of(0, 0, Infinity, -Infinity);
        const b = Float64Array.of(0, 0, Infinity, -Infinity);
        assert.equal(wasm.moments(from, to, a), ts.moments(from, to, b));
        assert.deepEqual(a, b, `moments n=${n} [${from}, ${to})`);
        const ca = new Uint32Array(64);
        const cb = new Uint32Array(64);
        assert.equal(wasm.histogram(from, to, -25, 64 / 50, 0.01, 0.9, ca), ts.histogram(from, to, -25, 64 / 50, 0.01, 0.9, cb));
        assert.deepEqual(ca, cb);
        for (const s of [0.5 / 127, 25 / 127, 1e-3]) {
          const ea = new Float64Array(2);
          const eb = new Float64Array(2);
          wasm.int8Error(from, to, s, ea);
          ts.int8Error(from, to, s, eb);
          assert.deepEqual(ea, eb, `int8 s=${s} n=${n}`);
        }
        const qa = new Float64Array(2);
        const qb = new Float64Array(2);
        wasm.q4_0Error(from, to, qa);
        ts.q4_0Error(from, to, qb);
        assert.deepEqual(qa, qb, `q4_0 n=${n}`);
        wasm.q8_0Error(from, to, qa);
        ts.q8_0Error(from, to, qb);
        assert.deepEqual(qa, qb, `q8_0 n=${n}`);
        for (const s of [25 / 448, 1e-3, 7e-6]) {
          wasm.fp8Error(from, to, s, qa);
          ts.fp8Error(from, to, s, qb);
          assert.deepEqual(qa, qb, `fp8 s=${s} n=${n}`);
        }
        wasm.nf4Error(from, to, qa);
        ts.nf4Error(from, to, qb);
        assert.deepEqual(qa, qb, `nf4 n=${n}`);
      }
    }
  });

  it("int4-g128 over whole groups of rows of many lengths, starting at any group of a row, gives identical accumulators", async () => {
    const wasm = new WasmValueOps(await kernelsForTest());
    const ts = new TypeScriptValueOps();
    const x = values(40_000, 7);
    wasm.begin(x);
    ts.begin(x);
    for (const rowLength of [1, 3, 127, 128, 129, 300, 1000, 4096]) {
      // From the start of a row or from a later group of it: the rest of that row, then whole rows.
      for (const inRow of [0, 128, 256].filter((g) => g < rowLength)) {
        for (const from of [0, 1235]) {
          const rows = Math.min(5, Math.floor((x.length - from - (rowLength - inRow)) / rowLength));
          const to = from + (rowLength - inRow) + rows * rowLength;
          const a = Float64Array.of(0.25, 0.5);
          const b = Float64Array.of(0.25, 0.5);
          wasm.int4Error(from, to, inRow, rowLength, a);
          ts.int4Error(from, to, inRow, rowLength, b);
          assert.deepEqual(a, b, `int4 rowLength=${rowLength} inRow=${inRow} [${from}, ${to})`);
          if (rowLength > 3) assert.ok(a[0] > 0.25, "some error was added"); // a group of one value is exact
        }
      }
    }
  });

  it("Q4_0 and Q8_0 agree at every scale: fp16 block scales subnormal, normal and overflowing to infinity", async () => {
    const wasm = new WasmValueOps(await kernelsForTest());
    const ts = new TypeScriptValueOps();
    for (const scale of [1e-9, 1e-7, 3e-6, 1e-4, 1, 1e3, 3e5, 1e7]) {
      const x = values(4099, 11).map((v) => v * scale);
      wasm.begin(x);
      ts.begin(x);
      for (const scheme of ["q4_0Error", "q8_0Error"] as const) {
        const a = new Float64Array(2);
        const b = new Float64Array(2);
        wasm[scheme](0, x.length, a);
        ts[scheme](0, x.length, b);
        assert.deepEqual(a, b, `${scheme} at scale ${scale}`);
      }
    }
  });

  it("Q4_0 and Q8_0 pick the block's value of largest magnitude as the TypeScript does: ties of v and −v, all negative, all zero", async () => {
    const wasm = new WasmValueOps(await kernelsForTest());
    const ts = new TypeScriptValueOps();
    const blocks: number[][] = [];
    for (let at = 0; at < 32; at += 5) {
      for (const first of [1, -1]) {
        const b = Array.from({ length: 32 }, (_, i) => ((i * 7) % 11) / 20 - 0.25);
        b[at] = 0.75 * first;
        b[(at + 13) % 32] = -0.75 * first; // the same magnitude with the other sign, before or after
        blocks.push(b);
      }
    }
    blocks.push(Array.from({ length: 32 }, (_, i) => -0.01 - i / 64)); // all negative
    blocks.push(Array.from({ length: 32 }, (_, i) => (i % 3 === 0 ? 0.5 : 0.25))); // all positive, repeated maximum
    blocks.push(new Array(32).fill(0), Array.from({ length: 32 }, (_, i) => (i % 2 ? -0 : 0)));
    const x = Float32Array.from(blocks.flat());
    wasm.begin(x);
    ts.begin(x);
    for (let b = 0; b < blocks.length; b++) {
      for (const scheme of ["q4_0Error", "q8_0Error"] as const) {
        const a = new Float64Array(2);
        const e = new Float64Array(2);
        wasm[scheme](b * 32, b * 32 + 32, a);
        ts[scheme](b * 32, b * 32 + 32, e);
        assert.deepEqual(a, e, `${scheme} block ${b}: ${blocks[b].join(",")}`);
      }
    }
  });

  it("a whole report is the same with and without the kernels", async () => {
    const model = await openFixture("model.safetensors");
    const kernels = await kernelsForTest();
    assert.deepEqual(await inspectModel("m", model, { schemes: SCHEMES, kernels }), await inspectModel("m", model, { schemes: SCHEMES }));
  });

  it("the fast float16 rounding equals core float16Round", () => {
    for (let i = 0; i < 100_000; i++) {
      const v = (i % 2 ? -1 : 1) * 10 ** ((i / 100_000) * 14 - 9);
      assert.equal(float16RoundFast(v), float16Round(v), `${v}`);
    }
    for (const v of [65504, 65519, 65520, 2 ** -24, 2 ** -25, 3 * 2 ** -26, 0]) assert.equal(float16RoundFast(v), float16Round(v), `${v}`);
  });
});
