import type { CaseSpec, CheckSpec, ExerciseSpec, Misconception, ValueSource } from "../protocol/exercise";
import type { Json } from "../protocol/json";
import { caseName } from "./caseNames";
import type { CoreCatalog } from "./coreCatalog";
import type { CaseFile, CheckFile, ExerciseFile } from "./diskFormat";
import type { PackFileSystem } from "./fileSystem";
import { checkGenerateBlock, formatCount, generatedVolume, generateInputs } from "./generators";
import type { JsonDocument } from "./json/jsonDocument";
import { readPackJson } from "./json/readPackJson";
import type { PackSchemaValidator } from "./json/schemaValidator";
import type { PackLimits } from "./limits";
import { closestName } from "./nameSuggestions";
import type { ProblemList } from "./problems";
import { findRawHtml } from "./promptHtml";
import { describeFileFailure, escapesLexically, readPackFile } from "./readPackFile";
import { scanExports, type ExportScan } from "../sourceScan/scanExports";

/** Everything parsing one exercise needs from the pack around it. */
export interface ExerciseContext {
  fs: PackFileSystem;
  realRoot: string;
  limits: PackLimits;
  catalog: CoreCatalog;
  validator: PackSchemaValidator;
  problems: ProblemList;
  /** Where the manifest lists this exercise, for problems about the folder itself. */
  manifest: { file: string; doc: JsonDocument; pointer: string };
  /** Numbers the generators of earlier exercises of the pack may produce, against `limits.maxGeneratedValuesPerPack`. */
  generatedSoFar: { values: number };
  /** Receives this exercise's parsed exercise.json, by id. */
  exerciseJson: Map<string, { file: string; doc: JsonDocument }>;
}

const FILE_KEYS = ["prompt", "starter", "reference", "misconceptions"] as const;
type FileKey = (typeof FILE_KEYS)[number];

/**
 * Parses `<folder>/exercise.json` and the files it names into an ExerciseSpec, reporting every problem found.
 * Returns undefined when the exercise has errors (its warnings alone do not stop it).
 */
