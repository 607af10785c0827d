import * as path from 'node:path';
import * as vscode from 'vscode';
import { DisposableStore } from '../../common/core/disposable';
import { OPEN_NOTE_COMMAND } from '../../notes/core/noteLinks';
import { explanationLanguage, openDashboardOnTrain } from '../../common/vscode/settings';
import { displayLanguage } from '../../common/vscode/displayLanguage';
import { reportHtml } from '../core/reportHtml';
import { RunRecorder } from '../../runs/core/runRecorder';
import { parseDashboardState, type DashboardState, type FromDashboard } from '../core/dashboardProtocol';
import { registerPanelRestorer } from '../../common/vscode/webviewPanelHost';
import type { Finding } from '../../diagnosis/core/findings';
import type { ReportedRun, ReportPayload, RunSnapshot } from '../../runs/core/runSnapshot';
import type { TrainingController } from '../../training/vscode/trainingController';
import type { TrainingSession } from '../../training/vscode/trainingSession';
import { DASHBOARD_VIEW_TYPE, DashboardPanel } from './dashboardPanel';
import { WorkspaceRuns } from '../../runs/vscode/workspaceRuns';
import type { Language } from '../../common/core/language';

/** How often a running training's new points are sent to the dashboard: a few updates per second. */
const UPDATE_INTERVAL_MS = 250;

/**
 * Feeds the dashboard: records each training run from its records, streams it to the panel
 * (throttled), restores the panel after a reload, reopens past runs from their logs, shows another
 * run beside the shown one, and writes HTML reports.
 */
export class DashboardController implements vscode.Disposable {
  private panel: DashboardPanel | undefined;
  private recorder: RunRecorder | undefined;
  private findings: readonly Finding[] = [];
  /** The run the panel shows (the live one, or one reopened from the store). */
  private shown: ReportPayload | undefined;
  /** The run shown beside it, from the workspace's logs; kept when a new run starts (compare before/after a fix). */
  private compared: ReportedRun | undefined;
  private readonly disposables = new DisposableStore();

  constructor(
    private readonly context: vscode.ExtensionContext,
    training: TrainingController,
    private readonly runs = new WorkspaceRuns(),
  ) {
    this.disposables.registerAll(
      training.onDidStartSession((session) => this.follow(session)),
      registerPanelRestorer(DASHBOARD_VIEW_TYPE, parseDashboardState, (webviewPanel, state) => this.restore(webviewPanel, state)),
    );
  }

  /** "DeepScope: Show Dashboard": the live run, else the last saved one, else the empty state. */
  async show(): Promise<void> {
    const payload = this.livePayload() ?? this.shown ?? this.runs.latest();
    this.open(payload);
  }

  /**
   * "DeepScope: Open Training Run…": any run log of the workspace, or the log `file` (the Explorer's
   * menu on a .jsonl). Returns the run shown, undefined when none is.
   */
  async openRun(file?: vscode.Uri): Promise<RunSnapshot | undefined> {
    const payload = file instanceof vscode.Uri ? this.runs.loadFile(file.fsPath) : await this.runs.pick(vscode.l10n.t('DeepScope: Open Training Run'), vscode.l10n.t('Choose a run to show in the dashboard'));
    if (payload) this.open(payload);
    return payload?.run;
  }

  /**
   * "DeepScope: Compare with Another Run…" (also the dashboard header's button): picks another run
   * of the workspace to show beside the shown one. Returns the compared run, undefined when none is.
   */
  async compareRun(): Promise<RunSnapshot | undefined> {
    const current = this.current();
    if (!current) {
      void vscode.window.showInformationMessage(vscode.l10n.t('DeepScope has no run to compare yet: train a model or open a run first.'));
      return undefined;
    }
    const other = await this.runs.pick(
      vscode.l10n.t('DeepScope: Compare with Another Run'),
      vscode.l10n.t('Choose a run to show beside {0}', path.basename(current.run.start.modelFile)),
      current.run.id,
    );
    if (!other) return undefined;
    if (!this.panel || !this.shown) this.open(current);
    this.compared = { run: other.run, findings: other.findings };
    this.panel?.post({ type: 'compare', run: other.run });
    return other.run;
  }

  /** Back to the shown run alone. */
  stopComparing(): void {
    this.compared = undefined;
    this.panel?.post({ type: 'compare' });
  }

