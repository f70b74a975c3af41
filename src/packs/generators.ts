/**
 * Generated cases, expanded deterministically from their seed. Pure: no clock, no Math.random.
 *
 * Every value of generated case `i`, argument `j` is drawn from its own PRNG stream seeded by (seed, i, j), so
 * adding cases (a larger `count`) or changing one argument's generator leaves every other value unchanged, and
 * case ids (`<idPrefix>-<i>`) keep naming the same inputs across pack updates.
 */
import type { Json } from "../protocol/json";
import type { GenerateFile, GeneratorFile, LengthFile } from "./diskFormat";
import type { PackLimits } from "./limits";

/** A mistake in a generator that the schema cannot express (bounds in the wrong order, a bad `sameAs`). */
export interface GeneratorIssue {
  /** JSON pointer relative to the generate block, e.g. "/args/1/floatArray/length". */
  pointer: string;
  message: string;
}

const ARRAY_GENERATORS = ["floatArray", "intArray", "probabilities", "logits", "floatMatrix"] as const;

/**
 * Problems in a generate block, found before anything is generated. Empty when it can be expanded. With `limits`,
 * an argument that could produce more than `maxGeneratedValuesPerArgument` numbers for one case is one of them, so a
 * 100000 × 100000 floatMatrix is an error at its place in exercise.json, not an out-of-memory crash.
 */
export function checkGenerateBlock(block: GenerateFile, limits?: Pick<PackLimits, "maxGeneratedValuesPerArgument">): GeneratorIssue[] {
  const issues: GeneratorIssue[] = [];
  if (limits) {
    generatedVolume(block).perArgument.forEach((values, j) => {
      if (values <= limits.maxGeneratedValuesPerArgument) return;
      const arg = block.args[j];
      const kind = ARRAY_GENERATORS.find((key) => key in arg);
      const shape = kind === "floatMatrix" ? `${lengthBound(block, j, "rows")} × ${lengthBound(block, j, "cols")} = ` : "";
      issues.push({
        pointer: kind ? `/args/${j}/${kind}` : `/args/${j}`,
        message: `this generator can make ${shape}${formatCount(values)} numbers for one case, above the limit of ${formatCount(limits.maxGeneratedValuesPerArgument)}; generate smaller inputs (a few hundred values show every property a learner must get right)`,
      });
    });
  }
  block.args.forEach((arg, j) => {
    const at = `/args/${j}`;
    const range = (pointer: string, bounds: [number, number], integers: boolean, strict = false): void => {
      if (integers && !bounds.every(Number.isInteger)) issues.push({ pointer, message: `bounds must be integers, not ${JSON.stringify(bounds)}` });
      if (strict ? bounds[0] >= bounds[1] : bounds[0] > bounds[1])
        issues.push({ pointer, message: `the lower bound ${bounds[0]} must be ${strict ? "below" : "at most"} the upper bound ${bounds[1]}` });
    };
    const length = (pointer: string, spec: LengthFile): void => {
      if (Array.isArray(spec)) range(pointer, spec, true);
      else if (typeof spec === "object") {
        const k = spec.sameAs;
        if (k >= j) issues.push({ pointer: `${pointer}/sameAs`, message: `sameAs ${k} must name an earlier argument (0 to ${j - 1}) of the same case` });
        else if (!producesArray(block.args[k]))
          issues.push({ pointer: `${pointer}/sameAs`, message: `sameAs ${k}: argument ${k} is not generated as an array (use floatArray, intArray, probabilities, logits or floatMatrix)` });
      }
    };
    if ("uniform" in arg) range(`${at}/uniform`, arg.uniform, false);
    else if ("int" in arg) range(`${at}/int`, arg.int, true);
    else if ("halfInteger" in arg) range(`${at}/halfInteger`, arg.halfInteger, true, true);
    else if ("floatArray" in arg) {
      length(`${at}/floatArray/length`, arg.floatArray.length);
      range(`${at}/floatArray/uniform`, arg.floatArray.uniform, false);
    } else if ("intArray" in arg) {
      length(`${at}/intArray/length`, arg.intArray.length);
      range(`${at}/intArray/int`, arg.intArray.int, true);
    } else if ("floatMatrix" in arg) {
      length(`${at}/floatMatrix/rows`, arg.floatMatrix.rows);
      length(`${at}/floatMatrix/cols`, arg.floatMatrix.cols);
      range(`${at}/floatMatrix/uniform`, arg.floatMatrix.uniform, false);
    } else if ("probabilities" in arg) {
      const spec = arg.probabilities;
      length(`${at}/probabilities/length`, spec.length);
      const shortest = typeof spec.length === "number" ? spec.length : Array.isArray(spec.length) ? spec.length[0] : undefined;
      if (shortest !== undefined && (spec.zeros ?? 0) >= shortest)
        issues.push({ pointer: `${at}/probabilities/zeros`, message: `zeros (${spec.zeros}) must be below the shortest length (${shortest}): a distribution needs a non-zero entry` });
    } else if ("logits" in arg) length(`${at}/logits/length`, arg.logits.length);
  });
  return issues;
}

