/**
 * Where a pack comes from: a folder, a .zip, or a git repository (a URL, or a local repository with a pinned
 * `#ref`). The CLI and the extension both turn a source into a folder here; the folder is then loaded and
 * validated like any other, so an archive or a clone obeys the same rules as a folder.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { cloneRepository, isRepositoryUrl, splitRef } from "./cloneRepository";
import { checkArchiveSize, extractZip, PACK_ZIP_LIMITS, ZipRefusedError } from "./extractZip";

export { defaultCacheRoot } from "./cacheRoot";

export type PackSource = { kind: "folder"; path: string } | { kind: "zip"; path: string } | { kind: "git"; url: string; ref?: string };

export class PackSourceError extends Error {}

/**
 * Reads what the user typed: a URL or `user@host:path` is git; a local path with `#ref`, or a bare repository
 * (`*.git` folder), is git too; a file ending in .zip is an archive; any other folder is a pack folder.
 */
export function classifyPackSource(text: string, cwd: string): PackSource {
  if (isRepositoryUrl(text)) return { kind: "git", ...splitRef(text) };
  const { url, ref } = splitRef(text);
  const local = path.resolve(cwd, url);
  const stat = fs.statSync(local, { throwIfNoEntry: false });
  if (ref !== undefined && stat?.isDirectory()) return { kind: "git", url: local, ref };
  if (stat?.isFile() && /\.zip$/i.test(local)) return { kind: "zip", path: local };
  if (stat?.isDirectory() && /\.git$/i.test(local) && fs.existsSync(path.join(local, "HEAD"))) return { kind: "git", url: local };
  if (stat?.isFile()) throw new PackSourceError(`${text} is a file, not a pack: give a pack folder, a .zip or a git repository`);
  if (!stat) throw new PackSourceError(`${text} is not a folder (nothing is there): give a pack folder, a .zip or a git repository (a URL, or a path with #tag)`);
  return { kind: "folder", path: local };
}

/** The folder holding pack.json: the root itself, or its only sub-folder (as `zip -r week-1.zip week-1` makes). */
export function packRootIn(folder: string): string {
  if (fs.existsSync(path.join(folder, "pack.json"))) return folder;
  const children = fs.readdirSync(folder, { withFileTypes: true }).filter((e) => !e.name.startsWith(".") && e.name !== "__MACOSX");
  if (children.length === 1 && children[0].isDirectory() && fs.existsSync(path.join(folder, children[0].name, "pack.json"))) return path.join(folder, children[0].name);
  return folder;
}

/**
 * Extracts the archive into the cache, once per content (its SHA-256): the extracted folder is reused while the
 * archive is unchanged, and a changed archive gets a folder of its own.
 */
export async function extractPackZip(zipFile: string, cacheRoot: string): Promise<string> {
  try {
    checkArchiveSize(zipFile, PACK_ZIP_LIMITS); // before the whole file is read to be hashed
  } catch (error) {
    if (error instanceof ZipRefusedError) throw new PackSourceError(`refused the pack archive ${error.message}`);
    throw error;
  }
  const digest = createHash("sha256").update(fs.readFileSync(zipFile)).digest("hex").slice(0, 16);
  const base = path.basename(zipFile).replace(/\.zip$/i, "").replace(/[^\w.-]/g, "_");
  const folder = path.join(cacheRoot, "zip", `${base}-${digest}`);
  // Extracted beside it and renamed into place, so a folder under this name is always a whole extraction.
  if (fs.existsSync(folder)) return folder;
  fs.mkdirSync(path.dirname(folder), { recursive: true });
  const temporary = `${folder}.tmp-${process.pid}-${Date.now()}`;
  try {
    await extractZip(zipFile, temporary, PACK_ZIP_LIMITS);
  } catch (error) {
    if (error instanceof ZipRefusedError) throw new PackSourceError(`refused the pack archive ${error.message}`);
    throw error;
  }
  try {
    fs.renameSync(temporary, folder);
  } catch {
    fs.rmSync(temporary, { recursive: true, force: true }); // another process extracted the same archive first
  }
  return folder;
}

/** The pack folder a source stands for, fetching or extracting it into `cacheRoot` when needed. */
export async function packFolderOf(source: PackSource, cacheRoot: string): Promise<string> {
  if (source.kind === "folder") return source.path;
  if (source.kind === "zip") return packRootIn(await extractPackZip(source.path, cacheRoot));
  return packRootIn(await cloneRepository({ url: source.url, ref: source.ref }, cacheRoot));
}
