/** Loads the reference vectors of test/unit/fixtures/ (each JSON written by the Python script beside it). */
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

/** test/unit/fixtures/practice/practice_vectors.json (generate_practice_vectors.py): the second pack's topics. */
export const PRACTICE_VECTORS_PATH = path.join(__dirname, "..", "fixtures", "practice", "practice_vectors.json");

const cached = new Map<string, Record<string, VectorCase[]>>();

/** Reference vectors by topic; each call returns a fresh deep copy so a test cannot corrupt another's input. */
export function loadVectors(file = VECTORS_PATH): Record<string, VectorCase[]> {
  if (!cached.has(file)) cached.set(file, (JSON.parse(fs.readFileSync(file, "utf8"), revive) as { topics: Record<string, VectorCase[]> }).topics);
  return structuredClone(cached.get(file)!);
}
