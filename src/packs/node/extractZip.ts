/**
 * Extracts a .zip (an exercise pack, a learner's hand-in) into a new folder under the rules a folder on disk
 * obeys: every entry a relative path that stays inside, no symbolic links or devices, no entry twice, and limits on
 * the number of entries and on their size that are checked against the sizes the archive declares before anything
 * is written, and against the bytes actually inflated while writing (a zip bomb can lie in its headers).
 * Read with yauzl, entry by entry, so the archive is never held in memory.
 */
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";
import type yauzl from "yauzl";
import { DEFAULT_PACK_LIMITS, formatBytes } from "../limits";

export interface ZipLimits {
  /** Largest archive file (checked before it is opened or hashed). */
  maxArchiveBytes: number;
  /** Most entries (files and folders). */
  maxEntries: number;
  /** Largest uncompressed entry. */
  maxEntryBytes: number;
  /** Largest uncompressed total. */
  maxTotalBytes: number;
}

/** A pack may hold 2 MiB; its archive no more, and no more entries than a teaching pack could use. */
export const PACK_ZIP_LIMITS: ZipLimits = { maxArchiveBytes: 64 * 1024 * 1024, maxEntries: 2_000, maxEntryBytes: DEFAULT_PACK_LIMITS.maxPackBytes, maxTotalBytes: DEFAULT_PACK_LIMITS.maxPackBytes };

/** A refused or unreadable archive; the message names the archive and the entry. */
export class ZipRefusedError extends Error {}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

/** The entry's name as a safe relative path with "/" separators, or the reason it is refused. */
export function checkEntryName(name: string): { path: string } | { refused: string } {
  if (name.includes("\u0000")) return { refused: "holds a NUL character" };
  // Some Windows tools write "\" as the separator; read it as one, then judge the path like any other.
  const normal = name.replace(/\\/g, "/");
  if (normal.startsWith("/") || /^[A-Za-z]:/.test(normal)) return { refused: "is an absolute path" };
  const segments = normal.split("/").filter((s) => s !== "" && s !== ".");
  if (segments.includes("..")) return { refused: "leaves the folder (a `..` segment)" };
  if (segments.length === 0) return { refused: "has an empty name" };
  return { path: segments.join("/") };
}

function entryKind(entry: yauzl.Entry, name: string): "file" | "directory" | "symlink" | "other" {
  const madeOnUnix = entry.versionMadeBy >> 8 === 3;
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (madeOnUnix && mode === S_IFLNK) return "symlink";
  if (name.endsWith("/") || name.endsWith("\\")) return "directory";
  if (madeOnUnix && mode !== 0 && mode !== S_IFREG && mode !== S_IFDIR) return "other";
  return madeOnUnix && mode === S_IFDIR ? "directory" : "file";
}

/** Throws ZipRefusedError when the archive file itself is larger than `limits` allow. */
export function checkArchiveSize(zipFile: string, limits: ZipLimits): void {
  const size = fs.statSync(zipFile).size;
  if (size > limits.maxArchiveBytes) throw new ZipRefusedError(`${path.basename(zipFile)}: the archive is ${size.toLocaleString("en")} bytes, more than the ${formatBytes(limits.maxArchiveBytes)} allowed`);
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    // Required when an archive is opened: yauzl (and zlib under it) is no part of a check of a pack folder.
    // decodeStrings false: names are judged here (with the reasons above), not refused by yauzl's own wording;
    // validateEntrySizes false: sizes are counted here, so a lying entry is named as the zip bomb it is.
    (require("yauzl") as typeof import("yauzl")).open(file, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false }, (error, zip) => (error ? reject(error) : resolve(zip))),
  );
}

function entryName(raw: yauzl.Entry["fileName"]): string {
  const bytes = raw as unknown as Buffer;
  // ASCII names (which packs and solutions use) read the same in UTF-8 and in the old DOS code page.
  return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
}

/**
 * Extracts `zipFile` into `targetDir`, which must not exist yet (it is created; on refusal it is removed again).
 * Throws ZipRefusedError naming the archive and the entry.
 */
