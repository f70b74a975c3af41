/**
 * The extension's entry as VS Code loads it (dist/extension.js): a few lines that load the extension's bundle
 * (dist/extension-main.js, built from activate.ts) with V8's code cache from the cache folder
 * (src/runner/codeCache.ts), so that activation does not compile the whole bundle on every window: compiling
 * it was most of the bundle's load (measured in Node: 23 ms of CPU for the production bundle, of which the
 * compile was about two thirds). Nothing else belongs here: everything this file imports is compiled on every
 * start.
 */
import os from "node:os";
import path from "node:path";
import type * as vscode from "vscode";
import { defaultCacheRoot } from "../packs/node/cacheRoot";
import { loadWithCodeCache } from "../runner/codeCache";
import type { TutorApi } from "./activate";

/** Long enough after activation that the functions activation and a first check run are compiled, and stored. */
const STORE_CACHE_AFTER_MS = 20_000;

const bundle = loadWithCodeCache(path.join(__dirname, "extension-main.js"), path.join(defaultCacheRoot(process.env, os.homedir()), "code-cache"));
const extension = bundle.exports as typeof import("./activate");

export function activate(context: vscode.ExtensionContext): TutorApi {
  const api = extension.activate(context);
  if (bundle.cache !== "hit" && bundle.cache !== "off") setTimeout(() => bundle.storeCache(), STORE_CACHE_AFTER_MS).unref();
  return api;
}

export function deactivate(): void {
  extension.deactivate();
}
