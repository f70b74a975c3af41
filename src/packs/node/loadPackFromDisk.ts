import { promises as fsp } from "node:fs";
import path from "node:path";
import { builtInCoreCatalog } from "../builtInCoreCatalog";
import type { CoreCatalog } from "../coreCatalog";
import type { PackEntryKind, PackFileSystem } from "../fileSystem";
import type { PackLimits } from "../limits";
import { loadPack, type ParsedPack } from "../loadPack";
import { isInsideFolder } from "./isInsideFolder";

/** The pack loader's file system on node:fs, for the CLI and the runner. */
export const nodePackFileSystem: PackFileSystem = {
  readBytes: (file) => fsp.readFile(file),
  async stat(file) {
    try {
      const s = await fsp.lstat(file);
      return { kind: kindOf(s), size: s.isFile() ? s.size : 0 };
    } catch {
      return undefined;
    }
  },
  realpath: (file) => fsp.realpath(file),
  async readDirectory(folder) {
    const entries = await fsp.readdir(folder, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, kind: kindOf(e) }));
  },
  join: (base, ...segments) => path.join(base, ...segments),
  isInside: isInsideFolder,
};

function kindOf(entry: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): PackEntryKind {
  if (entry.isSymbolicLink()) return "symlink";
  if (entry.isFile()) return "file";
  if (entry.isDirectory()) return "directory";
  return "other";
}

/**
 * Loads and statically validates the pack in `dir` (relative paths are resolved from the working directory);
 * with `only`, just the manifest and that exercise (see LoadPackOptions.only).
 */
export async function loadPackFromDisk(
  dir: string,
  options: { catalog?: CoreCatalog; limits?: Partial<PackLimits>; only?: string } = {},
): Promise<ParsedPack> {
  return loadPack(nodePackFileSystem, path.resolve(dir), { catalog: options.catalog ?? builtInCoreCatalog(), limits: options.limits, only: options.only });
}
