import * as assert from "node:assert/strict";
import { q4_0Dequantize, q4_0PackBlock, q4_0Quantize, q4_0TensorBytes, q4_0UnpackBlock } from "../../../src/core";

const RAMP = [...Array(16).keys(), ...[...Array(16).keys()].reverse()];

describe("bitPacking (Q4_0 block layout)", () => {
  it("q4_0PackBlock(0x3800, ramp) puts code j in the low nibble and code j + 16 in the high nibble of byte 2 + j", () => {
    const bytes = q4_0PackBlock(0x3800, RAMP);
    assert.deepEqual(bytes, [0, 56, 240, 225, 210, 195, 180, 165, 150, 135, 120, 105, 90, 75, 60, 45, 30, 15]);
  });

  it("q4_0UnpackBlock(q4_0PackBlock(d, q)) gives d and q back, for every code in every position", () => {
    for (let shift = 0; shift < 16; shift++) {
      const q = Array.from({ length: 32 }, (_, i) => (i * 7 + shift) % 16);
      const dBits = (shift * 4099) & 0xffff;
      assert.deepEqual(q4_0UnpackBlock(q4_0PackBlock(dBits, q)), { dBits, q });
    }
  });

  it("packing the core's q4_0Quantize codes and unpacking them dequantizes to the same block", () => {
    const block = Array.from({ length: 32 }, (_, i) => Math.sin(i * 1.7) * 0.03);
    const { d, q } = q4_0Quantize(block);
    // d is a float16 value; its bits come from the float32 bits of the same number (exact for float16 values).
    const f32 = new DataView(new ArrayBuffer(4));
    f32.setFloat32(0, d);
    const b = f32.getUint32(0);
    const dBits = ((b >>> 16) & 0x8000) | ((((b >>> 23) & 0xff) - 112) << 10) | ((b >>> 13) & 0x3ff);
    const unpacked = q4_0UnpackBlock(q4_0PackBlock(dBits, q));
    assert.deepEqual(Array.from(q4_0Dequantize(d, unpacked.q)), Array.from(q4_0Dequantize(d, q)));
  });

  it("q4_0TensorBytes(4096, 4096) is 524288 blocks, 9437184 bytes, 4.5 bits per weight", () => {
    assert.deepEqual(q4_0TensorBytes(4096, 4096), { blocks: 524288, bytes: 9437184, bitsPerWeight: 4.5 });
  });

  it("q4_0TensorBytes(1, 33) throws: rows are quantized in blocks of 32", () => {
    assert.throws(() => q4_0TensorBytes(1, 33), /^Error: q4_0TensorBytes: cols \(33\) must be a multiple of 32/);
    assert.throws(() => q4_0TensorBytes(0, 32), /^Error: q4_0TensorBytes: rows must be greater than 0/);
    assert.throws(() => q4_0TensorBytes(1.5, 32), /^Error: q4_0TensorBytes: rows must be an integer/);
  });

  it("hostile blocks throw naming the function and the place", () => {
    assert.throws(() => q4_0PackBlock(0x10000, RAMP), /^Error: q4_0PackBlock: dBits must be an integer from 0 to 65535/);
    assert.throws(() => q4_0PackBlock(0, RAMP.slice(1)), /^Error: q4_0PackBlock: q must hold exactly 32 codes, got 31/);
    assert.throws(() => q4_0PackBlock(0, [...RAMP.slice(1), 16]), /^Error: q4_0PackBlock: q\[31\] must be an integer from 0 to 15, got 16/);
    assert.throws(() => q4_0PackBlock(0, [...RAMP.slice(1), NaN]), /^Error: q4_0PackBlock: q\[31\] must be a finite number/);
    assert.throws(() => q4_0UnpackBlock(new Array(16).fill(0)), /^Error: q4_0UnpackBlock: bytes must hold exactly 18 bytes/);
    assert.throws(() => q4_0UnpackBlock([...new Array(17).fill(0), 256]), /^Error: q4_0UnpackBlock: bytes\[17\] must be an integer from 0 to 255, got 256/);
  });
});
