/**
 * An in-memory PackFileSystem for tests: posix paths, files, folders and symlinks, so the loader's rules
 * (missing files, links out of the pack, size limits) can be tested without touching the disk.
 */
import path from "node:path";
import type { PackEntryKind, PackFileSystem } from "../../../src/packs/fileSystem";

type Entry = { kind: "file"; bytes: Uint8Array } | { kind: "directory" } | { kind: "symlink"; target: string };

export class MemoryFileSystem implements PackFileSystem {
  private readonly entries = new Map<string, Entry>([["/", { kind: "directory" }]]);

  /** Adds files (and their folders) from a map of absolute path → text. */
  constructor(files: Record<string, string> = {}) {
    for (const [file, text] of Object.entries(files)) this.writeFile(file, text);
  }

  /** A file from text (written as UTF-8) or from raw bytes (to test what the loader makes of invalid UTF-8). */
  writeFile(file: string, content: string | Uint8Array): this {
    this.mkdirs(path.posix.dirname(file));
    this.entries.set(file, { kind: "file", bytes: typeof content === "string" ? new TextEncoder().encode(content) : content });
    return this;
  }

  symlink(file: string, target: string): this {
    this.mkdirs(path.posix.dirname(file));
    this.entries.set(file, { kind: "symlink", target: path.posix.resolve(path.posix.dirname(file), target) });
    return this;
  }

  remove(file: string): this {
    this.entries.delete(file);
    return this;
  }

  private mkdirs(folder: string): void {
    for (let f = folder; f !== "/"; f = path.posix.dirname(f)) if (!this.entries.has(f)) this.entries.set(f, { kind: "directory" });
  }

  /** Follows symlinks in every segment, like realpath(3). */
  private resolve(file: string, depth = 0): string | undefined {
    if (depth > 20) return undefined;
    const parts = file.split("/").filter(Boolean);
    let current = "/";
    for (const part of parts) {
      current = path.posix.join(current, part);
      const entry = this.entries.get(current);
      if (!entry) return undefined;
      if (entry.kind === "symlink") {
        const resolved = this.resolve(entry.target, depth + 1);
        if (!resolved) return undefined;
        current = resolved;
      }
    }
    return current;
  }

  async readBytes(file: string): Promise<Uint8Array> {
    const real = this.resolve(file);
    const entry = real ? this.entries.get(real) : undefined;
    if (!entry || entry.kind !== "file") throw new Error(`ENOENT: ${file}`);
    return entry.bytes;
  }

  async stat(file: string): Promise<{ kind: PackEntryKind; size: number } | undefined> {
    const parent = this.resolve(path.posix.dirname(file));
    const entry = parent ? this.entries.get(path.posix.join(parent, path.posix.basename(file))) : undefined;
    if (!entry) return undefined;
    return { kind: entry.kind, size: entry.kind === "file" ? entry.bytes.length : 0 };
  }

  async realpath(file: string): Promise<string> {
    const real = this.resolve(file);
    if (!real) throw new Error(`ENOENT: ${file}`);
    return real;
  }

  async readDirectory(folder: string): Promise<{ name: string; kind: PackEntryKind }[]> {
    const real = this.resolve(folder);
    if (!real) throw new Error(`ENOENT: ${folder}`);
    const found: { name: string; kind: PackEntryKind }[] = [];
    for (const [file, entry] of this.entries) {
      if (file !== "/" && path.posix.dirname(file) === real) found.push({ name: path.posix.basename(file), kind: entry.kind });
    }
    return found;
  }

  join(base: string, ...segments: string[]): string {
    return path.posix.join(base, ...segments);
  }

  isInside(folder: string, file: string): boolean {
    return file === folder || file.startsWith(folder.replace(/\/$/, "") + "/");
  }
}
