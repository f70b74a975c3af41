import type { FromPlaygroundMessage } from "../../src/protocol/playgroundMessages";

/** What the playground persists through VS Code's webview state (it survives reloads via the serializer). */
export interface SavedPlayground {
  state?: unknown;
  /** When the state was saved (Date.now()), to tell it from the copy the extension keeps. */
  savedAt?: number;
}

interface WebviewApi {
  postMessage(message: FromPlaygroundMessage): void;
  getState(): SavedPlayground | undefined;
  setState(state: SavedPlayground): void;
}
declare function acquireVsCodeApi(): WebviewApi;

export const vscodeApi: WebviewApi = acquireVsCodeApi();
