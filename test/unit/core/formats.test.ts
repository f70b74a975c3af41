import * as assert from "node:assert/strict";
import {
  FP8_FORMATS,
  NF4_CODEBOOK,
  float16Round,
  fp8Decode,
  fp8Encode,
  fp8Round,
  nf4Dequantize,
  nf4Quantize,
  q4_0Dequantize,
  q4_0Quantize,
  q8_0Dequantize,
  q8_0Quantize,
} from "../../../src/core";

describe("NF4", () => {
  it("NF4_CODEBOOK has 16 ascending values from -1 to 1 with an exact 0 at code 7", () => {
    assert.equal(NF4_CODEBOOK.length, 16);
    assert.equal(NF4_CODEBOOK[0], -1);
    assert.equal(NF4_CODEBOOK[7], 0);
    assert.equal(NF4_CODEBOOK[15], 1);
    for (let i = 1; i < 16; i++) assert.ok(NF4_CODEBOOK[i] > NF4_CODEBOOK[i - 1]);
  });
  it("nf4Quantize maps the absmax to code 15 (or 0 when negative) and 0 to code 7", () => {
    assert.deepEqual(Array.from(nf4Quantize([2, 0, -1]).codes), [15, 7, 2]); // -0.5 is nearest -0.525 (code 2)
    assert.deepEqual(Array.from(nf4Quantize([-2, 1]).codes), [0, 12]); // 0.5 is nearest 0.4407 (code 12)
  });
  it("an exact midpoint between two codes goes to the lower code", () => {
    const mid = (NF4_CODEBOOK[12] + NF4_CODEBOOK[13]) / 2;
    assert.equal(nf4Quantize([mid, 1]).codes[0], 12);
  });
  it("an all-zero block gives code 7 and absmax 0, and dequantizes to zeros", () => {
    const { codes, absmax } = nf4Quantize([0, 0]);
    assert.deepEqual(Array.from(codes), [7, 7]);
    assert.equal(absmax, 0);
    assert.deepEqual(Array.from(nf4Dequantize(codes, absmax)), [0, 0]);
  });
  it("nf4Dequantize([16], 1) throws: codes are 0..15", () => {
    assert.throws(() => nf4Dequantize([16], 1), /nf4Dequantize: codes\[0\] must be an integer 0..15, got 16/);
  });
});

describe("fp8Round(x, format, options)", () => {
  it("e4m3 saturates at 448 and e5m2 at 57344 by default", () => {
    assert.equal(fp8Round(1e6, "e4m3"), 448);
    assert.equal(fp8Round(-1e6, "e4m3"), -448);
    assert.equal(fp8Round(1e6, "e5m2"), 57344);
    assert.equal(fp8Round(Infinity, "e4m3"), 448);
  });
  it("without saturation e4m3 overflows to NaN (it has no infinities) and e5m2 to ±Infinity", () => {
    assert.ok(Number.isNaN(fp8Round(500, "e4m3", { saturate: false })));
    assert.equal(fp8Round(-70000, "e5m2", { saturate: false }), -Infinity);
  });
  it("464 (halfway between 448 and the missing 480) rounds to 448 in e4m3: 448's mantissa is even", () => {
    assert.equal(fp8Round(464, "e4m3", { saturate: false }), 448);
  });
  it("61440 (halfway between 57344 and 65536) overflows to Infinity in e5m2: 57344's mantissa is odd", () => {
    assert.equal(fp8Round(61440, "e5m2", { saturate: false }), Infinity);
  });
  it("subnormals: the smallest e4m3 value is 2^-9, and 2^-10 ties to 0", () => {
    assert.equal(fp8Round(2 ** -9, "e4m3"), 2 ** -9);
    assert.equal(fp8Round(2 ** -10, "e4m3"), 0);
    assert.equal(fp8Round(1.5 * 2 ** -10, "e4m3"), 2 ** -9);
    assert.equal(FP8_FORMATS.e5m2.minSubnormal, 2 ** -16);
  });
  it("every finite bit pattern round-trips through fp8Decode, fp8Round and fp8Encode", () => {
    for (const format of ["e4m3", "e5m2"] as const) {
      for (let bits = 0; bits < 256; bits++) {
        const v = fp8Decode(bits, format);
        if (!Number.isFinite(v)) continue;
        assert.ok(Object.is(fp8Round(v, format), v), `${format} 0x${bits.toString(16)}`);
        assert.equal(fp8Encode(v, format), bits, `${format} 0x${bits.toString(16)}`);
      }
    }
  });
  it('fp8Round(1, "e3m4") throws naming the formats', () => {
    assert.throws(() => fp8Round(1, "e3m4" as never), /fp8Round: format must be one of "e4m3", "e5m2", got "e3m4"/);
  });
});

