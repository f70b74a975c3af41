/** Loads test/unit/fixtures/core/vectors.json (written by generate_vectors.py beside it). */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Tolerance } from "./tolerance";

export interface VectorCase {
  fn: string;
  args: unknown[];
  expected: unknown;
  note?: string;
  tol?: Tolerance;
}

export const VECTORS_PATH = path.join(__dirname, "..", "fixtures", "core", "vectors.json");

/** JSON has no NaN or ±Infinity; the generator writes them as strings. */
function revive(_key: string, value: unknown): unknown {
  if (value === "NaN") return NaN;
  if (value === "Infinity") return Infinity;
  if (value === "-Infinity") return -Infinity;
  return value;
}

let cached: Record<string, VectorCase[]> | undefined;

/** Reference vectors by topic; each call returns a fresh deep copy so a test cannot corrupt another's input. */
export function loadVectors(): Record<string, VectorCase[]> {
  cached ??= (JSON.parse(fs.readFileSync(VECTORS_PATH, "utf8"), revive) as { topics: Record<string, VectorCase[]> }).topics;
  return structuredClone(cached);
}
