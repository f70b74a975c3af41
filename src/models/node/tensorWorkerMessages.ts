/** What inspectFile.ts and its inspection threads (tensorWorker.ts) tell each other. */
import type { TensorReport } from "../inspect";

export interface TensorWorkerData {
  /** The path to open. */
  file: string;
  /** The name errors cite. */
  displayName: string;
  schemes: string[];
}

export type ToTensorWorker = { type: "tensor"; slot: number; index: number } | { type: "close" };

export type FromTensorWorker =
  | { type: "progress"; bytes: number }
  | { type: "report"; slot: number; report: TensorReport }
  /** file, offset and reason are set when the error was a ModelFileError. */
  | { type: "failed"; slot: number; message: string; file?: string; offset?: number; reason?: string };
