/**
 * Scale: a generated class graded in 8 shards (`grade --shard K/8`) and combined with `merge` gives exactly the
 * grades of one unsharded run — every learner, exercise, case, misconception and diagnostic, and the class summary.
 * The class has 2,000 learners (about 45 s on a busy two-core machine, see docs/grading.md); SHARDED_CLASS_LEARNERS
 * makes it smaller for a quick run (160: about 14 s). A learner in every 25 hands in a .zip.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { zipSync } from "fflate";
import type { GradeResult } from "../../../src/cli/grade/gradeResult";
import { CORE_VERSION } from "../../../src/core";
import { buildHandInArchive } from "../../../src/handIn/handInArchive";
import { scaffoldPack } from "../../../src/packs/scaffold";
import { runCli } from "./support/runCli";

const LEARNERS = Number(process.env.SHARDED_CLASS_LEARNERS ?? 2000);
const SHARDS = 8;

const SOURCES = {
  correct: "export function dequantize(q: number, scale: number, zeroPoint: number): number {\n  return scale * (q - zeroPoint);\n}\n",
  // Saved on Windows: BOM and CRLF.
  correctCrlf: "\uFEFFexport function dequantize(q: number, scale: number, zeroPoint: number): number {\r\n  return scale * (q - zeroPoint);\r\n}\r\n",
  misconception: "export function dequantize(q: number, scale: number, zeroPoint: number): number {\n  return scale * q - zeroPoint;\n}\n",
  wrong: "export function dequantize(q: number, scale: number, zeroPoint: number): number {\n  return q - zeroPoint;\n}\n",
  broken: "export function dequantize(q: number, scale: number, zeroPoint: number): number {\n  return scale * (q - zeroPoint;\n}\n",
};

/** Learner i's file (undefined: none), deterministic so each shard can be told apart from a mix-up. */
function sourceOf(i: number): string | undefined {
  const kinds = [SOURCES.correct, SOURCES.misconception, SOURCES.correctCrlf, SOURCES.wrong, SOURCES.correct, SOURCES.broken, undefined];
  return kinds[(i * 7 + Math.floor(i / 7)) % kinds.length];
}

/** What must not differ between runs: everything but timings and the run's own bookkeeping. */
function grades(result: GradeResult): unknown {
  return {
    learners: result.learners.map((l) => ({ ...l, exercises: l.exercises.map(({ durationMs: _t, ...e }) => e) })),
    summary: (result as GradeResult & { summary?: unknown }).summary,
  };
}

describe(`grade --shard K/${SHARDS} + merge on ${LEARNERS} generated learners`, function () {
  this.timeout(Math.max(600_000, LEARNERS * 1_500));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-sharded-"));
  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it("the merged shards equal one unsharded run, learner by learner and case by case", async () => {
    const pack = path.join(work, "pack");
    for (const file of scaffoldPack({ id: "tiny", title: "Tiny", coreVersion: CORE_VERSION })) {
      fs.mkdirSync(path.dirname(path.join(pack, file.path)), { recursive: true });
      fs.writeFileSync(path.join(pack, file.path), file.text);
    }
    const submissions = path.join(work, "submissions");
    for (let i = 0; i < LEARNERS; i++) {
      const name = `learner-${String(i + 1).padStart(4, "0")}`;
      const source = sourceOf(i);
      if (i % 25 === 24) {
        const work = source === undefined ? [] : [{ packId: "tiny", exerciseId: "dequantize", solution: new TextEncoder().encode(source), status: "failed" }];
        fs.mkdirSync(submissions, { recursive: true });
        fs.writeFileSync(path.join(submissions, `${name}.zip`), work.length > 0 ? buildHandInArchive(name, work, {}, new Date("2026-01-01T00:00:00Z")).bytes : zipSync({}));
        continue;
      }
      fs.mkdirSync(path.join(submissions, name), { recursive: true });
      if (source !== undefined) fs.writeFileSync(path.join(submissions, name, "dequantize.ts"), source);
    }

    const started = performance.now();
    const whole = await runCli(["grade", pack, submissions, "--out", path.join(work, "whole.json"), "--jobs", "2"]);
    assert.equal(whole.code, 0, whole.stderr);
    const unshardedMs = performance.now() - started;
    const shardFiles: string[] = [];
    for (let k = 1; k <= SHARDS; k++) {
      const out = path.join(work, `shard-${k}.json`);
      const run = await runCli(["grade", pack, submissions, "--shard", `${k}/${SHARDS}`, "--out", out, "--jobs", "2"]);
      assert.equal(run.code, 0, run.stderr);
      const shard = JSON.parse(fs.readFileSync(out, "utf8")) as GradeResult;
      assert.ok(Math.abs(shard.learners.length - LEARNERS / SHARDS) <= 1, `shard ${k} has ${shard.learners.length} learners`);
      shardFiles.push(out);
    }
    const merged = await runCli(["merge", ...shardFiles, "--out", path.join(work, "merged.json")]);
    assert.equal(merged.code, 0, merged.stderr);
    const totalMs = performance.now() - started;

    const one = JSON.parse(fs.readFileSync(path.join(work, "whole.json"), "utf8")) as GradeResult;
    const combined = JSON.parse(fs.readFileSync(path.join(work, "merged.json"), "utf8")) as GradeResult;
    assert.equal(one.learners.length, LEARNERS);
    assert.deepEqual(grades(combined), grades(one));
    // The class is what was generated, so the equality above compares real verdicts, not two empty results.
    const statuses = new Set(one.learners.map((l) => l.exercises[0].status));
    assert.deepEqual([...statuses].sort(), ["error", "failed", "missing", "passed"]);
    assert.ok(one.learners.some((l) => l.exercises[0].cases.some((c) => c.misconception)), "a misconception was named");
    console.log(`      ${LEARNERS} learners: unsharded ${(unshardedMs / 1000).toFixed(1)} s; unsharded + ${SHARDS} shards + merge ${(totalMs / 1000).toFixed(1)} s`);
  });
});
