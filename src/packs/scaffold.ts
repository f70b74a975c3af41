/**
 * The files of a new pack with one complete exercise (`compression-tutor new-pack <dir>`): small, valid, and
 * showing every part of the format an author needs first — a core-computed check, written and generated cases
 * with edge values, a misconception with its own variant, a hint ladder, a reference and a failing starter.
 */
export interface ScaffoldOptions {
  /** Pack id: lowercase letters, digits and dashes. */
  id: string;
  title: string;
  /** The compute core version this build ships; the pack asks for its major version. */
  coreVersion: string;
}

/** A file of the new pack: its path relative to the pack folder, with "/" separators, and its text. */
export interface ScaffoldFile {
  path: string;
  text: string;
}

/** "My Course 2025!" → "my-course-2025": a pack id from a folder name. Empty when nothing usable is left. */
export function packIdFrom(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
}

/** "my-course" → "My course". */
export function titleFrom(id: string): string {
  const words = id.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function scaffoldPack(options: ScaffoldOptions): ScaffoldFile[] {
  const major = options.coreVersion.split(".")[0];
  const manifest = {
    id: options.id,
    title: options.title,
    version: "0.1.0",
    coreVersion: `^${major}.0.0`,
    description: `${options.title}: exercises on the math of model compression.`,
    authors: ["Your Name"],
    license: "CC-BY-4.0",
    exercises: ["dequantize"],
  };
  const exercise = {
    id: "dequantize",
    title: "Dequantize an int8 code",
    summary: "Turn an integer code back into a real value with its scale and zero point.",
    chart: "quantization-error",
    prompt: "prompt.md",
    starter: "starter.ts",
    reference: "reference.ts",
    misconceptions: "misconceptions.ts",
    showReferenceAfterPass: true,
    hints: [
      "The zero point is an integer code, so remove it while you are still counting in codes.",
      "`x_hat = scale * (q - zeroPoint)`",
      "`dequantize(118, 0.1, 128) = 0.1 * (118 - 128) = 0.1 * -10 = -1`",
    ],
    checks: [
      {
        id: "dequantize",
        function: "dequantize",
        expected: { from: "core", fn: "dequantize" },
        comparison: { kind: "value" },
        tolerance: { abs: 1e-12, rel: 1e-12 },
        reveal: "full",
        misconceptions: [
          {
            id: "missing-parentheses",
            message: "Your value matches scale · q − zeroPoint. The zero point is counted in codes, so subtract it before scaling: scale · (q − zeroPoint).",
            variant: { from: "reference", file: "misconceptions", export: "dequantizeMissingParentheses" },
          },
        ],
        cases: [
          { id: "example", name: "dequantize(118, 0.1, 128): the worked example", input: [118, 0.1, 128] },
          { id: "zero-point-code", input: [128, 0.1, 128] },
          { id: "hidden-top-code", input: [255, 0.02, 0], reveal: "category-only" },
        ],
        generate: [
          {
            idPrefix: "random",
            seed: 1,
            count: 20,
            args: [{ int: [0, 255], edges: [0, 255] }, { choice: [0.1, 0.05, 0.02] }, { int: [0, 255], edges: [0, 0] }],
          },
        ],
      },
    ],
  };
  return [
    { path: "pack.json", text: json(manifest) },
    { path: "dequantize/exercise.json", text: json(exercise) },
    {
      path: "dequantize/prompt.md",
      text: `# Dequantize an int8 code

An int8 tensor stores each value as an integer code \`q\` together with two numbers shared by the whole tensor:
a **scale** (how much one step of the code is worth) and a **zero point** (the code that stands for 0).

Dequantizing turns a code back into the real value it stands for:

\`\`\`
x_hat = scale * (q - zeroPoint)
\`\`\`

For example, with scale 0.1 and zero point 128, the code 118 is ten steps below zero: \`0.1 * (118 - 128) = -1\`.

Write \`dequantize(q, scale, zeroPoint)\`.
`,
    },
    {
      path: "dequantize/starter.ts",
      text: `/** The real value that int8 code \`q\` stands for, given the tensor's scale and zero point. */
export function dequantize(q: number, scale: number, zeroPoint: number): number {
  throw new Error("dequantize: not implemented yet");
}
`,
    },
    {
      path: "dequantize/reference.ts",
      text: `/** The real value that int8 code \`q\` stands for, given the tensor's scale and zero point. */
export function dequantize(q: number, scale: number, zeroPoint: number): number {
  return scale * (q - zeroPoint);
}
`,
    },
    {
      path: "dequantize/misconceptions.ts",
      text: `/** Known-wrong variants, each with the learner's signature; checks name them in "misconceptions". */

/** Missing parentheses: the zero point subtracted after scaling. */
export function dequantizeMissingParentheses(q: number, scale: number, zeroPoint: number): number {
  return scale * q - zeroPoint;
}
`,
    },
  ];
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}
