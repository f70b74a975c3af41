/**
 * Hostile and broken solutions: each gets a verdict (never a hang, never a crash of the runner), cannot turn
 * a wrong answer into a pass, writes nothing outside the test's temporary folder, leaves the host alive, and
 * the check after it still passes. Run in the CLI's configuration (Node's permission model on in the sandbox
 * process) and in the extension's (no permission model, as under Electron): QuickJS is the wall in both.
 * The same corpus runs inside code-server in test/integration/hostileSandbox.test.ts.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CheckReport, CheckStatus } from "../../../src/protocol/checkReport";
import { Runner } from "../../../src/runner";
import { check, doubling, exercise } from "./support/exercises";
import { fixturesDir, sandboxHostScript } from "./support/buildSandbox";
import { escapeMarkers, HOSTILE_CORPUS, type HostileCase } from "./support/hostileCorpus";
import { builtInPack, runCli } from "../cli/support/runCli";
import { newPackCommand } from "../../../src/cli/commands/newPack";
import { captureIo } from "../packs/support/cliHarness";
import { treeSnapshot } from "../packs/support/treeSnapshot";

function everything(report: CheckReport): string {
  return [...report.cases.map((c) => c.message), ...report.diagnostics.map((d) => d.message)].join("\n");
}

/** `answer(x) = 2x` on 25 inputs, for attacks that add up over many calls. */
const twentyFiveCases = exercise("doubling-25", [
  check({ function: "answer", cases: Array.from({ length: 25 }, (_, i) => ({ id: `c${i}`, name: `answer(${i})`, input: [i], expected: 2 * i })) }),
]);

for (const configuration of [
  { name: "the CLI's configuration (permission model on)", nodePermissions: true, only: undefined },
  // Without the permission model, the attacks that aim past the engine at the host: escapes, killing the
  // grader, memory outside the heap. The whole corpus runs in this configuration inside code-server
  // (test/integration/hostileSandbox.test.ts); the rest depends on QuickJS alone, the same in both.
  {
    name: "the extension's configuration (no permission model)",
    nodePermissions: false,
    only: (c: HostileCase) => c.onHost === true && /realmEscape|killParent|processExit|fileSystem|hugeArrayBuffer|manyTypedArrays|wasmMemory/.test(c.fixture),
  },
]) {
  describe(`Runner.check on hostile and broken solutions, in ${configuration.name}`, function () {
    this.timeout(120_000);
    let runner: Runner;
    const before0 = treeSnapshot(fixturesDir);

    before(async () => {
      for (const marker of escapeMarkers()) fs.rmSync(marker, { force: true });
      runner = new Runner({ hostScript: await sandboxHostScript(), timeoutMs: 2000, memoryMb: 160, nodePermissions: configuration.nodePermissions });
    });
    after(async () => {
      await runner.dispose();
      assert.deepEqual(treeSnapshot(fixturesDir), before0, "a check wrote into the fixtures folder");
    });

    const corpus = HOSTILE_CORPUS.filter((c) => !configuration.only || configuration.only(c));
    for (const hostile of corpus) {
      it(`${hostile.fixture}.ts gets "${hostile.status}" and the next check still passes`, async () => {
        const report = await runner.check({ packId: "test", exercise: hostile.manyCases ? twentyFiveCases : doubling, solutionFile: path.join(fixturesDir, "hostile", `${hostile.fixture}.ts`) });
        assert.equal(report.status, hostile.status, everything(report));
        assert.match(everything(report), hostile.says);
        assert.equal(report.summary.passed, 0, "a hostile solution must not pass any case");
        // The report can always be written, and stays small, whatever was returned.
        assert.ok(JSON.stringify(report).length < 6_000_000, `the report is ${JSON.stringify(report).length} characters`);
        for (const marker of escapeMarkers()) assert.ok(!fs.existsSync(marker), `the sandbox was escaped: ${marker} exists`);
        // The host (this process) is alive, and the sandbox still checks a correct file.
        process.kill(process.pid, 0);
        const next = await runner.check({ packId: "test", exercise: doubling, solutionFile: path.join(fixturesDir, "correct", "double.ts") });
        assert.equal(next.status, "passed", everything(next));
      });
    }
  });
}

