import * as vscode from 'vscode';
import type { Finding } from '../../diagnosis/core/findings';
import type { ReportPayload, RunSnapshot } from '../core/runSnapshot';
import { typedArraysAsArrays } from '../../common/core/plainJson';

const KEEP_RUNS = 10;

export interface StoredRunInfo {
  readonly id: string;
  readonly modelFile: string;
  readonly startedAt: number;
  readonly status: RunSnapshot['status'];
  readonly epochs: number;
  readonly finalLoss?: number;
}

/**
 * The last runs of this workspace, as JSON files in the extension's workspace storage, so a
 * dashboard can be restored after a reload and older runs reopened. Keeps the 10 most recent.
 */
export class RunStore {
  constructor(private readonly folder: vscode.Uri) {}

  async save(run: RunSnapshot, findings: readonly Finding[]): Promise<void> {
    await vscode.workspace.fs.createDirectory(this.folder);
    const payload: ReportPayload = { run, findings };
    await vscode.workspace.fs.writeFile(this.file(run.id), Buffer.from(JSON.stringify(payload, typedArraysAsArrays)));
    await this.prune();
  }

  async load(id: string): Promise<ReportPayload | undefined> {
    if (!/^[\w-]+$/.test(id)) return undefined;
    try {
      const bytes = await vscode.workspace.fs.readFile(this.file(id));
      return JSON.parse(Buffer.from(bytes).toString('utf8')) as ReportPayload;
    } catch {
      return undefined;
    }
  }

  /** Most recent first. */
  async list(): Promise<StoredRunInfo[]> {
    const ids = await this.ids();
    const runs = await Promise.all(ids.map((id) => this.load(id)));
    return runs
      .filter((payload): payload is ReportPayload => payload !== undefined)
      .map(({ run }) => ({
        id: run.id,
        modelFile: run.start.modelFile,
        startedAt: run.startedAt,
        status: run.status,
        epochs: run.history.length,
        finalLoss: run.history.at(-1)?.loss,
      }))
      .sort((a, b) => b.startedAt - a.startedAt);
  }

  private async ids(): Promise<string[]> {
    try {
      const entries = await vscode.workspace.fs.readDirectory(this.folder);
      return entries.filter(([name]) => name.endsWith('.json')).map(([name]) => name.slice(0, -'.json'.length));
    } catch {
      return [];
    }
  }

  private async prune(): Promise<void> {
    // Run ids start with the start time, so sorting them sorts by age.
    const ids = (await this.ids()).sort();
    for (const id of ids.slice(0, Math.max(0, ids.length - KEEP_RUNS))) {
      await vscode.workspace.fs.delete(this.file(id)).then(undefined, () => undefined);
    }
  }

  private file(id: string): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, `${id}.json`);
  }
}
