import type { PackFileSystem } from "./fileSystem";
import { formatBytes, type PackLimits } from "./limits";

/** Why a file a pack names could not be used; each becomes a problem with its own code. */
export type PackFileFailure =
  | { kind: "missing" }
  | { kind: "escapes"; target: string }
  | { kind: "not-a-file" }
  | { kind: "too-large"; size: number; limit: number }
  | { kind: "unreadable"; reason: string };

export type PackFileResult = { ok: true; text: string; realPath: string } | ({ ok: false } & PackFileFailure);

/**
 * Reads a file of the pack, refusing what a pack must not do: name a file outside its folder (through a symlink
 * as much as through `..`), or hold a file too large to be teaching material.
 */
export async function readPackFile(fs: PackFileSystem, realRoot: string, path: string, limits: PackLimits): Promise<PackFileResult> {
  const entry = await fs.stat(path);
  if (!entry) return { ok: false, kind: "missing" };
  let realPath: string;
  try {
    realPath = await fs.realpath(path);
  } catch (error) {
    // The entry exists but cannot be resolved: a dangling symlink, or a link the file system will not follow.
    return { ok: false, kind: "unreadable", reason: error instanceof Error ? error.message : String(error) };
  }
  if (!fs.isInside(realRoot, realPath)) return { ok: false, kind: "escapes", target: realPath };
  const target = entry.kind === "symlink" ? await fs.stat(realPath) : entry;
  if (!target || target.kind !== "file") return { ok: false, kind: "not-a-file" };
  if (target.size > limits.maxFileBytes) return { ok: false, kind: "too-large", size: target.size, limit: limits.maxFileBytes };
  try {
    return { ok: true, text: await fs.readText(realPath), realPath };
  } catch (error) {
    return { ok: false, kind: "unreadable", reason: error instanceof Error ? error.message : String(error) };
  }
}

/** A problem code and sentence for a failure to read `shownName` (the path as the pack author wrote it). */
export function describeFileFailure(failure: PackFileFailure, shownName: string): { code: string; message: string } {
  switch (failure.kind) {
    case "missing":
      return { code: "missing-file", message: `"${shownName}" does not exist; create it or correct the name` };
    case "escapes":
      return {
        code: "path-escape",
        message: `"${shownName}" is a link to a file outside the pack folder; a pack may only use its own files (copy the file in instead of linking to it)`,
      };
    case "not-a-file":
      return { code: "not-a-file", message: `"${shownName}" is not a regular file` };
    case "too-large":
      return {
        code: "file-too-large",
        message: `"${shownName}" is ${formatBytes(failure.size)}, above the ${formatBytes(failure.limit)} limit for a pack file; keep data out of packs or generate cases from a seed`,
      };
    case "unreadable":
      return { code: "unreadable-file", message: `"${shownName}" could not be read: ${failure.reason}` };
  }
}

/** True when a relative path as written would leave its folder: absolute, a drive letter, or a `..` segment. */
export function escapesLexically(relative: string): boolean {
  return /^[\\/]/.test(relative) || /^[A-Za-z]:/.test(relative) || relative.split(/[\\/]/).includes("..");
}
