import * as vscode from "vscode";
import { builtInCoreCatalog } from "../builtInCoreCatalog";
import type { CoreCatalog } from "../coreCatalog";
import type { PackEntryKind, PackFileSystem } from "../fileSystem";
import { loadPack, type PackLoadResult } from "../loadPack";

/** Resolves every symlink of a file-system path (node's fs.realpath in the extension host). */
export type RealpathFunction = (fsPath: string) => Promise<string>;

/**
 * The pack loader's file system on vscode.workspace.fs, for a pack in folder `root`. Paths are file-system paths
 * (`Uri.fsPath`): packs are folders on disk.
 *
 * vscode.workspace.fs cannot read a link's target, so symlinks are resolved by `realpath` when the caller gives
 * one. Without it, a symlink anywhere inside the pack is refused (reported as a file that cannot be used) rather
 * than trusted: a pack must never reach files outside its folder.
 */
export function createWorkspacePackFileSystem(root: string, realpath?: RealpathFunction): PackFileSystem {
  const files = vscode.workspace.fs;
  const stat = async (file: string) => {
    try {
      const s = await files.stat(vscode.Uri.file(file));
      return { kind: kindOf(s.type), size: s.type & vscode.FileType.File ? s.size : 0 };
    } catch {
      return undefined;
    }
  };
  const fileSystem: PackFileSystem = {
    readBytes: async (file) => files.readFile(vscode.Uri.file(file)),
    stat,
    async realpath(file) {
      if (realpath) return realpath(file);
      // Walk from the file up to the pack root; any link on the way cannot be followed, so it is refused.
      for (let current = file; fileSystem.isInside(root, current) && current !== root; current = parentOf(current)) {
        const entry = await stat(current);
        if (!entry) throw new Error(`${current} does not exist`);
        if (entry.kind === "symlink") throw new Error(`${current} is a symbolic link, which packs loaded in VS Code may not use`);
      }
      return file;
    },
    async readDirectory(folder) {
      const entries = await files.readDirectory(vscode.Uri.file(folder));
      return entries.map(([name, type]) => ({ name, kind: kindOf(type) }));
    },
    join: (base, ...segments) => vscode.Uri.joinPath(vscode.Uri.file(base), ...segments).fsPath,
    isInside(folder, file) {
      const a = folder.replace(/[\\/]+$/, "");
      const windows = /^[A-Za-z]:/.test(a);
      const norm = (p: string) => (windows ? p.replace(/\//g, "\\").toLowerCase() : p);
      const sep = windows ? "\\" : "/";
      return norm(file) === norm(a) || norm(file).startsWith(norm(a) + sep);
    },
  };
  return fileSystem;
}

function parentOf(fsPath: string): string {
  return vscode.Uri.joinPath(vscode.Uri.file(fsPath), "..").fsPath;
}

function kindOf(type: vscode.FileType): PackEntryKind {
  if (type & vscode.FileType.SymbolicLink) return "symlink";
  if (type & vscode.FileType.File) return "file";
  if (type & vscode.FileType.Directory) return "directory";
  return "other";
}

/**
 * Loads and statically validates the pack in folder `dir` through the workspace file system. The extension host
 * may pass node's `fs.promises.realpath` so that symlinks inside the pack are followed (and refused only when they
 * lead out of it).
 */
export async function loadPackWithWorkspaceFs(
  dir: vscode.Uri,
  options: { catalog?: CoreCatalog; realpath?: RealpathFunction } = {},
): Promise<PackLoadResult> {
  return loadPack(createWorkspacePackFileSystem(dir.fsPath, options.realpath), dir.fsPath, { catalog: options.catalog ?? builtInCoreCatalog() });
}
