import * as vscode from "vscode";
import { Disposable } from "../extension/disposable";
import { config } from "../extension/config";
import type { TutorContext } from "../extension/tutorContext";
import { DEFAULT_PACK_LIMITS } from "../packs/limits";
import { loadPackInWorker } from "../packs/node/loadPackInWorker";
import type { ExerciseSpec, PackSpec } from "../protocol/exercise";
import type { PackProblem } from "../protocol/packProblem";
import { builtInPackSegments } from "../packs/builtInPacks";

/** Where a pack came from: shipped with the extension, found in the workspace, or named in the settings. */
export type PackOrigin = "built-in" | "workspace" | "setting";

/** A pack folder after loading: a valid pack, or the problems that made it invalid (never silently dropped). */
export interface LoadedPack {
  folder: vscode.Uri;
  origin: PackOrigin;
  pack?: PackSpec;
  problems: PackProblem[];
}

export interface ExerciseRef {
  pack: PackSpec;
  exercise: ExerciseSpec;
  index: number;
}

const MANIFEST = "pack.json";
/** The pack-loading Worker's bundle, relative to the extension folder (built by esbuild.config.mjs). */
const PACK_WORKER = ["dist", "packs", "loadPackWorker.js"];
/** Packs loading at once: two keep both cores of a small machine busy without stacking Worker heaps. */
const PARALLEL_PACK_LOADS = 2;

/**
 * Every pack the tree shows: the built-in ones (src/packs/builtInPacks.ts), pack folders in the workspace (a folder with a pack.json
 * that lists exercises), and folders from `compressionTutor.packFolders`. Reloads when a pack file or the
 * setting changes.
 */
