/**
 * Presets: a starting point that shows one idea, and which preset each exercise of the built-in pack opens
 * ("Open in playground" in the results panel).
 */
import type { DistillationState, PlaygroundState, PlaygroundTab, QuantizationState } from "./state";

export interface Preset {
  id: string;
  title: string;
  /** What to look at, in one sentence (shown under the tabs). */
  idea: string;
  tab: PlaygroundTab;
  quantization?: Partial<QuantizationState>;
  distillation?: Partial<DistillationState>;
}

const INT: Partial<QuantizationState> = { format: "int", clipping: "none", rounding: "half-even", sample: "normal", size: 65536, seed: 1 };

export const PRESETS: readonly Preset[] = [
  {
    id: "int8-affine",
    title: "INT8 affine, per tensor",
    idea: "256 levels with a scale and zero point cover the whole range; the error per element stays within ±scale/2.",
    tab: "quantization",
    quantization: { ...INT, bits: 8, mode: "affine", granularity: "tensor" },
  },
  {
    id: "int4-symmetric",
    title: "INT4 symmetric scale",
    idea: "Sixteen levels centred on 0: the scale is set by the largest magnitude, so most values share a few levels.",
    tab: "quantization",
    quantization: { ...INT, bits: 4, mode: "symmetric", granularity: "tensor" },
  },
  {
    id: "rounding-ties",
    title: "Rounding modes",
    idea: "At 2 bits many values fall near a tie: switch the rounding mode and watch the error's sign balance move; stochastic rounding is unbiased on average.",
    tab: "quantization",
    quantization: { ...INT, bits: 2, mode: "affine", granularity: "tensor", size: 4096, rounding: "half-away" },
  },
  {
    id: "clipping-outliers",
    title: "Clipping a tensor with outliers",
    idea: "A few large outliers stretch the range; clipping to a smaller range trades their error for finer steps everywhere else. Move the ratio and find the lowest MSE.",
    tab: "quantization",
    quantization: { ...INT, sample: "outliers", bits: 4, mode: "symmetric", granularity: "tensor", clipping: "ratio", clipRatio: 0.5 },
  },
  {
    id: "sqnr-per-bit",
    title: "6 dB per bit",
    idea: "Each extra bit halves the step and adds about 6 dB of SQNR: read the slope of the SQNR curve.",
    tab: "quantization",
    quantization: { ...INT, bits: 6, mode: "affine", granularity: "tensor" },
  },
  {
    id: "group-wise",
    title: "Group-wise INT4 and its overhead",
    idea: "A scale per group of 128 follows the local range; the scales cost bytes per weight, shown beside the MSE.",
    tab: "quantization",
    quantization: { ...INT, sample: "weights", bits: 4, mode: "symmetric", granularity: "group", groupSize: 128 },
  },
  {
    id: "per-channel",
    title: "Per-channel vs per-tensor",
    idea: "Rows with different scales: one scale for the tensor wastes levels on the quiet rows; one per row does not.",
    tab: "quantization",
    quantization: { ...INT, sample: "weights", bits: 8, mode: "symmetric", granularity: "channel" },
  },
  {
    id: "nf4",
    title: "NF4, blockwise",
    idea: "NF4's 16 levels sit at normal quantiles, dense near 0 where normal weights are: compare its MSE with INT4 on the curve.",
    tab: "quantization",
    quantization: { ...INT, format: "nf4", granularity: "group", groupSize: 64 },
  },
  {
    id: "fp8",
    title: "FP8 E4M3 and E5M2",
    idea: "Floating-point levels are dense near 0 and sparse far out: the error grows with |x|. Switch E4M3 and E5M2.",
    tab: "quantization",
    quantization: { ...INT, sample: "laplace", format: "fp8-e4m3", granularity: "tensor" },
  },
  {
    id: "q4_0",
    title: "llama.cpp Q4_0",
    idea: "Blocks of 32 with a signed fp16 scale: 4.5 bits per weight with the scales.",
    tab: "quantization",
    quantization: { ...INT, sample: "weights", format: "q4_0" },
  },
  {
    id: "bytes-per-weight",
    title: "Bytes per weight, scales included",
    idea: "What a format costs in memory: code bits plus the scales and zero points; smaller groups cost more.",
    tab: "quantization",
    quantization: { ...INT, sample: "weights", bits: 4, mode: "affine", granularity: "group", groupSize: 32 },
  },
  {
    id: "temperature",
    title: "Softmax at a temperature",
    idea: "T > 1 flattens both distributions and shows the teacher's ranking of the wrong classes; T < 1 sharpens them.",
    tab: "distillation",
    distillation: { teacher: [6, 2, 1, -2], student: [3, 2.5, 0, -1], label: 0, temperature: 4, alpha: 0.5 },
  },
  {
    id: "kl",
    title: "KL(teacher ‖ student)",
    idea: "Each bar is p_t · ln(p_t / p_s): classes the teacher believes in and the student does not cost most.",
    tab: "distillation",
    distillation: { teacher: [3, 1, 0.2, -1], student: [1, 2, 0.2, -1], label: 0, temperature: 1, alpha: 0 },
  },
  {
    id: "hinton",
    title: "Hinton's loss with and without T²",
    idea: "Without T² the soft loss shrinks as T grows; T² keeps it comparable to the hard loss. Compare the two curves of the sweep.",
    tab: "distillation",
    distillation: { teacher: [5, 2, 1, 0, -1], student: [2, 1.5, 1, 0.5, 0], label: 0, temperature: 4, alpha: 0.3 },
  },
];