describe("Runner.check: limits named truthfully", function () {
  this.timeout(120_000);
  let runner: Runner;

  before(async () => {
    runner = new Runner({ hostScript: await sandboxHostScript(), timeoutMs: 2000, memoryMb: 160 });
  });
  after(() => runner.dispose());

  it("a correct solution that takes 520 ms per call passes under a 2000 ms limit, over 10 calls (longer than twice the limit)", async () => {
    const tenCases = exercise("doubling-10", [{ ...twentyFiveCases.checks[0], cases: twentyFiveCases.checks[0].cases.slice(0, 10) }]);
    const report = await runner.check({ packId: "test", exercise: tenCases, solutionFile: path.join(fixturesDir, "correct", "slowCorrect.ts") });
    assert.equal(report.status, "passed", everything(report));
    assert.ok(report.timings.runMs >= 10 * 500, `ran for ${report.timings.runMs} ms`);
  });

  it("hugeConsoleOutput.ts (100 MB printed) passes on its answers, and nothing reaches the runner's output", async () => {
    const written: string[] = [];
    const originalWrite = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      written.push(String(chunk));
      return originalWrite(chunk, ...rest);
    }) as typeof process.stdout.write;
    try {
      const report = await runner.check({ packId: "test", exercise: doubling, solutionFile: path.join(fixturesDir, "hostile", "hugeConsoleOutput.ts") });
      assert.equal(report.status, "passed", everything(report));
    } finally {
      process.stdout.write = originalWrite;
    }
    assert.ok(!written.some((w) => w.includes("xxxxxxxxxx")), "the learner's console output leaked into the runner's stdout");
  });

  it("a timed-out case names the case that hung and marks the rest as not run", async () => {
    const report = await runner.check({ packId: "test", exercise: doubling, solutionFile: path.join(fixturesDir, "hostile", "infiniteLoop.ts") });
    const messages = report.cases.map((c) => c.message);
    assert.equal(messages.filter((m) => m.includes("did not return within 2000 ms")).length, 1);
    assert.equal(messages.filter((m) => m.includes("not run: an earlier case timed out")).length, 2);
  });

  it("refuses time and memory limits outside their ranges with one sentence", () => {
    assert.throws(() => new Runner({ timeoutMs: 1_100_000_000 }), /the time limit per call, in ms must be between 50 and 600,000, got 1,100,000,000/);
    assert.throws(() => new Runner({ memoryMb: 0 }), /the memory limit per run, in MB must be between 16 and 1,536/);
    assert.throws(() => new Runner({ timeoutMs: 1.5 }), /must be a whole number/);
  });
});

describe("compression-tutor check against hostile files and limits", function () {
  this.timeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-hostile-cli-"));
  const exerciseDir = path.join(builtInPack, "int4-scale");
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("--timeout-ms 1100000000 and --memory-mb 99999 are one-line usage errors (exit 2), not a check that errors at once", async () => {
    const file = path.join(exerciseDir, "reference.ts");
    for (const [flag, value, says] of [
      ["--timeout-ms", "1100000000", /^compression-tutor check: --timeout-ms \(the time limit per call, in ms\) must be a whole number from 50 to 600,000, got "1100000000"\n$/],
      ["--memory-mb", "99999", /^compression-tutor check: --memory-mb \(the memory limit per run, in MB\) must be a whole number from 16 to 1,536, got "99999"\n$/],
    ] as const) {
      const run = await runCli(["check", file, "--exercise", exerciseDir, flag, value]);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, says);
      assert.equal(run.stdout, "");
    }
  });

  for (const [name, source, says] of [
    // Built once at load time, returned by every call: the size is counted, never copied.
    ["a 50-million-character key", 'const big = { ["k".repeat(50_000_000)]: 1 };\nexport function symmetricScale(_maxAbs: number, _bits: number): number {\n  return big as never;\n}\n', /your function returned 50 MB; the limit is 8 MB per call/],
    ["the realm escape through import()", 'export function symmetricScale(_maxAbs: number, _bits: number): number {\n  void import(["node", "fs"].join(":")).catch((e: any) => e.constructor.constructor("return process")().kill(0));\n  return -1;\n}\n', /expected/],
  ] as const) {
    it(`check --json on ${name} exits 1 with a report that parses`, async () => {
      const file = path.join(dir, `${name.replace(/\W+/g, "-")}.ts`);
      fs.writeFileSync(file, source);
      const before1 = treeSnapshot(dir);
      const run = await runCli(["check", file, "--exercise", exerciseDir, "--json"]);
      assert.equal(run.code, 1, run.stderr);
      const report = JSON.parse(run.stdout) as CheckReport;
      assert.equal(report.summary.passed, 0);
      assert.match(everything(report), says);
      assert.deepEqual(treeSnapshot(dir), before1);
      for (const marker of escapeMarkers()) assert.ok(!fs.existsSync(marker), marker);
    });
  }
});

describe("compression-tutor validate on a pack whose reference attacks the grader", function () {
  this.timeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compression-tutor-hostile-pack-"));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("the reference's realm escape and kill of the parent reach nothing: validate reports the reference failing, exit 1", async () => {
    const pack = path.join(dir, "course");
    assert.equal(await newPackCommand([pack], captureIo(dir).io), 0);
    const reference = path.join(pack, "dequantize", "reference.ts");
    const honest = fs.readFileSync(reference, "utf8");
    const fn = /export function (\w+)/.exec(honest)?.[1];
    assert.ok(fn, honest);
    fs.writeFileSync(
      reference,
      `export function ${fn}(..._args: any[]): any {
  const g = globalThis as any;
  g.process?.kill(g.process.ppid, "SIGKILL");
  void import(["node", "fs"].join(":")).catch((e: any) => e.constructor.constructor("return process")().kill(0, "SIGKILL"));
  return -12345;
}
`,
    );
    const before1 = treeSnapshot(dir);
    const run = await runCli(["validate", pack]);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /the reference solution fails case "example" of check "dequantize" .*got -12345 .*\[reference-fails\]/);
    assert.deepEqual(treeSnapshot(dir), before1);
    for (const marker of escapeMarkers()) assert.ok(!fs.existsSync(marker), marker);
    process.kill(process.pid, 0);
  });
});
