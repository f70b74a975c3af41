import type { PackSpec } from "../../protocol/exercise";
import type { PackProblem } from "../../protocol/packProblem";
import type { PackLimits } from "../limits";

/** What the extension host asks the pack-loading Worker: one pack folder (an absolute file-system path). */
export interface LoadPackRequest {
  type: "loadPack";
  dir: string;
  limits?: Partial<PackLimits>;
}

/** The Worker's answer: the loader's result, or why it could not run (an exception, never an author's mistake). */
export type LoadPackResponse = { type: "loaded"; pack?: PackSpec; problems: PackProblem[] } | { type: "failed"; message: string };