export async function parseExercise(ctx: ExerciseContext, folder: string, id: string): Promise<ExerciseSpec | undefined> {
  const { fs, problems, manifest } = ctx;
  const errorsBefore = problems.errorCount;
  const atManifest = (code: string, message: string): void => problems.atPointer(manifest.file, manifest.doc, manifest.pointer, code, message);

  const folderEntry = await fs.stat(folder);
  if (!folderEntry) {
    atManifest("missing-exercise", `exercise "${id}" is listed, but the pack has no folder "${id}"; create it with an exercise.json, or remove "${id}" from the list`);
    return undefined;
  }
  const exerciseFile = fs.join(folder, "exercise.json");
  // A file path that leaves the folder is reported below as path-escape, not also as a schema pattern mismatch.
  const leavesFolder = (pointer: string, value: unknown): boolean => {
    const key = pointer.slice(1);
    const relative = value && typeof value === "object" && (FILE_KEYS as readonly string[]).includes(key) ? (value as Record<string, unknown>)[key] : undefined;
    return typeof relative === "string" && escapesLexically(relative);
  };
  const read = await readPackJson(ctx, exerciseFile, "exercise", {
    whereNamed: {
      missing: () => atManifest("missing-file", `the folder "${id}" has no exercise.json; every listed exercise needs one`),
      escapes: (failure) => atManifest("path-escape", describeFileFailure(failure, `${id}/exercise.json`).message),
    },
    skipSchemaIssue: (issue, value) => leavesFolder(issue.pointer, value),
  });
  if (!read.ok) return undefined;
  const { doc, schemaIssues } = read;
  ctx.exerciseJson.set(id, { file: exerciseFile, doc });

  const value = doc.value as Record<string, unknown>;
  const escaped = new Set<string>();
  for (const key of FILE_KEYS) {
    const relative = value && typeof value === "object" ? value[key] : undefined;
    if (typeof relative === "string" && escapesLexically(relative)) {
      escaped.add(`/${key}`);
      problems.atPointer(exerciseFile, doc, `/${key}`, "path-escape", `"${relative}" leaves the exercise folder; name a file inside "${id}/", such as ${key === "prompt" ? "prompt.md" : `${key}.ts`}`);
    }
  }

  const exercise = (doc.value ?? {}) as ExerciseFile;
  const at = (pointer: string, code: string, message: string, severity: "error" | "warning" = "error"): void =>
    problems.atPointer(exerciseFile, doc, pointer, code, message, severity);
  const sound = (pointer: string): boolean => !schemaIssues.some((i) => i.pointer === pointer) && !escaped.has(pointer);

  // The folder and file checks need only the top-level strings, so they run even when the schema failed
  // elsewhere: one run lists a misspelt property and a missing file together.
  if (typeof exercise.id === "string" && sound("/id") && exercise.id !== id)
    at("/id", "id-mismatch", `id "${exercise.id}" differs from its folder name "${id}"; the manifest lists folders by id, so rename one to match the other`);

  const texts: Partial<Record<FileKey, { text: string; path: string }>> = {};
  for (const key of FILE_KEYS) {
    const relative = exercise[key];
    if (typeof relative !== "string" || !sound(`/${key}`)) continue;
    const path = fs.join(folder, ...relative.split(/[\\/]/));
    const file = await readPackFile(fs, ctx.realRoot, path, ctx.limits);
    if (file.ok) texts[key] = { text: file.text, path };
    else {
      const { code, message } = describeFileFailure(file, relative);
      // Bad text is reported where it is in the file; every other failure where exercise.json names the file.
      if (file.kind === "invalid-text") problems.atRange(path, { start: file.position, end: file.position }, code, message);
      else at(`/${key}`, code, message);
    }
  }

  // Everything below reads the checks, which only a schema-valid file describes reliably.
  if (problems.errorCount > errorsBefore && schemaIssues.length > 0) return undefined;

  if (texts.prompt) {
    for (const html of findRawHtml(texts.prompt.text)) {
      problems.atRange(
        texts.prompt.path,
        { start: html.start, end: html.end },
        "prompt-html",
        `raw HTML (${html.snippet}) is shown as plain text, never rendered; use markdown instead`,
        "warning",
      );
    }
  }
  if (exercise.hints.length < 3)
    at("/hints", "hint-ladder", `${exercise.hints.length} hint(s); a full ladder has three (a nudge, then the formula, then a worked example)`, "warning");

  const scans: Partial<Record<FileKey, ExportScan>> = {};
  for (const key of ["starter", "reference", "misconceptions"] as const) if (texts[key]) scans[key] = scanExports(texts[key]!.text);

  const generate = withinGeneratedLimits(exercise, ctx, at);
  const checks: CheckSpec[] = [];
  const checkIds = new Set<string>();
  exercise.checks.forEach((check, i) => {
    const base = `/checks/${i}`;
    if (checkIds.has(check.id)) at(`${base}/id`, "duplicate-id", `check id "${check.id}" is used by an earlier check of this exercise; ids must be unique`);
    checkIds.add(check.id);
    const scope: CheckScope = { exercise, check, base, at, catalog: ctx.catalog, scans, limits: ctx.limits, generate };
    const spec = buildCheck(scope);
    if (spec) checks.push(spec);
  });

  if (problems.errorCount > errorsBefore) return undefined;
  return {
    id: exercise.id,
    title: exercise.title,
    summary: exercise.summary,
    prompt: texts.prompt!.text,
    starter: texts.starter!.text,
    ...(texts.reference ? { reference: texts.reference.text } : {}),
    ...(texts.misconceptions ? { misconceptions: texts.misconceptions.text } : {}),
    hints: exercise.hints,
    showReferenceAfterPass: exercise.showReferenceAfterPass ?? false,
    checks,
    chart: exercise.chart ?? "none",
    ...(exercise.chartArgs ? { chartArgs: exercise.chartArgs } : {}),
    ...(exercise.furtherReading ? { furtherReading: exercise.furtherReading } : {}),
    sourceFiles: {
      exercise: exerciseFile,
      prompt: texts.prompt!.path,
      starter: texts.starter!.path,
      ...(texts.reference ? { reference: texts.reference.path } : {}),
      ...(texts.misconceptions ? { misconceptions: texts.misconceptions.path } : {}),
    },
  };
}