/**
 * The most numbers a generate block can produce, from the upper bounds of its lengths (before anything is drawn):
 * per argument for one case, per case, and for the whole block (`count` cases). A scalar counts 1; `const`,
 * `choice` and `edges` count the numbers written in them.
 */
export function generatedVolume(block: GenerateFile): { perArgument: number[]; perCase: number; total: number } {
  const perArgument = block.args.map((arg, j) => {
    const written = Math.max(leafCount("const" in arg ? arg.const : 0), ...("choice" in arg ? arg.choice.map(leafCount) : []), ...(arg.edges ?? []).map(leafCount));
    if ("floatMatrix" in arg) return Math.max(written, lengthBound(block, j, "rows") * lengthBound(block, j, "cols"));
    if (producesArray(arg)) return Math.max(written, lengthBound(block, j, "length"));
    return written;
  });
  const perCase = perArgument.reduce((a, b) => a + b, 0);
  return { perArgument, perCase, total: perCase * Math.max(0, block.count) };
}

/** The largest value a length of argument j can take (a sameAs chain followed back; 0 when it is invalid). */
function lengthBound(block: GenerateFile, j: number, which: "length" | "rows" | "cols", depth = 0): number {
  const arg = block.args[j] as unknown as Record<string, Record<string, LengthFile> | undefined> | undefined;
  const kind = arg && ARRAY_GENERATORS.find((key) => key in arg);
  const spec = kind ? arg[kind]?.[kind === "floatMatrix" && which === "length" ? "rows" : which] : undefined;
  if (typeof spec === "number") return spec;
  if (Array.isArray(spec)) return Math.max(0, ...spec.filter((n) => typeof n === "number"));
  if (spec && typeof spec === "object" && typeof spec.sameAs === "number" && spec.sameAs < j && depth < block.args.length)
    return lengthBound(block, spec.sameAs, "length", depth + 1);
  return 0;
}

function leafCount(value: unknown): number {
  return Array.isArray(value) ? value.reduce((n: number, item) => n + leafCount(item), 0) : 1;
}

/** 10000000000 → "10,000,000,000". */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

function producesArray(arg: GeneratorFile | undefined): boolean {
  return arg !== undefined && ARRAY_GENERATORS.some((key) => key in arg);
}

/** The inputs of every case of a generate block, in order. The block must have passed `checkGenerateBlock`. */
export function generateInputs(block: GenerateFile): Json[][] {
  const cases: Json[][] = [];
  for (let i = 0; i < block.count; i++) {
    const input: Json[] = [];
    block.args.forEach((arg, j) => {
      const edges = arg.edges;
      const value = edges && i < edges.length ? edges[i] : drawValue(arg, new Prng(streamSeed(block.seed, i, j)), input);
      input.push(value);
    });
    cases.push(input);
  }
  return cases;
}