export class PackRegistry extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private loaded: LoadedPack[] = [];
  private loading: Promise<void> | undefined;
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  constructor(private readonly ctx: TutorContext) {
    super();
    const watcher = vscode.workspace.createFileSystemWatcher("**/{pack.json,exercise.json,prompt.md,starter.ts,reference.ts,misconceptions.ts}");
    const soon = () => this.reloadSoon();
    this.registerAll(
      watcher,
      watcher.onDidChange(soon),
      watcher.onDidCreate(soon),
      watcher.onDidDelete(soon),
      vscode.workspace.onDidChangeWorkspaceFolders(soon),
      vscode.workspace.onDidChangeConfiguration((e) => config.affects(e, "packFolders") && soon()),
    );
  }

  get packs(): readonly LoadedPack[] {
    return this.loaded;
  }

  /** True while packs are being read for the first time (the tree says so instead of showing its welcome). */
  get firstLoadPending(): boolean {
    return this.loading !== undefined && this.loaded.length === 0;
  }

  /** Every problem of every pack, for the Problems panel. */
  get problems(): PackProblem[] {
    return this.loaded.flatMap((p) => p.problems);
  }

  /** Loads (or reloads) every pack; concurrent callers share one load. */
  reload(): Promise<void> {
    if (!this.loading) {
      this.loading = this.loadAll().finally(() => (this.loading = undefined));
      if (this.loaded.length === 0) this.changed.fire();
    }
    return this.loading;
  }

  /** Resolves when the first load has finished. */
  async ready(): Promise<void> {
    if (this.loading) await this.loading;
    else if (this.loaded.length === 0) await this.reload();
  }

  private reloadSoon(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.reload(), 300);
  }

  find(packId: string, exerciseId: string): ExerciseRef | undefined {
    for (const { pack } of this.loaded) {
      if (pack?.id !== packId) continue;
      const index = pack.exercises.findIndex((e) => e.id === exerciseId);
      if (index >= 0) return { pack, exercise: pack.exercises[index], index };
    }
    return undefined;
  }

  private async loadAll(): Promise<void> {
    const started = performance.now();
    const folders = await this.packFolders();
    const results: LoadedPack[] = [];
    const seenIds = new Map<string, vscode.Uri>();
    // Each pack loads in its own Worker, a few side by side (a workspace may hold up to 50 pack.json files, and each
    // Worker may use up to its heap limit); the order of `folders` is kept.
    const loadedPacks: LoadedPack[] = new Array(folders.length);
    let next = 0;
    const loadNext = async (): Promise<void> => {
      for (let i = next++; i < folders.length; i = next++) loadedPacks[i] = await this.loadOne(folders[i].folder, folders[i].origin);
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_PACK_LOADS, folders.length) }, loadNext));
    for (const loaded of loadedPacks) {
      const { folder } = loaded;
      if (loaded.pack) {
        const first = seenIds.get(loaded.pack.id);
        if (first) {
          loaded.problems.push({
            file: vscode.Uri.joinPath(folder, MANIFEST).fsPath,
            line: 1,
            column: 1,
            severity: "warning",
            code: "duplicate-pack-id",
            message: `A pack with id "${loaded.pack.id}" is already loaded from ${first.fsPath}; checks and progress use that one. Give this pack its own id in pack.json to use both.`,
          });
        } else seenIds.set(loaded.pack.id, folder);
      }
      results.push(loaded);
    }
    this.loaded = results;
    const exercises = results.reduce((n, p) => n + (p.pack?.exercises.length ?? 0), 0);
    this.ctx.log.info(`loaded ${results.length} pack(s), ${exercises} exercise(s), ${this.problems.length} problem(s) in ${(performance.now() - started).toFixed(0)} ms`);
    this.changed.fire();
  }

  private async loadOne(folder: vscode.Uri, origin: PackOrigin): Promise<LoadedPack> {
    try {
      // Local folders are loaded in a Worker (node:fs, its own heap limit and time budget), so a hostile or huge
      // pack in the workspace never blocks or exhausts the extension host. Other schemes (remote, virtual) go
      // through vscode.workspace.fs here, under the same static limits, refusing every symlink.
      const { pack, problems } =
        folder.scheme === "file"
          ? await loadPackInWorker(folder.fsPath, { workerScript: vscode.Uri.joinPath(this.ctx.extensionUri, ...PACK_WORKER).fsPath })
          : // Loaded on first use: the loader brings the schema validators and the markdown parser, which a
            // local workspace never needs on the extension host (its packs load in the Worker).
            await (await import("../packs/vscode/loadPackWithWorkspaceFs")).loadPackWithWorkspaceFs(folder);
      return { folder, origin, pack, problems: [...problems] };
    } catch (error) {
      this.ctx.log.error(`loading the pack at ${folder.fsPath} failed: ${String(error)}`);
      return {
        folder,
        origin,
        problems: [{ file: vscode.Uri.joinPath(folder, MANIFEST).fsPath, line: 1, column: 1, severity: "error", code: "load-failed", message: `The pack could not be read: ${error instanceof Error ? error.message : String(error)}` }],
      };
    }
  }

  /** Every pack folder, built-in first, without duplicates. */
  private async packFolders(): Promise<{ folder: vscode.Uri; origin: PackOrigin }[]> {
    const found: { folder: vscode.Uri; origin: PackOrigin }[] = builtInPackSegments().map((segments) => ({
      folder: vscode.Uri.joinPath(this.ctx.extensionUri, ...segments),
      origin: "built-in" as const,
    }));
    const base = vscode.workspace.workspaceFolders?.[0]?.uri;
    for (const entry of config.packFolders()) {
      const folder = /^([a-zA-Z]:[\\/]|[\\/])/.test(entry) || !base ? vscode.Uri.file(entry) : vscode.Uri.joinPath(base, entry);
      found.push({ folder, origin: "setting" });
    }
    if (vscode.workspace.workspaceFolders?.length) {
      const manifests = await vscode.workspace.findFiles(`**/${MANIFEST}`, "{**/node_modules/**,**/.git/**,**/dist/**,**/out/**}", 50);
      for (const manifest of manifests) {
        if (await looksLikePackManifest(manifest)) found.push({ folder: vscode.Uri.joinPath(manifest, ".."), origin: "workspace" });
      }
    }
    const seen = new Set<string>();
    return found.filter(({ folder }) => {
      const key = folder.fsPath.replace(/[\\/]+$/, "");
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  override dispose(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    super.dispose();
  }
}

/** A workspace pack.json is a pack's manifest only if it lists exercises; other tools use the name too. */
async function looksLikePackManifest(uri: vscode.Uri): Promise<boolean> {
  try {
    // Read only what a pack manifest can be; anything larger is some other tool's pack.json.
    if ((await vscode.workspace.fs.stat(uri)).size > DEFAULT_PACK_LIMITS.maxFileBytes) return false;
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    return /"exercises"\s*:/.test(text);
  } catch {
    return false;
  }
}