export async function extractZip(zipFile: string, targetDir: string, limits: ZipLimits = PACK_ZIP_LIMITS): Promise<void> {
  const shown = path.basename(zipFile);
  const refuse = (why: string): never => {
    throw new ZipRefusedError(`${shown}: ${why}`);
  };
  checkArchiveSize(zipFile, limits);
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(zipFile);
  } catch (error) {
    throw new ZipRefusedError(`${shown}: not a readable .zip archive (${error instanceof Error ? error.message : String(error)})`);
  }
  fs.mkdirSync(targetDir);
  try {
    // The count comes from the end-of-central-directory record: 100,000 entries are refused before one is read.
    if (zip.entryCount > limits.maxEntries) refuse(`holds ${zip.entryCount.toLocaleString("en")} entries; at most ${limits.maxEntries.toLocaleString("en")} are allowed`);
    const entries = await readEntries(zip, shown, refuse);
    const declared = entries.reduce((n, e) => n + e.entry.uncompressedSize, 0);
    for (const { entry, name } of entries) {
      if (entry.uncompressedSize > limits.maxEntryBytes) refuse(`${name} declares ${formatBytes(entry.uncompressedSize)} uncompressed; an entry may hold at most ${formatBytes(limits.maxEntryBytes)}`);
    }
    if (declared > limits.maxTotalBytes) refuse(`declares ${formatBytes(declared)} uncompressed; at most ${formatBytes(limits.maxTotalBytes)} are allowed`);

    let written = 0;
    const seen = new Set<string>();
    for (const { entry, name, kind } of entries) {
      const key = process.platform === "win32" || process.platform === "darwin" ? name.toLowerCase() : name;
      if (seen.has(key)) refuse(`${name} appears twice`);
      seen.add(key);
      const target = path.join(targetDir, ...name.split("/"));
      if (kind === "directory") {
        fs.mkdirSync(target, { recursive: true });
        continue;
      }
      fs.mkdirSync(path.dirname(target), { recursive: true });
      if ((entry.generalPurposeBitFlag & 0x1) !== 0) refuse(`${name} is encrypted`);
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => zip.openReadStream(entry, (error, s) => (error ? reject(error) : resolve(s))));
      let entryBytes = 0;
      // Counted as inflated, whatever the header said: stops a lying entry at the limit, not at the end of the disk.
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          entryBytes += chunk.length;
          written += chunk.length;
          if (entryBytes > entry.uncompressedSize || entryBytes > limits.maxEntryBytes || written > limits.maxTotalBytes) {
            done(new ZipRefusedError(`${shown}: ${name} inflates to more than it declares (${formatBytes(entry.uncompressedSize)}); refused as a zip bomb`));
          } else done(null, chunk);
        },
      });
      try {
        await pipeline(stream, counter, fs.createWriteStream(target, { flags: "wx" }));
      } catch (error) {
        if (error instanceof ZipRefusedError) throw error;
        refuse(`${name} cannot be extracted (${error instanceof Error ? error.message : String(error)})`);
      }
    }
  } catch (error) {
    fs.rmSync(targetDir, { recursive: true, force: true });
    throw error;
  } finally {
    zip.close();
  }
}

interface CheckedEntry {
  entry: yauzl.Entry;
  name: string;
  kind: "file" | "directory";
}

/** Every entry of the central directory, each judged before any is extracted. */
function readEntries(zip: yauzl.ZipFile, shown: string, refuse: (why: string) => never): Promise<CheckedEntry[]> {
  return new Promise((resolve, reject) => {
    const entries: CheckedEntry[] = [];
    zip.on("error", (error: Error) => reject(new ZipRefusedError(`${shown}: ${error.message}`)));
    zip.on("end", () => resolve(entries));
    zip.on("entry", (entry: yauzl.Entry) => {
      try {
        const raw = entryName(entry.fileName);
        const checked = checkEntryName(raw);
        if ("refused" in checked) refuse(`the entry ${JSON.stringify(raw)} ${checked.refused}; an archive may only hold paths inside it`);
        const kind = entryKind(entry, raw);
        if (kind === "symlink") refuse(`the entry ${checked.path} is a symbolic link; archives may hold only files and folders`);
        if (kind === "other") refuse(`the entry ${checked.path} is not a file or folder (a device or pipe)`);
        entries.push({ entry, name: checked.path, kind: kind as "file" | "directory" });
        zip.readEntry();
      } catch (error) {
        reject(error);
      }
    });
    zip.readEntry();
  });
}
