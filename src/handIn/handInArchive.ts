/**
 * Builds a hand-in archive (src/protocol/handIn.ts) from what the extension knows: pure, so the CLI's tests can
 * make exactly the archive a learner's editor makes.
 */
import { strToU8, zipSync, type Zippable } from "fflate";
import { HAND_IN_FORMAT, HAND_IN_MANIFEST, HAND_IN_PROGRESS, HAND_IN_VERSION, handInReportPath, handInSolutionPath, type HandInExercise, type HandInManifest } from "../protocol/handIn";
import type { CheckReport } from "../protocol/checkReport";

export interface HandInWork {
  packId: string;
  exerciseId: string;
  /** The solution file's bytes, as saved. */
  solution: Uint8Array;
  report?: CheckReport;
  status: string;
}

export function buildHandInArchive(learner: string, work: HandInWork[], progress: unknown, exportedAt: Date): { manifest: HandInManifest; bytes: Uint8Array } {
  const files: Zippable = {};
  const exercises: HandInExercise[] = [];
  for (const item of work) {
    const solution = handInSolutionPath(item.packId, item.exerciseId);
    files[solution] = item.solution;
    const entry: HandInExercise = { packId: item.packId, exerciseId: item.exerciseId, solution, status: item.status };
    if (item.report) {
      // The report's absolute path names the learner's machine; the archive says where the file is inside it.
      const report = { ...item.report, file: solution, diagnostics: item.report.diagnostics.map((d) => ({ ...d, file: d.file === item.report!.file ? solution : d.file })) };
      entry.report = handInReportPath(item.packId, item.exerciseId);
      files[entry.report] = strToU8(`${JSON.stringify(report, null, 2)}\n`);
    }
    exercises.push(entry);
  }
  const manifest: HandInManifest = { format: HAND_IN_FORMAT, version: HAND_IN_VERSION, learner, exportedAt: exportedAt.toISOString(), exercises };
  files[HAND_IN_MANIFEST] = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);
  files[HAND_IN_PROGRESS] = strToU8(`${JSON.stringify(progress, null, 2)}\n`);
  return { manifest, bytes: zipSync(files, { level: 6, mtime: exportedAt }) };
}
