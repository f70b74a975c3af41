/**
 * The compute core: the reference math every exercise, calculator and chart is checked against, and the
 * library packs name functions from (`{ "from": "core", "fn": "<name>" }`). Pure TypeScript, no `vscode`,
 * no `node:*`. Conventions are documented in docs/core-conventions.md.
 */
import { adamMomentsBytes, bitsPerWeight, kvCacheBytes, memoryBytes, modelMemory, reductionFactor, toGB, toGiB, trainingMemory } from "./memory";
import { affineQParams, minMax, symmetricQParams, symmetricScale } from "./qparams";
import { argminFirst, bestClipFromCurve, clipMse, clipSearch } from "./clipping";
import { bfloat16Round, float16Round } from "./floatFormats";
import { combinedLoss, crossEntropyWithLogits, distillationLoss, distillationLossBatch, softDistillationLoss } from "./distillation";
import { crossEntropy, entropy, jsDivergence, klContributions, klDivergence, reverseKl } from "./divergence";
import { dequantize, dequantizeArray, fakeQuantize, quantize, quantizeArray } from "./quantize";
import { fp8Decode, fp8Encode, fp8Round } from "./fp8";
import {
  groupDequantize,
  groupFakeQuantize,
  groupQuantize,
  perChannelDequantize,
  perChannelQuantize,
  perTensorVsPerChannelMse,
} from "./groupwise";
import { integerRange } from "./ranges";
import { logSoftmax, softmax, softmaxRows, temperatureSweep } from "./softmax";
import { mae, maxAbsError, mse, sqnrDb } from "./metrics";
import { nf4Dequantize, nf4DequantizeBlocks, nf4Quantize, nf4QuantizeBlocks } from "./nf4";
import { q4_0Dequantize, q4_0Quantize, q8_0Dequantize, q8_0Quantize } from "./ggml";
import { round } from "./rounding";
import { q4_0PackBlock, q4_0TensorBytes, q4_0UnpackBlock } from "./bitPacking";
import { magnitudePruneMask, nmSparsityMask, nmSparsityReport } from "./sparsity";
import { loraAdapterParams, nf4DoubleQuantBits, qloraMemory } from "./qlora";
import { int32SafeDepth, int8Linear, perTokenQuantize } from "./int8Gemm";
import { smoothQuantError, smoothQuantMigrate, smoothQuantScales } from "./smoothQuant";
import { gptqQuantizeRow, gptqVsRtn } from "./gptq";
import { lsqFakeQuantize, lsqGradients, lsqStep } from "./qat";
import { calibrationMse, entropyThreshold, percentileThreshold } from "./calibration";

/** The core's semver; packs declare the range they need (`coreVersion`). */
export const CORE_VERSION = "1.0.0";

