/**
 * The WebAssembly kernels against the TypeScript core, bit for bit, over random values at several scales, values
 * on and next to rounding ties, and the edge values of float32. The unit run checks about a million values per
 * kernel and case family; KERNEL_PROPERTY_VALUES=16777216 (or any count) checks more. fakeQuantize and
 * groupQuantize take a float32 fast path that must hand every block it cannot prove exact to the float64 path,
 * so their inputs sit on, and a few float32 steps around, the half-integers of x / scale at scales 1e-30 … 1e30.
 */
import * as assert from "node:assert/strict";
import { fakeQuantize, groupQuantize, mse, softmaxRows } from "../../../src/core";
import { CHUNK_VALUES, Kernels } from "../../../src/kernels";
import { kernelsForTest } from "./loadForTest";

const COUNT = Number(process.env.KERNEL_PROPERTY_VALUES ?? 1 << 20);

/** A seeded generator (xorshift32) so a failure can be reproduced from its seed. */
function generator(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** Roughly normal values times `scale`, with a sprinkle of zeros, −0 and outliers. */
function randomValues(n: number, scale: number, seed: number): Float32Array {
  const u = generator(seed);
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const r = u();
    if (r < 0.001) x[i] = 0;
    else if (r < 0.002) x[i] = -0;
    else if (r < 0.004) x[i] = (u() - 0.5) * scale * 1000;
    else x[i] = (u() + u() + u() - 1.5) * scale;
  }
  return x;
}

/**
 * Values on ties of `step` ((k + ½)·step rounded to float32) and their float32 neighbours up to 3 steps away in
 * magnitude, the values where float32 arithmetic could round x / step differently from float64. Most blocks of 64
 * hold several, so nearly every block takes the exact path; `sparse` keeps one such value per 64 among random ones.
 */
function tieValues(n: number, step: number, maxCode: number, seed: number, sparse = false): Float32Array {
  const u = generator(seed);
  const x = new Float32Array(n);
  const bits = new Int32Array(x.buffer);
  for (let i = 0; i < n; i++) {
    const k = Math.floor(u() * 2 * maxCode) - maxCode;
    if (sparse && i % 64 !== 37) {
      x[i] = (k + u()) * step;
      continue;
    }
    x[i] = (k + 0.5) * step;
    const nudge = (i >> 6) % 7; // 0: the tie itself, 1–3: that many float32 steps up, 4–6: 1–3 down (in magnitude)
    if (x[i] !== 0) bits[i] += nudge <= 3 ? nudge : 3 - nudge;
  }
  return x;
}

/**
 * Groups whose scale is a short float s (absmax = qpos·s, so absmax / qpos = s exactly) at scales 2^-100 … 2^100,
 * the other values on half-integers of s and a few float32 steps around them: ties of each group's own scale.
 */
function groupTieValues(n: number, groupSize: number, bits: number, seed: number): Float32Array {
  const u = generator(seed);
  const qpos = 2 ** (bits - 1) - 1;
  const x = new Float32Array(n);
  const ints = new Int32Array(x.buffer);
  for (let start = 0; start < n; start += groupSize) {
    const end = Math.min(n, start + groupSize);
    const s = (1 + Math.floor(u() * 64) / 64) * 2 ** (Math.floor(u() * 200) - 100);
    for (let i = start; i < end; i++) {
      const k = Math.floor(u() * 2 * (qpos + 1)) - qpos - 1;
      x[i] = (k + 0.5) * s;
      const nudge = Math.floor(u() * 7) - 3;
      if (x[i] !== 0) ints[i] += nudge;
    }
    x[start + Math.floor(u() * (end - start))] = (u() < 0.5 ? -qpos : qpos) * s;
  }
  return x;
}

/** Edge values of float32: ±0, subnormals, the largest finite, powers of two; 16 of them, then 240 more in a seeded order (whole blocks of 64). */
function edgeValues(): Float32Array {
  const values = [0, -0, 1e-45, -1e-45, 1.1754942e-38, 1.17549435e-38, 3.4028235e38, -3.4028235e38, 1, -1, 0.5, -0.5, 2 ** -20, 2 ** 20, 65504, 1e-7];
  const u = generator(7);
  return Float32Array.from({ length: 256 }, (_, i) => values[i < 16 ? i : Math.floor(u() * values.length)]);
}