interface CheckScope {
  exercise: ExerciseFile;
  check: CheckFile;
  base: string;
  at: (pointer: string, code: string, message: string, severity?: "error" | "warning") => void;
  catalog: CoreCatalog;
  scans: Partial<Record<FileKey, ExportScan>>;
  limits: PackLimits;
  /** False when the exercise's generators together exceed a limit: nothing is generated (the error is reported). */
  generate: boolean;
}

/**
 * Whether every generate block of the exercise may be expanded: the numbers all of them can produce (from the
 * upper bounds of their lengths, before anything is drawn) stay within the exercise's and the pack's limits.
 * The block that crosses a limit gets the error.
 */
function withinGeneratedLimits(exercise: ExerciseFile, ctx: ExerciseContext, at: (pointer: string, code: string, message: string) => void): boolean {
  const { limits, generatedSoFar } = ctx;
  let exerciseTotal = 0;
  for (const [i, check] of exercise.checks.entries()) {
    for (const [g, block] of (check.generate ?? []).entries()) {
      const { perArgument, total } = generatedVolume(block);
      if (perArgument.some((values) => values > limits.maxGeneratedValuesPerArgument)) continue; // that argument's own error
      exerciseTotal += total;
      const pointer = `/checks/${i}/generate/${g}`;
      if (exerciseTotal > limits.maxGeneratedValuesPerExercise) {
        at(
          pointer,
          "generated-too-large",
          `with this block the generated cases of the exercise hold up to ${formatCount(exerciseTotal)} numbers, above the limit of ${formatCount(limits.maxGeneratedValuesPerExercise)} per exercise; lower "count" or the lengths`,
        );
        return false;
      }
      if (generatedSoFar.values + exerciseTotal > limits.maxGeneratedValuesPerPack) {
        at(
          pointer,
          "generated-too-large",
          `with this block the generated cases of the pack hold up to ${formatCount(generatedSoFar.values + exerciseTotal)} numbers, above the limit of ${formatCount(limits.maxGeneratedValuesPerPack)} per pack; lower "count" or the lengths`,
        );
        return false;
      }
    }
  }
  generatedSoFar.values += exerciseTotal;
  return true;
}

function buildCheck(scope: CheckScope): CheckSpec | undefined {
  const { check, base, at, scans } = scope;
  const literal = check.expected.from === "literal";
  const cases: CaseSpec[] = [];
  const usedIds = new Map<string, string>();
  const claim = (caseId: string, pointer: string, owner: string): boolean => {
    const earlier = usedIds.get(caseId);
    if (earlier !== undefined) {
      const which = owner === "" ? `case id "${caseId}"` : `case id "${caseId}" ${owner}`;
      at(pointer, "duplicate-id", `${which} is already used by ${earlier} in check "${check.id}"; ids must be unique (progress and grades are keyed by them)`);
      return false;
    }
    usedIds.set(caseId, owner === "" ? "an earlier case" : owner);
    return true;
  };

  (check.cases ?? []).forEach((written: CaseFile, k) => {
    const pointer = `${base}/cases/${k}`;
    claim(written.id, `${pointer}/id`, "");
    if (literal && written.expected === undefined)
      at(pointer, "missing-expected", `case "${written.id}" has no "expected" value, which a check with { "from": "literal" } needs`);
    if (!literal && written.expected !== undefined)
      at(`${pointer}/expected`, "ignored-expected", `case "${written.id}" has an "expected" value, but the check takes expected values from "${check.expected.from}"; remove it or make the check literal`, "warning");
    cases.push({
      id: written.id,
      name: written.name ?? caseName(check.function, written.input),
      input: written.input,
      ...(written.expected !== undefined ? { expected: written.expected } : {}),
      ...(written.reveal ? { reveal: written.reveal } : {}),
    });
  });

  (check.generate ?? []).forEach((block, g) => {
    const pointer = `${base}/generate/${g}`;
    if (literal) {
      at(pointer, "literal-generated", `generated cases have no written expected value; take expected values from the core or the reference solution, or write these cases out`);
      return;
    }
    const issues = checkGenerateBlock(block, scope.limits);
    for (const issue of issues) at(pointer + issue.pointer, "generator", issue.message);
    if (issues.length > 0 || !scope.generate) return;
    generateInputs(block).forEach((input, n) => {
      const caseId = `${block.idPrefix}-${n}`;
      if (!claim(caseId, `${pointer}/idPrefix`, `(generated from idPrefix "${block.idPrefix}")`)) return;
      cases.push({ id: caseId, name: caseName(check.function, input), input, generated: true, ...(block.reveal ? { reveal: block.reveal } : {}) });
    });
  });

  // A check whose generate blocks were refused has their errors already; "no cases" would only repeat them.
  if (cases.length === 0 && !literal && (check.generate ?? []).length === 0) at(base, "no-cases", `check "${check.id}" has no cases; add "cases" or a "generate" block`);
  else if (cases.length === 0 && (check.generate ?? []).length === 0) at(base, "no-cases", `check "${check.id}" has no cases; add "cases" with expected values`);

  const starterScan = scans.starter;
  if (starterScan?.complete && !starterScan.names.has(check.function))
    at(`${base}/function`, "starter-missing-export", `the starter does not export "${check.function}"; export a stub of it so the learner starts from the right signature`, "warning");

  const expected = resolveSource(scope, check.expected, `${base}/expected`, "expected", new Set(cases.map((c) => c.id)));

  const misconceptions: Misconception[] = [];
  const misconceptionIds = new Set<string>();
  (check.misconceptions ?? []).forEach((m, k) => {
    const pointer = `${base}/misconceptions/${k}`;
    if (misconceptionIds.has(m.id)) at(`${pointer}/id`, "duplicate-id", `misconception id "${m.id}" is used twice in check "${check.id}"`);
    misconceptionIds.add(m.id);
    const variant = resolveSource(scope, m.variant, `${pointer}/variant`, "variant", new Set(cases.map((c) => c.id)));
    if (variant) misconceptions.push({ id: m.id, message: m.message, variant });
  });

  if (!expected) return undefined;
  return {
    id: check.id,
    function: check.function,
    cases,
    expected,
    comparison: check.comparison ?? { kind: "value" },
    tolerance: check.tolerance ?? {},
    ...(check.rounding ? { rounding: check.rounding } : {}),
    misconceptions,
    reveal: check.reveal ?? "full",
  };
}