describe("float16Round(x)", () => {
  it("0.1 becomes 0.0999755859375 and 65520 overflows to Infinity", () => {
    assert.equal(float16Round(0.1), 0.0999755859375);
    assert.equal(float16Round(65519), 65504);
    assert.equal(float16Round(65520), Infinity);
  });
});

describe("llama.cpp Q4_0 and Q8_0", () => {
  const zeros = (n: number) => new Array<number>(n).fill(0);
  it("q4_0Quantize on a block whose largest value is negative keeps the sign in d and maps it to code 0", () => {
    const { d, q } = q4_0Quantize([-4, 2, 1, ...zeros(29)]);
    assert.equal(d, 0.5);
    assert.deepEqual(Array.from(q.slice(0, 4)), [0, 12, 10, 8]);
  });
  it("q4_0Quantize on a block whose largest value is positive gives a negative d and code 0 for it", () => {
    const { d, q } = q4_0Quantize([4, -2, ...zeros(30)]);
    assert.equal(d, -0.5);
    assert.equal(q[0], 0);
    assert.equal(q[1], 12);
  });
  it("q4_0 round-trips a block to within |d| (half a step, or one step where code 15 clips the far end at 7·|d|)", () => {
    const block = Array.from({ length: 32 }, (_, i) => Math.sin(i) * 3 - 1);
    const { d, q } = q4_0Quantize(block);
    const back = q4_0Dequantize(d, q);
    block.forEach((v, i) => assert.ok(Math.abs(back[i] - v) <= Math.abs(d) * 1.01 + 1e-6, `x[${i}] = ${v} → ${back[i]}`));
  });
  it("q8_0Quantize rounds ties away from zero (C roundf), unlike the half-even default elsewhere", () => {
    const { d, q } = q8_0Quantize([127, 0.5, -0.5, 2.5, ...zeros(28)]);
    assert.equal(d, 1);
    assert.deepEqual(Array.from(q.slice(0, 4)), [127, 1, -1, 3]);
  });
  it("d is stored as float16: 0.1 · 127 as amax gives d = float16(0.1)", () => {
    const { d } = q8_0Quantize([12.7, ...zeros(31)]);
    assert.equal(d, float16Round(Math.fround(Math.fround(12.7) / 127)));
  });
  it("an all-zero block gives d = 0 and dequantizes to zeros", () => {
    const { d, q } = q8_0Quantize(zeros(32));
    assert.equal(d, 0);
    assert.deepEqual(Array.from(q8_0Dequantize(d, q)), zeros(32));
  });
  it("q4_0Quantize of 31 values throws: blocks hold 32", () => {
    assert.throws(() => q4_0Quantize(zeros(31)), /q4_0Quantize: block32 must hold exactly 32 values, got 31/);
  });
  it("q8_0Quantize of values too large for a float16 d throws", () => {
    assert.throws(() => q8_0Quantize([1e7, ...zeros(31)]), /q8_0Quantize: the block scale d = .* overflows float16/);
  });
});
