/**
 * The little a pack loader needs from a file system. Parsing and validation in `src/packs` are pure and run over
 * this interface, so the same code serves the CLI (node:fs, `node/loadPackFromDisk.ts`) and the extension
 * (vscode.workspace.fs, `vscode/loadPackWithWorkspaceFs.ts`).
 *
 * Paths are absolute, in the platform's own form; only the adapter knows how to join and compare them.
 */
export type PackEntryKind = "file" | "directory" | "symlink" | "other";

export interface PackEntryStat {
  /** The entry itself, not what a symlink points to. */
  kind: PackEntryKind;
  /** Bytes; 0 for directories. */
  size: number;
}

export interface PackFileSystem {
  /** The bytes of a file (decoded by the loader, which reports invalid UTF-8 where it is). Rejects when it cannot be read. */
  readBytes(path: string): Promise<Uint8Array>;
  /** The entry at `path` without following a final symlink, or undefined when nothing is there. */
  stat(path: string): Promise<PackEntryStat | undefined>;
  /** `path` with every symlink resolved. Rejects when it does not exist. */
  realpath(path: string): Promise<string>;
  /** Names and kinds of a directory's entries (symlinks reported as "symlink", not followed). */
  readDirectory(path: string): Promise<{ name: string; kind: PackEntryKind }[]>;
  /** `base` joined with the relative segments. */
  join(base: string, ...segments: string[]): string;
  /** True when `path` is `folder` itself or lies inside it (both already absolute and resolved). */
  isInside(folder: string, path: string): boolean;
}
