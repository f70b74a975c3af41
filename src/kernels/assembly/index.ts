// AssemblyScript entry: every exported kernel. Build: scripts/build-kernels.mjs (asc --enable simd).
export { fakeQuantizeF32, groupQuantizeSymF32 } from "./quantize";
export { mseF32 } from "./metrics";
export { softmaxRowsF32 } from "./softmax";
export { momentsF32, histogramF32, int8ErrorF32, q4_0ErrorF32, q8_0ErrorF32, fp8ErrorF32, nf4ErrorF32, int4ErrorF32 } from "./inspect";
