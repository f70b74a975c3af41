import type { FromInspectMessage } from "../../src/protocol/inspectMessages";

interface WebviewApi {
  postMessage(message: FromInspectMessage): void;
}
declare function acquireVsCodeApi(): WebviewApi;

export const vscodeApi: WebviewApi = acquireVsCodeApi();
