/**
 * The inspection report (what `compression-tutor inspect --format json` prints and the Inspect panel shows) and
 * the messages between the extension, its inspection Worker and the Inspect Model File webview.
 */
import type { TranslationsMessage } from "./webviewMessages";

/** Scheme names as the CLI and the report spell them (src/models/schemes.ts defines each). */
export type InspectSchemeName = "int8-per-tensor" | "int8-per-channel" | "int4-g128" | "nf4-b64" | "fp8-e4m3" | "q4_0" | "q8_0";

export interface SchemeResult {
  mse: number;
  /** null when the scheme is exact on this tensor (no error) or the tensor is all zeros (no signal). */
  sqnrDb: number | null;
  maxAbsError: number;
  bytes: number;
}

export interface TensorStats {
  min: number;
  max: number;
  mean: number;
  /** Population standard deviation. */
  std: number;
  /** Share of values farther than 6 standard deviations from the mean. */
  beyond6Sigma: number;
  /** 64 equal bins over [min, max]; the last bin includes max. */
  histogram: number[];
}

export interface TensorReport {
  name: string;
  dtype: string;
  shape: number[];
  params: number;
  bytes: number;
  schemes: Partial<Record<InspectSchemeName, SchemeResult>>;
  /** Undefined when the values are not decoded (GGUF's quantized types) or the tensor is empty. */
  stats?: TensorStats;
  /** Why a tensor has no scheme results. */
  note?: string;
}

export interface InspectReport {
  file: string;
  format: string;
  tensors: TensorReport[];
  totals: { params: number; bytes: number; schemes: Partial<Record<InspectSchemeName, { bytes: number }>> };
}

/** Extension → webview. */
export type ToInspectMessage =
  | { type: "started"; file: string; schemes: InspectSchemeName[] }
  | { type: "progress"; done: number; total: number }
  | { type: "report"; report: InspectReport }
  | { type: "failed"; message: string }
  | { type: "cancelled" }
  | TranslationsMessage;

/** Webview → extension. */
export type FromInspectMessage =
  | { type: "ready" }
  | { type: "cancel" }
  /** Open the playground with this tensor (its first rows when it holds more than the playground takes). */
  | { type: "sendToPlayground"; tensor: string };

/** Main thread → inspection Worker. */
export type ToInspectWorker =
  | { type: "inspect"; file: string; schemes: InspectSchemeName[] }
  | { type: "values"; file: string; tensor: string; maxValues: number };

/** Inspection Worker → main thread. */
export type FromInspectWorker =
  | { type: "progress"; done: number; total: number }
  | { type: "report"; report: InspectReport }
  | { type: "values"; name: string; shape: number[]; values: number[] }
  | { type: "failed"; message: string };
