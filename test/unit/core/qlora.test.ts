import * as assert from "node:assert/strict";
import { loraAdapterParams, nf4DoubleQuantBits, qloraMemory } from "../../../src/core";

const LLAMA_7B_BLOCK: [number, number][] = [[4096, 4096], [4096, 4096], [4096, 4096], [4096, 4096], [4096, 11008], [4096, 11008], [11008, 4096]];

describe("qlora (LoRA adapters, NF4 double quantization, fine-tuning memory)", () => {
  it("nf4DoubleQuantBits(64, 256) is QLoRA's 4 + 8/64 + 32/(64·256) = 4.126953125", () => {
    assert.equal(nf4DoubleQuantBits(64, 256), 4.126953125);
  });

  it("loraAdapterParams(LLaMA-7B block, 32, 16) is 16 · (4·8192 + 3·15104) · 32 = 39976960", () => {
    assert.equal(loraAdapterParams(LLAMA_7B_BLOCK, 32, 16), 39976960);
  });

  it("qloraMemory: a 33B model with r = 16 fits a 24 GiB card at 22.48 GiB although it is over 24e9 bytes", () => {
    const r = qloraMemory(32.5e9, [[6656, 6656], [6656, 6656], [6656, 6656], [6656, 6656], [6656, 17920], [6656, 17920], [17920, 6656]], 60, 16, 5.5, 24);
    assert.ok(r.totalBytes > 24e9 && r.totalGiB < 24 && r.fits);
    assert.equal(r.optimizerBytes, 8 * r.adapterParams);
    assert.equal(r.totalBytes, r.baseBytes + r.adapterBytes + r.gradientBytes + r.optimizerBytes + r.activationBytes);
  });

  it("hostile input throws naming the function and the argument", () => {
    assert.throws(() => nf4DoubleQuantBits(0, 256), /^Error: nf4DoubleQuantBits: blockSize must be an integer from 1/);
    assert.throws(() => loraAdapterParams([], 1, 8), /^Error: loraAdapterParams: blockShapes must be a non-empty array/);
    assert.throws(() => loraAdapterParams([[4096]] as unknown as [number, number][], 1, 8), /^Error: loraAdapterParams: blockShapes\[0\] must be a \[dIn, dOut\] pair/);
    assert.throws(() => loraAdapterParams(LLAMA_7B_BLOCK, 32, 0), /^Error: loraAdapterParams: rank must be an integer from 1/);
    assert.throws(() => qloraMemory(6.74e9, LLAMA_7B_BLOCK, 32, 16, -1, 24), /^Error: qloraMemory: activationGiB must not be negative/);
    assert.throws(() => qloraMemory(6.74e9, LLAMA_7B_BLOCK, 32, 16, 1, 0), /^Error: qloraMemory: gpuGiB must be greater than 0/);
  });
});
