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
 * findings so the caller can tell which parts are sound). `ok: false` with a `failure`: the file could not be used
 * at all, and the caller reports it where the file is named. `ok: false` alone: the problems are reported inside
 * the file (bad UTF-8, too deep, syntax).
 */
export type PackJsonResult = { ok: true; doc: JsonDocument; schemaIssues: SchemaIssue[] } | { ok: false; failure?: PackFileFailure };

/**
 * The one way a pack's JSON file is read: read within the pack's limits → decode strict UTF-8 (a BOM allowed) →
 * refuse nesting past the limit → parse → syntax errors → forbidden keys (`__proto__`, `constructor`,
 * `prototype`) → duplicate keys → schema. Every problem is placed at its file:line:column.
 *
 * @param skipSchemaIssue leaves out a schema finding the caller reports better itself (the issue still counts in
 *   `schemaIssues`)
 */
export async function readPackJson(
  ctx: PackJsonContext,
  file: string,
  kind: SchemaKind,
  skipSchemaIssue: (issue: SchemaIssue, value: unknown) => boolean = () => false,
): Promise<PackJsonResult> {
  const { problems } = ctx;
  const read = await readPackFile(ctx.fs, ctx.realRoot, file, ctx.limits);
  if (!read.ok) {
    if (read.kind !== "invalid-text") return { ok: false, failure: read };
    const { code, message } = describeFileFailure(read, kind === "pack" ? "pack.json" : "exercise.json");
    problems.atRange(file, { start: read.position, end: read.position }, code, message);
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
    if (skipSchemaIssue(issue, doc.value)) continue;
    problems.atPointer(file, doc, issue.pointer, "schema", issue.message, "error", issue.at);
  }
  return { ok: true, doc, schemaIssues };
}
