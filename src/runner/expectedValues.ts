/**
 * Where expected values (and misconceptions' wrong values) come from, per `ValueSource`: the compute core
 * (in a Worker of the runner's process, under a time budget per case; coreCompute.ts), an exercise's reference or misconceptions source (run in the
 * sandbox, in a run of their own, never in the learner's), or literals in the pack. Sandbox results are
 * cached by source text and calls, so grading a class runs each reference once.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import v8 from "node:v8";
import type { CaseSpec, CheckSpec, ExerciseSpec, ValueSource } from "../protocol/exercise";
import type { CallOutcome, SandboxCall } from "../protocol/runnerIpc";
import type { BundleStore } from "./bundleStore";
import type { CoreCompute } from "./coreCompute";
import { esbuildWasmVersion } from "./sandbox/bundleOptions";

export type ProducedValue = { ok: true; value: unknown } | { ok: false; message: string };

/** Runs an exercise's own TypeScript source (reference or misconceptions) in the sandbox. */
export type RunExerciseSource = (entry: string, source: string, calls: SandboxCall[]) => Promise<{ outcomes?: CallOutcome[]; compileError?: string }>;

/**
 * Produced values kept on disk between processes (the CLI's one-shot `check`), so that a cold check of an
 * exercise checked before starts neither the exercise's sandbox nor the core's Worker. Keys cover everything
 * that determines the values: for the core, the core's built code; for an exercise's source, the sandbox's
 * built code and QuickJS (`engineVersion`), the esbuild-wasm version, the source's name and text; and the
 * function and every case's arguments. Only complete sets of returned values are stored, and only from the
 * core's Worker or the exercise's own sandbox, never from a process that ran learner code.
 */
export interface ProducedValueStore {
  store: BundleStore;
  /** A hash of the core's built code, or undefined when the core is not the built one (tests): not stored. */
  coreVersion?: string;
  engineVersion: string;
}

/** The path an exercise's reference or misconceptions source runs under (its stack lines and bundle keys name it). */
export function exerciseSourceEntry(exercise: ExerciseSpec, which: "reference" | "misconceptions"): string {
  const folder = path.dirname(exercise.sourceFiles.reference ?? exercise.sourceFiles.exercise ?? exercise.sourceFiles.starter ?? path.resolve(exercise.id));
  return which === "reference" && exercise.sourceFiles.reference ? exercise.sourceFiles.reference : path.join(folder, `${which}.ts`);
}

export class ExpectedValues {
  private readonly cache = new Map<string, Promise<ProducedValue[]>>();
  /**
   * The core's values by function and cases (arguments, pick and the case's place, which its messages name):
   * every check of an exercise (a class's learners, a pack's starter, reference and misconceptions) asks
   * for the same ones, which the core would otherwise compute again each time.
   */
  private readonly coreCache = new Map<string, Promise<ProducedValue[]>>();

  constructor(
    private readonly core: CoreCompute,
    private readonly runSource: RunExerciseSource,
    private readonly kept?: ProducedValueStore,
  ) {}

  /** `produce`'s values, from the store when `keyParts` were produced before; stores them when all are values. */
  private async throughStore(keyParts: unknown[] | undefined, produce: () => Promise<ProducedValue[]>): Promise<ProducedValue[]> {
    if (!this.kept || !keyParts) return produce();
    // v8's serialisation, not JSON: NaN, -0 and undefined arguments must not share a key with null or 0.
    const key = createHash("sha256").update(v8.serialize(["produced-values", 1, esbuildWasmVersion(), ...keyParts])).digest("hex");
    const stored = this.kept.store.readValues(key);
    if (stored) return stored.map((value) => ({ ok: true, value }));
    const produced = await produce();
    if (produced.every((p) => p.ok)) this.kept.store.writeValues(key, produced.map((p) => (p.ok ? p.value : undefined)));
    return produced;
  }

  /** One produced value per case of `check`, in order. */
  valuesFor(source: ValueSource, exercise: ExerciseSpec, check: CheckSpec, purpose: string): Promise<ProducedValue[]> {
    switch (source.from) {
      case "literal":
        return Promise.resolve(check.cases.map((c) => this.literal(source, c, purpose)));
      case "core": {
        const cases = check.cases.map((c) => ({ args: [...c.input, ...(source.extraArgs ?? [])], pick: source.pick, where: `case ${c.id} of check ${check.id} (exercise ${exercise.id})` }));
        const keyParts = this.kept?.coreVersion === undefined ? undefined : ["core", this.kept.coreVersion, source.fn, cases.map((c) => [c.args, c.pick ?? null])];
        // v8's serialisation, not JSON: NaN, -0 and undefined arguments must not share a key with null or 0.
        const key = createHash("sha256").update(v8.serialize([source.fn, cases])).digest("hex");
        let produced = this.coreCache.get(key);
        if (!produced) {
          produced = this.throughStore(keyParts, () => this.core(source.fn, cases));
          this.coreCache.set(key, produced);
          // A case that took too long on an overloaded machine, or a failed Worker, should not stick.
          void produced.then(
            (values) => values.every((v) => v.ok) || this.coreCache.delete(key),
            () => this.coreCache.delete(key),
          );
        }
        return produced;
      }
      case "reference":
        return this.fromSource(source, exercise, check, purpose);
    }
  }

  private literal(source: Extract<ValueSource, { from: "literal" }>, c: CaseSpec, purpose: string): ProducedValue {
    const value = source.values ? source.values[c.id] : c.expected;
    if (source.values && !(c.id in source.values)) return { ok: false, message: `${purpose} has no value for case ${c.id}` };
    if (!source.values && c.expected === undefined) return { ok: false, message: `case ${c.id} has no \`expected\` value in the pack` };
    return { ok: true, value };
  }

  private fromSource(source: Extract<ValueSource, { from: "reference" }>, exercise: ExerciseSpec, check: CheckSpec, purpose: string): Promise<ProducedValue[]> {
    const which = source.file ?? "reference";
    const text = which === "reference" ? exercise.reference : exercise.misconceptions;
    if (text === undefined) {
      return Promise.resolve(check.cases.map(() => ({ ok: false as const, message: `${purpose} needs the exercise's ${which} source, which the pack does not provide` })));
    }
    const entry = exerciseSourceEntry(exercise, which);
    const fn = source.export ?? check.function;
    const calls = check.cases.map((c) => ({ fn, args: c.input }));
    const key = createHash("sha256").update(entry).update("\0").update(text).update("\0").update(JSON.stringify(calls)).digest("hex");
    let produced = this.cache.get(key);
    if (!produced) {
      const keyParts = this.kept && ["source", this.kept.engineVersion, path.basename(entry), text, calls];
      produced = this.throughStore(keyParts, () =>
        this.runSource(entry, text, calls).then(({ outcomes, compileError }) =>
          calls.map((_, i): ProducedValue => {
            if (compileError) return { ok: false, message: `the exercise's ${which} source does not compile: ${compileError}` };
            const outcome = outcomes?.[i];
            if (outcome?.kind === "returned") return { ok: true, value: outcome.value };
            return { ok: false, message: `the exercise's ${which} \`${fn}\` did not return a value: ${outcome?.message ?? "no result"}` };
          }),
        ),
      );
      this.cache.set(key, produced);
      // A failure caused by an overloaded machine should not stick.
      produced.catch(() => this.cache.delete(key));
    }
    return produced;
  }
}
