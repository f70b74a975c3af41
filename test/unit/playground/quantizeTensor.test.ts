/**
 * The playground's quantization of a whole tensor, checked against the compute core called directly, group by
 * group, so the charts a learner sees are the core's numbers.
 */
import * as assert from "node:assert/strict";
import {
  FP8_FORMATS,
  NF4_CODEBOOK,
  affineQParams,
  fakeQuantize,
  fp8Decode,
  fp8Round,
  integerRange,
  minMax,
  nf4DequantizeBlocks,
  nf4QuantizeBlocks,
  q4_0Dequantize,
  q4_0Quantize,
  symmetricQParams,
} from "../../../src/core";
import { absPercentile, bytesPerWeight, fp8RoundInto, groupLength, nf4BlockInto, q4_0BlockInto, reconstruct, type Scheme } from "../../../media/playground/model/quantizeTensor";
import { seededNormal } from "../../../media/playground/model/random";
import { sampleTensor, type Tensor } from "../../../media/playground/model/samples";
import { defaultState } from "../../../media/playground/model/state";
import { assertClose } from "../core/tolerance";

const base: Scheme = defaultState().quantization;
const normal = sampleTensor("normal", 4096, 7);
const weights = sampleTensor("weights", 4096, 3);

/** The core, called once per group of `length` values, as the reference. */
function coreGroups(x: Float32Array, length: number, bits: number, symmetric: boolean, rounding: "half-even" | "half-away" | "half-up", clip?: (min: number, max: number) => [number, number]): Float32Array {
  const out = new Float32Array(x.length);
  const range = integerRange(bits, symmetric);
  for (let start = 0; start < x.length; start += length) {
    const group = Array.from(x.subarray(start, Math.min(x.length, start + length)));
    let { min, max } = minMax(group);
    if (clip) [min, max] = clip(min, max);
    const qp = symmetric ? symmetricQParams(min, max, range) : affineQParams(min, max, range);
    out.set(fakeQuantize(group, qp, { rounding, range }), start);
  }
  return out;
}

