/**
 * A pack from a git repository: cloned with the system's `git` (shallow, no submodules, no prompts) into a
 * cache folder named after the URL and the pinned ref, and brought up to date on the next use. What was cloned
 * is then an ordinary pack folder, loaded under the folder rules (a symlink leading out of it is refused).
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export class GitSourceError extends Error {}

export interface GitSource {
  /** A URL (https, ssh, git, file, scp-like `user@host:path`) or a local repository path. */
  url: string;
  /** A tag or branch to pin; the remote's default branch when absent. */
  ref?: string;
}

/** The URL and the `#ref` of `text`, e.g. "https://example.org/week-1.git#v2" → ref "v2". */
export function splitRef(text: string): GitSource {
  const hash = text.lastIndexOf("#");
  if (hash <= 0) return { url: text };
  const ref = text.slice(hash + 1);
  return ref ? { url: text.slice(0, hash), ref } : { url: text.slice(0, hash) };
}

/** True when `text` names a remote repository (a URL or `user@host:path`) rather than something on disk. */
export function isRepositoryUrl(text: string): boolean {
  return /^(https?|ssh|git|file):\/\//i.test(text) || /^[\w.-]+@[\w.-]+:/.test(text);
}

const SAFE_REF = /^[\w][\w./-]*$/;

function runGit(args: string[], cwd?: string, timeoutMs = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      // No credential prompts, no hooks from the repository, no ext:: transport, no submodules.
      ["-c", "protocol.ext.allow=never", "-c", "core.hooksPath=/dev/null", "-c", "submodule.recurse=false", ...args],
      { cwd, timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_ASKPASS: "", SSH_ASKPASS: "", GIT_CONFIG_NOSYSTEM: "1" } },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ENOENT") return reject(new GitSourceError("git is not installed (or not on PATH); install git, or give a folder or a .zip"));
        const detail = stderr.trim().split("\n").filter(Boolean).slice(-2).join(" ") || error.message;
        reject(new GitSourceError(detail));
      },
    );
  });
}

/** The cache folder of one URL + ref: stable across runs, distinct for distinct pins. */
export function cloneFolderFor(cacheRoot: string, source: GitSource): string {
  const key = createHash("sha256").update(`${source.url}#${source.ref ?? ""}`).digest("hex").slice(0, 16);
  const name = (source.url.replace(/[#?].*$/, "").replace(/\.git$/, "").split(/[/:\\]/).filter(Boolean).pop() ?? "repository").replace(/[^\w.-]/g, "_");
  return path.join(cacheRoot, "git", `${name}-${key}`);
}

/**
 * Clones (or updates) the repository into its cache folder and returns that folder. Throws GitSourceError
 * with git's own last words and the source.
 */
export async function cloneRepository(source: GitSource, cacheRoot: string): Promise<string> {
  const shown = `${source.url}${source.ref ? `#${source.ref}` : ""}`;
  if (source.url.startsWith("-")) throw new GitSourceError(`${shown}: a repository URL cannot start with "-"`);
  if (source.ref !== undefined && !SAFE_REF.test(source.ref)) throw new GitSourceError(`${shown}: "${source.ref}" is not a tag or branch name`);
  const folder = cloneFolderFor(cacheRoot, source);
  try {
    if (fs.existsSync(path.join(folder, ".git"))) {
      await runGit(["fetch", "--depth", "1", "--no-tags", "origin", source.ref ?? "HEAD"], folder);
      await runGit(["checkout", "--force", "--detach", "FETCH_HEAD"], folder);
      await runGit(["clean", "-ffdx"], folder);
      return folder;
    }
    fs.mkdirSync(path.dirname(folder), { recursive: true });
    const temporary = fs.mkdtempSync(`${folder}.tmp-`);
    try {
      await runGit(["clone", "--depth", "1", "--no-recurse-submodules", ...(source.ref ? ["--branch", source.ref] : []), "--", source.url, temporary]);
      fs.rmSync(folder, { recursive: true, force: true });
      fs.renameSync(temporary, folder);
    } finally {
      fs.rmSync(temporary, { recursive: true, force: true });
    }
    return folder;
  } catch (error) {
    if (error instanceof GitSourceError) throw new GitSourceError(`cannot get the pack from ${shown}: ${error.message}`);
    throw error;
  }
}
