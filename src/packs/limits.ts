/**
 * Size limits for a pack. A pack is teaching material; anything bigger than this is a mistake (a data dump, a
 * build output copied in) or an attack, and would slow or stop every load of the extension. Every limit is
 * checked before the work it bounds is done (docs/pack-format.md lists them for authors).
 */
export interface PackLimits {
  /** Largest text file the pack may contain (manifest, exercise, prompt, TypeScript). */
  maxFileBytes: number;
  /** Largest total size of every file under the pack folder. */
  maxPackBytes: number;
  /** Deepest nesting of arrays and objects in a JSON file. */
  maxJsonDepth: number;
  /** Most numbers one generator may produce for one case (a floatMatrix's rows × cols, at their upper bounds). */
  maxGeneratedValuesPerArgument: number;
  /** Most numbers all generated cases of one exercise may hold together (count × the per-case upper bounds). */
  maxGeneratedValuesPerExercise: number;
  /** Most numbers the generated cases of all exercises of a pack may hold together. */
  maxGeneratedValuesPerPack: number;
}

export const DEFAULT_PACK_LIMITS: PackLimits = {
  maxFileBytes: 256 * 1024,
  maxPackBytes: 2 * 1024 * 1024,
  maxJsonDepth: 64,
  maxGeneratedValuesPerArgument: 65_536,
  maxGeneratedValuesPerExercise: 250_000,
  maxGeneratedValuesPerPack: 1_000_000,
};

/** "256 KiB", "2 MiB", "1.5 MiB": sizes as a pack author reads them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${trim(bytes / (1024 * 1024))} MiB`;
  if (bytes >= 1024) return `${trim(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

function trim(value: number): string {
  const rounded = value.toFixed(1);
  return rounded.endsWith(".0") ? rounded.slice(0, -2) : rounded;
}
