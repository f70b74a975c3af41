import assert from "node:assert/strict";
import { csvField, formatGradeCsv } from "../../../src/cli/format/gradeCsv";
import { escapeXml, formatGradeJunit } from "../../../src/cli/format/gradeJunit";
import type { GradeResult } from "../../../src/cli/grade/gradeResult";
import { parseShard, shardOf } from "../../../src/cli/grade/submissions";
import { mergeResults } from "../../../src/cli/commands/merge";
import { UsageError } from "../../../src/cli/io";

function result(learners: string[], packVersion = "1.0.0"): GradeResult {
  return {
    version: 1,
    packId: "p",
    packVersion,
    exerciseIds: ["e"],
    learners: learners.map((learner) => ({
      learner,
      exercisesPassed: 0,
      casesPassed: 0,
      casesTotal: 1,
      exercises: [{ exerciseId: "e", status: "failed", passed: 0, total: 1, durationMs: 3, diagnostics: [], cases: [{ id: "c", checkId: "k", name: 'f("a,b")', status: "failed", message: 'expected 1, got "<2>"\nsee line 3' }] }],
    })),
    jobs: 1,
    durationMs: 10,
    generatedAt: "2026-01-01T00:00:00.000Z",
  };
}

describe("CSV and JUnit output", () => {
  it("csvField quotes commas, quotes and line breaks, and defuses formulas", () => {
    assert.equal(csvField("plain"), "plain");
    assert.equal(csvField('say "hi", then\nleave'), '"say ""hi"", then\nleave"');
    assert.equal(csvField("=HYPERLINK(1)"), "'=HYPERLINK(1)");
    assert.equal(csvField(-3), "-3");
  });

  it("formatGradeCsv starts with a BOM and the header, one CRLF row per case", () => {
    const csv = formatGradeCsv(result(["ada"]));
    assert.ok(csv.startsWith("\uFEFFlearner,exercise,exercise_status,check_id,case_id,case_name,case_status,misconception,misconception_learners,message\r\n"));
    assert.equal(csv.split("\r\n").filter(Boolean).length, 2);
    // check_id keeps apart two checks' cases that share an id (case ids are unique per check only)
    assert.ok(csv.split("\r\n")[1].startsWith("ada,e,failed,k,c,"), csv.split("\r\n")[1]);
  });

  it("escapeXml escapes markup and drops characters XML cannot hold", () => {
    assert.equal(escapeXml(`<a href="x">&'\u0000`), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
  });

  it("formatGradeJunit writes a suite per learner with a failure per failed case", () => {
    const xml = formatGradeJunit(result(["ada", "grace"]));
    assert.equal((xml.match(/<testsuite /g) ?? []).length, 2);
    assert.match(xml, /<testsuites name="p" tests="2" failures="2" errors="0"/);
    assert.match(xml, /<failure message="expected 1, got &quot;&lt;2&gt;&quot;">/);
  });
});

describe("shards and merge", () => {
  it('parseShard("2/4") is { index: 2, count: 4 }; "0/4", "5/4" and "x" are refused', () => {
    assert.deepEqual(parseShard("2/4"), { index: 2, count: 4 });
    for (const bad of ["0/4", "5/4", "x", "1/0"]) assert.throws(() => parseShard(bad), UsageError);
  });

  it("shardOf deals learners round-robin so that the shards cover everyone once", () => {
    const learners = ["a", "b", "c", "d", "e"];
    const shards = [1, 2, 3].map((index) => shardOf(learners, { index, count: 3 }));
    assert.deepEqual(shards, [["a", "d"], ["b", "e"], ["c"]]);
  });

  it("mergeResults sorts learners and refuses a learner in two shards or two pack versions", () => {
    const merged = mergeResults([result(["grace"]), result(["ada"])], ["1.json", "2.json"]);
    assert.deepEqual(merged.learners.map((l) => l.learner), ["ada", "grace"]);
    assert.throws(() => mergeResults([result(["ada"]), result(["ada"])], ["1.json", "2.json"]), /learner ada is in both 1.json and 2.json/);
    assert.throws(() => mergeResults([result(["ada"]), result(["bob"], "2.0.0")], ["1.json", "2.json"]), /grades pack p@2.0.0/);
  });
});
