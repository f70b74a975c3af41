/** A problem found in a pack: what the CLI prints as file:line:column and VS Code shows in the Problems panel. */
export interface PackProblem {
  /** Absolute path of the file the problem is in (the manifest when no better file is known). */
  file: string;
  /** 1-based; 1 when the problem concerns the whole file. */
  line: number;
  /** 1-based, UTF-16 code units. */
  column: number;
  endLine?: number;
  endColumn?: number;
  /** JSON path inside the file, e.g. "/checks/0/cases/2/id", when the problem is in a JSON document. */
  jsonPath?: string;
  severity: "error" | "warning";
  /** A stable code per kind of problem, e.g. "schema", "duplicate-id", "path-escape", "starter-passes". */
  code: string;
  message: string;
}
