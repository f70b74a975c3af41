import { CORE_FUNCTIONS, CORE_VERSION } from "../core";
import type { CoreCatalog } from "./coreCatalog";

/** The catalog of the compute core shipped with this build. */
export function builtInCoreCatalog(): CoreCatalog {
  return { version: CORE_VERSION, functions: new Set(Object.keys(CORE_FUNCTIONS)) };
}
