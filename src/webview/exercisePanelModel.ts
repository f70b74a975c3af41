import type { ExerciseProgress, ExerciseStatus } from "../progress/progressModel";
import { describeStatus } from "../progress/progressModel";
import type { CheckReport } from "../protocol/checkReport";
import type { ExerciseSpec, PackSpec } from "../protocol/exercise";
import type { ExerciseLink, ExerciseView, PanelModel } from "../protocol/webviewMessages";
import { exerciseCharts } from "./charts/exerciseCharts";

export interface ExercisePanelInput {
  pack: PackSpec;
  exercise: ExerciseSpec;
  progress: ExerciseProgress | undefined;
  status: ExerciseStatus;
  report: CheckReport | undefined;
  canRun: boolean;
  solutionFile?: string;
  /** The learner asked to see the reference (honoured only when allowed). */
  referenceRequested?: boolean;
  notice?: string;
  /** The learner's source, read only when the reference is shown (they are shown side by side). */
  yourSource?: string;
  next?: ExerciseLink;
  backTo?: ExerciseLink;
}

/**
 * What the results panel shows for an exercise. The hint ladder only carries the rungs the learner opened,
 * and the reference's source only after a pass where the pack allows it: what is not allowed is not sent.
 */
export function exercisePanelModel(input: ExercisePanelInput): PanelModel {
  const { pack, exercise, progress, report } = input;
  const opened = Math.min(progress?.hintsOpened ?? 0, exercise.hints.length);
  const view: ExerciseView = {
    packId: pack.id,
    exerciseId: exercise.id,
    summary: exercise.summary,
    prompt: exercise.prompt,
    hints: withWorkedExample(exercise.hints.slice(0, opened), report),
    hintCount: exercise.hints.length,
    reference: referenceState(input),
    canRun: input.canRun,
    solutionFile: input.solutionFile,
    status: describeStatus(input.status),
    ...(input.backTo ? { backTo: input.backTo } : {}),
    ...(input.next ? { next: input.next } : {}),
  };
  if (progress?.everPassed) {
    view.afterPass = {
      unopenedHints: exercise.hints.slice(opened),
      furtherReading: exercise.furtherReading ?? [],
      ...(view.reference.kind === "shown" && input.yourSource !== undefined ? { yourSource: input.yourSource } : {}),
    };
  }
  return {
    title: exercise.title,
    subtitle: `${pack.title} · ${describeStatus(input.status)}`,
    charts: report ? exerciseCharts(exercise.chart, report, exercise.chartArgs) : [],
    report,
    exercise: view,
    notice: input.notice,
  };
}

/** Hint 3 (the worked example) also works the learner's own smallest failing case, when the report has it. */
function withWorkedExample(hints: string[], report: CheckReport | undefined): string[] {
  const worked = report?.workedExample;
  if (!worked || hints.length < 3) return hints;
  const own = `**On your smallest failing case, \`${worked.call}\`:**\n\n\`\`\`\n${worked.text}\n\`\`\``;
  return [...hints.slice(0, 2), `${hints[2]}\n\n${own}`, ...hints.slice(3)];
}

function referenceState(input: ExercisePanelInput): ExerciseView["reference"] {
  const { exercise, progress } = input;
  if (!exercise.showReferenceAfterPass || !exercise.reference) return { kind: "never" };
  if (!progress?.everPassed) return { kind: "after-pass" };
  return input.referenceRequested ? { kind: "shown", source: exercise.reference } : { kind: "available" };
}
