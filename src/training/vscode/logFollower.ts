/**
 * Watches the runs folder of every workspace folder for new run logs written by another process — a
 * notebook kernel or a script calling `deepscope.watch(model)`, a `deepscope` command in the terminal —
 * and has the dashboard and the diagnosis follow each one live, from the file. Logs of DeepScope's own
 * runs are skipped: their records arrive live already.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { tailRunLog, TAIL_POLL_MS } from '../../runs/core/logTail';
import { recordProblem } from '../../runs/core/readRunLog';
import { decodeLine } from '../../runs/core/runLogFormat';
import type { StartRecord } from '../../runs/core/runRecord';
import type { RunSummary } from '../../engine/train';
import type { EpochRecord } from '../../runs/core/trainingData';
import { runsSettings, trainingSettings } from '../../common/vscode/settings';
import type { TrainingController } from './trainingController';
import { TrainingSession } from './trainingSession';

/** A notebook may create its log well before its first step (data loading): wait that long for the start. */
const START_WAIT_MS = 10 * 60_000;

export class LogFollower implements vscode.Disposable {
  private watchers: vscode.FileSystemWatcher[] = [];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly training: TrainingController) {
    this.watch();
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.watch()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('deepscope.runs.directory')) this.watch();
      }),
    );
  }

  dispose(): void {
    this.watchers.forEach((watcher) => watcher.dispose());
    this.disposables.forEach((disposable) => disposable.dispose());
  }

  private watch(): void {
    this.watchers.forEach((watcher) => watcher.dispose());
    this.watchers = (vscode.workspace.workspaceFolders ?? []).map((folder) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(runsSettings(folder.uri).directory), '*.jsonl'), false, true, true);
      watcher.onDidCreate((uri) => {
        if (!this.training.writes(uri.fsPath)) this.follow(uri.fsPath, folder.uri);
      });
      return watcher;
    });
  }

  /** Waits for the log's start record (a producer writes it at its first optimiser step), then follows the run. */
  private follow(logFile: string, folder: vscode.Uri): void {
    const deadline = Date.now() + START_WAIT_MS;
    const look = (): void => {
      const start = startRecordOf(logFile);
      if (start) return this.training.follow(this.session(logFile, start, folder));
      if (Date.now() < deadline) setTimeout(look, TAIL_POLL_MS);
    };
    look();
  }

  private session(logFile: string, start: StartRecord, folder: vscode.Uri): TrainingSession {
    const history: EpochRecord[] = [];
    void vscode.window.setStatusBarMessage(vscode.l10n.t('DeepScope: following {0} ({1})', path.basename(start.modelFile), path.basename(logFile)), 5000);
    return new TrainingSession<RunSummary>({ file: start.modelFile, ...trainingSettings(folder), keepRunsPerFile: 1 }, (emit, signal) =>
      tailRunLog(
        logFile,
        (record) => {
          if (record.type === 'epoch') history.push(record);
          // The diagnosis is this session's own; a producer's findings are not replayed over it.
          if (record.type !== 'findings') emit(record);
        },
        signal,
      ).then((outcome) => {
        if (outcome.problem) emit({ type: 'error', kind: 'internal', message: outcome.problem, endedAt: new Date().toISOString() });
        return { start, history, cancelled: !outcome.ended };
      }),
    );
  }
}

/** The log's first line when it is a whole start record, else undefined (not written yet, or not a run log). */
function startRecordOf(logFile: string): StartRecord | undefined {
  try {
    const text = readFileSync(logFile, 'utf8');
    const newline = text.indexOf('\n');
    if (newline < 0) return undefined;
    const value = decodeLine(text.slice(0, newline));
    return recordProblem(value, true) === undefined ? (value as StartRecord) : undefined;
  } catch {
    return undefined;
  }
}
