/**
 * The workspace's run logs as the extension shows them: listed for *Open Training Run…*, loaded
 * (as far as they go) for the dashboard and the report. The logs themselves are the storage: nothing
 * is copied into VS Code's own storage.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { runsSettings } from '../../common/vscode/settings';
import { readRunLogFile, RunLogError } from '../core/readRunLog';
import { listRunLogs, runIdOf, runLogPath, type RunLogListing, type RunLogSummary } from '../core/runLogFiles';
import { RunRecorder } from '../core/runRecorder';
import type { ReportPayload } from '../core/runSnapshot';

export class WorkspaceRuns {
  /** The runs folder of the workspace (the first folder's, as set by `deepscope.runs.directory`). */
  directory(): string {
    return runsSettings(vscode.workspace.workspaceFolders?.[0]?.uri).directory;
  }

  list(): RunLogListing {
    return listRunLogs(this.directory());
  }

  /** A saved run of the runs folder as the dashboard shows it; undefined (after telling the user why) when its log is unreadable. */
  load(id: string): ReportPayload | undefined {
    return /^[\w-]+$/.test(id) ? this.loadFile(runLogPath(this.directory(), id)) : undefined;
  }

  /** Any run log file (the Explorer's "Open in DeepScope Dashboard" on a .jsonl), as far as it goes. */
  loadFile(file: string): ReportPayload | undefined {
    try {
      return RunRecorder.fromLog(readRunLogFile(file), runIdOf(file)).reported();
    } catch (error) {
      if (!(error instanceof RunLogError)) throw error;
      void vscode.window.showErrorMessage(vscode.l10n.t('DeepScope cannot open this run: {0}', error.message));
      return undefined;
    }
  }

  /** The most recent run of the workspace, if any. */
  latest(): ReportPayload | undefined {
    const [latest] = this.list().runs;
    return latest && this.load(latest.id);
  }

  /** Lets the user pick a run; `exclude`: a run not to offer (the one already shown). */
  async pick(title: string, placeHolder: string, exclude?: string): Promise<ReportPayload | undefined> {
    const { runs, problems } = this.list();
    const offered = runs.filter((run) => run.id !== exclude);
    if (offered.length === 0 && problems.length === 0) {
      const folder = vscode.workspace.asRelativePath(this.directory());
      void vscode.window.showInformationMessage(
        exclude ? vscode.l10n.t('DeepScope has no other saved run in {0} yet: train a model first.', folder) : vscode.l10n.t('DeepScope has no saved run in {0} yet: train a model first.', folder),
      );
      return undefined;
    }
    type Item = vscode.QuickPickItem & { readonly id?: string; readonly problem?: RunLogError };
    const items: Item[] = [
      ...offered.map((run): Item => ({ id: run.id, label: path.basename(run.modelFile), description: runDescription(run), detail: runDetail(run) })),
      ...problems.map((problem): Item => ({ problem, label: `$(warning) ${path.basename(problem.file)}`, description: vscode.l10n.t('unreadable run log'), detail: problem.message })),
    ];
    const picked = await vscode.window.showQuickPick(items, { title, placeHolder, matchOnDescription: true, matchOnDetail: true });
    if (picked?.problem) {
      void vscode.window.showErrorMessage(vscode.l10n.t('DeepScope cannot open this run: {0}', picked.problem.message));
      return undefined;
    }
    return picked?.id ? this.load(picked.id) : undefined;
  }
}

function runDescription(run: RunLogSummary): string {
  const status = run.status === 'interrupted' ? '$(debug-disconnect) interrupted' : run.status;
  return `${new Date(run.startedAt).toLocaleString()} · ${run.backend} · ${status}`;
}

function runDetail(run: RunLogSummary): string {
  const loss = run.finalLoss === undefined ? '' : ` · final loss ${run.finalLoss.toPrecision(3)}`;
  const findings = run.findings === 0 ? 'no finding' : `${run.findings} finding${run.findings === 1 ? '' : 's'}`;
  return `${vscode.workspace.asRelativePath(run.modelFile)} · ${run.epochs} epoch(s)${loss} · ${findings}`;
}
