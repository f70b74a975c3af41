/**
 * The weight formats the memory calculator knows, described by their storage layout. The bits per weight
 * come from the compute core's `bitsPerWeight` applied to these layouts; this file only names them.
 *
 * Anchors: NF4 is bitsandbytes' blockwise format (64 weights share one fp32 absmax: 4 + 32/64 = 4.5 bits);
 * Q4_0 and Q8_0 are llama.cpp's (32 weights share one fp16 d: 4.5 and 8.5 bits). int4 and int8 take an
 * optional group size with one fp16 scale per group (int4, group 128: 4 + 16/128 = 4.125 bits).
 */
export const MEMORY_FORMATS = ["fp32", "bf16", "fp16", "fp8", "int8", "int4", "nf4", "q4_0", "q8_0"] as const;
export type MemoryFormat = (typeof MEMORY_FORMATS)[number];

export interface WeightLayout {
  /** Bits of each stored weight code. */
  bits: number;
  /** Weights sharing one scale; absent when the format stores no per-block scale. */
  groupSize?: number;
  /** Bits of each shared scale. */
  scaleBits?: number;
}

export interface MemoryFormatInfo {
  format: MemoryFormat;
  label: string;
  detail: string;
  /** The layout; for int4/int8 the group size is the user's choice and is filled in by `layoutOf`. */
  layout: WeightLayout;
  /** True where the user may choose a group size (fp16 scale per group). */
  groupable: boolean;
}

export const MEMORY_FORMAT_INFO: Record<MemoryFormat, MemoryFormatInfo> = {
  fp32: { format: "fp32", label: "fp32", detail: "32-bit float", layout: { bits: 32 }, groupable: false },
  bf16: { format: "bf16", label: "bf16", detail: "bfloat16", layout: { bits: 16 }, groupable: false },
  fp16: { format: "fp16", label: "fp16", detail: "IEEE half precision", layout: { bits: 16 }, groupable: false },
  fp8: { format: "fp8", label: "fp8", detail: "E4M3 / E5M2, 8 bits", layout: { bits: 8 }, groupable: false },
  int8: { format: "int8", label: "int8", detail: "8-bit integer, optional fp16 scale per group", layout: { bits: 8 }, groupable: true },
  int4: { format: "int4", label: "int4", detail: "4-bit integer, optional fp16 scale per group", layout: { bits: 4 }, groupable: true },
  nf4: { format: "nf4", label: "NF4", detail: "bitsandbytes: 64-weight blocks, fp32 absmax (4.5 bits)", layout: { bits: 4, groupSize: 64, scaleBits: 32 }, groupable: false },
  q4_0: { format: "q4_0", label: "Q4_0", detail: "llama.cpp: 32-weight blocks, fp16 d (4.5 bits)", layout: { bits: 4, groupSize: 32, scaleBits: 16 }, groupable: false },
  q8_0: { format: "q8_0", label: "Q8_0", detail: "llama.cpp: 32-weight blocks, fp16 d (8.5 bits)", layout: { bits: 8, groupSize: 32, scaleBits: 16 }, groupable: false },
};

/** Bits of the fp16 scale that int4/int8 store per group. */
export const GROUP_SCALE_BITS = 16;

/** The storage layout of a format, with the user's group size where the format takes one. */
export function layoutOf(format: MemoryFormat, groupSize: number | undefined): WeightLayout {
  const info = MEMORY_FORMAT_INFO[format];
  if (info.groupable && groupSize !== undefined) return { ...info.layout, groupSize, scaleBits: GROUP_SCALE_BITS };
  return info.layout;
}

/** The element formats a KV cache may be stored in, with their bytes per element. */
export const KV_FORMATS = ["fp32", "fp16", "bf16", "fp8", "int8"] as const;
export type KvFormat = (typeof KV_FORMATS)[number];
export const KV_BYTES_PER_ELEMENT: Record<KvFormat, number> = { fp32: 4, fp16: 2, bf16: 2, fp8: 1, int8: 1 };
