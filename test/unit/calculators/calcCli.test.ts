import assert from "node:assert/strict";
import { runCalcCli } from "../../../src/calculators/calcCli";

describe("runCalcCli (compression-tutor calc, without I/O)", () => {
  it("calc memory --params 13B --format bf16 prints bytes, GB and GiB", () => {
    const out = runCalcCli(["memory", "--params", "13B", "--format", "bf16"]);
    assert.equal(out.exitCode, 0);
    assert.match(out.stdout, /weights\s+26 GB \(24\.21 GiB, 26,000,000,000 bytes\)/);
  });
  it("--flag=value and negative values after a flag are read", () => {
    const out = runCalcCli(["qparams", "--min", "-1", "--max=2", "--signed", "unsigned", "--json"]);
    assert.equal(out.exitCode, 0, out.stderr);
    assert.equal(JSON.parse(out.stdout).values.zeroPoint, 85);
  });
  it("--json prints the figures as JSON", () => {
    const out = runCalcCli(["softmax", "--logits", "[2, 0]", "--temperature", "2", "--json"]);
    const parsed = JSON.parse(out.stdout);
    assert.equal(parsed.calculator, "softmax");
    assert.equal(parsed.values.probabilities.length, 2);
  });
  it("bad input exits 2 with the flag and the reason, on stderr only", () => {
    const out = runCalcCli(["softmax", "--temperature", "-1"]);
    assert.equal(out.exitCode, 2);
    assert.equal(out.stdout, "");
    assert.match(out.stderr, /^compression-tutor calc softmax: --temperature: temperature must be greater than 0 \(got -1\)/);
  });
  it("an unknown flag exits 2 and lists the flags", () => {
    const out = runCalcCli(["memory", "--parms", "7B"]);
    assert.equal(out.exitCode, 2);
    assert.match(out.stderr, /unknown flag --parms; it takes --params, --format, --group-size/);
  });
  it("a flag without a value, a repeated flag and a bare word exit 2", () => {
    assert.match(runCalcCli(["memory", "--params"]).stderr, /--params needs a value/);
    assert.match(runCalcCli(["memory", "--params", "7B", "--params", "8B"]).stderr, /--params is given twice/);
    assert.match(runCalcCli(["memory", "7B"]).stderr, /unexpected argument "7B"/);
  });
  it("an unknown or missing calculator exits 2 and names the calculators", () => {
    assert.match(runCalcCli(["memroy"]).stderr, /unknown calculator "memroy"; choose one of quantize, qparams, memory, softmax, divergence, distillation/);
    assert.equal(runCalcCli([]).exitCode, 2);
  });
  it("--help lists the calculators, and <name> --help lists its flags with defaults and examples", () => {
    const overview = runCalcCli(["--help"]);
    assert.equal(overview.exitCode, 0);
    assert.match(overview.stdout, /memory\s+Model Memory/);
    const help = runCalcCli(["memory", "--help"]);
    assert.equal(help.exitCode, 0);
    assert.match(help.stdout, /--group-size <128>/);
    assert.match(help.stdout, /One of: fp32, bf16, fp16, fp8, int8, int4, nf4, q4_0, q8_0\. Default: int4\./);
    assert.match(help.stdout, /Examples:\n  compression-tutor calc memory/);
  });
  it("every example in every --help runs and exits 0", () => {
    for (const name of ["quantize", "qparams", "memory", "softmax", "divergence", "distillation"]) {
      const examples = runCalcCli([name, "--help"]).stdout.split("Examples:\n")[1].trim().split("\n");
      for (const example of examples) {
        const args = shellWords(example.trim()).slice(2);
        const out = runCalcCli(args);
        assert.equal(out.exitCode, 0, `${example}: ${out.stderr}`);
      }
    }
  });
});

/** Splits an example line the way a POSIX shell would for these simple cases (single quotes only). */
function shellWords(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]);
}
