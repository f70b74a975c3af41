/**
 * Loads a pack for `check` and `grade`: an invalid pack stops the command (exit 2) with every problem as
 * `file:line:column: message`; warnings are printed and the command goes on. The pack may be a folder, a .zip
 * or a git repository (see resolvePackSource).
 */
import os from "node:os";
import path from "node:path";
import type { ExerciseSpec, PackSpec } from "../protocol/exercise";
import type { PackProblem } from "../protocol/packProblem";
import { loadPackFromDisk } from "../packs/node/loadPackFromDisk";
import { GitSourceError } from "../packs/node/cloneRepository";
import { classifyPackSource, defaultCacheRoot, PackSourceError, packFolderOf } from "../packs/node/packSource";
import { UsageError, type CliIo } from "./io";

export function formatProblem(problem: PackProblem, cwd: string): string {
  return `${path.relative(cwd, problem.file) || problem.file}:${problem.line}:${problem.column}: ${problem.severity}: ${problem.message} [${problem.code}]`;
}

export class InvalidPackError extends UsageError {}

/**
 * The folder of the pack `text` names: a folder as it is, a .zip extracted (under the folder rules and the zip
 * limits) and a git repository cloned, both into the cache. Says on stderr where an archive or clone went.
 */
export async function resolvePackSource(command: string, text: string, io: CliIo): Promise<string> {
  try {
    const source = classifyPackSource(text, io.cwd);
    const folder = await packFolderOf(source, defaultCacheRoot(process.env, os.homedir()));
    if (source.kind !== "folder") io.stderr(`${command}: ${text} → ${folder}\n`);
    return folder;
  } catch (error) {
    if (error instanceof PackSourceError || error instanceof GitSourceError) throw new UsageError(`${command}: ${error.message}`);
    throw error;
  }
}

/** `only`: load just the manifest and that exercise (a one-shot check need not read the rest of the pack). */
export async function loadPackForCli(command: string, packDir: string, io: CliIo, only?: string): Promise<PackSpec> {
  const dir = await resolvePackSource(command, packDir, io);
  const { pack, problems } = await loadPackFromDisk(dir, { only });
  const errors = problems.filter((p) => p.severity === "error");
  for (const warning of problems.filter((p) => p.severity === "warning")) io.stderr(`${formatProblem(warning, io.cwd)}\n`);
  if (errors.length > 0 || !pack) {
    const lines = errors.map((p) => formatProblem(p, io.cwd));
    throw new InvalidPackError(`${command}: the pack in ${dir} is invalid (${errors.length} problem${errors.length === 1 ? "" : "s"}):\n${lines.join("\n")}\nRun \`compression-tutor validate ${packDir}\` for details.`);
  }
  return pack;
}

/**
 * Splits `<pack-dir>/<exercise-id>` and loads that exercise alone: the other exercises' problems do not stop
 * it (`validate` reports them). An id the pack lacks costs a load of the whole pack, to list the ones it has.
 */
export async function loadExerciseForCli(command: string, reference: string, io: CliIo): Promise<{ pack: PackSpec; exercise: ExerciseSpec }> {
  const trimmed = reference.replace(/[\\/]+$/, "");
  const packDir = path.dirname(trimmed);
  const exerciseId = path.basename(trimmed);
  const pack = await loadPackForCli(command, packDir, io, exerciseId);
  const exercise = pack.exercises.find((e) => e.id === exerciseId);
  if (!exercise) {
    const whole = await loadPackForCli(command, packDir, io);
    throw new UsageError(`${command}: the pack ${pack.id} has no exercise \`${exerciseId}\`; it has: ${whole.exercises.map((e) => e.id).join(", ")}`);
  }
  return { pack, exercise };
}
