/** A small valid pack as data, which tests copy and break one way at a time. */
export const CATALOG = {
  version: "1.4.0",
  functions: new Set(["quantize", "dequantize", "softmax", "klDivergence"]),
};

export function manifest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "course",
    title: "Course",
    version: "1.0.0",
    coreVersion: "^1.0.0",
    description: "A test pack.",
    authors: ["Tests"],
    license: "MIT",
    exercises: ["dequantize"],
    ...overrides,
  };
}

export function exercise(overrides: Record<string, unknown> = {}, checkOverrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "dequantize",
    title: "Dequantize",
    summary: "Turn a code back into a value.",
    prompt: "prompt.md",
    starter: "starter.ts",
    reference: "reference.ts",
    misconceptions: "misconceptions.ts",
    hints: ["nudge", "formula", "worked example"],
    checks: [
      {
        id: "dequantize",
        function: "dequantize",
        expected: { from: "core", fn: "dequantize" },
        misconceptions: [{ id: "no-parens", message: "Subtract the zero point first.", variant: { from: "reference", export: "dequantizeNoParens" } }],
        cases: [{ id: "seed", input: [118, 0.1, 128] }],
        ...checkOverrides,
      },
    ],
    ...overrides,
  };
}

export const STARTER = "export function dequantize(q: number, scale: number, zeroPoint: number): number {\n  throw new Error('todo');\n}\n";
export const REFERENCE = "export function dequantize(q: number, scale: number, zeroPoint: number): number {\n  return scale * (q - zeroPoint);\n}\n";
export const MISCONCEPTIONS = "export function dequantizeNoParens(q: number, scale: number, zeroPoint: number): number {\n  return scale * q - zeroPoint;\n}\n";

/** Files of a pack at `root` with one exercise folder, as a path → text map. */
export function packFiles(root: string, options: { manifest?: object; exercise?: object; files?: Record<string, string> } = {}): Record<string, string> {
  return {
    [`${root}/pack.json`]: JSON.stringify(options.manifest ?? manifest(), null, 2),
    [`${root}/dequantize/exercise.json`]: JSON.stringify(options.exercise ?? exercise(), null, 2),
    [`${root}/dequantize/prompt.md`]: "# Dequantize\n\nWrite `dequantize`.\n",
    [`${root}/dequantize/starter.ts`]: STARTER,
    [`${root}/dequantize/reference.ts`]: REFERENCE,
    [`${root}/dequantize/misconceptions.ts`]: MISCONCEPTIONS,
    ...Object.fromEntries(Object.entries(options.files ?? {}).map(([k, v]) => [`${root}/${k}`, v])),
  };
}