  /** "DeepScope: Save Training Report": the shown run (and the compared one) as one standalone HTML file. */
  async saveReport(): Promise<vscode.Uri | undefined> {
    const shown = this.current();
    const payload = shown && this.compared && this.compared.run.id !== shown.run.id ? { ...shown, compare: this.compared } : shown;
    if (!payload) {
      void vscode.window.showInformationMessage(vscode.l10n.t('DeepScope has no run to report yet: train a model first.'));
      return undefined;
    }
    const model = payload.run.start.modelFile;
    const target = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('DeepScope: Save Training Report'),
      defaultUri: vscode.Uri.file(path.join(path.dirname(model), `${path.basename(model, path.extname(model))}-report.html`)),
      filters: { HTML: ['html'] },
    });
    if (!target) return undefined;
    const languages = { ui: displayLanguage(), explanations: explanationLanguage() };
    const html = reportHtml(payload, vscode.Uri.joinPath(this.context.extensionUri, 'out', 'webviews').fsPath, languages);
    await vscode.workspace.fs.writeFile(target, Buffer.from(html, 'utf8'));
    void vscode.window.showInformationMessage(vscode.l10n.t('DeepScope saved the report to {0}.', vscode.workspace.asRelativePath(target)));
    return target;
  }

  dispose(): void {
    this.panel?.panel.dispose();
    this.disposables.dispose();
  }

  private follow(session: TrainingSession): void {
    const recorder = new RunRecorder(session.id);
    this.recorder = recorder;
    this.findings = [];
    const openOnTrain = openDashboardOnTrain();
    const flush = (): void => {
      const progress = recorder.takeProgress();
      if (this.recorder !== recorder) return;
      if (progress.frames.length + progress.epochs.length + progress.steps.length > 0) {
        this.panel?.post({ type: 'progress', ...progress });
      }
    };
    const timer = setInterval(flush, UPDATE_INTERVAL_MS);
    const subscription = session.subscribe((record) => {
      recorder.add(record);
      if (this.recorder !== recorder) return;
      if (record.type === 'start') {
        recorder.takeProgress();
        if (this.panel || openOnTrain) this.open({ run: recorder.snapshot()!, findings: [] });
      } else if (record.type === 'findings') {
        this.findings = record.findings;
        this.panel?.post({ type: 'findings', findings: record.findings });
      } else if (record.type === 'end' || record.type === 'error') {
        clearInterval(timer);
        subscription.dispose();
        flush();
        const run = recorder.snapshot();
        if (run) {
          this.panel?.post({ type: 'status', status: run.status, message: run.statusMessage, unwatchedModels: run.unwatchedModels });
          this.shown = { run, findings: this.findings };
        }
      }
    });
    // The run always ends with an end or error record; this only releases the timer if it never started.
    const release = (): void => clearInterval(timer);
    session.done.then(release, release);
  }

  /** The run the panel shows, up to date when it is the live one; else the live run, else the latest log. */
  private current(): ReportPayload | undefined {
    const live = this.livePayload();
    if (this.shown) return live?.run.id === this.shown.run.id ? live : this.shown;
    return live ?? this.runs.latest();
  }

  private livePayload(): ReportPayload | undefined {
    const run = this.recorder?.snapshot();
    return run ? { run, findings: this.findings } : undefined;
  }


  private open(payload: ReportPayload | undefined): void {
    if (!this.panel) {
      this.attach(DashboardPanel.create(this.context.extensionUri, this.language(), (message) => this.handle(message), () => this.resend()));
    }
    this.panel?.reveal();
    this.send(payload);
  }

  /** Shows `payload` in the panel, with the compared run beside it (unless it is that run). */
  private send(payload: ReportPayload | undefined): void {
    this.shown = payload;
    if (!payload) return;
    if (this.compared?.run.id === payload.run.id) this.compared = undefined;
    this.panel?.post({ type: 'snapshot', run: payload.run });
    this.panel?.post({ type: 'findings', findings: payload.findings });
    if (this.compared) this.panel?.post({ type: 'compare', run: this.compared.run });
  }

  private restore(webviewPanel: vscode.WebviewPanel, { runId, compareRunId }: DashboardState = {}): void {
    this.attach(new DashboardPanel(webviewPanel, this.context.extensionUri, this.language(), (message) => this.handle(message), () => this.resend()));
    const payload = runId !== undefined ? (this.livePayload()?.run.id === runId ? this.livePayload() : this.runs.load(runId)) : undefined;
    this.compared = payload && compareRunId !== undefined ? this.runs.load(compareRunId) : undefined;
    this.send(payload);
  }

  /** A re-created webview starts empty: send it the run it shows again (the live one, up to now). */
  private resend(): void {
    const live = this.livePayload();
    this.send(live && (!this.shown || this.shown.run.id === live.run.id) ? live : this.shown);
  }

  private attach(panel: DashboardPanel): void {
    this.panel?.panel.dispose();
    this.panel = panel;
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
    });
  }

  private handle(message: FromDashboard): void {
    if (message.type === 'compareRun') {
      void this.compareRun();
    } else if (message.type === 'stopComparing') {
      this.stopComparing();
    } else if (message.type === 'openNote') {
      void vscode.commands.executeCommand(OPEN_NOTE_COMMAND, message.topic);
    } else if (message.type === 'revealLine' && this.shown) {
      // The shown run's model file, or a file one of its findings is in: never any other path from the webview.
      const known = this.shown.findings.some((finding) => finding.file !== undefined && finding.file === message.file);
      const uri = vscode.Uri.file(known && message.file ? message.file : this.shown.run.start.modelFile);
      const line = Math.max(0, message.line - 1);
      void vscode.window.showTextDocument(uri, { selection: new vscode.Range(line, 0, line, 0), viewColumn: vscode.ViewColumn.One });
    }
  }

  private language(): Language {
    return explanationLanguage();
  }
}
