/**
 * The playground's state: every control's value, JSON-able (it is the webview's persisted state), and a
 * sanitizer that turns anything (a stale or hand-edited saved state, a preset) into a valid one.
 */
import { type SampleKind, SAMPLE_KINDS, SAMPLE_SIZES } from "./samples";

export type QuantFormat = "int" | "nf4" | "fp8-e4m3" | "fp8-e5m2" | "q4_0";
export const QUANT_FORMATS: readonly QuantFormat[] = ["int", "nf4", "fp8-e4m3", "fp8-e5m2", "q4_0"];
export type QuantMode = "affine" | "symmetric";
export type Granularity = "tensor" | "channel" | "group";
export const GRANULARITIES: readonly Granularity[] = ["tensor", "channel", "group"];
export type Clipping = "none" | "ratio" | "percentile";
export type PlaygroundRounding = "half-even" | "half-away" | "half-up" | "stochastic";
export const PLAYGROUND_ROUNDINGS: readonly PlaygroundRounding[] = ["half-even", "half-away", "half-up", "stochastic"];

export interface QuantizationState {
  /** A built-in sample, or the tensor sent from a model file ("custom"). */
  sample: SampleKind | "custom";
  size: number;
  seed: number;
  format: QuantFormat;
  /** Integer bits, 2..8 (int format only). */
  bits: number;
  mode: QuantMode;
  granularity: Granularity;
  /** Values per group, 32..256 in steps of 32. */
  groupSize: number;
  clipping: Clipping;
  /** Clipping ratio: each group's range is multiplied by this, 0.3..1. */
  clipRatio: number;
  /** Clipping percentile of |x| over the tensor, 90..100. */
  clipPercentile: number;
  rounding: PlaygroundRounding;
  /** Seed of stochastic rounding's uniform draws. */
  roundingSeed: number;
}

export interface DistillationState {
  teacher: number[];
  student: number[];
  /** Index of the true class. */
  label: number;
  temperature: number;
  /** Weight of the hard loss, 0..1. */
  alpha: number;
}

export type PlaygroundTab = "quantization" | "distillation";

export interface PlaygroundState {
  tab: PlaygroundTab;
  quantization: QuantizationState;
  distillation: DistillationState;
  /** The preset last applied, shown as the view's caption. */
  preset?: string;
}

export const LIMITS = {
  bits: { min: 2, max: 8, step: 1 },
  groupSize: { min: 32, max: 256, step: 32 },
  clipRatio: { min: 0.3, max: 1, step: 0.01 },
  clipPercentile: { min: 90, max: 100, step: 0.1 },
  temperature: { min: 0.5, max: 20, step: 0.1 },
  alpha: { min: 0, max: 1, step: 0.05 },
  /** Classes of the distillation logits. */
  classes: { min: 2, max: 32 },
  logit: { min: -1000, max: 1000 },
  seed: { min: 0, max: 2 ** 31 - 1 },
} as const;

export function defaultState(): PlaygroundState {
  return {
    tab: "quantization",
    quantization: {
      sample: "normal",
      size: 65536,
      seed: 1,
      format: "int",
      bits: 4,
      mode: "affine",
      granularity: "tensor",
      groupSize: 128,
      clipping: "none",
      clipRatio: 1,
      clipPercentile: 99.9,
      rounding: "half-even",
      roundingSeed: 0,
    },
    distillation: { teacher: [4, 1.5, 0.5, -1], student: [2.5, 2, 0, -0.5], label: 0, temperature: 2, alpha: 0.5 },
  };
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** A finite number clamped to [min, max] and snapped to the step's grid from min; else the fallback. */
function numberIn(value: unknown, range: { min: number; max: number; step?: number }, fallback: number): number {
  if (typeof value !== "number" || !Number.isFinite(value)) return fallback;
  let v = Math.min(range.max, Math.max(range.min, value));
  if (range.step) v = Math.min(range.max, range.min + Math.round((v - range.min) / range.step) * range.step);
  return Number(v.toPrecision(12));
}

function logits(value: unknown, fallback: number[]): number[] {
  if (!Array.isArray(value) || value.length < LIMITS.classes.min || value.length > LIMITS.classes.max) return fallback;
  if (!value.every((v) => typeof v === "number" && Number.isFinite(v) && v >= LIMITS.logit.min && v <= LIMITS.logit.max)) return fallback;
  return value.slice();
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** A valid state from anything: unknown fields are dropped, bad ones take their default. */
export function sanitizeState(value: unknown): PlaygroundState {
  const d = defaultState();
  const s = record(value);
  const q = record(s.quantization);
  const k = record(s.distillation);
  const dq = d.quantization;
  const dk = d.distillation;
  const teacher = logits(k.teacher, dk.teacher);
  let student = logits(k.student, dk.student);
  if (student.length !== teacher.length) student = teacher.map((_, i) => dk.student[i] ?? 0);
  const quantization: QuantizationState = {
    sample: oneOf(q.sample, [...SAMPLE_KINDS, "custom"] as const, dq.sample),
    size: SAMPLE_SIZES.includes(q.size as number) ? (q.size as number) : dq.size,
    seed: Math.trunc(numberIn(q.seed, LIMITS.seed, dq.seed)),
    format: oneOf(q.format, QUANT_FORMATS, dq.format),
    bits: numberIn(q.bits, LIMITS.bits, dq.bits),
    mode: oneOf(q.mode, ["affine", "symmetric"] as const, dq.mode),
    granularity: oneOf(q.granularity, GRANULARITIES, dq.granularity),
    groupSize: numberIn(q.groupSize, LIMITS.groupSize, dq.groupSize),
    clipping: oneOf(q.clipping, ["none", "ratio", "percentile"] as const, dq.clipping),
    clipRatio: numberIn(q.clipRatio, LIMITS.clipRatio, dq.clipRatio),
    clipPercentile: numberIn(q.clipPercentile, LIMITS.clipPercentile, dq.clipPercentile),
    rounding: oneOf(q.rounding, PLAYGROUND_ROUNDINGS, dq.rounding),
    roundingSeed: Math.trunc(numberIn(q.roundingSeed, LIMITS.seed, dq.roundingSeed)),
  };
  const distillation: DistillationState = {
    teacher,
    student,
    label: Math.trunc(numberIn(k.label, { min: 0, max: teacher.length - 1 }, 0)),
    temperature: numberIn(k.temperature, LIMITS.temperature, dk.temperature),
    alpha: numberIn(k.alpha, LIMITS.alpha, dk.alpha),
  };
  const state: PlaygroundState = { tab: oneOf(s.tab, ["quantization", "distillation"] as const, d.tab), quantization, distillation };
  if (typeof s.preset === "string" && s.preset.length <= 100) state.preset = s.preset;
  return state;
}