describe("playground reconstruct(tensor, scheme)", () => {
  for (const bits of [2, 4, 8]) {
    for (const mode of ["affine", "symmetric"] as const) {
      it(`int${bits} ${mode} per tensor equals the core's fakeQuantize with ${mode} observer qparams`, () => {
        const r = reconstruct(normal, { ...base, bits, mode, granularity: "tensor" });
        assertClose(r.values, coreGroups(normal.values, 4096, bits, mode === "symmetric", "half-even"), { abs: 0, rel: 0 });
        assert.equal(r.groups, 1);
        assert.equal(r.grid.length, 2 ** bits);
      });
    }
  }

  it("per channel is one observer per row of 256; per group one per group", () => {
    assertClose(reconstruct(weights, { ...base, granularity: "channel" }).values, coreGroups(weights.values, 256, 4, false, "half-even"), { abs: 0, rel: 0 });
    const g = reconstruct(weights, { ...base, granularity: "group", groupSize: 96, mode: "symmetric" });
    assert.equal(g.groupLength, 96);
    assert.equal(g.groups, Math.ceil(4096 / 96));
    assertClose(g.values, coreGroups(weights.values, 96, 4, true, "half-even"), { abs: 0, rel: 0 });
  });

  for (const rounding of ["half-away", "half-up"] as const) {
    it(`rounding ${rounding} is the core's`, () => {
      assertClose(reconstruct(normal, { ...base, bits: 3, rounding }).values, coreGroups(normal.values, 4096, 3, false, rounding), { abs: 0, rel: 0 });
    });
  }

  it("ratio clipping scales each group's observed range before the observer", () => {
    const r = reconstruct(weights, { ...base, granularity: "channel", clipping: "ratio", clipRatio: 0.6 });
    assertClose(r.values, coreGroups(weights.values, 256, 4, false, "half-even", (min, max) => [min * 0.6, max * 0.6]), { abs: 0, rel: 0 });
  });

  it("percentile clipping caps the range at the nearest-rank percentile of |x|", () => {
    const outliers = sampleTensor("outliers", 65536, 2);
    const sorted = Array.from(outliers.values, Math.abs).sort((a, b) => a - b);
    const c = sorted[Math.ceil(0.995 * sorted.length) - 1];
    assert.equal(absPercentile(outliers.values, 99.5), c);
    assert.equal(absPercentile(outliers.values, 100), sorted[sorted.length - 1]);
    const r = reconstruct(outliers, { ...base, mode: "symmetric", clipping: "percentile", clipPercentile: 99.5 });
    assertClose(r.values, coreGroups(outliers.values, 65536, 4, true, "half-even", (min, max) => [Math.max(min, -c), Math.min(max, c)]), { abs: 0, rel: 0 });
  });

  it("stochastic rounding: reproducible by seed, within one step, unbiased on average", () => {
    const scheme: Scheme = { ...base, bits: 4, rounding: "stochastic", roundingSeed: 11 };
    const a = reconstruct(normal, scheme).values;
    assert.deepEqual(a, reconstruct(normal, scheme).values);
    assert.notDeepEqual(a, reconstruct(normal, { ...scheme, roundingSeed: 12 }).values);
    const { min, max } = minMax(normal.values);
    const step = affineQParams(min, max, integerRange(4, false)).scale;
    let bias = 0;
    for (let i = 0; i < a.length; i++) {
      assert.ok(Math.abs(a[i] - normal.values[i]) < step * (1 + 1e-6), `element ${i} moved more than one step`);
      bias += a[i] - normal.values[i];
    }
    // Nearest rounding's error is uniform in ±step/2; the stochastic mean error must be near 0 (4096 draws).
    assert.ok(Math.abs(bias / a.length) < step * 0.02, `mean error ${bias / a.length} vs step ${step}`);
  });

  it("NF4 equals the core's blockwise NF4 with the group size as block size", () => {
    const r = reconstruct(normal, { ...base, format: "nf4", granularity: "group", groupSize: 64 });
    const { codes, absmax } = nf4QuantizeBlocks(normal.values, 64);
    assertClose(r.values, Float32Array.from(nf4DequantizeBlocks(codes, absmax, 64)), { abs: 0, rel: 0 });
    assert.equal(r.grid.length, 16);
  });

  for (const format of ["e4m3", "e5m2"] as const) {
    it(`FP8 ${format}: x̂ = s · fp8Round(x / s) with s = absmax / ${FP8_FORMATS[format].maxFinite} per group`, () => {
      const r = reconstruct(weights, { ...base, format: `fp8-${format}`, granularity: "channel" });
      const expected = new Float32Array(weights.values.length);
      for (let row = 0; row < 16; row++) {
        const group = weights.values.subarray(row * 256, row * 256 + 256);
        const { min, max } = minMax(group);
        const s = Math.max(-min, max) / FP8_FORMATS[format].maxFinite;
        for (let j = 0; j < 256; j++) expected[row * 256 + j] = s * fp8Round(group[j] / s, format);
      }
      assertClose(r.values, expected, { abs: 0, rel: 0 });
    });
  }

  it("Q4_0 equals the core's block of 32, and a short last block is padded with zeros", () => {
    const odd: Tensor = { name: "odd", shape: [70], values: normal.values.slice(0, 70) };
    const r = reconstruct(odd, { ...base, format: "q4_0" });
    const expected = new Float32Array(70);
    for (let start = 0; start < 70; start += 32) {
      const block = new Float32Array(32);
      block.set(odd.values.subarray(start, Math.min(70, start + 32)));
      const { d, q } = q4_0Quantize(block);
      expected.set(q4_0Dequantize(d, q).subarray(0, Math.min(32, 70 - start)), start);
    }
    assertClose(r.values, expected, { abs: 0, rel: 0 });
    assert.equal(r.groupLength, 32);
  });

  it("groupLength: per channel uses the last dimension; a 1-D tensor's channel is the tensor", () => {
    assert.equal(groupLength("channel", 128, weights), 256);
    assert.equal(groupLength("channel", 128, { name: "v", shape: [300], values: new Float32Array(300) }), 300);
    assert.equal(groupLength("group", 512, { name: "v", shape: [300], values: new Float32Array(300) }), 300);
  });

  it("bytesPerWeight counts the scales: int4 symmetric group 128 = 4.125 bits, Q4_0 = 4.5 bits, NF4/64 = 4.5 bits", () => {
    assert.equal(bytesPerWeight({ ...base, bits: 4, mode: "symmetric" }, 128) * 8, 4.125);
    assert.equal(bytesPerWeight({ ...base, bits: 4, mode: "affine" }, 128) * 8, 4 + 20 / 128);
    assert.equal(bytesPerWeight({ ...base, format: "q4_0" }, 32) * 8, 4.5);
    assert.equal(bytesPerWeight({ ...base, format: "nf4" }, 64) * 8, 4.5);
    assert.equal(bytesPerWeight({ ...base, format: "fp8-e4m3" }, 4096) * 8, 8 + 32 / 4096);
  });
});

