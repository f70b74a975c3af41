/**
 * The compute core: the reference math every exercise, calculator and chart is checked against, and the
 * library packs name functions from (`{ "from": "core", "fn": "<name>" }`). Pure TypeScript, no `vscode`,
 * no `node:*`. Conventions are documented in docs/core-conventions.md.
 */
// Topics whose every export is public: all of it is re-exported, and every function is one a pack may call.
import * as quantize from "./quantize";
import * as groupwise from "./groupwise";
import * as clipping from "./clipping";
import * as nf4 from "./nf4";
import * as fp8 from "./fp8";
import * as ggml from "./ggml";
import * as metrics from "./metrics";
import * as memory from "./memory";
import * as softmax from "./softmax";
import * as divergence from "./divergence";
import * as distillation from "./distillation";
import * as bitPacking from "./bitPacking";
import * as sparsity from "./sparsity";
import * as qlora from "./qlora";
import * as int8Gemm from "./int8Gemm";
import * as smoothQuant from "./smoothQuant";
import * as gptq from "./gptq";
import * as qat from "./qat";
import * as calibration from "./calibration";
// Topics that also hold the core's internal helpers (validation, unchecked rounding): their public part by name.
import { round } from "./rounding";
import { integerRange } from "./ranges";
import { affineQParams, minMax, symmetricQParams, symmetricScale } from "./qparams";
import { bfloat16Round, float16Round } from "./floatFormats";

/** The core's semver; packs declare the range they need (`coreVersion`). */
export const CORE_VERSION = "1.0.0";

export * from "./quantize";
export * from "./groupwise";
export * from "./clipping";
export * from "./nf4";
export * from "./fp8";
export * from "./ggml";
export * from "./metrics";
export * from "./memory";
export * from "./softmax";
export * from "./divergence";
export * from "./distillation";
export * from "./bitPacking";
export * from "./sparsity";
export * from "./qlora";
export * from "./int8Gemm";
export * from "./smoothQuant";
export * from "./gptq";
export * from "./qat";
export * from "./calibration";
export { type RoundingMode, ROUNDING_MODES, round } from "./rounding";
export { type IntegerRange, integerRange } from "./ranges";
export { type ObserverOptions, type QParams, FLOAT32_EPSILON, affineQParams, minMax, symmetricQParams, symmetricScale } from "./qparams";
export { bfloat16Round, float16Round } from "./floatFormats";

/** Any core function a pack may name; arguments and results are JSON-able (typed arrays stand for arrays). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CoreFunction = (...args: any[]) => unknown;

/**
 * Every public function, by name, that a pack's `{ "from": "core", "fn": name }` may call as
 * `CORE_FUNCTIONS[name](...case.input, ...extraArgs)`. Constants and types are not in it.
 */
export const CORE_FUNCTIONS: Readonly<Record<string, CoreFunction>> = Object.freeze(
  functionsOf([
    { round, integerRange, symmetricScale, affineQParams, symmetricQParams, minMax, float16Round, bfloat16Round },
    quantize, groupwise, clipping, nf4, fp8, ggml, metrics, memory, softmax, divergence, distillation,
    bitPacking, sparsity, qlora, int8Gemm, smoothQuant, gptq, qat, calibration,
  ]),
);

/** The functions among the modules' exports (constants such as NF4_CODEBOOK are left out), by name. */
function functionsOf(topics: readonly object[]): Record<string, CoreFunction> {
  const found: Record<string, CoreFunction> = {};
  for (const topic of topics) for (const [name, value] of Object.entries(topic)) if (typeof value === "function") found[name] = value as CoreFunction;
  return found;
}

/** Whether `name` is a function packs may call (own property, so "toString" and friends are not). */
export function isCoreFunctionName(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(CORE_FUNCTIONS, name);
}
