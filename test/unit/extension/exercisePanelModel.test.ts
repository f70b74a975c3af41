import assert from "node:assert/strict";
import type { ExerciseProgress } from "../../../src/progress/progressModel";
import type { ExerciseSpec, PackSpec } from "../../../src/protocol/exercise";
import { exercisePanelModel } from "../../../src/webview/exercisePanelModel";

const exercise: ExerciseSpec = {
  id: "e",
  title: "E",
  summary: "s",
  prompt: "p",
  starter: "export function f() {}",
  reference: "export function f() { return 1; }",
  hints: ["one", "two", "three"],
  showReferenceAfterPass: true,
  checks: [],
  chart: "none",
  furtherReading: [{ kind: "paper", title: "A paper", url: "https://example.org/paper" }],
  sourceFiles: {},
};
const pack = { id: "p", title: "P", exercises: [exercise] } as unknown as PackSpec;
const progress = (p: Partial<ExerciseProgress>): ExerciseProgress => ({ passedCaseIds: [], failedCaseIds: [], everPassed: false, hintsOpened: 0, ...p });
const input = (p: ExerciseProgress, extra = {}) => ({ pack, exercise, progress: p, status: { kind: "not-started" as const }, report: undefined, canRun: true, ...extra });

describe("exercisePanelModel: what is sent after a pass, and not before", () => {
  it("before a pass: the opened hints only, no further reading, no reference source", () => {
    const view = exercisePanelModel(input(progress({ hintsOpened: 1 }), { referenceRequested: true, yourSource: "mine" })).exercise!;
    assert.deepEqual(view.hints, ["one"]);
    assert.equal(view.afterPass, undefined);
    assert.deepEqual(view.reference, { kind: "after-pass" });
  });
  it("after a pass: the hints not opened and the further reading; the learner's source only beside a shown reference", () => {
    const passed = progress({ everPassed: true, hintsOpened: 1 });
    const available = exercisePanelModel(input(passed, { yourSource: "mine" })).exercise!;
    assert.deepEqual(available.afterPass, { unopenedHints: ["two", "three"], furtherReading: exercise.furtherReading });
    const shown = exercisePanelModel(input(passed, { referenceRequested: true, yourSource: "mine", next: { packId: "p", exerciseId: "n", title: "N" } })).exercise!;
    assert.equal(shown.reference.kind, "shown");
    assert.equal(shown.afterPass?.yourSource, "mine");
    assert.equal(shown.next?.exerciseId, "n");
  });
});