function sameBits(actual: ArrayBufferView, expected: ArrayBufferView, what: string): void {
  const a = new Uint8Array(actual.buffer, actual.byteOffset, actual.byteLength);
  const e = new Uint8Array(expected.buffer, expected.byteOffset, expected.byteLength);
  assert.equal(a.length, e.length, `${what}: lengths differ`);
  if (Buffer.compare(a, e) === 0) return;
  const width = actual instanceof Float64Array ? 8 : 4;
  for (let i = 0; i < a.length; i += width) {
    if (Buffer.compare(a.subarray(i, i + width), e.subarray(i, i + width)) !== 0) {
      const index = i / width;
      const av = (actual as unknown as ArrayLike<number>)[index];
      const ev = (expected as unknown as ArrayLike<number>)[index];
      assert.fail(`${what}: element ${index} differs: kernel ${av}, core ${ev}`);
    }
  }
}

function sameNumber(actual: number, expected: number, what: string): void {
  assert.ok(Object.is(actual, expected), `${what}: kernel ${actual}, core ${expected}`);
}

describe("WebAssembly kernels equal the TypeScript core bit for bit", function () {
  this.timeout(120_000);
  let k: Kernels;
  before(async () => {
    k = await kernelsForTest();
  });

  // The families that do not depend on the case are generated once per length (the kernels never write to x).
  const generated = new Map<string, Float32Array>();
  const shared = (n: number, scale: number, seed: number): Float32Array => {
    const key = `${n} ${scale} ${seed}`;
    if (!generated.has(key)) generated.set(key, randomValues(n, scale, seed));
    return generated.get(key) as Float32Array;
  };
  const inputFamilies = (n: number, step: number, maxCode: number): [string, Float32Array][] => [
    ["random ×1e-6", shared(n, 1e-6, 11)],
    ["random ×1", shared(n, 1, 12)],
    ["random ×1e3", shared(n, 1e3, 13)],
    ["random ×1e30", shared(n, 1e30, 14)],
    // Around the codes' range (outliers ×1000 clamp), short of float32's overflow.
    [`random ×${step}·${maxCode}`, randomValues(n, Math.min(step * maxCode, 1e34), 16)],
    [`ties of ${step}`, tieValues(n, step, maxCode, 15)],
    [`one tie of ${step} per block of 64`, tieValues(n, step, maxCode, 17, true)],
    ["float32 edges", edgeValues()],
  ];

  describe("fakeQuantizeF32 = core fakeQuantize (float32, half-even, clamped)", () => {
    const cases = [
      { name: "int8 affine", scale: 3 / 255, zeroPoint: -43, qmin: -128, qmax: 127 },
      { name: "int8 symmetric narrow", scale: 2 / 127, zeroPoint: 0, qmin: -127, qmax: 127 },
      { name: "int4 symmetric, power-of-two step", scale: 2 ** -5, zeroPoint: 0, qmin: -8, qmax: 7 },
      { name: "uint8 with zero point", scale: 0.1, zeroPoint: 85, qmin: 0, qmax: 255 },
      { name: "tiny scale", scale: 1e-30, zeroPoint: 0, qmin: -128, qmax: 127 },
      { name: "huge scale", scale: 1e30, zeroPoint: 0, qmin: -8, qmax: 7 },
      { name: "scale 1e-20, int8", scale: 1.2345e-20, zeroPoint: 3, qmin: -128, qmax: 127 },
      { name: "scale 1e10, uint8", scale: 7.77e10, zeroPoint: 128, qmin: 0, qmax: 255 },
      { name: "int16 (more codes than the one-pass loop checks: float64 conversion)", scale: 1e-3, zeroPoint: 0, qmin: -32768, qmax: 32767 },
      { name: "range beyond the fast path (int16 codes, zero point 2^15)", scale: 0.01, zeroPoint: 32768, qmin: -32768, qmax: 32767 },
      { name: "1/scale below float32's normal range (exact path throughout)", scale: 1e38, zeroPoint: 0, qmin: -1, qmax: 1 },
      { name: "1/scale beyond float32 (exact path throughout)", scale: 1e-39, zeroPoint: 0, qmin: -128, qmax: 127 },
      { name: "a range without 0 (codes 10..265)", scale: 0.05, zeroPoint: -10, qmin: 0, qmax: 255 },
    ];
    for (const c of cases) {
      it(`${c.name}: every input family`, () => {
        for (const [family, x] of inputFamilies(COUNT, c.scale, Math.max(-(c.qmin - c.zeroPoint), c.qmax - c.zeroPoint) + 2)) {
          const expected = fakeQuantize(x, { scale: c.scale, zeroPoint: c.zeroPoint }, { range: { qmin: c.qmin, qmax: c.qmax }, out: new Float32Array(x.length) });
          const actual = new Float32Array(x.length);
          assert.equal(k.fakeQuantizeF32(x, c.scale, c.qmin - c.zeroPoint, c.qmax - c.zeroPoint, actual), true);
          sameBits(actual, expected as Float32Array, `${c.name}, ${family}`);
        }
      });
    }
    it("reports NaN and ±Infinity (the core throws for them) at any position, including a block's and a chunk's tail", () => {
      for (const bad of [NaN, Infinity, -Infinity]) {
        for (const at of [0, 3, 63, 64, 1001, CHUNK_VALUES - 1, CHUNK_VALUES + 2]) {
          const x = randomValues(CHUNK_VALUES + 5, 1, 3);
          x[at] = bad;
          assert.equal(k.fakeQuantizeF32(x, 0.1, -128, 127, new Float32Array(x.length)), false, `${bad} at ${at}`);
          assert.throws(() => fakeQuantize(x, { scale: 0.1, zeroPoint: 0 }, { range: { qmin: -128, qmax: 127 } }));
        }
      }
    });
  });

  describe("fakeQuantizeF32 writes f32(scale · r) either way", () => {
    /** The one-pass loop's float32 expression for code r (scale split into 16 leading bits and the rest). */
    const onePass = (scale: number, r: number): number => {
      const s1 = new Float64Array(1);
      s1[0] = scale;
      const bits = new BigUint64Array(s1.buffer);
      bits[0] &= 0xffffffe000000000n;
      const s2 = Math.fround(scale - s1[0]);
      return Math.fround(Math.fround(s1[0] * r) + Math.fround(s2 * r));
    };
    const missesSomeCode = (scale: number): boolean => {
      for (let r = -128; r <= 127; r++) if (onePass(scale, r) !== Math.fround(scale * r)) return true;
      return false;
    };
    it("a scale for which s1·r + s2·r misses f32(scale · r) for some code takes the float64 conversion", () => {
      const u = generator(41);
      let scale = 0;
      for (let tries = 0; tries < 100_000 && !scale; tries++) {
        const candidate = Math.exp((u() - 0.5) * 40);
        if (missesSomeCode(candidate)) scale = candidate;
      }
      assert.ok(scale > 0, "no such scale among 100 000 tries");
      for (const [family, x] of [
        ["random", randomValues(1 << 16, scale * 60, 42)],
        ["ties", tieValues(1 << 16, scale, 130, 43, true)],
      ] as const) {
        const expected = fakeQuantize(x, { scale, zeroPoint: 0 }, { range: { qmin: -128, qmax: 127 }, out: new Float32Array(x.length) });
        const actual = new Float32Array(x.length);
        assert.equal(k.fakeQuantizeF32(x, scale, -128, 127, actual), true);
        sameBits(actual, expected as Float32Array, `scale ${scale}, ${family}`);
      }
    });
  });

  describe("fakeQuantizeF32 at every length around the vector width, the block of 64 and the chunk", () => {
    it("lengths 1…200, CHUNK_VALUES ± 1…5, 3·CHUNK_VALUES + 63, on ties and at random", () => {
      const lengths = [...Array.from({ length: 200 }, (_, i) => i + 1), ...[1, 2, 3, 4, 5].flatMap((d) => [CHUNK_VALUES - d, CHUNK_VALUES + d]), 3 * CHUNK_VALUES + 63];
      const scale = 3 / 255;
      const ties = tieValues(3 * CHUNK_VALUES + 63, scale, 130, 31, true);
      const random = randomValues(3 * CHUNK_VALUES + 63, 1, 32);
      for (const n of lengths) {
        for (const [family, all] of [["ties", ties], ["random", random]] as const) {
          const x = all.subarray(all.length - n); // an offset start, too
          const expected = fakeQuantize(x, { scale, zeroPoint: -3 }, { range: { qmin: -128, qmax: 127 }, out: new Float32Array(n) });
          const actual = new Float32Array(n);
          assert.equal(k.fakeQuantizeF32(x, scale, -125, 130, actual), true);
          sameBits(actual, expected as Float32Array, `n = ${n}, ${family}`);
        }
      }
    });
  });

  describe("groupQuantizeSymF32 = core groupQuantize (float32, symmetric, half-even)", () => {
    for (const [groupSize, bits] of [
      [128, 4],
      [64, 8],
      [32, 4],
      [7, 3],
      [1, 2],
      [CHUNK_VALUES + 3, 8],
      [128, 16],
      [130, 5],
    ]) {
      it(`groups of ${groupSize}, ${bits} bits: codes and scales, a short last group included`, () => {
        for (const [family, x0] of inputFamilies(COUNT + 5, 0.25, 9)) {
          const x = x0.length > 100 ? x0 : x0.subarray(0, Math.max(1, x0.length - 1));
          const expected = groupQuantize(x, groupSize, bits);
          const q = new Int32Array(x.length);
          const scales = new Float64Array(Math.ceil(x.length / groupSize));
          assert.equal(k.groupQuantizeSymF32(x, groupSize, bits, q, scales), -1);
          sameBits(q, expected.q, `codes, ${family}`);
          sameBits(scales, expected.scales, `scales, ${family}`);
        }
      });
      it(`groups of ${groupSize}, ${bits} bits: ties of each group's own scale`, () => {
        const x = groupTieValues(Math.min(COUNT, 1 << 18) + 3, groupSize, bits, groupSize + bits);
        const expected = groupQuantize(x, groupSize, bits);
        const q = new Int32Array(x.length);
        const scales = new Float64Array(Math.ceil(x.length / groupSize));
        assert.equal(k.groupQuantizeSymF32(x, groupSize, bits, q, scales), -1);
        sameBits(q, expected.q, "codes");
        sameBits(scales, expected.scales, "scales");
      });
    }
    it("groups near float32's largest values (1/scale below the normal range: the exact path)", () => {
      const x = randomValues(4096 + 3, 1e38, 21);
      for (let i = 0; i < x.length; i += 5) x[i] = i % 2 ? 3.4028235e38 : -3.4e38;
      for (const bits of [2, 3, 8]) {
        const expected = groupQuantize(x.map((v) => (Number.isFinite(v) ? v : 0)), 64, bits);
        const input = x.map((v) => (Number.isFinite(v) ? v : 0));
        const q = new Int32Array(x.length);
        const scales = new Float64Array(Math.ceil(x.length / 64));
        assert.equal(k.groupQuantizeSymF32(input, 64, bits, q, scales), -1);
        sameBits(q, expected.q, `codes, ${bits} bits`);
        sameBits(scales, expected.scales, `scales, ${bits} bits`);
      }
    });
    it("an all-zero group gets the core's ε scale and zero codes", () => {
      const x = new Float32Array(300);
      x[299] = 5;
      const q = new Int32Array(300);
      const scales = new Float64Array(3);
      assert.equal(k.groupQuantizeSymF32(x, 128, 4, q, scales), -1);
      sameBits(scales, groupQuantize(x, 128, 4).scales, "scales");
    });
    it("names the first group holding a non-finite value, so the core can report it", () => {
      const x = randomValues(1000, 1, 4);
      x[700] = NaN;
      assert.equal(k.groupQuantizeSymF32(x, 128, 4, new Int32Array(1000), new Float64Array(8)), 5);
      assert.throws(() => groupQuantize(x, 128, 4), /NaN/);
    });
  });

  describe("mseF32 = core mse (float32 pairs)", () => {
    it("random pairs at several scales and lengths (odd, one, across chunks)", () => {
      for (const n of [1, 2, 3, 5, 6, 7, 8, 9, 15, 16, 17, 23, CHUNK_VALUES - 1, CHUNK_VALUES + 1, 2 * CHUNK_VALUES + 3, COUNT + 7]) {
        for (const scale of [1e-20, 1e-3, 1, 1e15]) {
          const a = randomValues(n, scale, n);
          const b = randomValues(n, scale, n + 1);
          for (let i = 0; i < n; i += 3) b[i] = a[i] + b[i] * 1e-3;
          sameNumber(k.mseF32(a, b), mse(a, b), `n=${n}, scale ${scale}`);
        }
      }
    });
    it("is not finite where the core throws (NaN input) or overflows to Infinity", () => {
      const a = Float32Array.of(1, NaN, 3);
      assert.ok(Number.isNaN(k.mseF32(a, new Float32Array(3))));
      const big = Float32Array.of(3.4e38, -3.4e38);
      const other = Float32Array.of(-3.4e38, 3.4e38);
      sameNumber(k.mseF32(big, other), mse(big, other), "overflow");
    });
  });

  describe("softmaxRowsF32 = core softmaxRows (float32 in and out)", () => {
    for (const [rowLength, temperature, scale] of [
      [256, 1.5, 1],
      [256, 1, 30],
      [1000, 0.01, 1],
      [7, 100, 1e3],
      [1, 1, 1],
      [CHUNK_VALUES + 9, 2, 5],
      [35, 5e-324, 1], // a subnormal T: 1/T overflows, so the row divides
      [33, 1e-300, 1],
    ]) {
      it(`rows of ${rowLength}, T = ${temperature}, logits ×${scale}`, () => {
        const rows = Math.max(1, Math.floor(Math.min(COUNT, 1 << 19) / rowLength));
        const x = randomValues(rows * rowLength, scale, rowLength);
        const expected = softmaxRows(x, rowLength, temperature, { out: new Float32Array(x.length) });
        const actual = new Float32Array(x.length);
        assert.equal(k.softmaxRowsF32(x, rowLength, temperature, actual), true);
        sameBits(actual, expected as Float32Array, `rows of ${rowLength}`);
      });
    }
    it("rows on both sides of the fast path's bound (smallest shifted logit near −700), with −Infinity, ±0 and huge logits", () => {
      const u = generator(7);
      for (const rowLength of [256, 13, 4]) {
        const rows = Math.floor(Math.min(COUNT, 1 << 18) / rowLength);
        const x = new Float32Array(rows * rowLength);
        for (let r = 0; r < rows; r++) {
          const row = x.subarray(r * rowLength, (r + 1) * rowLength);
          const kind = r % 6;
          for (let i = 0; i < rowLength; i++) {
            if (kind === 0) row[i] = r % 12 < 6 ? -699.999 * u() : -760 * u(); // down to just above −700 (the kernel's fast-row bound and softmaxExpFloat32's cutoff), or past it
            else if (kind === 1) row[i] = -Infinity;
            else if (kind === 2) row[i] = u() < 0.5 ? 0 : -0;
            else if (kind === 3) row[i] = (u() - 0.5) * 6.8e38;
            else if (kind === 4) row[i] = -1e-3 * u(); // tiny shifted logits: k = 0, r = z
            else row[i] = (u() - 0.5) * 1e-7;
          }
          row[Math.floor(u() * rowLength)] = kind === 0 || kind === 1 ? 0 : row[0];
        }
        const expected = softmaxRows(x, rowLength, 1, { out: new Float32Array(x.length) });
        const actual = new Float32Array(x.length);
        assert.equal(k.softmaxRowsF32(x, rowLength, 1, actual), true);
        sameBits(actual, expected as Float32Array, `rows of ${rowLength}`);
      }
    });
    it("reports a row with a non-finite logit", () => {
      const x = Float32Array.of(1, 2, 3, Infinity);
      assert.equal(k.softmaxRowsF32(x, 2, 1, new Float32Array(4)), false);
      assert.throws(() => softmaxRows(x, 2, 1));
    });
  });
});