/** The preset each exercise of the built-in packs opens (an exercise id with no entry opens the playground as it is). */
export const EXERCISE_PRESETS: Readonly<Record<string, string>> = {
  "affine-quantization": "int8-affine",
  "scale-zero-point": "int8-affine",
  clamping: "int8-affine",
  "quantization-mse": "int8-affine",
  "int4-scale": "int4-symmetric",
  "rounding-modes": "rounding-ties",
  "best-clipping": "clipping-outliers",
  "clip-search": "clipping-outliers",
  sqnr: "sqnr-per-bit",
  "group-wise-quantization": "group-wise",
  "per-channel-vs-per-tensor": "per-channel",
  "nf4-blockwise": "nf4",
  "fp8-rounding": "fp8",
  "q4-0-block": "q4_0",
  "memory-savings": "bytes-per-weight",
  "adapter-optimizer-memory": "bytes-per-weight",
  "kv-cache-memory": "bytes-per-weight",
  "training-memory": "bytes-per-weight",
  "compression-checklist": "bytes-per-weight",
  "temperature-softmax": "temperature",
  "log-softmax": "temperature",
  "kl-divergence": "kl",
  "reverse-kl-js": "kl",
  "combined-loss": "hinton",
  "hinton-distillation-loss": "hinton",
  // compression-in-practice: the nearest idea the playground can show.
  "q4-0-bit-packing": "q4_0",
  "qlora-memory": "nf4",
  "per-token-int8-gemm": "per-channel",
  "smoothquant-migration": "per-channel",
  "calibration-methods": "clipping-outliers",
  "gptq-error-feedback": "group-wise",
  "qat-ste-lsq": "rounding-ties",
};

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** The preset for an exercise id, or for a preset id given directly. */
export function resolvePreset(idOrExercise: string): Preset | undefined {
  return findPreset(idOrExercise) ?? (Object.prototype.hasOwnProperty.call(EXERCISE_PRESETS, idOrExercise) ? findPreset(EXERCISE_PRESETS[idOrExercise]) : undefined);
}

/** The state with a preset applied over it (fields the preset leaves out keep their values). */
export function applyPreset(state: PlaygroundState, preset: Preset): PlaygroundState {
  return {
    ...state,
    tab: preset.tab,
    preset: preset.id,
    quantization: { ...state.quantization, ...preset.quantization },
    distillation: { ...state.distillation, ...preset.distillation },
  };
}
