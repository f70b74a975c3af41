import path from "node:path";

/**
 * True when `file` is `folder` itself or lies inside it (both absolute and already resolved). By path segments:
 * "/a/bc" is not inside "/a/b". A module of its own so that the extension can use it without loading the pack
 * loader (its schema validators and markdown parser) at activation.
 */
export function isInsideFolder(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative === "" || (relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}
