/**
 * `validate --mutants`: mutation analysis of a pack's cases. Loaded on demand (dist/mutants.js, its own bundle)
 * because it needs the TypeScript compiler, which neither the extension nor the CLI's other commands carry.
 */
export { deriveMutants, type Mutant } from "./deriveMutants";
export { formatMutationReport, mutateExercise, mutatePack, type EquivalentMutant, type ExerciseMutation, type MutationOptions, type MutationReport } from "./runMutants";
