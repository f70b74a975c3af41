/**
 * Where a learner's solution files live, as plain path arithmetic (no vscode, no node:path) so it can be
 * unit-tested: `<root>/<solutionsFolder>/<packId>/<exerciseId>.ts`. One predictable place per exercise,
 * and the path alone tells which exercise a saved file belongs to.
 */

export interface SolutionKey {
  packId: string;
  exerciseId: string;
}

/** Ids become path segments, so anything that could escape a folder or confuse a file system is refused. */
const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function isSafeSegment(id: string): boolean {
  return SAFE_SEGMENT.test(id) && !id.includes("..");
}

/** Path segments of the solution file, relative to the root folder. */
export function solutionSegments(solutionsFolder: string, key: SolutionKey): string[] {
  for (const [what, id] of [["pack id", key.packId], ["exercise id", key.exerciseId]] as const) {
    if (!isSafeSegment(id)) throw new Error(`solutionSegments: the ${what} "${id}" cannot be used as a file name; pack ids and exercise ids may use letters, digits, ".", "_" and "-" only.`);
  }
  return [...splitFolder(solutionsFolder), key.packId, `${key.exerciseId}.ts`];
}

/** Path segments of the backups folder for one exercise, relative to the root folder. */
export function backupSegments(solutionsFolder: string, key: SolutionKey): string[] {
  return [...splitFolder(solutionsFolder), ".backups", key.packId, key.exerciseId];
}

/** A backup's file name: sortable, readable, and unique to the millisecond. */
export function backupFileName(now: Date): string {
  return `${now.toISOString().replace(/[:.]/g, "-")}.ts`;
}

/**
 * Which exercise a file is the solution of, from its path relative to the root folder (forward or back
 * slashes), or undefined when it is not a solution file.
 */
export function parseSolutionPath(relativePath: string, solutionsFolder: string): SolutionKey | undefined {
  const parts = relativePath.split(/[\\/]+/).filter((p) => p !== "" && p !== ".");
  const prefix = splitFolder(solutionsFolder);
  if (parts.length !== prefix.length + 2) return undefined;
  if (!prefix.every((segment, i) => segment === parts[i])) return undefined;
  const [packId, fileName] = parts.slice(prefix.length);
  if (!fileName.endsWith(".ts") || fileName.endsWith(".d.ts")) return undefined;
  const exerciseId = fileName.slice(0, -3);
  return isSafeSegment(packId) && isSafeSegment(exerciseId) ? { packId, exerciseId } : undefined;
}

function splitFolder(folder: string): string[] {
  const parts = folder.split(/[\\/]+/).filter((p) => p !== "" && p !== ".");
  if (parts.some((p) => p === "..")) throw new Error(`compressionTutor.solutionsFolder: "${folder}" leaves the workspace folder; use a path inside it, such as "compression-tutor".`);
  return parts;
}
