// Types of the validators scripts/build-schema-validators.mjs generates from exercises/schema/*.json.
import type { ValidateFunction } from "ajv";

export declare const pack: ValidateFunction;
export declare const exercise: ValidateFunction;
/** One validator per oneOf branch, keyed "<$id>#<pointer>/oneOf/<i>". */
export declare const oneOfBranches: Record<string, ValidateFunction | undefined>;
