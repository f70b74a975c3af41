/**
 * Compiled bundles on disk, so that a cold `check` of a file compiled before (the exercise's reference and
 * misconceptions above all; they never change) does not start esbuild-wasm, which is most of a cold check's
 * CPU time.
 *
 * Trust: a stored bundle is code that will run, so an entry is believed only when
 * - its name is the sha256 of everything that determines the bundle (the shelf, the esbuild-wasm version, the
 *   bundle options, the entry's file name and its text), and the file repeats that key inside;
 * - it was written by the runner (this process's side, never a sandbox process: the sandbox has no write
 *   access and only sends a bundle's code over the checked channel), into a folder owned by this user and
 *   writable by no one else, as a file owned by this user and writable by no one else (checked on read).
 * Shelves keep learner bundles and exercise bundles apart: exercise bundles (whose runs produce expected
 * values) are stored only from the exercise sandbox, which never runs learner code, so a learner's sandbox
 * cannot place a bundle that an expected value is computed with, even by sending a file whose text equals the
 * reference's.
 *
 * Any failure to read or write is a miss (the bundle is compiled as before), never an error.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { ownedAndPrivate } from "./privateFiles";
import { BUNDLE_OPTIONS, esbuildWasmVersion } from "./sandbox/bundleOptions";

export type BundleShelf = "learner" | "exercise";

export interface StoredBundle {
  code: string;
  sourceMap?: string;
}

/** A bundle of one small file is a few kilobytes; anything near this is not something the runner wrote. */
const MAX_ENTRY_BYTES = 8_000_000;
/** Bumped when the file format below changes. */
const FORMAT = 1;

export class BundleStore {
  private folderChecked: boolean | undefined;

  constructor(
    private readonly dir: string,
    private readonly log: (line: string) => void = () => undefined,
    /** Past this many entries, a write removes the least recently written quarter (each is a few kilobytes). */
    private readonly maxEntries = 2000,
  ) {}

  static keyOf(shelf: BundleShelf, entry: string, text: string): string {
    return createHash("sha256")
      .update(JSON.stringify({ format: FORMAT, shelf, esbuild: esbuildWasmVersion(), options: BUNDLE_OPTIONS, name: path.basename(entry) }))
      .update("\0")
      .update(text)
      .digest("hex");
  }

  /** Whether the folder exists, is a real folder owned by this user and writable by no one else. */
  private folderIsOurs(): boolean {
    if (this.folderChecked !== undefined) return this.folderChecked;
    try {
      this.folderChecked = ownedAndPrivate(fs.lstatSync(this.dir)) && fs.lstatSync(this.dir).isDirectory();
      if (!this.folderChecked) this.log(`bundle store ${this.dir} is not a private folder of this user, so it is not used`);
    } catch {
      return false;
    }
    return this.folderChecked;
  }

  read(key: string): StoredBundle | undefined {
    const entry = this.readRecord(key);
    if (!entry) return undefined;
    const { code, sourceMap } = entry;
    if (typeof code !== "string" || (sourceMap !== undefined && typeof sourceMap !== "string")) return undefined;
    return { code, sourceMap };
  }

  write(key: string, bundle: StoredBundle): void {
    this.writeRecord(key, { code: bundle.code, sourceMap: bundle.sourceMap });
  }

  /**
   * Values an exercise's reference or the compute core produced, under a key the runner computed from
   * everything that determines them (expectedValues.ts). Serialised with v8 so that NaN, -0 and undefined
   * survive as they do on the channel.
   */
  readValues(key: string): unknown[] | undefined {
    const entry = this.readRecord(key);
    if (!entry || typeof entry.values !== "string") return undefined;
    try {
      const values = v8.deserialize(Buffer.from(entry.values, "base64")) as unknown;
      return Array.isArray(values) ? values : undefined;
    } catch {
      return undefined;
    }
  }

  writeValues(key: string, values: unknown[]): void {
    this.writeRecord(key, { values: v8.serialize(values).toString("base64") });
  }

  /** Keeps the folder bounded: every edit a learner checks adds an entry. */
  private prune(): void {
    const names = fs.readdirSync(this.dir).filter((name) => /^[0-9a-f]{64}\.json$/.test(name));
    if (names.length <= this.maxEntries) return;
    const byAge = names.map((name) => ({ name, mtime: fs.statSync(path.join(this.dir, name)).mtimeMs })).sort((a, b) => a.mtime - b.mtime);
    for (const { name } of byAge.slice(0, names.length - Math.floor(this.maxEntries * 0.75))) fs.rmSync(path.join(this.dir, name), { force: true });
  }

  private readRecord(key: string): Record<string, unknown> | undefined {
    if (!/^[0-9a-f]{64}$/.test(key) || !this.folderIsOurs()) return undefined;
    let fd: number | undefined;
    try {
      // O_NOFOLLOW: a symbolic link planted in place of an entry is not followed.
      fd = fs.openSync(path.join(this.dir, `${key}.json`), fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
      const stat = fs.fstatSync(fd);
      if (!stat.isFile() || !ownedAndPrivate(stat) || stat.size > MAX_ENTRY_BYTES) return undefined;
      const entry = JSON.parse(fs.readFileSync(fd, "utf8")) as unknown;
      if (typeof entry !== "object" || entry === null || (entry as Record<string, unknown>).key !== key) return undefined;
      return entry as Record<string, unknown>;
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }

  private writeRecord(key: string, fields: Record<string, unknown>): void {
    if (!/^[0-9a-f]{64}$/.test(key)) return;
    const text = JSON.stringify({ key, ...fields });
    if (Buffer.byteLength(text) > MAX_ENTRY_BYTES) return;
    try {
      if (this.folderChecked === undefined) {
        fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      }
      if (!this.folderIsOurs()) return;
      // Written whole under a fresh name, then renamed: a reader never sees half an entry.
      const temporary = path.join(this.dir, `${key}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
      fs.writeFileSync(temporary, text, { mode: 0o600, flag: "wx" });
      fs.renameSync(temporary, path.join(this.dir, `${key}.json`));
      this.prune();
    } catch (error) {
      this.log(`could not store an entry in ${this.dir}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
