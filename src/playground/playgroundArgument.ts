/**
 * The argument of "Compression Tutor: Open Playground", checked as untrusted input: other commands, other
 * extensions and keybindings can pass anything. Pure (no vscode), so the unit tests reach every branch.
 */
import { PLAYGROUND_MAX_VALUES, type PlaygroundTensor } from "../protocol/playgroundMessages";
import { resolvePreset } from "../../media/playground/model/presets";

export interface PlaygroundRequest {
  /** A preset id, resolved (an exercise id of the built-in pack resolves to its preset). */
  preset?: string;
  tensor?: PlaygroundTensor;
}

export type ParsedPlaygroundArgument = { ok: true; request: PlaygroundRequest } | { ok: false; error: string };

const MAX_NAME = 200;
const MAX_DIMENSIONS = 8;
const FLOAT32_MAX = 3.4028234663852886e38;

function fail(error: string): ParsedPlaygroundArgument {
  return { ok: false, error: `Open Playground: ${error}` };
}

function isIndexable(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/**
 * `undefined` (the palette), or `{ preset?: string, tensor?: { name, shape, values } }`. Unknown fields are
 * ignored; a bad field is an error that names it, and nothing opens.
 */
export function parsePlaygroundArgument(arg: unknown): ParsedPlaygroundArgument {
  if (arg === undefined || arg === null) return { ok: true, request: {} };
  if (typeof arg !== "object" || Array.isArray(arg)) return fail(`the argument must be an object { preset?, tensor? }, got ${Array.isArray(arg) ? "an array" : typeof arg}`);
  const { preset, tensor } = arg as Record<string, unknown>;
  const request: PlaygroundRequest = {};
  if (preset !== undefined) {
    if (typeof preset !== "string" || preset.length > 100) return fail("preset must be a preset id or an exercise id (a short string)");
    const found = resolvePreset(preset);
    if (!found) return fail(`there is no preset "${preset}"`);
    request.preset = found.id;
  }
  if (tensor !== undefined) {
    const parsed = parseTensor(tensor);
    if (typeof parsed === "string") return fail(parsed);
    request.tensor = parsed;
  }
  return { ok: true, request };
}

function parseTensor(tensor: unknown): PlaygroundTensor | string {
  if (tensor === null || typeof tensor !== "object" || Array.isArray(tensor)) return "tensor must be an object { name, shape, values }";
  const { name, shape, values } = tensor as Record<string, unknown>;
  if (typeof name !== "string" || name.length === 0 || name.length > MAX_NAME) return `tensor.name must be a non-empty string of at most ${MAX_NAME} characters`;
  if (!Array.isArray(shape) || shape.length === 0 || shape.length > MAX_DIMENSIONS) return `tensor.shape must be an array of 1 to ${MAX_DIMENSIONS} dimensions`;
  let count = 1;
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i];
    if (typeof d !== "number" || !Number.isSafeInteger(d) || d < 1) return `tensor.shape[${i}] must be a positive integer, got ${JSON.stringify(d) ?? String(d)}`;
    count *= d;
    if (count > PLAYGROUND_MAX_VALUES) return `tensor "${name}" has more than ${PLAYGROUND_MAX_VALUES} values (shape [${shape.join(", ")}]); pick a smaller tensor or a slice`;
  }
  if (!isIndexable(values)) return "tensor.values must be an array of numbers";
  if (values.length !== count) return `tensor.values has ${values.length} values, but shape [${shape.join(", ")}] needs ${count}`;
  const copy = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v)) return `tensor.values[${i}] must be a finite number, got ${typeof v === "number" ? String(v) : typeof v}`;
    if (Math.abs(v) > FLOAT32_MAX) return `tensor.values[${i}] (${v}) does not fit in float32`;
    copy[i] = v;
  }
  return { name, shape: shape.slice() as number[], values: copy };
}
