import type { FromWebviewMessage, PanelModel } from "../../src/protocol/webviewMessages";

/** The slice of the webview API this code uses, typed with the protocol's messages. */
interface WebviewApi {
  postMessage(message: FromWebviewMessage): void;
  getState(): { model?: PanelModel } | undefined;
  setState(state: { model?: PanelModel }): void;
}
declare function acquireVsCodeApi(): WebviewApi;

export const vscodeApi: WebviewApi = acquireVsCodeApi();