export { type RoundingMode, ROUNDING_MODES, round } from "./rounding";
export { type IntegerRange, integerRange } from "./ranges";
export { type ObserverOptions, type QParams, FLOAT32_EPSILON, affineQParams, minMax, symmetricQParams, symmetricScale } from "./qparams";
export {
  type ArrayOptions,
  type NumericArray,
  type QuantizeOptions,
  dequantize,
  dequantizeArray,
  fakeQuantize,
  quantize,
  quantizeArray,
} from "./quantize";
export {
  type GroupQuantizeOptions,
  type GroupQuantized,
  type PerChannelQuantized,
  groupDequantize,
  groupFakeQuantize,
  groupQuantize,
  perChannelDequantize,
  perChannelQuantize,
  perTensorVsPerChannelMse,
} from "./groupwise";
export { argminFirst, bestClipFromCurve, clipMse, clipSearch } from "./clipping";
export { NF4_CODEBOOK, nf4Dequantize, nf4DequantizeBlocks, nf4Quantize, nf4QuantizeBlocks } from "./nf4";
export { type Fp8Format, type Fp8FormatInfo, type Fp8Options, FP8_FORMATS, fp8Decode, fp8Encode, fp8Round } from "./fp8";
export { bfloat16Round, float16Round } from "./floatFormats";
export { GGML_BLOCK_SIZE, q4_0Dequantize, q4_0Quantize, q8_0Dequantize, q8_0Quantize } from "./ggml";
export { mae, maxAbsError, mse, sqnrDb } from "./metrics";
export {
  type BitsPerWeightSpec,
  type KvCacheSpec,
  type Optimizer,
  type TrainingMemoryOptions,
  adamMomentsBytes,
  bitsPerWeight,
  kvCacheBytes,
  memoryBytes,
  modelMemory,
  reductionFactor,
  toGB,
  toGiB,
  trainingMemory,
} from "./memory";
export { logSoftmax, softmax, softmaxRows, temperatureSweep } from "./softmax";
export { Q4_0_BLOCK_BYTES, q4_0PackBlock, q4_0TensorBytes, q4_0UnpackBlock } from "./bitPacking";
export { type NmSparsityReport, magnitudePruneMask, nmSparsityMask, nmSparsityReport } from "./sparsity";
export { type QloraMemory, loraAdapterParams, nf4DoubleQuantBits, qloraMemory } from "./qlora";
export { type PerTokenQuantized, int32SafeDepth, int8Linear, perTokenQuantize } from "./int8Gemm";
export { smoothQuantError, smoothQuantMigrate, smoothQuantScales } from "./smoothQuant";
export { gptqQuantizeRow, gptqVsRtn } from "./gptq";
export { type LsqGradients, lsqFakeQuantize, lsqGradients, lsqStep } from "./qat";
export { type EntropyCalibration, calibrationMse, entropyThreshold, percentileThreshold } from "./calibration";
export { type LogBaseOptions, crossEntropy, entropy, jsDivergence, klContributions, klDivergence, reverseKl } from "./divergence";
export {
  type DistillationBatchInput,
  type DistillationInput,
  type DistillationLoss,
  combinedLoss,
  crossEntropyWithLogits,
  distillationLoss,
  distillationLossBatch,
  softDistillationLoss,
} from "./distillation";

/** Any core function a pack may name; arguments and results are JSON-able (typed arrays stand for arrays). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CoreFunction = (...args: any[]) => unknown;

/**
 * Every public function, by name, that a pack's `{ "from": "core", "fn": name }` may call as
 * `CORE_FUNCTIONS[name](...case.input, ...extraArgs)`. Constants and types are not in it.
 */
export const CORE_FUNCTIONS: Readonly<Record<string, CoreFunction>> = Object.freeze({
  round,
  integerRange,
  symmetricScale,
  affineQParams,
  symmetricQParams,
  minMax,
  quantize,
  dequantize,
  quantizeArray,
  dequantizeArray,
  fakeQuantize,
  groupQuantize,
  groupDequantize,
  groupFakeQuantize,
  perChannelQuantize,
  perChannelDequantize,
  perTensorVsPerChannelMse,
  clipSearch,
  clipMse,
  argminFirst,
  bestClipFromCurve,
  nf4Quantize,
  nf4Dequantize,
  nf4QuantizeBlocks,
  nf4DequantizeBlocks,
  fp8Round,
  fp8Encode,
  fp8Decode,
  float16Round,
  bfloat16Round,
  q4_0Quantize,
  q4_0Dequantize,
  q8_0Quantize,
  q8_0Dequantize,
  mse,
  mae,
  maxAbsError,
  sqnrDb,
  memoryBytes,
  modelMemory,
  toGB,
  toGiB,
  reductionFactor,
  bitsPerWeight,
  kvCacheBytes,
  adamMomentsBytes,
  trainingMemory,
  softmax,
  logSoftmax,
  softmaxRows,
  temperatureSweep,
  entropy,
  crossEntropy,
  klDivergence,
  reverseKl,
  klContributions,
  jsDivergence,
  crossEntropyWithLogits,
  softDistillationLoss,
  distillationLoss,
  distillationLossBatch,
  combinedLoss,
  q4_0PackBlock,
  q4_0UnpackBlock,
  q4_0TensorBytes,
  nmSparsityMask,
  magnitudePruneMask,
  nmSparsityReport,
  nf4DoubleQuantBits,
  loraAdapterParams,
  qloraMemory,
  perTokenQuantize,
  int8Linear,
  int32SafeDepth,
  smoothQuantScales,
  smoothQuantMigrate,
  smoothQuantError,
  gptqQuantizeRow,
  gptqVsRtn,
  lsqFakeQuantize,
  lsqGradients,
  lsqStep,
  percentileThreshold,
  entropyThreshold,
  calibrationMse,
});

/** Whether `name` is a function packs may call (own property, so "toString" and friends are not). */
export function isCoreFunctionName(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(CORE_FUNCTIONS, name);
}
