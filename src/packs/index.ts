/**
 * Exercise packs: the on-disk format (docs/pack-format.md, exercises/schema/), parsed and statically validated
 * into the model of src/protocol/exercise.ts. Pure: the file system comes in through PackFileSystem. The node and
 * vscode adapters live in ./node and ./vscode and are imported from there directly.
 */
export type { CoreCatalog } from "./coreCatalog";
export type { PackFileSystem, PackEntryStat, PackEntryKind } from "./fileSystem";
export { DEFAULT_PACK_LIMITS, type PackLimits } from "./limits";
export { loadPack, type LoadPackOptions, type PackLoadResult } from "./loadPack";
export { formatProblem, formatProblems } from "./formatProblem";
export { generateInputs, checkGenerateBlock } from "./generators";
export { caseName } from "./caseNames";
