import type { ErrorObject, ValidateFunction } from "ajv";
import * as generated from "./schemaValidators.generated";
import packSchema from "../../../exercises/schema/pack.schema.json";
import exerciseSchema from "../../../exercises/schema/exercise.schema.json";
import { closestName } from "../nameSuggestions";

/** One schema violation, phrased for a pack author and placed by JSON pointer. */
export interface SchemaIssue {
  pointer: string;
  /** Whether the problem is best shown on the property's name (unknown property) or on its value. */
  at: "key" | "value";
  message: string;
}

export type SchemaKind = "pack" | "exercise";

type SchemaNode = Record<string, unknown>;

/**
 * Validates pack.json and exercise.json against the same schema files VS Code uses for completion
 * (`exercises/schema/`), and turns ajv's errors into one readable message per mistake. The raw errors of a
 * failed `oneOf` (one per branch) are replaced by the errors of the branch the author evidently meant.
 */
export class PackSchemaValidator {
  /**
   * Compiled at build time (scripts/build-schema-validators.mjs), so no schema is compiled at run time;
   * constructing a validator costs nothing.
   */
  private readonly validators: Record<SchemaKind, ValidateFunction> = { pack: generated.pack, exercise: generated.exercise };
  /**
   * Where every sub-schema lives ("<$id>#/definitions/…"), keyed by its JSON text: the generated code holds
   * its own copies of the schemas, so a failed oneOf's parentSchema is found by content. Two sub-schemas with
   * the same text validate alike, so either location serves. Built on the first failed oneOf.
   */
  private locations: Map<string, string> | undefined;

  validate(kind: SchemaKind, value: unknown): SchemaIssue[] {
    const validate = this.validators[kind];
    if (validate(value)) return [];
    return this.explain("", validate.errors ?? []);
  }

  private branch(ref: string): ValidateFunction {
    const validate = generated.oneOfBranches[ref];
    if (!validate) throw new Error(`PackSchemaValidator: no validator generated for ${ref}; run node scripts/build-schema-validators.mjs`);
    return validate;
  }

  private locationOf(schema: object): string | undefined {
    if (!this.locations) {
      this.locations = new Map();
      indexSubschemas(packSchema, `${packSchema.$id}#`, this.locations);
      indexSubschemas(exerciseSchema, `${exerciseSchema.$id}#`, this.locations);
    }
    return this.locations.get(JSON.stringify(schema));
  }

  /** Readable issues for ajv errors of `value`, whose pointers are relative to `base`. */
  private explain(base: string, errors: ErrorObject[]): SchemaIssue[] {
    const failedOneOfs = errors.filter((e) => e.keyword === "oneOf");
    // Outermost first, so that a oneOf nested inside another is handled by the outer one's re-validation.
    failedOneOfs.sort((a, b) => a.instancePath.length - b.instancePath.length);
    const handled: string[] = [];
    const issues: SchemaIssue[] = [];
    for (const failed of failedOneOfs) {
      if (handled.some((p) => isAtOrUnder(failed.instancePath, p))) continue;
      handled.push(failed.instancePath);
      issues.push(...this.explainOneOf(failed, base));
    }
    for (const error of errors) {
      if (error.keyword === "oneOf" || error.keyword === "uniqueItems") continue; // uniqueness: reported with positions by the loader
      const owner = handled.find((p) => isAtOrUnder(error.instancePath, p));
      if (owner !== undefined && !isOwnKeywordOf(error, failedOneOfs.find((f) => f.instancePath === owner)!)) continue;
      issues.push(describe(error, base));
    }
    return dedupe(issues);
  }

  private explainOneOf(failed: ErrorObject, base: string): SchemaIssue[] {
    const pointer = base + failed.instancePath;
    const branches = (failed.schema as SchemaNode[]) ?? [];
    const data = failed.data;
    const candidates = branches.map((b, i) => ({ b, i })).filter(({ b }) => typeAccepts(b.type, data));
    if (candidates.length === 0) {
      const types = [...new Set(branches.map((b) => article(String(b.type ?? "object"))))];
      return [{ pointer, at: "value", message: `must be ${types.join(" or ")}, not ${typeName(data)}` }];
    }
    let chosen = candidates.length === 1 ? candidates[0].i : -1;
    if (chosen < 0 && typeof data === "object" && data !== null && !Array.isArray(data)) {
      const record = data as Record<string, unknown>;
      const discriminator = constDiscriminator(branches);
      if (discriminator) {
        chosen = branches.findIndex((b) => constOf(b, discriminator) === record[discriminator]);
        if (chosen < 0) {
          const allowed = branches.map((b) => JSON.stringify(constOf(b, discriminator))).join(", ");
          return record[discriminator] === undefined
            ? [{ pointer, at: "value", message: `missing property "${discriminator}" (one of ${allowed})` }]
            : [{ pointer: `${pointer}/${discriminator}`, at: "value", message: `must be one of ${allowed}` }];
        }
      } else {
        chosen = branches.findIndex((b) => ((b.required as string[]) ?? []).every((key) => key in record));
        if (chosen < 0) {
          const forms = branches.map((b) => `"${((b.required as string[]) ?? [])[0]}"`).join(", ");
          return [{ pointer, at: "value", message: `must have exactly one of the properties ${forms}` }];
        }
      }
    }
    if (chosen < 0) chosen = candidates[0].i;
    const holder = this.locationOf(failed.parentSchema as object);
    if (holder === undefined) throw new Error(`PackSchemaValidator: no location for the schema at ${failed.schemaPath}`);
    const validate = this.branch(`${holder}/oneOf/${chosen}`);
    if (validate(data)) return [];
    return this.explain(pointer, validate.errors ?? []);
  }
}

