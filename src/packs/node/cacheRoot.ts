import path from "node:path";

/**
 * The cache folder for the CLI: $COMPRESSION_TUTOR_CACHE, else $XDG_CACHE_HOME/compression-tutor, else
 * ~/.cache/compression-tutor. A file of its own so that the CLI's launcher (src/cli/bin.ts) finds it without
 * loading the pack sources' modules.
 */
export function defaultCacheRoot(env: NodeJS.ProcessEnv, home: string): string {
  if (env.COMPRESSION_TUTOR_CACHE) return path.resolve(env.COMPRESSION_TUTOR_CACHE);
  return path.join(env.XDG_CACHE_HOME ? path.resolve(env.XDG_CACHE_HOME) : path.join(home, ".cache"), "compression-tutor");
}
