/**
 * Answers the sandbox's questions about files while it compiles a learner's solution: resolves relative
 * imports and reads files, from disk or from an unsaved editor buffer. Imports must stay inside the folder
 * of the entry file, so a solution cannot bundle an exercise's reference or someone else's work.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { FileAnswerBody, SandboxFiles } from "./sandboxProcess";

const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".mjs", ".json"];

async function isFile(candidate: string): Promise<boolean> {
  try {
    return (await fs.stat(candidate)).isFile();
  } catch {
    return false;
  }
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

/** Whether `file`, every symbolic link resolved, still lies inside `folder` (resolved too). */
async function resolvesInside(folder: string, file: string): Promise<boolean> {
  try {
    return isInside(await fs.realpath(folder), await fs.realpath(file));
  } catch {
    return true; // nothing to follow: reading it reports the missing file
  }
}

/**
 * @param entry absolute path of the file being compiled
 * @param overrides file texts that win over the disk (the editor's unsaved text, a pack's reference source)
 */
export function learnerFiles(entry: string, overrides: ReadonlyMap<string, string>): SandboxFiles {
  const root = path.dirname(entry);
  return {
    async resolve(specifier, importer): Promise<FileAnswerBody> {
      const base = path.resolve(path.dirname(importer), specifier);
      if (!isInside(root, base) && base !== entry) {
        return { ok: false, message: `\`${specifier}\` is outside the folder of your solution (${root}); keep helper files next to it` };
      }
      const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, `index${e}`))];
      // TypeScript-style imports name the emitted .js; the source is the .ts beside it.
      if (/\.(m|c)?js$/.test(base)) candidates.splice(1, 0, base.replace(/\.(m|c)?js$/, ".ts"));
      for (const candidate of candidates) {
        if (overrides.has(candidate) || (await isFile(candidate))) return { ok: true, path: candidate };
      }
      return { ok: false, message: `cannot find \`${specifier}\` (looked for ${path.relative(root, base) || path.basename(base)} with ${EXTENSIONS.join(", ")})` };
    },
    async load(file): Promise<FileAnswerBody> {
      const override = overrides.get(file);
      if (override !== undefined) return { ok: true, path: file, contents: override };
      if (file !== entry && !isInside(root, file)) return { ok: false, message: `${file} is outside the folder of your solution` };
      // The path test above is lexical; a symbolic link inside the folder could still lead to the reference.
      if (file !== entry && !(await resolvesInside(root, file))) return { ok: false, message: `${file} is a link to a file outside the folder of your solution` };
      try {
        return { ok: true, path: file, contents: await fs.readFile(file, "utf8") };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return { ok: false, message: code === "ENOENT" ? `file not found: ${file}` : `cannot read ${file}: ${code ?? String(error)}` };
      }
    },
  };
}