describe("playground fp8RoundInto(format)", () => {
  for (const format of ["e4m3", "e5m2"] as const) {
    it(`equals the core's fp8Round(x, "${format}") at every value, every midpoint, either side of each, and beyond the range`, () => {
      const roundInto = fp8RoundInto(format);
      const values = new Set<number>();
      for (let bits = 0; bits < 256; bits++) {
        const v = fp8Decode(bits, format);
        if (Number.isFinite(v)) values.add(v);
      }
      const sorted = [...values].sort((a, b) => a - b);
      const probes: number[] = [...sorted, FP8_FORMATS[format].maxFinite * 1.01, 1e30, -1e30, 1e-30, -1e-30, -0];
      for (let i = 0; i + 1 < sorted.length; i++) {
        const mid = (sorted[i] + sorted[i + 1]) / 2;
        probes.push(mid, mid * (1 + 2 ** -40), mid * (1 - 2 ** -40));
      }
      const random = seededNormal(5);
      for (let i = 0; i < 20000; i++) probes.push(random() * 10 ** ((i % 12) - 6) * (format === "e4m3" ? 100 : 10000));
      const out = new Float64Array(probes.length);
      roundInto(probes, 0, probes.length, 1, out);
      probes.forEach((x, i) => {
        const expected = fp8Round(x, format);
        assert.ok(Object.is(out[i], expected), `fp8RoundInto(${format}) of ${x} = ${out[i]}, fp8Round gives ${expected}`);
      });
      // With a scale: s · fp8Round(x / s).
      const scaled = new Float64Array(3);
      roundInto([0.3, -7, 1e9], 0, 3, 0.01, scaled);
      assert.deepEqual(Array.from(scaled), [0.3, -7, 1e9].map((x) => 0.01 * fp8Round(x / 0.01, format)));
    });
  }
});

/** The core's NF4 of one block, dequantized, as float32 (what the playground keeps). */
function coreNf4(block: number[]): Float32Array {
  const { codes, absmax } = nf4QuantizeBlocks(block, block.length);
  return Float32Array.from(nf4DequantizeBlocks(codes, absmax, block.length));
}

