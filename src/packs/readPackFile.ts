import type { PackFileSystem } from "./fileSystem";
import { formatBytes, type PackLimits } from "./limits";
import { decodeUtf8 } from "./text/decodeUtf8";
import type { TextPosition } from "./text/textPositions";

/** Why a file a pack names could not be used; each becomes a problem with its own code. */
export type PackFileFailure =
  | { kind: "missing" }
  | { kind: "escapes"; target: string }
  | { kind: "not-a-file" }
  | { kind: "too-large"; size: number; limit: number }
  | { kind: "unreadable"; reason: string }
  /** A failure inside the file itself, reported at `position` in it rather than where the file is named. */
  | { kind: "invalid-text"; position: TextPosition; reason: string };

export type PackFileResult = { ok: true; text: string; realPath: string } | ({ ok: false } & PackFileFailure);

/**
 * Reads a file of the pack, refusing what a pack must not do: name a file outside its folder (through a symlink
 * as much as through `..`), hold a file too large to be teaching material, or hold text that is not UTF-8.
 * A byte-order mark is dropped.
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
  let bytes: Uint8Array;
  try {
    bytes = await fs.readBytes(realPath);
  } catch (error) {
    return { ok: false, kind: "unreadable", reason: error instanceof Error ? error.message : String(error) };
  }
  // The size can change between stat and read (a growing file); the limit holds for what was read.
  if (bytes.length > limits.maxFileBytes) return { ok: false, kind: "too-large", size: bytes.length, limit: limits.maxFileBytes };
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { ok: false, kind: "invalid-text", position: decoded.position, reason: decoded.message };
  return { ok: true, text: decoded.text, realPath };
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
    case "invalid-text":
      return { code: "invalid-utf8", message: `"${shownName}" is not valid text: ${failure.reason}` };
  }
}

/** True when a relative path as written would leave its folder: absolute, a drive letter, or a `..` segment. */
export function escapesLexically(relative: string): boolean {
  return /^[\\/]/.test(relative) || /^[A-Za-z]:/.test(relative) || relative.split(/[\\/]/).includes("..");
}
