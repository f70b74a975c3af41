/**
 * `--out <file>`: checked before any work starts (so a class is never graded for nothing) and written so that a
 * failure is one sentence and exit 2, never a stack trace, and never a half-written or spinning write.
 */
import fs from "node:fs";
import path from "node:path";
import { UsageError } from "./io";

/** statfs(2) magic numbers of kernel file systems whose files are not storage: writing there makes no sense. */
const PSEUDO_FILE_SYSTEMS = new Map<number, string>([
  [0x9fa0, "/proc"],
  [0x62656572, "sysfs"],
  [0x64626720, "debugfs"],
  [0x27e0eb, "cgroup"],
  [0x63677270, "cgroup2"],
  [0x73636673, "securityfs"],
]);

/**
 * The absolute path of `out` once it is known to be writable: a regular file or a new one, in a folder that exists
 * or can be created, on a real file system with free space. Throws a UsageError naming what is wrong.
 */
export function checkOutputFile(command: string, cwd: string, out: string): string {
  const file = path.resolve(cwd, out);
  const refuse = (why: string): never => {
    throw new UsageError(`${command}: cannot write --out ${out}: ${why}`);
  };
  const existing = statOrUndefined(file);
  if (existing?.isDirectory()) refuse("it is a folder; give a file name, such as grades.json");
  if (existing && !existing.isFile()) refuse("it is not a regular file (a device, pipe or socket); give a file name, or leave --out out to print to stdout");

  // The nearest folder that exists: the file's own, or an ancestor in which the missing ones will be created.
  let folder = path.dirname(file);
  let folderStat = statOrUndefined(folder);
  while (!folderStat && path.dirname(folder) !== folder) {
    folder = path.dirname(folder);
    folderStat = statOrUndefined(folder);
  }
  if (!folderStat?.isDirectory()) refuse(`${folder} is a file, not a folder`);

  const fsInfo = statfsOrUndefined(folder);
  const pseudo = fsInfo && PSEUDO_FILE_SYSTEMS.get(Number(fsInfo.type));
  if (pseudo) refuse(`${folder} is on ${pseudo}, a kernel file system, not storage`);
  if (fsInfo && Number(fsInfo.bavail) === 0) refuse(`the device holding ${folder} is full`);
  try {
    fs.accessSync(existing ? file : folder, existing ? fs.constants.W_OK : fs.constants.W_OK | fs.constants.X_OK);
  } catch {
    refuse(existing ? "the file is not writable" : `the folder ${folder} is not writable`);
  }
  return file;
}

/**
 * Writes `text` to `file` through a temporary file beside it, renamed into place, so a failed write (a full
 * device) leaves any earlier file whole. Any error is a UsageError of one line.
 */
export function writeOutputFile(command: string, file: string, text: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, text, { flag: "wx" });
    fs.renameSync(temporary, file);
  } catch (error) {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // nothing was created where nothing can be
    }
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOSPC" ? "the device is full" : code === "EACCES" || code === "EPERM" ? "permission denied" : (error as Error).message;
    throw new UsageError(`${command}: cannot write --out ${file}: ${reason}`);
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch (error) {
    // ENOTDIR: a path below a regular file; the walk up finds that file and says so.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw new UsageError(`cannot use ${file}: ${(error as Error).message}`);
  }
}

function statfsOrUndefined(folder: string): fs.StatsFs | undefined {
  try {
    return fs.statfsSync(folder);
  } catch {
    return undefined; // not every platform answers; the write itself still fails cleanly
  }
}
