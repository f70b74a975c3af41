/**
 * What a pack may ask of the compute core: its version (for the manifest's `coreVersion` range) and the names of
 * the functions a check's `{ "from": "core", "fn": … }` may call. Passed in rather than imported by the parser,
 * so tests can describe a core of their own.
 */
export interface CoreCatalog {
  version: string;
  functions: ReadonlySet<string>;
}
