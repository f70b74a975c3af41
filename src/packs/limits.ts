/**
 * Size limits for a pack. A pack is teaching material; anything bigger than this is a mistake (a data dump, a
 * build output copied in) and would slow every load of the extension.
 */
export interface PackLimits {
  /** Largest text file the pack may contain (manifest, exercise, prompt, TypeScript). */
  maxFileBytes: number;
  /** Largest total size of every file under the pack folder. */
  maxPackBytes: number;
}

export const DEFAULT_PACK_LIMITS: PackLimits = {
  maxFileBytes: 256 * 1024,
  maxPackBytes: 2 * 1024 * 1024,
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