describe("playground nf4BlockInto(x, start, end, out)", () => {
  it("equals the core's NF4 at every code, every midpoint, either side of each, signed zeros and an all-zero block", () => {
    const probes: number[] = [...NF4_CODEBOOK, -0, 0];
    for (let c = 0; c + 1 < 16; c++) {
      const mid = (NF4_CODEBOOK[c] + NF4_CODEBOOK[c + 1]) / 2;
      probes.push(mid, mid + 2 ** -52, mid - 2 ** -52, mid * (1 + 2 ** -30), mid * (1 - 2 ** -30));
    }
    const random = seededNormal(11);
    for (let i = 0; i < 5000; i++) probes.push(Math.max(-1, Math.min(1, random() / 3)));
    // One block per probe beside ±1 (so absmax = 1 and x / absmax = the probe), plus blocks scaled by 0.37.
    for (const scale of [1, 0.37, 3e-30]) {
      for (const p of probes) {
        const block = [p * scale, scale, -scale];
        const out = new Float32Array(3);
        nf4BlockInto(block, 0, 3, out);
        const expected = coreNf4(block);
        for (let i = 0; i < 3; i++) assert.ok(Object.is(out[i], expected[i]), `NF4 of ${block[i]} in [${block}]: ${out[i]}, the core gives ${expected[i]}`);
      }
    }
    const zeros = new Float32Array(4).fill(NaN);
    assert.equal(nf4BlockInto([0, -0, 0, 0], 0, 4, zeros), 0);
    assert.deepEqual(Array.from(zeros), Array.from(coreNf4([0, -0, 0, 0])));
  });

  it("gives NaN for a block the core refuses, and reconstruct throws the core's message", () => {
    assert.ok(Number.isNaN(nf4BlockInto([1, NaN], 0, 2, new Float32Array(2))));
    assert.ok(Number.isNaN(nf4BlockInto([1, -Infinity], 0, 2, new Float32Array(2))));
    const bad: Tensor = { name: "bad", shape: [4], values: Float32Array.from([1, 2, Infinity, 3]) };
    assert.throws(() => reconstruct(bad, { ...base, format: "nf4", granularity: "group", groupSize: 64 }), /nf4QuantizeBlocks/);
  });
});

describe("playground q4_0BlockInto(x, start, end, out)", () => {
  it("equals the core's Q4_0 on ties of magnitude, signed zeros, the + 8.5 edge, codes clamped at 15, tiny and large scales", () => {
    const random = seededNormal(13);
    const blocks: number[][] = [
      new Array(32).fill(0),
      [-0, ...new Array(31).fill(0)],
      [-4, 4, ...new Array(30).fill(1)],
      [4, -4, ...new Array(30).fill(-1)],
      Array.from({ length: 32 }, (_, i) => (i - 16) / 2),
      Array.from({ length: 32 }, (_, i) => ((i % 17) - 8) * 0.125),
      Array.from({ length: 32 }, () => random() * 1e-6),
      Array.from({ length: 32 }, () => random() * 5e4),
    ];
    for (let b = 0; b < 300; b++) blocks.push(Array.from({ length: 32 }, () => random() * 10 ** ((b % 7) - 3)));
    for (const block of blocks) {
      for (const length of [32, 17]) {
        const x = Float32Array.from(block.slice(0, length));
        const out = new Float32Array(length).fill(NaN);
        const d = q4_0BlockInto(x, 0, length, out);
        const padded = new Float32Array(32);
        padded.set(x);
        const core = q4_0Quantize(padded);
        const expected = q4_0Dequantize(core.d, core.q).subarray(0, length);
        assert.ok(Object.is(d, core.d), `d of [${block}]: ${d}, the core gives ${core.d}`);
        for (let i = 0; i < length; i++) assert.ok(Object.is(out[i], expected[i]), `Q4_0 of ${x[i]} in [${block}]: ${out[i]}, the core gives ${expected[i]}`);
      }
    }
  });

  it("gives NaN where the core refuses (d beyond float16, a value not finite), and reconstruct throws the core's message", () => {
    assert.ok(Number.isNaN(q4_0BlockInto(new Float32Array(32).fill(1e6), 0, 32, new Float32Array(32))));
    assert.ok(Number.isNaN(q4_0BlockInto([1, NaN], 0, 2, new Float32Array(2))));
    const big: Tensor = { name: "big", shape: [40], values: new Float32Array(40).fill(1e6) };
    assert.throws(() => reconstruct(big, { ...base, format: "q4_0" }), /q4_0Quantize.*float16/);
  });
});
