import semver from "semver";
import type { ExerciseSpec, PackSpec } from "../protocol/exercise";
import type { PackProblem } from "../protocol/packProblem";
import type { CoreCatalog } from "./coreCatalog";
import type { PackManifestFile } from "./diskFormat";
import type { PackFileSystem } from "./fileSystem";
import type { JsonDocument } from "./json/jsonDocument";
import { readPackJson } from "./json/readPackJson";
import { PackSchemaValidator } from "./json/schemaValidator";
import { DEFAULT_PACK_LIMITS, formatBytes, type PackLimits } from "./limits";
import { parseExercise } from "./parseExercise";
import { ProblemList, sortProblems } from "./problems";

export interface LoadPackOptions {
  catalog: CoreCatalog;
  /** Any limit left out keeps its default. */
  limits?: Partial<PackLimits>;
  /** Reused across loads when given: compiling the schemas is the slow part of a small pack's load. */
  validator?: PackSchemaValidator;
  /**
   * Parse only this listed exercise (the CLI's one-shot `check`): the manifest is still read and validated,
   * the other exercises' files are never opened, and the pack-wide folder checks (total size, unlisted
   * folders) are left to `validate` and to loads of the whole pack. The result's `exercises` holds at most
   * this one; an id the manifest does not list gives none.
   */
  only?: string;
}

/**
 * `pack` is present when the manifest is valid and the pack within its size limit; exercises with errors (or
 * listed without a folder) are left out of it, their problems listed, so one broken exercise does not take the
 * rest of the pack down with it. `problems` holds every error
 * and warning, sorted by file and position.
 */
export interface PackLoadResult {
  pack?: PackSpec;
  problems: PackProblem[];
}

/**
 * The load result as `loadPack` returns it in-process: `exerciseJson` keeps each exercise.json that parsed, so
 * that later checks (validate's semantic checks) place their problems without reading the file again.
 */
export interface ParsedPack extends PackLoadResult {
  exerciseJson: ExerciseJson;
}

/** Parsed exercise.json files by exercise id, with their positions (not structured-cloneable: keep it in-process). */
export type ExerciseJson = ReadonlyMap<string, { file: string; doc: JsonDocument }>;

const EXERCISE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

let sharedValidator: PackSchemaValidator | undefined;

/** Parses and statically validates the pack in folder `root` (absolute). Never runs any of the pack's code. */
export async function loadPack(fs: PackFileSystem, root: string, options: LoadPackOptions): Promise<ParsedPack> {
  const limits: PackLimits = { ...DEFAULT_PACK_LIMITS, ...options.limits };
  const validator = options.validator ?? (sharedValidator ??= new PackSchemaValidator());
  const problems = new ProblemList();
  const manifestFile = fs.join(root, "pack.json");
  const exerciseJson = new Map<string, { file: string; doc: JsonDocument }>();
  const done = (pack?: PackSpec): ParsedPack => ({ ...(pack ? { pack } : {}), problems: sortProblems(problems.items), exerciseJson });

  const rootEntry = await fs.stat(root);
  if (!rootEntry) {
    problems.inFile(manifestFile, "missing-pack", `${root} does not exist; give the path of a pack folder (the folder holding pack.json)`);
    return done();
  }
  const realRoot = await fs.realpath(root);
  const jsonContext = { fs, realRoot, limits, validator, problems };
  const manifestRead = await readPackJson(jsonContext, manifestFile, "pack", {
    whereNamed: {
      missing: () => problems.inFile(manifestFile, "missing-manifest", `no pack.json in ${root}; a pack folder starts with a manifest (compression-tutor new-pack <dir> creates one)`),
    },
  });
  if (!manifestRead.ok) return done();
  const doc = manifestRead.doc;

  const manifest = doc.value as Partial<PackManifestFile>;
  if (typeof manifest.coreVersion === "string") {
    const range = manifest.coreVersion;
    if (semver.validRange(range) === null)
      problems.atPointer(manifestFile, doc, "/coreVersion", "core-version", `"${range}" is not a semver range; write one such as ^1.0.0`);
    else if (!semver.satisfies(options.catalog.version, range))
      problems.atPointer(
        manifestFile,
        doc,
        "/coreVersion",
        "core-version",
        `the pack needs compute core ${range}, but this build has ${options.catalog.version}; update the extension, or widen the range if the pack works with ${options.catalog.version}`,
      );
  }
  const manifestHasErrors = problems.hasErrors;

  // Exercises are parsed even when the manifest has other errors, so that one run lists every problem.
  const listed = Array.isArray(manifest.exercises) ? manifest.exercises : [];
  const exercises: ExerciseSpec[] = [];
  const seen = new Set<string>();
  const generatedSoFar = { values: 0 };
  for (const [index, id] of listed.entries()) {
    if (typeof id !== "string" || !EXERCISE_ID.test(id)) continue; // reported by the schema
    if (options.only !== undefined && id !== options.only) continue;
    const pointer = `/exercises/${index}`;
    if (seen.has(id)) {
      problems.atPointer(manifestFile, doc, pointer, "duplicate-id", `exercise "${id}" is listed twice; list each exercise once`);
      continue;
    }
    seen.add(id);
    const exercise = await parseExercise(
      { fs, realRoot, limits, catalog: options.catalog, validator, problems, manifest: { file: manifestFile, doc, pointer }, generatedSoFar, exerciseJson },
      fs.join(root, id),
      id,
    );
    if (exercise) exercises.push(exercise);
  }

  if (options.only === undefined)
    await checkPackFolder(fs, root, seen, limits, (code, message, severity, pointer) =>
      pointer ? problems.atPointer(manifestFile, doc, pointer, code, message, severity) : problems.inFile(manifestFile, code, message, severity),
    );

  // A listed exercise that is missing or broken costs only that exercise; a broken manifest or an oversized pack
  // costs the pack.
  if (manifestHasErrors || problems.items.some((p) => p.code === "pack-too-large")) return done();
  const m = manifest as PackManifestFile;
  return done({
    id: m.id,
    title: m.title,
    version: m.version,
    description: m.description,
    coreVersion: m.coreVersion,
    authors: m.authors,
    license: m.license,
    exercises,
    root,
  });
}

type Report = (code: string, message: string, severity: "error" | "warning", pointer?: string) => void;

/**
 * Whole-folder checks: the total size, and exercise folders the manifest forgot. Dot-folders (.git, .vscode) are
 * skipped: a pack distributed as a git repository carries its history, which is not part of the pack.
 */
async function checkPackFolder(fs: PackFileSystem, root: string, listed: Set<string>, limits: PackLimits, report: Report): Promise<void> {
  let total = 0;
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await fs.readDirectory(folder)) {
      if (entry.name.startsWith(".")) continue;
      const path = fs.join(folder, entry.name);
      if (entry.kind === "directory") await walk(path);
      else if (entry.kind === "file") total += (await fs.stat(path))?.size ?? 0;
    }
  };
  await walk(root);
  if (total > limits.maxPackBytes)
    report("pack-too-large", `the pack's files add up to ${formatBytes(total)}, above the ${formatBytes(limits.maxPackBytes)} limit; keep data out of packs and generate cases from seeds`, "error");

  for (const entry of await fs.readDirectory(root)) {
    if (entry.kind !== "directory" || entry.name.startsWith(".") || listed.has(entry.name)) continue;
    if (await fs.stat(fs.join(root, entry.name, "exercise.json")))
      report("unlisted-exercise", `the folder "${entry.name}" holds an exercise.json but is not listed in "exercises", so learners never see it; list it or remove the folder`, "warning", "/exercises");
  }
}
