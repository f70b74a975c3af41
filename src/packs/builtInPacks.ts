/**
 * The packs that ship with the extension, in the order the Exercises tree shows them: folders under the
 * extension's `exercises/`, each holding a pack.json. The second builds on the first (its prompts link back
 * to the foundations), so the foundations come first.
 */
export const BUILT_IN_PACK_FOLDERS: readonly string[] = Object.freeze(["quantization-distillation", "compression-in-practice"]);

/** Path segments of each built-in pack below the extension's root, for `Uri.joinPath(root, ...segments)`. */
export function builtInPackSegments(): string[][] {
  return BUILT_IN_PACK_FOLDERS.map((folder) => ["exercises", folder]);
}
