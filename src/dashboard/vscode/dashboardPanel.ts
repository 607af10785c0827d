import * as vscode from 'vscode';
import { parseFromDashboard, type FromDashboard, type ToDashboard } from '../core/dashboardProtocol';
import { webviewHtml, webviewOptions } from '../../common/vscode/webviewHtml';
import { withPlainArrays } from '../../common/core/plainJson';

export const DASHBOARD_VIEW_TYPE = 'deepscope.dashboard';

/**
 * The dashboard webview panel: sends typed messages, buffering them until the webview says it is
 * ready, and hands validated messages from it to `onMessage`.
 */
export class DashboardPanel implements vscode.Disposable {
  private ready = false;
  private queue: ToDashboard[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  readonly onDidDispose: vscode.Event<void>;

  /**
   * `onReady` runs each time the webview (re)starts — the first time, and again whenever VS Code
   * re-creates a hidden webview — so the host can send it what it shows.
   */
  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    language: string,
    onMessage: (message: FromDashboard) => void,
    private readonly onReady: () => void = () => undefined,
  ) {
    this.onDidDispose = panel.onDidDispose;
    panel.webview.options = webviewOptions(extensionUri);
    panel.webview.html = webviewHtml(panel.webview, extensionUri, 'dashboard', 'DeepScope Dashboard', language);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const message = parseFromDashboard(raw);
        if (!message) return;
        if (message.type === 'ready') {
          const first = !this.ready;
          this.ready = true;
          const queued = this.queue;
          this.queue = [];
          if (first) queued.forEach((item) => void panel.webview.postMessage(withPlainArrays(item)));
          else this.onReady();
        } else {
          onMessage(message);
        }
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  static create(extensionUri: vscode.Uri, language: string, onMessage: (message: FromDashboard) => void, onReady?: () => void): DashboardPanel {
    const panel = vscode.window.createWebviewPanel(
      DASHBOARD_VIEW_TYPE,
      'DeepScope Dashboard',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewOptions(extensionUri),
    );
    return new DashboardPanel(panel, extensionUri, language, onMessage, onReady);
  }

  post(message: ToDashboard): void {
    if (this.ready) {
      void this.panel.webview.postMessage(withPlainArrays(message));
      return;
    }
    // A snapshot replaces whatever was waiting.
    if (message.type === 'snapshot') this.queue = [];
    this.queue.push(message);
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  dispose(): void {
    this.disposables.forEach((disposable) => disposable.dispose());
    this.disposables.length = 0;
    this.queue = [];
  }
}
