import type { PackFileSystem } from "../fileSystem";
import type { PackLimits } from "../limits";
import type { ProblemList } from "../problems";
import { describeFileFailure, readPackFile, type PackFileFailure } from "../readPackFile";
import { JsonDocument } from "./jsonDocument";
import type { PackSchemaValidator, SchemaIssue, SchemaKind } from "./schemaValidator";

export interface PackJsonContext {
  fs: PackFileSystem;
  realRoot: string;
  limits: PackLimits;
  validator: PackSchemaValidator;
  problems: ProblemList;
}

/**
 * `ok: true`: the file parsed (its key and schema problems are already reported; `schemaIssues` lists the schema's
 * findings so the caller can tell which parts are sound). `ok: false`: the file could not be used, and why is
 * already reported.
 */
export type PackJsonResult = { ok: true; doc: JsonDocument; schemaIssues: SchemaIssue[] } | { ok: false };

export interface PackJsonOptions {
  /**
   * Reports these failures to use the file itself where the caller names the file (the manifest's list, for an
   * exercise), in the caller's words; any other failure is reported at the file.
   */
  whereNamed?: { [K in PackFileFailure["kind"]]?: (failure: Extract<PackFileFailure, { kind: K }>) => void };
  /** Leaves out a schema finding the caller reports better itself (the issue still counts in `schemaIssues`). */
  skipSchemaIssue?: (issue: SchemaIssue, value: unknown) => boolean;
}

/**
 * The one way a pack's JSON file is read: read within the pack's limits → decode strict UTF-8 (a BOM allowed) →
 * refuse nesting past the limit → parse → syntax errors → forbidden keys (`__proto__`, `constructor`,
 * `prototype`) → duplicate keys → schema. Every problem is placed at its file:line:column; a file that cannot be
 * used at all, at the file or where the caller names it (`options.whereNamed`).
 */
export async function readPackJson(ctx: PackJsonContext, file: string, kind: SchemaKind, options: PackJsonOptions = {}): Promise<PackJsonResult> {
  const { problems } = ctx;
  const read = await readPackFile(ctx.fs, ctx.realRoot, file, ctx.limits);
  if (!read.ok) {
    const reportWhereNamed = options.whereNamed?.[read.kind] as ((failure: PackFileFailure) => void) | undefined;
    if (reportWhereNamed) reportWhereNamed(read);
    else {
      const { code, message } = describeFileFailure(read, kind === "pack" ? "pack.json" : "exercise.json");
      if (read.kind === "invalid-text") problems.atRange(file, { start: read.position, end: read.position }, code, message);
      else problems.inFile(file, code, message);
    }
    return { ok: false };
  }

  const doc = new JsonDocument(read.text, ctx.limits.maxJsonDepth);
  if (doc.syntaxErrors.length > 0) {
    for (const e of doc.syntaxErrors) problems.atRange(file, e.range, e.code, e.message);
    return { ok: false };
  }
  for (const forbidden of doc.forbiddenKeys())
    problems.atRange(
      file,
      forbidden.range,
      "forbidden-key",
      `the property name "${forbidden.key}" is not allowed (in JavaScript it reaches an object's prototype); rename or remove it`,
      "error",
      forbidden.pointer,
    );
  for (const duplicate of doc.duplicateKeys())
    problems.atRange(file, duplicate.range, "duplicate-key", `property "${duplicate.key}" appears twice in the same object; only the first is used, so remove one`, "error", duplicate.pointer);
  const schemaIssues = ctx.validator.validate(kind, doc.value);
  for (const issue of schemaIssues) {
    if (options.skipSchemaIssue?.(issue, doc.value)) continue;
    problems.atPointer(file, doc, issue.pointer, "schema", issue.message, "error", issue.at);
  }
  return { ok: true, doc, schemaIssues };
}
