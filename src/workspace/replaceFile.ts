import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Replaces `file` with `text` atomically: writes a temporary file beside it, then renames it over the file, so a
 * reader (or a window closed mid-write) sees the old content or the new, never half of one. Creates the folder.
 * Throws what the file system said; the temporary file is removed on failure.
 */
export async function replaceFileAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    await fs.promises.writeFile(temporary, text);
    await fs.promises.rename(temporary, file);
  } catch (error) {
    await fs.promises.rm(temporary, { force: true }).catch(() => {});
    throw error;
  }
}
