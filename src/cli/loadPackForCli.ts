/**
 * Loads a pack for `check` and `grade`: an invalid pack stops the command (exit 2) with every problem as
 * `file:line:column: message`; warnings are printed and the command goes on.
 */
import path from "node:path";
import fs from "node:fs";
import type { ExerciseSpec, PackSpec } from "../protocol/exercise";
import type { PackProblem } from "../protocol/packProblem";
import { loadPackFromDisk } from "../packs/node/loadPackFromDisk";
import { UsageError, type CliIo } from "./io";

export function formatProblem(problem: PackProblem, cwd: string): string {
  return `${path.relative(cwd, problem.file) || problem.file}:${problem.line}:${problem.column}: ${problem.severity}: ${problem.message} [${problem.code}]`;
}

export class InvalidPackError extends UsageError {}

export async function loadPackForCli(command: string, packDir: string, io: CliIo): Promise<PackSpec> {
  const dir = path.resolve(io.cwd, packDir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`${command}: the pack folder ${dir} does not exist`);
  const { pack, problems } = await loadPackFromDisk(dir);
  const errors = problems.filter((p) => p.severity === "error");
  for (const warning of problems.filter((p) => p.severity === "warning")) io.stderr(`${formatProblem(warning, io.cwd)}\n`);
  if (errors.length > 0 || !pack) {
    const lines = errors.map((p) => formatProblem(p, io.cwd));
    throw new InvalidPackError(`${command}: the pack in ${dir} is invalid (${errors.length} problem${errors.length === 1 ? "" : "s"}):\n${lines.join("\n")}\nRun \`compression-tutor validate ${packDir}\` for details.`);
  }
  return pack;
}

/** Splits `<pack-dir>/<exercise-id>` and finds the exercise. */
export async function loadExerciseForCli(command: string, reference: string, io: CliIo): Promise<{ pack: PackSpec; exercise: ExerciseSpec }> {
  const trimmed = reference.replace(/[\\/]+$/, "");
  const packDir = path.dirname(trimmed);
  const exerciseId = path.basename(trimmed);
  const pack = await loadPackForCli(command, packDir, io);
  const exercise = pack.exercises.find((e) => e.id === exerciseId);
  if (!exercise) {
    throw new UsageError(`${command}: the pack ${pack.id} has no exercise \`${exerciseId}\`; it has: ${pack.exercises.map((e) => e.id).join(", ")}`);
  }
  return { pack, exercise };
}
