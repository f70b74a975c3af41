/**
 * validate --mutants: mutants derived from a reference with the TypeScript compiler API, run through the
 * Runner, survivors listed per exercise; and the compiler kept out of the CLI's and the extension's bundles.
 * (The built-in pack's score is measured by `npm test`'s mutants step: `node dist/cli.js validate
 * exercises/quantization-distillation --mutants`, which fails below 95 %.)
 */
import assert from "node:assert/strict";
import * as esbuild from "esbuild";
import path from "node:path";
import { validateCommand } from "../../../src/cli/commands/validate";
import { deriveMutants } from "../../../src/mutants";
import { captureIo } from "../packs/support/cliHarness";
import { sandboxHostScript } from "../runner/support/buildSandbox";

const repoRoot = path.resolve(__dirname, "..", "..", "..");

describe("deriveMutants(source)", () => {
  const reference = `export function softmax(logits: number[], t: number): number[] {
  const scaled = logits.map((z) => z / t);
  const max = Math.max(...scaled);
  const e = scaled.map((a) => Math.exp(a - max));
  let sum = 0;
  for (let i = 0; i < e.length; i++) sum += e[i];
  return e.map((x) => Math.round(x / sum * 1e6) / 1e6);
}
type Unused = { a: 1 };`;
  const mutants = deriveMutants(reference);
  const ids = mutants.map((m) => m.id);

  it("swaps Math.max for Math.min, drops the max-subtraction, flips / and *, swaps rounding functions", () => {
    for (const id of ["max→min@3:20", "drop-subtraction@4:40", "/→*@2:38", "round→floor@7:28", "round→trunc@7:28"]) assert.ok(ids.includes(id), `${id} in ${ids.join(", ")}`);
    const dropped = mutants.find((m) => m.id === "drop-subtraction@4:40");
    assert.equal(dropped?.mutatedLine, "const e = scaled.map((a) => Math.exp((a)));");
  });

  it("flips comparisons and shifts constants by one (off-by-one), but never touches a loop's step or a type", () => {
    assert.ok(ids.includes("<→<=@6:21"), ids.join(", "));
    assert.ok(ids.includes("constant+1@6:16"));
    assert.ok(!mutants.some((m) => m.line === 6 && m.mutatedLine.includes("i--")), "the loop step stays");
    assert.ok(!mutants.some((m) => m.line === 9), "types are not mutated");
  });

  it("each mutant differs from the source in one place, and ids are unique and stable", () => {
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(deriveMutants(reference).map((m) => m.id), ids);
    for (const m of mutants) assert.notEqual(m.source, reference);
  });

  it("does not swap the arguments of Math.min or Math.max (their order cannot matter)", () => {
    assert.ok(!deriveMutants("export const f = (a: number, b: number) => Math.min(a, b);").some((m) => m.id.startsWith("swap-arguments")));
    assert.ok(deriveMutants("export const f = (a: number, b: number) => g(a, b); function g(x: number, y: number) { return x - y; }").some((m) => m.id.startsWith("swap-arguments")));
  });
});

describe("compression-tutor validate --mutants", function () {
  this.timeout(120_000);

  before(async () => {
    process.env.COMPRESSION_TUTOR_HOST_SCRIPT = await sandboxHostScript();
  });
  after(() => {
    delete process.env.COMPRESSION_TUTOR_HOST_SCRIPT;
  });

  it("lists the survivors of a pack whose cases miss large logits, with position and mutated line, and a stale equivalent; exit 1", async () => {
    const out = captureIo(repoRoot);
    const code = await validateCommand([path.join(__dirname, "fixtures", "mini"), "--mutants", "--jobs", "1"], out.io);
    const text = out.stdout();
    assert.equal(code, 1, text + out.stderr());
    assert.match(text, /✗ softmax: \d+\/\d+ mutants killed/);
    assert.match(text, /softmax\/reference\.ts:\d+:\d+: survived drop-subtraction@\d+:\d+: a - max → a {3}\| const exponentials = scaled\.map\(\(a\) => Math\.exp\(\(a\)\)\);/);
    assert.match(text, /survived max→min@/);
    assert.match(text, /stale equivalentMutants entry constant\+1@99:1/);
    assert.match(text, /^mutation score \d+\.\d%: \d+ of \d+ non-equivalent mutants killed/m);
  });

  it("--json reports the score and the survivors as data", async () => {
    const out = captureIo(repoRoot);
    await validateCommand([path.join(__dirname, "fixtures", "mini"), "--mutants", "--json", "--min-score", "0"], out.io);
    const report = JSON.parse(out.stdout()) as { score: number; total: number; exercises: { exerciseId: string; survivors: { id: string }[] }[] };
    assert.ok(report.score > 0 && report.score < 1, String(report.score));
    assert.ok(report.exercises[0].survivors.some((s) => s.id.startsWith("drop-subtraction@")));
  });

  it("--min-score without --mutants, or outside 0..100, is a usage error", async () => {
    await assert.rejects(validateCommand([path.join(__dirname, "fixtures", "mini"), "--min-score", "90"], captureIo(repoRoot).io), /--min-score goes with --mutants/);
    await assert.rejects(validateCommand([path.join(__dirname, "fixtures", "mini"), "--mutants", "--min-score", "101"], captureIo(repoRoot).io), /percentage from 0 to 100/);
  });
});

describe("the TypeScript compiler stays out of the startup bundles", function () {
  this.timeout(60_000);
  for (const [entry, external] of [["src/cli/main.ts", []], ["src/extension/activate.ts", ["vscode"]]] as const) {
    it(`${entry}'s bundle does not contain the typescript package (only dist/mutants.js needs it)`, async () => {
      const result = await esbuild.build({
        entryPoints: [path.join(repoRoot, entry)],
        bundle: true,
        write: false,
        metafile: true,
        platform: "node",
        format: "cjs",
        external: [...external, "esbuild-wasm"],
        mainFields: ["module", "main"],
        logLevel: "silent",
      });
      const inputs = Object.keys(result.metafile.inputs);
      assert.deepEqual(inputs.filter((i) => /node_modules[\\/]typescript[\\/]|src[\\/]mutants[\\/]/.test(i)), []);
    });
  }
});
