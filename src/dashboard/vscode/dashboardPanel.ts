import * as vscode from 'vscode';
import { parseFromDashboard, type FromDashboard, type ToDashboard } from '../core/dashboardProtocol';
import { webviewOptions } from '../../common/vscode/webviewHtml';
import { WebviewPanelHost } from '../../common/vscode/webviewPanelHost';
import { withPlainArrays } from '../../common/core/plainJson';
import { displayLanguage } from '../../common/vscode/displayLanguage';

export const DASHBOARD_VIEW_TYPE = 'deepscope.dashboard';

/**
 * The dashboard webview panel: sends typed messages (waiting for the webview's first `ready`; a
 * snapshot replaces whatever waited) and hands validated messages from it to `onMessage`.
 */
export class DashboardPanel implements vscode.Disposable {
  private readonly host: WebviewPanelHost<ToDashboard, FromDashboard>;
  readonly onDidDispose: vscode.Event<void>;

  /**
   * `onReady` runs each time the webview restarts — whenever VS Code re-creates a hidden webview —
   * so the host can send it what it shows.
   */
  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    language: string,
    onMessage: (message: FromDashboard) => void,
    onReady: () => void = () => undefined,
  ) {
    this.host = new WebviewPanelHost(panel, extensionUri, {
      bundle: 'dashboard',
      shellTitle: 'DeepScope Dashboard',
      // The dashboard's own words follow VS Code's display language, its findings `deepscope.language`.
      language: displayLanguage(),
      explanationLanguage: language,
      parse: parseFromDashboard,
      replayKind: (message) => (message.type === 'snapshot' ? 'reset' : 'once'),
      encode: withPlainArrays,
      onMessage,
      onRestart: onReady,
    });
    this.onDidDispose = this.host.onDidDispose;
  }

  static create(extensionUri: vscode.Uri, language: string, onMessage: (message: FromDashboard) => void, onReady?: () => void): DashboardPanel {
    const panel = vscode.window.createWebviewPanel(
      DASHBOARD_VIEW_TYPE,
      vscode.l10n.t('DeepScope Dashboard'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewOptions(extensionUri),
    );
    return new DashboardPanel(panel, extensionUri, language, onMessage, onReady);
  }

  post(message: ToDashboard): void {
    this.host.post(message);
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  dispose(): void {
    this.host.dispose();
  }
}
