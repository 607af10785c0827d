import * as path from 'node:path';
import * as vscode from 'vscode';
import { EngineError } from '../../engine/engineError';
import type { RunSummary } from '../../engine/train';
import type { ProcessRunSummary } from '../core/trainInProcess';
import type { ProgramOutcome } from '../core/programInProcess';
import { startProgramSession } from './programSession';
import { pythonInterpreterFor } from './pythonExtension';
import { TrainingSession } from './trainingSession';
import { runsSettings, trainingSettings } from '../../common/vscode/settings';
import { TrainingStatusBar } from './trainingStatusBar';

const MODEL_LANGUAGES = new Set(['typescript', 'javascript']);
/** Run with DeepScope also takes PyTorch scripts. */
const PROGRAM_LANGUAGES = new Set([...MODEL_LANGUAGES, 'python']);

/**
 * "Train Model" and "Stop Training": one run at a time, in a separate process, with a
 * cancellable progress notification, a status bar item, and problems in the model module
 * reported as diagnostics on their line.
 */
export class TrainingController implements vscode.Disposable {
  /** The current run: a model module trained by DeepScope or a program run with DeepScope. */
  private session: TrainingSession | undefined;
  /** The run followed from a log another process writes. */
  private followed: TrainingSession | undefined;
  private readonly statusBar = new TrainingStatusBar();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('deepscope-training');
  private readonly log = vscode.window.createOutputChannel('DeepScope', { log: true });
  private readonly programOutput = vscode.window.createOutputChannel(vscode.l10n.t('DeepScope: Program Output'));
  private readonly sessionStarted = new vscode.EventEmitter<TrainingSession>();
  /** A run started (the dashboard listens to its events). */
  readonly onDidStartSession = this.sessionStarted.event;

  get current(): TrainingSession | undefined {
    return this.session;
  }

  /** Trains the model module at `uri` (default: the active editor). Resolves with the run, or undefined if none ran. */
  async train(uri?: vscode.Uri): Promise<ProcessRunSummary | undefined> {
    const document = await this.modelDocument(uri, vscode.l10n.t('DeepScope: open a model module (a .ts or .js file exporting createModel, loadData and training) to train it.'));
    if (!document || !(await this.stopRunningFirst(document))) {
      return undefined;
    }
    const settings = trainingSettings(document.uri);
    const runs = runsSettings(document.uri);
    this.diagnostics.delete(document.uri);
    const session = new TrainingSession<ProcessRunSummary>({
      file: document.uri.fsPath,
      contents: document.isDirty ? document.getText() : undefined,
      ...settings,
      runsDirectory: runs.directory,
      keepRunsPerFile: runs.keepPerFile,
    });
    this.session = session;
    this.sessionStarted.fire(session);
    const name = path.basename(document.uri.fsPath);
    this.log.info(`Training ${document.uri.fsPath} (backend setting: ${settings.backend}); run log: ${session.logFile ?? 'none'}`);
    if (session.logProblem) this.log.warn(session.logProblem);
    try {
      const summary = await this.withProgress(session, vscode.l10n.t('DeepScope: training {0}', name));
      this.reportFinished(summary, name);
      return summary;
    } catch (error) {
      this.reportFailure(error, name, 'train');
      return undefined;
    } finally {
      if (this.session === session) this.session = undefined;
    }
  }

  /**
   * Runs the program at `uri` (default: the active editor) unchanged, watching its fits. Resolves with
   * how it ended, or undefined if it did not start.
   */
  async runProgram(uri?: vscode.Uri): Promise<ProgramOutcome | undefined> {
    const document = await this.modelDocument(uri, vscode.l10n.t('DeepScope: open a JavaScript or TypeScript program, or a PyTorch script, to run it.'), PROGRAM_LANGUAGES);
    if (!document || !(await this.stopRunningFirst(document))) return undefined;
    // The program reads its files from disk, as under node: unsaved changes would not be what runs.
    if (document.isDirty && !(await document.save())) return undefined;
    const runs = runsSettings(document.uri);
    this.diagnostics.delete(document.uri);
    const interpreter = await pythonInterpreterFor(document.uri);
    const { session, failure } = startProgramSession(
      { file: document.uri.fsPath, ...trainingSettings(document.uri), runsDirectory: runs.directory, keepRunsPerFile: runs.keepPerFile },
      interpreter,
      this.programOutput,
      this.log,
    );
    this.session = session;
    this.sessionStarted.fire(session);
    const name = path.basename(document.uri.fsPath);
    this.log.info(`Running ${document.uri.fsPath}; run log: ${session.logFile ?? 'none'}`);
    try {
      const outcome = await this.withProgress(session, vscode.l10n.t('DeepScope: running {0}', name));
      const failed = failure();
      if (failed && !outcome.cancelled) this.reportFailure(new EngineError(failed.kind === 'internal' ? 'program' : failed.kind, failed.message, failed.location), name, 'run');
      else this.reportFinished(outcome, name);
      return outcome;
    } catch (error) {
      this.reportFailure(error, name, 'run');
      return undefined;
    } finally {
      if (this.session === session) this.session = undefined;
    }
  }

