import * as path from 'node:path';
import * as vscode from 'vscode';
import { OPEN_NOTE_COMMAND } from '../../notes/core/noteLinks';
import { pickLanguage, asLanguageSetting } from '../../notes/core';
import { reportHtml } from '../core/reportHtml';
import { RunRecorder } from '../../runs/core/runRecorder';
import type { FromDashboard } from '../core/dashboardProtocol';
import type { Finding } from '../../diagnosis/core/findings';
import type { ReportPayload } from '../../runs/core/runSnapshot';
import type { TrainingController } from '../../training/vscode/trainingController';
import type { TrainingSession } from '../../training/vscode/trainingSession';
import { DASHBOARD_VIEW_TYPE, DashboardPanel } from './dashboardPanel';
import { RunStore } from '../../runs/vscode/runStore';

/** How often a running training's new points are sent to the dashboard: a few updates per second. */
const UPDATE_INTERVAL_MS = 250;

/**
 * Feeds the dashboard: records each training run, streams it to the panel (throttled), saves it
 * when it ends, restores the panel after a reload, reopens past runs, and writes HTML reports.
 */
export class DashboardController implements vscode.Disposable {
  private panel: DashboardPanel | undefined;
  private recorder: RunRecorder | undefined;
  private findings: readonly Finding[] = [];
  /** The run the panel shows (the live one, or one reopened from the store). */
  private shown: ReportPayload | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    training: TrainingController,
    private readonly store = new RunStore(vscode.Uri.joinPath(context.storageUri ?? context.globalStorageUri, 'runs')),
  ) {
    this.disposables.push(
      training.onDidStartSession((session) => this.follow(session)),
      vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, {
        deserializeWebviewPanel: async (webviewPanel, state: unknown) => this.restore(webviewPanel, state),
      }),
    );
  }

  /** "DeepScope: Show Dashboard": the live run, else the last saved one, else the empty state. */
  async show(): Promise<void> {
    const payload = this.livePayload() ?? this.shown ?? (await this.latestStored());
    this.open(payload);
  }

  /** "DeepScope: Open Training Run…": one of the last saved runs. */
  async openRun(): Promise<void> {
    const runs = await this.store.list();
    if (runs.length === 0) {
      void vscode.window.showInformationMessage('DeepScope has no saved run in this workspace yet: train a model first.');
      return;
    }
    const picked = await vscode.window.showQuickPick(
      runs.map((run) => ({
        id: run.id,
        label: path.basename(run.modelFile),
        description: `${new Date(run.startedAt).toLocaleString()} · ${run.status}`,
        detail: `${run.epochs} epoch(s)${run.finalLoss === undefined ? '' : ` · final loss ${run.finalLoss.toPrecision(3)}`}`,
      })),
      { title: 'DeepScope: Open Training Run', placeHolder: 'Choose a run to show in the dashboard' },
    );
    const payload = picked && (await this.store.load(picked.id));
    if (payload) this.open(payload);
  }

  /** "DeepScope: Save Training Report": the shown run as one standalone HTML file. */
  async saveReport(): Promise<vscode.Uri | undefined> {
    const payload = this.livePayload() ?? this.shown ?? (await this.latestStored());
    if (!payload) {
      void vscode.window.showInformationMessage('DeepScope has no run to report yet: train a model first.');
      return undefined;
    }
    const model = payload.run.start.modelFile;
    const target = await vscode.window.showSaveDialog({
      title: 'DeepScope: Save Training Report',
      defaultUri: vscode.Uri.file(path.join(path.dirname(model), `${path.basename(model, path.extname(model))}-report.html`)),
      filters: { HTML: ['html'] },
    });
    if (!target) return undefined;
    const html = reportHtml(payload, vscode.Uri.joinPath(this.context.extensionUri, 'out', 'webviews').fsPath);
    await vscode.workspace.fs.writeFile(target, Buffer.from(html, 'utf8'));
    void vscode.window.showInformationMessage(`DeepScope saved the report to ${vscode.workspace.asRelativePath(target)}.`);
    return target;
  }

  /** Findings of the live run (from the diagnosis), shown in the panel's findings list. */
  setFindings(findings: readonly Finding[]): void {
    this.findings = findings;
    this.panel?.post({ type: 'findings', findings });
  }

  dispose(): void {
    this.panel?.panel.dispose();
    this.disposables.forEach((disposable) => disposable.dispose());
  }

  private follow(session: TrainingSession): void {
    const recorder = new RunRecorder(`${Date.now()}-${Math.random().toString(36).slice(2, 8)}`);
    this.recorder = recorder;
    this.findings = [];
    const openOnTrain = vscode.workspace.getConfiguration('deepscope').get<boolean>('dashboard.openOnTrain', true);
    const flush = (): void => {
      const progress = recorder.takeProgress();
      if (this.recorder !== recorder) return;
      if (progress.frames.length + progress.epochs.length + progress.steps.length > 0) {
        this.panel?.post({ type: 'progress', ...progress });
      }
    };
    const timer = setInterval(flush, UPDATE_INTERVAL_MS);
    const subscription = session.onEvent((event) => {
      switch (event.type) {
        case 'start':
          recorder.onStart(event.start);
          if (this.recorder !== recorder) return;
          recorder.takeProgress();
          if (this.panel || openOnTrain) this.open({ run: recorder.snapshot()!, findings: [] });
          break;
        case 'batches':
          recorder.onBatches(event.losses);
          break;
        case 'probe':
          recorder.onProbe(event.frame);
          break;
        case 'epoch':
          recorder.onEpoch(event.record);
          break;
      }
    });
    const end = async (status: 'finished' | 'cancelled' | 'failed', message?: string): Promise<void> => {
      clearInterval(timer);
      subscription.dispose();
      recorder.finish(status, message);
      if (this.recorder === recorder) {
        flush();
        this.panel?.post({ type: 'status', status, message });
      }
      const run = recorder.snapshot();
      if (run) {
        this.shown = { run, findings: this.findings };
        await this.store.save(run, this.findings).catch(() => undefined);
      }
    };
    session.done.then(
      (summary) => end(summary.cancelled ? 'cancelled' : 'finished'),
      (error: unknown) => end('failed', error instanceof Error ? error.message : String(error)),
    );
  }

  private livePayload(): ReportPayload | undefined {
    const run = this.recorder?.snapshot();
    return run ? { run, findings: this.findings } : undefined;
  }

  private async latestStored(): Promise<ReportPayload | undefined> {
    const [latest] = await this.store.list();
    return latest ? this.store.load(latest.id) : undefined;
  }

  private open(payload: ReportPayload | undefined): void {
    if (!this.panel) {
      this.attach(DashboardPanel.create(this.context.extensionUri, this.language(), (message) => this.handle(message), () => this.resend()));
    }
    this.panel?.reveal();
    this.shown = payload;
    if (payload) {
      this.panel?.post({ type: 'snapshot', run: payload.run });
      this.panel?.post({ type: 'findings', findings: payload.findings });
    }
  }

  private async restore(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const runId = typeof state === 'object' && state !== null ? (state as { runId?: unknown }).runId : undefined;
    this.attach(new DashboardPanel(webviewPanel, this.context.extensionUri, this.language(), (message) => this.handle(message), () => this.resend()));
    const payload = typeof runId === 'string' ? (this.livePayload()?.run.id === runId ? this.livePayload() : await this.store.load(runId)) : undefined;
    this.shown = payload;
    if (payload) {
      this.panel?.post({ type: 'snapshot', run: payload.run });
      this.panel?.post({ type: 'findings', findings: payload.findings });
    }
  }

  /** A re-created webview starts empty: send it the run it shows again (the live one, up to now). */
  private resend(): void {
    const live = this.livePayload();
    const payload = live && (!this.shown || this.shown.run.id === live.run.id) ? live : this.shown;
    if (payload) {
      this.panel?.post({ type: 'snapshot', run: payload.run });
      this.panel?.post({ type: 'findings', findings: payload.findings });
    }
  }

  private attach(panel: DashboardPanel): void {
    this.panel?.panel.dispose();
    this.panel = panel;
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
    });
  }

  private handle(message: FromDashboard): void {
    if (message.type === 'openNote') {
      void vscode.commands.executeCommand(OPEN_NOTE_COMMAND, message.topic);
    } else if (message.type === 'revealLine' && this.shown) {
      // Only the shown run's own model file, never a path coming from the webview.
      const uri = vscode.Uri.file(this.shown.run.start.modelFile);
      const line = Math.max(0, message.line - 1);
      void vscode.window.showTextDocument(uri, { selection: new vscode.Range(line, 0, line, 0), viewColumn: vscode.ViewColumn.One });
    }
  }

  private language(): 'en' | 'fr' {
    return pickLanguage(vscode.env.language, asLanguageSetting(vscode.workspace.getConfiguration('deepscope').get('language')));
  }
}
