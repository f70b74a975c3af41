/**
 * Per-call time limits from the exercise's own reference solution: the reference runs once over the calls a
 * learner's file gets (in the reference sandbox, never the learner's), each call's time is kept, and each
 * learner's call may take `limitFromReferenceMs` of it (limits.ts: a factor, a floor, the configured limit
 * as the cap). Cached by the reference's name and text and the calls, so grading a class measures each
 * exercise once per runner. A reference that cannot run, or a case it does not answer, leaves the cap.
 */
import { createHash } from "node:crypto";
import type { ExerciseSpec } from "../protocol/exercise";
import type { SandboxCall } from "../protocol/runnerIpc";
import { exerciseSourceEntry, type RunExerciseSource } from "./expectedValues";
import { limitFromReferenceMs } from "./limits";

export class ReferenceTimes {
  private readonly cache = new Map<string, Promise<(number | undefined)[] | undefined>>();

  constructor(private readonly runSource: RunExerciseSource) {}

  /** One limit per call, or undefined when the exercise has no reference (every call then gets the cap). */
  async limitsFor(exercise: ExerciseSpec, calls: SandboxCall[], capMs: number): Promise<number[] | undefined> {
    const times = await this.timesFor(exercise, calls);
    return times?.map((ms) => limitFromReferenceMs(ms, capMs));
  }

  private timesFor(exercise: ExerciseSpec, calls: SandboxCall[]): Promise<(number | undefined)[] | undefined> {
    if (exercise.reference === undefined || calls.length === 0) return Promise.resolve(undefined);
    const entry = exerciseSourceEntry(exercise, "reference");
    const key = createHash("sha256").update(entry).update("\0").update(exercise.reference).update("\0").update(JSON.stringify(calls)).digest("hex");
    let times = this.cache.get(key);
    if (!times) {
      times = this.runSource(entry, exercise.reference, calls).then(
        ({ outcomes }) => outcomes && outcomes.map((o) => (o.kind === "returned" || o.kind === "threw" ? o.durationMs : undefined)),
        () => undefined,
      );
      this.cache.set(key, times);
    }
    return times;
  }
}
