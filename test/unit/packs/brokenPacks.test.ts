/**
 * The corpus of broken packs (fixtures/broken/<name>/, each with ABOUT.md saying what is wrong and expected.txt
 * giving every line `compression-tutor validate` must print for it): each must exit 1 with exactly those
 * problems at exactly those positions. Paths in expected.txt are relative to the pack folder.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { validatePackFolder } from "../../../src/cli/commands/validate";
import { CORE_FUNCTIONS } from "../../../src/core";
import { Runner } from "../../../src/runner";
import { sandboxHostScript } from "../runner/support/buildSandbox";
import { captureIo, lineMatches } from "./support/cliHarness";
import { treeSnapshot } from "./support/treeSnapshot";

const corpus = path.join(__dirname, "fixtures", "broken");
const packs = fs.readdirSync(corpus).filter((name) => fs.statSync(path.join(corpus, name)).isDirectory()).sort();

describe("compression-tutor validate on the broken-pack corpus", function () {
  this.timeout(120_000); // packs whose mistakes only show when run go through the sandbox
  let runner: Runner;

  before(async () => {
    runner = new Runner({ hostScript: await sandboxHostScript(), core: CORE_FUNCTIONS });
  });

  after(async () => {
    await runner?.dispose();
  });

  it("holds at least fifteen broken packs, each saying what is wrong and what validate must print", () => {
    assert.ok(packs.length >= 15, `only ${packs.length} broken packs`);
    for (const name of packs) {
      assert.ok(fs.existsSync(path.join(corpus, name, "ABOUT.md")), `${name} has no ABOUT.md`);
      const expected = fs.readFileSync(path.join(corpus, name, "expected.txt"), "utf8").trim();
      assert.match(expected, /^\S+:\d+:\d+: error: /m, `${name}/expected.txt names no file:line:column error`);
    }
  });

  for (const name of packs) {
    it(`${name}: exits 1 and prints exactly the expected problems`, async () => {
      const dir = path.join(corpus, name);
      const out = captureIo(dir);
      const before = treeSnapshot(dir);
      const code = await validatePackFolder(dir, out.io, { json: false, runCode: true, runner });
      assert.deepEqual(treeSnapshot(dir), before, "validate writes nothing into the pack");
      const lines = out.stdout().trimEnd().split("\n");
      const verdict = lines.pop() ?? "";
      const expected = fs.readFileSync(path.join(dir, "expected.txt"), "utf8").trimEnd().split("\n");
      assert.equal(lines.length, expected.length, `printed:\n${lines.join("\n")}\nexpected:\n${expected.join("\n")}`);
      lines.forEach((line, i) => assert.ok(lineMatches(line, expected[i]), `line ${i + 1}:\n  printed  ${line}\n  expected ${expected[i]}`));
      assert.match(verdict, / is invalid: \d+ errors?, \d+ warnings?$/);
      assert.equal(code, 1);
      assert.doesNotMatch(out.stdout() + out.stderr(), /\n\s+at .+:\d+:\d+\)?\n/, "no stack trace for a pack author's mistake");
    });
  }
});

describe("lineMatches(actual, expected)", () => {
  it("matches exactly, or with … standing for any text", () => {
    assert.equal(lineMatches("a:1:2: error: x [c]", "a:1:2: error: x [c]"), true);
    assert.equal(lineMatches("a:1:2: error: x [c]", "a:1:3: error: x [c]"), false);
    assert.equal(lineMatches("a:1:2: error: fails: got 3 [c]", "a:1:2: error: fails: … [c]"), true);
    assert.equal(lineMatches("a:1:2: error: fails: got 3 [d]", "a:1:2: error: fails: … [c]"), false);
  });
});
