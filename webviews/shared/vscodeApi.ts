/** The VS Code webview API, when running in a webview (absent in the standalone HTML report). */
export interface VsCodeApi<State> {
  postMessage(message: unknown): void;
  getState(): State | undefined;
  setState(state: State): void;
}

declare function acquireVsCodeApi<State>(): VsCodeApi<State>;

export function vscodeApi<State>(): VsCodeApi<State> | undefined {
  return typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi<State>() : undefined;
}
