import type { FromInspectMessage, InspectReport, InspectSchemeName } from "../../src/protocol/inspectMessages";

/** What the panel keeps through VS Code's webview state: after a window reload it comes back as it was. */
export interface SavedInspect {
  file: string;
  schemes: InspectSchemeName[];
  scheme: InspectSchemeName;
  sort: { key: string; descending: boolean };
  selected?: string;
  report?: InspectReport;
  /** How a run without a report ended; after a reload such a panel shows this instead of starting over. */
  ended?: { status: "cancelled" | "failed"; message?: string };
}

interface WebviewApi {
  postMessage(message: FromInspectMessage): void;
  getState(): SavedInspect | undefined;
  setState(state: SavedInspect): void;
}
declare function acquireVsCodeApi(): WebviewApi;

export const vscodeApi: WebviewApi = acquireVsCodeApi();