function drawValue(arg: GeneratorFile, rng: Prng, earlier: Json[]): Json {
  if ("const" in arg) return arg.const;
  if ("uniform" in arg) return roundTo(rng.uniform(arg.uniform[0], arg.uniform[1]), arg.decimals);
  if ("int" in arg) return rng.int(arg.int[0], arg.int[1]);
  if ("halfInteger" in arg) return rng.int(arg.halfInteger[0], arg.halfInteger[1] - 1) + 0.5;
  if ("choice" in arg) return arg.choice[rng.int(0, arg.choice.length - 1)];
  if ("floatArray" in arg) {
    const { length, uniform, decimals } = arg.floatArray;
    return times(resolveLength(length, rng, earlier), () => roundTo(rng.uniform(uniform[0], uniform[1]), decimals));
  }
  if ("intArray" in arg) {
    const { length, int } = arg.intArray;
    return times(resolveLength(length, rng, earlier), () => rng.int(int[0], int[1]));
  }
  if ("floatMatrix" in arg) {
    const { rows, cols, uniform, decimals } = arg.floatMatrix;
    const rowCount = resolveLength(rows, rng, earlier);
    const colCount = resolveLength(cols, rng, earlier);
    return times(rowCount, () => times(colCount, () => roundTo(rng.uniform(uniform[0], uniform[1]), decimals)));
  }
  if ("probabilities" in arg) {
    const length = resolveLength(arg.probabilities.length, rng, earlier);
    return probabilities(length, Math.min(arg.probabilities.zeros ?? 0, length - 1), rng);
  }
  const { length, scale, offset = 0 } = arg.logits;
  // Four decimals keep inputs readable in the results table; stability cases come from scale, not precision.
  return times(resolveLength(length, rng, earlier), () => roundTo(offset + scale * rng.normal(), 4));
}

function resolveLength(spec: LengthFile, rng: Prng, earlier: Json[]): number {
  if (typeof spec === "number") return spec;
  if (Array.isArray(spec)) return rng.int(spec[0], spec[1]);
  const other = earlier[spec.sameAs];
  return Array.isArray(other) ? other.length : 0;
}

/**
 * A random distribution over `length` outcomes with exactly `zeros` zero entries (at random places), summing to 1:
 * the last non-zero entry is 1 minus the others, so a learner's sum-to-one check sees exactly 1 (summed in order).
 */
function probabilities(length: number, zeros: number, rng: Prng): number[] {
  if (length <= 0) return [];
  const zeroAt = new Set<number>();
  while (zeroAt.size < zeros) zeroAt.add(rng.int(0, length - 1));
  const weights = times(length, (k) => (zeroAt.has(k) ? 0 : -Math.log(1 - rng.next())));
  const total = weights.reduce((a, b) => a + b, 0);
  // Six decimals keep them readable; never rounded down to 0, so only the requested entries are zero.
  const p = weights.map((w) => (w === 0 ? 0 : Math.max(roundTo(w / total, 6), 1e-6)));
  let last = length - 1;
  while (zeroAt.has(last)) last--;
  let others = 0;
  for (let k = 0; k < length; k++) if (k !== last) others += p[k];
  p[last] = roundTo(1 - others, 12);
  return p;
}

function times<T>(n: number, make: (k: number) => T): T[] {
  return Array.from({ length: Math.max(0, n) }, (_, k) => make(k));
}

function roundTo(x: number, decimals: number | undefined): number {
  const rounded = decimals === undefined ? x : Number(x.toFixed(decimals));
  return rounded === 0 ? 0 : rounded; // no -0: inputs cross JSON, which cannot tell it from 0
}

/** A 32-bit seed for case `i`, argument `j` of a block: a murmur3-style mix of the three. */
export function streamSeed(seed: number, i: number, j: number): number {
  let h = seed >>> 0;
  for (const part of [i, j]) {
    let k = Math.imul(part >>> 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: small, fast, and good enough for test inputs (not for anything secret). */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Uniform integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
