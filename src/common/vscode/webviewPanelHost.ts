import * as vscode from 'vscode';
import { DisposableStore } from '../core/disposable';
import { ReadyReplay, type ReplayKind } from '../core/readyReplay';
import { webviewHtml, webviewOptions } from './webviewHtml';

/** What a panel tells its host: the webview bundle, how to read and keep its messages. */
export interface WebviewPanelSpec<ToView, FromView extends { type: string }> {
  bundle: string;
  /** The HTML shell's <title>: a constant, since no data goes into the HTML (the tab title is panel.title). */
  shellTitle: string;
  language: string;
  /** The language of the explanations the page shows, when it differs from the page's own (`language`). */
  explanationLanguage?: string;
  /** Validates a message from the webview; undefined drops it. */
  parse: (raw: unknown) => FromView | undefined;
  replayKind: (message: ToView) => ReplayKind;
  slotOrder?: readonly string[];
  /** Applied to each message sent (e.g. typed arrays to plain ones). */
  encode?: (message: ToView) => unknown;
  onMessage: (message: Exclude<FromView, { type: 'ready' }>) => void;
  /** The webview started again (VS Code re-created it): send what the slots do not hold. */
  onRestart?: () => void;
}

/**
 * One webview panel of DeepScope: the HTML shell with its CSP, validated messages, the one
 * ready-then-replay rule, and a store of disposables released with the panel.
 */
export class WebviewPanelHost<ToView, FromView extends { type: string }> implements vscode.Disposable {
  readonly disposables = new DisposableStore();
  readonly onDidDispose: vscode.Event<void>;
  private readonly replay: ReadyReplay<ToView>;

  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly spec: WebviewPanelSpec<ToView, FromView>,
  ) {
    this.replay = new ReadyReplay(spec.replayKind, spec.slotOrder);
    this.onDidDispose = panel.onDidDispose;
    panel.webview.options = webviewOptions(extensionUri);
    panel.webview.html = webviewHtml(panel.webview, extensionUri, spec.bundle, spec.shellTitle, spec.language, spec.explanationLanguage);
    this.disposables.register(panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)));
    this.disposables.register(panel.onDidDispose(() => this.dispose()));
  }

  post(message: ToView): void {
    if (this.replay.post(message)) this.send(message);
  }

  dispose(): void {
    this.replay.clear();
    this.disposables.dispose();
  }

  private receive(raw: unknown): void {
    const message = this.spec.parse(raw);
    if (!message) return;
    if (message.type !== 'ready') {
      this.spec.onMessage(message as Exclude<FromView, { type: 'ready' }>);
      return;
    }
    const { messages, restarted } = this.replay.onReady();
    messages.forEach((queued) => this.send(queued));
    if (restarted) this.spec.onRestart?.();
  }

  private send(message: ToView): void {
    void this.panel.webview.postMessage(this.spec.encode ? this.spec.encode(message) : message);
  }
}

/**
 * Brings a panel of `viewType` back after a reload. VS Code hands back the state its webview saved, which is
 * parsed here, once, by the panel's own parser (undefined: nothing usable was saved).
 */
export function registerPanelRestorer<State>(
  viewType: string,
  parseState: (raw: unknown) => State | undefined,
  restore: (panel: vscode.WebviewPanel, state: State | undefined) => void | Promise<void>,
): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(viewType, {
    deserializeWebviewPanel: async (panel, raw: unknown) => restore(panel, parseState(raw)),
  });
}
