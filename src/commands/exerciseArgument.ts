import * as vscode from "vscode";
import type { TutorContext } from "../extension/tutorContext";
import type { SolutionKey } from "../workspace/solutionPaths";

/**
 * Commands are called from the tree (a node), CodeLens and the panel (a key), the explorer's context menu
 * (a Uri) and the palette (nothing). This turns any of them into the exercise meant, asking only when
 * nothing else tells.
 */
export async function resolveExercise(tutor: TutorContext, arg: unknown): Promise<SolutionKey | undefined> {
  if (isKey(arg)) return { packId: arg.packId, exerciseId: arg.exerciseId };
  if (isTreeExercise(arg)) return { packId: arg.pack.id, exerciseId: arg.exercise.id };
  if (arg instanceof vscode.Uri) return tutor.solutions.keyOf(arg);
  const editor = vscode.window.activeTextEditor;
  const fromEditor = editor && tutor.solutions.keyOf(editor.document.uri);
  if (fromEditor) return fromEditor;
  if (tutor.presenter.current) return { packId: tutor.presenter.current.packId, exerciseId: tutor.presenter.current.exerciseId };
  return pickExercise(tutor);
}

async function pickExercise(tutor: TutorContext): Promise<SolutionKey | undefined> {
  await tutor.packs.ready();
  const items = tutor.packs.packs.flatMap(({ pack }) =>
    (pack?.exercises ?? []).map((exercise, i) => ({ label: `${i + 1}. ${exercise.title}`, description: pack!.title, detail: exercise.summary, key: { packId: pack!.id, exerciseId: exercise.id } })),
  );
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t("Which exercise?"), matchOnDescription: true, matchOnDetail: true });
  return picked?.key;
}

function isKey(arg: unknown): arg is SolutionKey {
  return typeof arg === "object" && arg !== null && typeof (arg as SolutionKey).packId === "string" && typeof (arg as SolutionKey).exerciseId === "string";
}

function isTreeExercise(arg: unknown): arg is { kind: "exercise"; pack: { id: string }; exercise: { id: string } } {
  return typeof arg === "object" && arg !== null && (arg as { kind?: string }).kind === "exercise";
}
