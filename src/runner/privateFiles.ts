/**
 * What the runner's caches on disk believe: a folder or file owned by this user and writable by no one else.
 * A cache entry is code (a bundle) or what code becomes (V8's code cache), so anything another user could
 * have written is not read.
 */
import type fs from "node:fs";

export function ownedAndPrivate(stat: fs.Stats): boolean {
  // Windows has no uid or POSIX mode bits to check; the folder is under the user's own profile there.
  if (process.platform === "win32" || typeof process.getuid !== "function") return true;
  return stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
}
