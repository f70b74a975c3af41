/**
 * The runner's bundle store: bundles compiled once are run by the next process without esbuild-wasm, and a
 * the values an exercise's reference produced are not produced again; a stored entry is believed only when it is keyed by its content and lies, privately, where the runner wrote it.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Runner } from "../../../src/runner";
import { BundleStore } from "../../../src/runner/bundleStore";
import { ExpectedValues } from "../../../src/runner/expectedValues";
import type { CallOutcome } from "../../../src/protocol/runnerIpc";
import { check, exercise } from "./support/exercises";
import { sandboxHostScript } from "./support/buildSandbox";

const reference = "export function memoryGB(p: number, bits: number): number { return (p * bits) / 8 / 1e9; }\n";
const memory = exercise(
  "memory",
  [check({ function: "memoryGB", expected: { from: "reference" }, tolerance: { rel: 1e-12 }, cases: [{ id: "13b", name: "memoryGB(13e9, 16)", input: [13e9, 16] }, { id: "2t", name: "memoryGB(2e12, 16)", input: [2e12, 16] }] })],
  { reference },
);

describe("BundleStore", function () {
  this.timeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-bundle-store-"));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  const freshStore = (): { folder: string; store: BundleStore } => {
    const folder = path.join(dir, `store-${++n}`, "bundles");
    return { folder, store: new BundleStore(folder) };
  };

  it("keys by shelf, file name and text, so a learner's copy of a reference never shares the reference's entry", () => {
    const key = BundleStore.keyOf("exercise", "/p/ex/reference.ts", reference);
    assert.match(key, /^[0-9a-f]{64}$/);
    assert.notEqual(BundleStore.keyOf("learner", "/home/alice/reference.ts", reference), key);
    assert.notEqual(BundleStore.keyOf("exercise", "/p/ex/other.ts", reference), key);
    assert.notEqual(BundleStore.keyOf("exercise", "/p/ex/reference.ts", `${reference} `), key);
    assert.equal(BundleStore.keyOf("exercise", "/elsewhere/reference.ts", reference), key);
  });

  it("gives back what it stored, in a folder only this user may write", () => {
    const { folder, store } = freshStore();
    const key = BundleStore.keyOf("learner", "a.ts", "x");
    assert.equal(store.read(key), undefined);
    store.write(key, { code: "exports.f = 1;", sourceMap: "{}" });
    assert.deepEqual(store.read(key), { code: "exports.f = 1;", sourceMap: "{}" });
    if (process.platform !== "win32") {
      assert.equal(fs.statSync(folder).mode & 0o777, 0o700);
      assert.equal(fs.statSync(path.join(folder, `${key}.json`)).mode & 0o777, 0o600);
    }
    assert.deepEqual(fs.readdirSync(folder), [`${key}.json`], "no temporary file is left behind");
  });

  it("stays bounded: past its size it removes the least recently written entries", () => {
    const folder = path.join(dir, `store-${++n}`, "bundles");
    const store = new BundleStore(folder, () => undefined, 8);
    const keys = Array.from({ length: 9 }, (_, i) => BundleStore.keyOf("learner", "a.ts", `edit ${i}`));
    keys.forEach((key, i) => {
      store.write(key, { code: `exports.f = ${i};` });
      // Distinct write times even on a coarse clock.
      fs.utimesSync(path.join(folder, `${key}.json`), 1000 + i, 1000 + i);
    });
    assert.equal(fs.readdirSync(folder).length, 6);
    assert.equal(store.read(keys[0]), undefined);
    assert.deepEqual(store.read(keys[8]), { code: "exports.f = 8;", sourceMap: undefined });
  });

  it("refuses an entry whose inside names another key, a malformed entry, a non-key name", () => {
    const { folder, store } = freshStore();
    const key = BundleStore.keyOf("exercise", "reference.ts", "y");
    const other = BundleStore.keyOf("exercise", "reference.ts", "z");
    store.write(other, { code: "exports.f = 2;" });
    fs.copyFileSync(path.join(folder, `${other}.json`), path.join(folder, `${key}.json`));
    assert.equal(store.read(key), undefined, "renamed entry");
    fs.writeFileSync(path.join(folder, `${key}.json`), '{"key": 1', { mode: 0o600 });
    assert.equal(store.read(key), undefined, "truncated entry");
    assert.equal(store.read("../../etc/passwd"), undefined);
  });

  it("does not use a folder or an entry that others may write, nor a symbolic link planted as an entry", function () {
    if (process.platform === "win32") this.skip();
    const { folder, store } = freshStore();
    const key = BundleStore.keyOf("exercise", "reference.ts", "w");
    store.write(key, { code: "exports.f = 3;" });
    fs.chmodSync(path.join(folder, `${key}.json`), 0o666);
    assert.equal(store.read(key), undefined, "entry writable by others");
    fs.chmodSync(path.join(folder, `${key}.json`), 0o600);
    const linked = BundleStore.keyOf("exercise", "reference.ts", "v");
    fs.symlinkSync(path.join(folder, `${key}.json`), path.join(folder, `${linked}.json`));
    assert.equal(store.read(linked), undefined, "symbolic link");
    fs.chmodSync(folder, 0o777);
    assert.equal(new BundleStore(folder).read(key), undefined, "folder writable by others");
  });

  it("keeps a reference's values only when every call returned, and keys them by the arguments (NaN is not null)", async () => {
    const { store } = freshStore();
    const kept = { store, engineVersion: "test" };
    let runs = 0;
    const produce = (outcomes: CallOutcome[]) => new ExpectedValues(async () => [], async () => (runs++, { outcomes }), kept);
    const nanCheck = { ...memory.checks[0], cases: [{ id: "n", name: "nan", input: [Number.NaN, 16] }] };
    const nullCheck = { ...memory.checks[0], cases: [{ id: "n", name: "null", input: [null, 16] }] };
    const returned: CallOutcome[] = [{ kind: "returned", value: -0, durationMs: 1 }];
    assert.deepEqual(await produce(returned).valuesFor({ from: "reference" }, memory, nanCheck, "x"), [{ ok: true, value: -0 }]);
    assert.deepEqual(await produce(returned).valuesFor({ from: "reference" }, memory, nanCheck, "x"), [{ ok: true, value: -0 }]);
    assert.equal(runs, 1, "the second process took the stored values");
    await produce(returned).valuesFor({ from: "reference" }, memory, nullCheck, "x");
    assert.equal(runs, 2, "other arguments, another key");
    const threw: CallOutcome[] = [{ kind: "threw", message: "no", durationMs: 1 }];
    const other = { ...memory, reference: `${reference}// changed\n` };
    assert.equal((await produce(threw).valuesFor({ from: "reference" }, other, nanCheck, "x"))[0].ok, false);
    assert.equal((await produce(returned).valuesFor({ from: "reference" }, other, nanCheck, "x"))[0].ok, true);
    assert.equal(runs, 4, "a failure was not stored");
  });

  it("lets the next runner check without compiling or running the reference: the same verdict, positions and expected values", async () => {
    const { folder } = freshStore();
    const file = path.join(dir, "gb.ts");
    fs.writeFileSync(file, "export function memoryGB(p: number, bits: number): number {\n  if (p > 1e12) throw new Error(\"too big\");\n  return (p * bits) / 8 / 1e9;\n}\n");
    const hostScript = await sandboxHostScript();
    const reports = [];
    const logs: string[][] = [];
    for (let i = 0; i < 2; i++) {
      const log: string[] = [];
      logs.push(log);
      const runner = new Runner({ hostScript, timeoutMs: 3000, bundleStoreDir: folder, oneShot: true, log: (line) => log.push(line) });
      try {
        reports.push(await runner.check({ packId: "t", exercise: memory, solutionFile: file }));
      } finally {
        await runner.dispose();
      }
    }
    const [first, second] = reports;
    assert.equal(fs.readdirSync(folder).length, 3, "the learner's bundle and the reference's, each on its own shelf, and the reference's values");
    assert.ok(logs[0].some((line) => line.startsWith("reference sandbox: sandbox process")), logs[0].join("\n"));
    assert.ok(!logs[1].some((line) => line.startsWith("reference sandbox:")), `the second check started the exercise's sandbox:\n${logs[1].join("\n")}`);
    assert.ok(second.timings.compileMs < 20, `the second check compiled for ${second.timings.compileMs} ms`);
    assert.equal(second.status, first.status);
    const withoutTimes = (cases: typeof first.cases): unknown[] => cases.map(({ durationMs: _, ...rest }) => rest);
    assert.deepEqual(withoutTimes(second.cases), withoutTimes(first.cases));
    const byId = (id: string) => second.cases.find((c) => c.id === id);
    assert.equal(byId("13b")?.status, "passed");
    assert.equal(byId("13b")?.expected, 26);
    assert.equal(byId("2t")?.status, "error");
    assert.deepEqual(second.diagnostics, first.diagnostics);
    assert.ok(second.diagnostics.some((d) => d.line === 2), JSON.stringify(second.diagnostics));
  });
});