describe("KernelArena: the kernels in place on arrays in a kernel instance's own memory", function () {
  this.timeout(60_000);
  let k: Kernels;
  before(async () => {
    k = await kernelsForTest();
  });

  it("fakeQuantizeF32 and groupQuantizeSymF32 equal the core bit for bit (random and tie values, odd length)", () => {
    const n = (1 << 18) + 5;
    const arena = k.arena(n * 4 * 3 + 8 * Math.ceil(n / 128) + 4 * 16); // each array rounds up to 16 bytes
    const x = arena.float32(n);
    const scale = 3 / 255;
    x.set(tieValues(n, scale, 130, 51, true));
    x.set(randomValues(n >> 1, 1, 52));
    const out = arena.float32(n);
    const expected = fakeQuantize(x, { scale, zeroPoint: -3 }, { range: { qmin: -128, qmax: 127 }, out: new Float32Array(n) });
    assert.equal(arena.fakeQuantizeF32(x, scale, -125, 130, out), true);
    sameBits(out, expected as Float32Array, "fakeQuantize");
    const q = arena.int32(n);
    const scales = arena.float64(Math.ceil(n / 128));
    const group = groupQuantize(x, 128, 4);
    assert.equal(arena.groupQuantizeSymF32(x, 128, 4, q, scales), -1);
    sameBits(q, group.q, "codes");
    sameBits(scales, group.scales, "scales");
  });

  it("mseF32 and softmaxRowsF32 (apart and in place) equal the core bit for bit", () => {
    const n = (1 << 18) + 7;
    const arena = k.arena(n * 4 * 3 + 3 * 16);
    const a = arena.float32(n);
    const b = arena.float32(n);
    a.set(randomValues(n, 3, 61));
    b.set(randomValues(n, 3, 62));
    sameNumber(arena.mseF32(a, b), mse(a, b), "mse");
    sameNumber(arena.mseF32(a, b), mse(a, b), "mse again (the sums start from zero)");
    const rows = Math.floor(n / 256);
    const x = a.subarray(0, rows * 256);
    const expected = softmaxRows(x, 256, 1.5, { out: new Float32Array(x.length) });
    const out = arena.float32(x.length);
    assert.equal(arena.softmaxRowsF32(x, 256, 1.5, out), true);
    sameBits(out, expected as Float32Array, "softmax rows of 256");
    const odd = b.subarray(0, Math.floor(n / 7) * 7);
    const expectedOdd = softmaxRows(odd, 7, 0.5, { out: new Float32Array(odd.length) });
    assert.equal(arena.softmaxRowsF32(odd, 7, 0.5, odd), true);
    sameBits(odd, expectedOdd as Float32Array, "softmax rows of 7 in place");
    assert.throws(() => arena.mseF32(a, b.subarray(1)), /b has length/);
    assert.throws(() => arena.softmaxRowsF32(a.subarray(0, 8), 4, 1, a.subarray(4, 12)), /out overlaps x without being x/);
  });

  it("its arrays stay valid while the other kernels grow their own memory", () => {
    const arena = k.arena(1024);
    const x = arena.float32(100).fill(0.3);
    k.mseF32(new Float32Array(4 * CHUNK_VALUES), new Float32Array(4 * CHUNK_VALUES));
    k.arena(64 << 20);
    assert.equal(x.length, 100);
    assert.equal(x[99], Math.fround(0.3));
  });

  it("reports NaN and ±Infinity as the copying kernels do", () => {
    const arena = k.arena(4096);
    const x = arena.float32(300).fill(1);
    x[200] = -Infinity;
    assert.equal(arena.fakeQuantizeF32(x, 0.1, -128, 127, arena.float32(300)), false);
    assert.equal(arena.groupQuantizeSymF32(x, 64, 4, arena.int32(300), arena.float64(5)), 3);
  });

  it("refuses arrays from elsewhere, overlapping output, and more than its capacity", () => {
    const arena = k.arena(1024);
    const x = arena.float32(64);
    assert.throws(() => arena.fakeQuantizeF32(new Float32Array(64), 0.1, -8, 7, x), /x is not an array of this arena/);
    assert.throws(() => arena.fakeQuantizeF32(x, 0.1, -8, 7, x), /out overlaps x/);
    assert.throws(() => arena.fakeQuantizeF32(x, 0.1, -8, 7, arena.float32(63)), /out has length 63, x 64/);
    assert.throws(() => arena.float32(1000), /float32\(1000\) needs 4000 bytes, 512 of the arena.s 1024 are left/);
    assert.throws(() => k.arena(-1), /bytes must be a non-negative integer/);
  });
});
