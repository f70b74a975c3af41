/**
 * Grading a class where a third of the learners attack the grader: 30 learners, 10 of them hostile in
 * different ways (endless loop, memory hog, oversized results, a 50-million-character key, realm escape,
 * killing the grader, forged output, a promise that never settles, deep recursion, a thrown non-Error).
 * The run finishes, every hostile learner gets an error or a failure, and every honest learner's grade is
 * exactly what it is without the hostile learners, and, for one learner of each kind, graded alone.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gradeClass } from "../../../src/cli/grade/gradeClass";
import type { LearnerGrade } from "../../../src/cli/grade/gradeResult";
import { listLearners } from "../../../src/cli/grade/submissions";
import { loadPackFromDisk } from "../../../src/packs/node/loadPackFromDisk";
import type { PackSpec } from "../../../src/protocol/exercise";
import { builtInPack } from "../cli/support/runCli";
import { sandboxHostScript } from "./support/buildSandbox";
import { escapeMarkers } from "./support/hostileCorpus";

const EXERCISES = ["int4-scale", "memory-savings"];

/** The body every exported function of a hostile learner has. */
const HOSTILE: Record<string, string> = {
  loop: "for (;;) {}",
  memory: "const h: Float64Array[] = []; for (;;) h.push(new Float64Array(4_000_000));",
  hugeResult: "return new Float64Array(900_000) as any;",
  longKey: 'return { ["k".repeat(50_000_000)]: 1 } as any;',
  realmEscape: 'void import(["node", "fs"].join(":")).catch((e: any) => e.constructor.constructor("return process")().exit(0)); return -1;',
  killGrader: "const p = (globalThis as any).process; p?.kill(p.ppid, 'SIGKILL'); return Function('return process')().kill(0);",
  forgedOutput: 'console.log(JSON.stringify({ status: "passed" })); return -1;',
  neverSettles: "return new Promise(() => {}) as any;",
  deepRecursion: "const f = (n: number): number => f(n + 1) + 1; return f(0);",
  throwNonError: "throw 42;",
};

function honestSource(exercise: string, kind: number): string | undefined {
  const reference = fs.readFileSync(path.join(builtInPack, exercise, "reference.ts"), "utf8");
  switch (kind % 4) {
    case 0:
      return reference;
    case 1: // the classic off-by-one: qmax = 2^bits − 1, and GiB instead of GB
      return reference.replace("2 ** (bits - 1) - 1", "2 ** bits - 1").replace("/ 1e9", "/ 2 ** 30");
    case 2: // right for 4 bits only
      return reference.replace("const qmax = 2 ** (bits - 1) - 1;", "const qmax = bits === 4 ? 7 : 1;");
    default: // did only the first exercise
      return exercise === EXERCISES[0] ? reference : undefined;
  }
}

function withoutTimes(grade: LearnerGrade): unknown {
  return JSON.parse(JSON.stringify(grade, (key, value: unknown) => (key === "durationMs" ? undefined : value)));
}

describe("grading a class of 30 with 10 hostile learners", function () {
  this.timeout(300_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-class-"));
  const submissions = path.join(dir, "submissions");
  let pack: PackSpec;
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  before(async () => {
    process.env.COMPRESSION_TUTOR_HOST_SCRIPT = await sandboxHostScript();
    const loaded = await loadPackFromDisk(builtInPack);
    assert.ok(loaded.pack, loaded.problems.map((p) => p.message).join("\n"));
    pack = { ...loaded.pack, exercises: loaded.pack.exercises.filter((e) => EXERCISES.includes(e.id)) };
    const hostileKinds = Object.keys(HOSTILE);
    for (let i = 0; i < 30; i++) {
      const hostile = i % 3 === 2 ? hostileKinds[(i - 2) / 3] : undefined;
      const learner = path.join(submissions, hostile ? `learner-${String(i).padStart(2, "0")}-${hostile}` : `learner-${String(i).padStart(2, "0")}`);
      fs.mkdirSync(learner, { recursive: true });
      for (const exercise of EXERCISES) {
        const reference = fs.readFileSync(path.join(builtInPack, exercise, "reference.ts"), "utf8");
        const functions = [...reference.matchAll(/export function (\w+)/g)].map((m) => m[1]);
        const source = hostile ? functions.map((f) => `export function ${f}(..._args: any[]): any {\n  ${HOSTILE[hostile]}\n}\n`).join("\n") : honestSource(exercise, i);
        if (source !== undefined) fs.writeFileSync(path.join(learner, `${exercise}.ts`), source);
      }
    }
  });

  it("finishes, fails every hostile learner, and grades every honest learner exactly as without them (and as alone)", async () => {
    const learners = listLearners(submissions);
    assert.equal(learners.length, 30);
    const options = { pack, submissionsDir: submissions, timeoutMs: 1000, memoryMb: 128 };
    const whole = await gradeClass({ ...options, learners, jobs: 2 });
    assert.equal(whole.learners.length, 30);
    for (const marker of escapeMarkers()) assert.ok(!fs.existsSync(marker), marker);

    const hostile = whole.learners.filter((l) => /-[a-zA-Z]+$/.test(l.learner));
    assert.equal(hostile.length, 10);
    for (const learner of hostile) {
      assert.equal(learner.casesPassed, 0, `${learner.learner} passed ${learner.casesPassed} cases`);
      for (const e of learner.exercises) assert.ok(e.status === "error" || e.status === "failed", `${learner.learner}/${e.exerciseId}: ${e.status}`);
    }

    const honest = whole.learners.filter((l) => !hostile.includes(l));
    assert.ok(honest.some((l) => l.exercisesPassed === EXERCISES.length) && honest.some((l) => l.casesPassed < l.casesTotal));
    // Every honest learner against the honest learners graded without the hostile ones, and one learner of
    // each honest kind (learner i is of kind i % 4: right, off by one, right for 4 bits only, first exercise
    // only) truly alone, with graders of its own: an alone-run for all 20 would cost 40 sandbox starts.
    const honestOnly = await gradeClass({ ...options, learners: learners.filter((l) => honest.some((h) => h.learner === l.name)), jobs: 2 });
    assert.equal(honestOnly.learners.length, 20);
    for (const [i, learner] of honest.entries()) assert.deepEqual(withoutTimes(learner), withoutTimes(honestOnly.learners[i]), learner.learner);
    for (const learner of honest.filter((l) => ["learner-00", "learner-01", "learner-06", "learner-03"].includes(l.learner))) {
      const alone = await gradeClass({ ...options, learners: learners.filter((l) => l.name === learner.learner), jobs: 1 });
      assert.deepEqual(withoutTimes(learner), withoutTimes(alone.learners[0]), learner.learner);
    }
  });
});
