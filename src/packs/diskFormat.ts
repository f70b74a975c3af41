/**
 * The on-disk pack format, as TypeScript types: what `pack.json` and `exercise.json` hold once they have passed
 * their JSON Schemas (`exercises/schema/`). The loader turns these into the in-memory model of
 * `src/protocol/exercise.ts`. docs/pack-format.md describes the format for authors.
 */
import type { Json } from "../protocol/json";
import type { ChartKind, Comparison, FurtherReading, Reveal, RoundingMode, Tolerance, ValueSource } from "../protocol/exercise";

export interface PackManifestFile {
  id: string;
  title: string;
  version: string;
  coreVersion: string;
  description: string;
  authors: string[];
  license: string;
  exercises: string[];
}

export interface ExerciseFile {
  id: string;
  title: string;
  summary: string;
  chart?: ChartKind;
  chartArgs?: string[];
  prompt: string;
  starter: string;
  reference?: string;
  misconceptions?: string;
  showReferenceAfterPass?: boolean;
  hints: string[];
  checks: CheckFile[];
  furtherReading?: FurtherReading[];
}

export interface CheckFile {
  id: string;
  function: string;
  expected: ValueSource;
  comparison?: Comparison;
  tolerance?: Tolerance;
  rounding?: RoundingMode;
  reveal?: Reveal;
  misconceptions?: { id: string; message: string; variant: ValueSource }[];
  cases?: CaseFile[];
  generate?: GenerateFile[];
}

export interface CaseFile {
  id: string;
  name?: string;
  input: Json[];
  expected?: Json;
  reveal?: Reveal;
}

export interface GenerateFile {
  idPrefix: string;
  seed: number;
  count: number;
  args: GeneratorFile[];
  reveal?: Reveal;
}

/** An exact length, an inclusive [min, max] range, or the length of an earlier argument of the same case. */
export type LengthFile = number | [number, number] | { sameAs: number };

/** One positional argument's generator; `edges` are taken by cases 0, 1, … before random values. */
export type GeneratorFile = { edges?: Json[] } & (
  | { const: Json }
  | { uniform: [number, number]; decimals?: number }
  | { int: [number, number] }
  | { halfInteger: [number, number] }
  | { choice: Json[] }
  | { floatArray: { length: LengthFile; uniform: [number, number]; decimals?: number } }
  | { intArray: { length: LengthFile; int: [number, number] } }
  | { floatMatrix: { rows: LengthFile; cols: LengthFile; uniform: [number, number]; decimals?: number } }
  | { probabilities: { length: LengthFile; zeros?: number } }
  | { logits: { length: LengthFile; scale: number; offset?: number } }
);