function indexSubschemas(node: unknown, location: string, into: Map<string, string>): void {
  if (typeof node !== "object" || node === null) return;
  const key = JSON.stringify(node);
  if (!into.has(key)) into.set(key, location);
  for (const [key, child] of Object.entries(node)) indexSubschemas(child, `${location}/${escapePointer(key)}`, into);
}

/** Errors of the schema that holds the oneOf (its type, its required list, its shared properties) still count. */
function isOwnKeywordOf(error: ErrorObject, oneOf: ErrorObject): boolean {
  const holder = oneOf.schemaPath.replace(/\/oneOf$/, "");
  if (!error.schemaPath.startsWith(holder + "/") || error.schemaPath.startsWith(holder + "/oneOf")) return false;
  return error.instancePath === oneOf.instancePath || error.schemaPath.startsWith(holder + "/properties/");
}

/** Whether a branch's "type" (absent: any) admits the value. */
function typeAccepts(type: unknown, value: unknown): boolean {
  if (type === undefined) return true;
  const types = Array.isArray(type) ? type.map(String) : [String(type)];
  const actual = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
  return types.some((t) => t === actual || (t === "integer" && Number.isInteger(value)) || (t === "number" && actual === "number"));
}

function isAtOrUnder(pointer: string, parent: string): boolean {
  return pointer === parent || pointer.startsWith(parent + "/");
}

/** The property every branch pins with `const` ("from", "kind"), when there is one. */
function constDiscriminator(branches: SchemaNode[]): string | undefined {
  const first = branches[0]?.properties as Record<string, SchemaNode> | undefined;
  if (!first) return undefined;
  return Object.keys(first).find((key) => branches.every((b) => constOf(b, key) !== undefined));
}

function constOf(branch: SchemaNode, key: string): unknown {
  return ((branch.properties as Record<string, SchemaNode> | undefined)?.[key] as SchemaNode | undefined)?.const;
}

function describe(error: ErrorObject, base: string): SchemaIssue {
  const pointer = base + error.instancePath;
  const params = error.params as Record<string, unknown>;
  const parent = (error.parentSchema ?? {}) as SchemaNode;
  switch (error.keyword) {
    case "required":
      return { pointer, at: "value", message: `missing property "${String(params.missingProperty)}"` };
    case "additionalProperties": {
      const name = String(params.additionalProperty);
      const allowed = Object.keys((parent.properties as object) ?? {}).filter((k) => k !== "$schema");
      const suggestion = closestName(name, allowed);
      const hint = suggestion ? `; did you mean "${suggestion}"?` : allowed.length ? ` (allowed: ${allowed.join(", ")})` : "";
      return { pointer: `${pointer}/${escapePointer(name)}`, at: "key", message: `unknown property "${name}"${hint}` };
    }
    case "type":
      return { pointer, at: "value", message: `must be ${article(String(params.type))}, not ${typeName(error.data)}` };
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ");
      return { pointer, at: "value", message: `must be one of ${allowed}, not ${JSON.stringify(error.data)}` };
    }
    case "const":
      return { pointer, at: "value", message: `must be ${JSON.stringify(params.allowedValue)}` };
    case "pattern": {
      const friendly = typeof parent.patternErrorMessage === "string" ? parent.patternErrorMessage : `must match ${String(params.pattern)}`;
      return { pointer, at: "value", message: `${JSON.stringify(error.data)}: ${friendly}` };
    }
    default:
      return { pointer, at: "value", message: error.message ?? `fails the schema's "${error.keyword}" rule` };
  }
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

function article(type: string): string {
  const names: Record<string, string> = {
    object: "an object",
    array: "an array",
    string: "a string",
    number: "a number",
    integer: "an integer",
    boolean: "true or false",
    null: "null",
  };
  return type.split(",").map((t) => names[t] ?? t).join(" or ");
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  if (typeof value === "object") return "an object";
  return String(value);
}

function dedupe(issues: SchemaIssue[]): SchemaIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.pointer}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
