import * as vscode from 'vscode';
import { webviewOptions } from '../../common/vscode/webviewHtml';
import { WebviewPanelHost } from '../../common/vscode/webviewPanelHost';
import type { LabRun } from '../core/experiments';
import { OPEN_NOTE_COMMAND } from '../../notes/core/noteLinks';
import { trainingSettings as readTrainingSettings } from '../../common/vscode/settings';
import type { LabName, ParamValues } from '../core/labs';
import { parseFromLab, type FromLab, type Language, type LabPresentation, type RawParams, type ToLab } from '../core/labPanelProtocol';
import { labPanelTitle } from '../core/labPresentation';
import { LabRunner } from '../core/labRunner';

export const LAB_VIEW_TYPE = 'deepscope.lab';
/** The HTML shell's <title>: a constant, since no data goes into the HTML (the tab title is panel.title). */
const SHELL_TITLE = 'DeepScope Lab';

/**
 * One lab's webview panel. What the view must show — the lab, and the last run's state — are its two
 * slots, sent whenever the webview says `ready`: on first load and each time VS Code re-creates a hidden
 * webview (DeepScope does not retain hidden webviews). Messages from the webview are validated first.
 */
export class LabPanel implements vscode.Disposable {
  private readonly host: WebviewPanelHost<ToLab, FromLab>;
  private shown: Extract<ToLab, { type: 'show' }> | undefined;
  /** An automatic run (restore) waits until the panel is visible: hidden tabs do not all start a process. */
  private pendingRun: RawParams | undefined;
  private readonly runner = new LabRunner((message) => this.post(message), () => readTrainingSettings());
  readonly onDidDispose: vscode.Event<void>;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly lab: LabName,
    extensionUri: vscode.Uri,
    language: Language,
  ) {
    this.host = new WebviewPanelHost(panel, extensionUri, {
      bundle: 'labs',
      shellTitle: SHELL_TITLE,
      language,
      parse: parseFromLab,
      replayKind: (message) => ({ slot: message.type === 'show' ? 'show' : 'status' }),
      slotOrder: ['show', 'status'],
      onMessage: (message) => this.handle(message),
    });
    this.onDidDispose = this.host.onDidDispose;
    this.host.disposables.register(
      panel.onDidChangeViewState(() => {
        const params = this.pendingRun;
        if (panel.visible && params) void this.run(params);
      }),
    );
  }

  static create(extensionUri: vscode.Uri, lab: LabName, language: Language): LabPanel {
    const panel = vscode.window.createWebviewPanel(LAB_VIEW_TYPE, SHELL_TITLE, vscode.ViewColumn.Active, webviewOptions(extensionUri));
    return new LabPanel(panel, lab, extensionUri, language);
  }

  get presentation(): LabPresentation | undefined {
    return this.shown?.presentation;
  }

  get params(): ParamValues | undefined {
    return this.shown?.params;
  }

  /** Shows the lab (again, e.g. in another language); `params` fill the controls on first load only. */
  show(presentation: LabPresentation, params: ParamValues): void {
    this.panel.title = labPanelTitle(presentation.title, presentation.language);
    this.post({ type: 'show', presentation, params });
  }

  /** Runs the lab on `params` (checked against its schema first); resolves with its numbers, or undefined. */
  async run(params: RawParams): Promise<LabRun | undefined> {
    this.pendingRun = undefined;
    const info = this.shown?.presentation.info;
    if (!info) return undefined;
    if (!vscode.workspace.isTrusted) {
      this.fail(vscode.l10n.t('Labs run code, so they need a trusted workspace (Restricted Mode is on).'));
      return undefined;
    }
    return this.runner.run(info, params);
  }

  runWhenVisible(params: RawParams): void {
    if (this.panel.visible) void this.run(params);
    else this.pendingRun = params;
  }

  /** A problem before any run (the labs could not be described, Restricted Mode). */
  fail(message: string): void {
    this.post({ type: 'failed', run: 0, message });
  }

  reveal(): void {
    this.panel.reveal();
  }

  dispose(): void {
    this.runner.stop();
    this.host.dispose();
  }

  private handle(message: Exclude<FromLab, { type: 'ready' }>): void {
    switch (message.type) {
      case 'run':
        void this.run(message.params);
        break;
      case 'stop':
        this.runner.stop();
        break;
      case 'openNote':
        // A validated topic id, never a command or a string from the webview.
        void vscode.commands.executeCommand(OPEN_NOTE_COMMAND, message.topic);
        break;
    }
  }

  private post(message: ToLab): void {
    if (message.type === 'show') this.shown = message;
    this.host.post(message);
  }
}