  /**
   * A run another process writes (a notebook's `deepscope.watch`, a terminal's `deepscope`), followed
   * from its log: the dashboard and the diagnosis take it as they take DeepScope's own runs. The run
   * followed before it stops being followed.
   */
  follow(session: TrainingSession): void {
    this.followed?.cancel();
    this.followed = session;
    this.sessionStarted.fire(session);
  }

  /** Whether `logFile` is the log of a run DeepScope itself produces now (its records come live, not from the file). */
  writes(logFile: string): boolean {
    return this.session?.logFile === logFile;
  }

  /** Stops the current run after its current batch. False when nothing was training. */
  stop(): boolean {
    if (!this.session) {
      void vscode.window.showInformationMessage(vscode.l10n.t('DeepScope: no model is training.'));
      return false;
    }
    this.session.cancel();
    return true;
  }

  dispose(): void {
    this.session?.dispose();
    this.followed?.dispose();
    this.statusBar.dispose();
    this.diagnostics.dispose();
    this.log.dispose();
    this.programOutput.dispose();
    this.sessionStarted.dispose();
  }

  private async modelDocument(
    uri: vscode.Uri | undefined,
    /** What to say when no such document is open. */
    missing: string,
    languages: ReadonlySet<string> = MODEL_LANGUAGES,
  ): Promise<vscode.TextDocument | undefined> {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document || document.uri.scheme !== 'file' || !languages.has(document.languageId)) {
      void vscode.window.showErrorMessage(missing);
      return undefined;
    }
    return document;
  }

  private async stopRunningFirst(document: vscode.TextDocument): Promise<boolean> {
    const running = this.session;
    if (!running) return true;
    const stopAndTrain = vscode.l10n.t('Stop and Train');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('DeepScope is already training {0}. Stop it and train {1}?', path.basename(running.options.file), path.basename(document.uri.fsPath)),
      { modal: true },
      stopAndTrain,
    );
    if (answer !== stopAndTrain) return false;
    running.cancel();
    await running.done.catch(() => undefined);
    return true;
  }

  private withProgress<S extends RunSummary>(session: TrainingSession<S>, title: string): Thenable<S> {
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      (progress, token) => {
        token.onCancellationRequested(() => session.cancel());
        let reported = 0;
        let totalSteps = 1;
        session.subscribe((event) => {
          if (event.type === 'start') {
            totalSteps = Math.max(1, event.epochs * event.stepsPerEpoch);
            this.log.info(`Backend: ${event.backend}; ${event.epochs} epochs of ${event.stepsPerEpoch} steps`);
            this.statusBar.running(event, 0, undefined);
          } else if (event.type === 'steps') {
            const last = event.losses[event.losses.length - 1];
            if (!last) return;
            const done = (100 * (last.step + 1)) / totalSteps;
            progress.report({ increment: done - reported, message: vscode.l10n.t('epoch {0} · loss {1}', last.epoch + 1, last.loss.toPrecision(3)) });
            reported = done;
            const start = session.started;
            if (start) this.statusBar.running(start, last.epoch, last.loss);
          } else if (event.type === 'epoch') {
            this.log.info(`epoch ${event.epoch + 1}: loss ${event.loss} lr ${event.lr}`);
          }
        });
        return session.done;
      },
    );
  }

  private reportFinished(summary: RunSummary, name: string): void {
    const last = summary.history.at(-1);
    const loss = last ? last.loss.toPrecision(3) : 'n/a';
    const verb = summary.cancelled ? 'stopped' : 'trained';
    const { backend } = summary.start;
    const epochs = summary.history.length;
    this.statusBar.finished(
      `$(${summary.cancelled ? 'debug-stop' : 'check'}) ${vscode.l10n.t('DeepScope: loss {0} · {1}', loss, backend)}`,
      summary.cancelled
        ? vscode.l10n.t('{0} stopped after {1} epoch(s) on the {2} backend.', name, epochs, backend)
        : vscode.l10n.t('{0} trained for {1} epoch(s) on the {2} backend.', name, epochs, backend),
    );
    this.log.info(`${name} ${verb} after ${summary.history.length} epoch(s); final loss ${loss}`);
  }

  private reportFailure(error: unknown, name: string, action: 'train' | 'run'): void {
    const message = error instanceof Error ? error.message : String(error);
    this.statusBar.finished(`$(error) ${action === 'train' ? vscode.l10n.t('DeepScope: training failed') : vscode.l10n.t('DeepScope: the run failed')}`, message);
    this.log.error(error instanceof EngineError ? error.format() : message);
    if (error instanceof EngineError && error.location) {
      const { file, line, column } = error.location;
      const position = new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1));
      const diagnostic = new vscode.Diagnostic(new vscode.Range(position, position.translate(0, 1)), message, vscode.DiagnosticSeverity.Error);
      diagnostic.source = 'DeepScope';
      diagnostic.code = error.kind;
      this.diagnostics.set(vscode.Uri.file(file), [diagnostic]);
    }
    void vscode.window.showErrorMessage(action === 'train' ? vscode.l10n.t('DeepScope could not train {0}: {1}', name, message) : vscode.l10n.t('DeepScope could not run {0}: {1}', name, message));
  }
}