/**
 * Checks a value source against the pack (the core function exists, the named file and export exist, literal
 * values name real cases) and fills in its defaults, so the runner never guesses.
 */
function resolveSource(scope: CheckScope, source: ValueSource, pointer: string, role: "expected" | "variant", caseIds: Set<string>): ValueSource | undefined {
  const { at, catalog, exercise, check, scans } = scope;
  switch (source.from) {
    case "core": {
      if (!catalog.functions.has(source.fn)) {
        const suggestion = closestName(source.fn, [...catalog.functions]);
        at(
          `${pointer}/fn`,
          "unknown-core-function",
          `"${source.fn}" is not a compute-core function${suggestion ? `; did you mean "${suggestion}"?` : ` (compute core ${catalog.version} has ${catalog.functions.size}; see docs/pack-format.md)`}`,
        );
        return undefined;
      }
      return source;
    }
    case "reference": {
      const file = source.file ?? (role === "expected" ? "reference" : "misconceptions");
      const exportName = source.export ?? check.function;
      if (exercise[file] === undefined) {
        at(pointer, "missing-reference", `values come from the "${file}" file, but this exercise names no "${file}"; add "${file}": "${file}.ts" to the exercise`);
        return undefined;
      }
      const scan = scans[file];
      if (scan?.complete && !scan.names.has(exportName)) {
        at(source.export !== undefined ? `${pointer}/export` : pointer, "missing-export", `${exercise[file]} does not export "${exportName}"; export a function of that name with the learner's signature`);
        return undefined;
      }
      return { from: "reference", file, export: exportName };
    }
    case "literal": {
      if (role === "variant") {
        if (!source.values) {
          at(pointer, "missing-values", `a literal misconception needs "values": { "<case id>": wrong value }`);
          return undefined;
        }
        const unknown = Object.keys(source.values).filter((id) => !caseIds.has(id));
        for (const id of unknown) at(`${pointer}/values/${id}`, "unknown-case", `"${id}" is not a case of check "${check.id}"`);
        if (unknown.length > 0) return undefined;
        return { from: "literal", values: source.values as Record<string, Json> };
      }
      return { from: "literal" };
    }
  }
}
