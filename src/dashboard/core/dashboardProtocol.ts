/**
 * Messages between the extension host and the dashboard webview. Imported by both sides (no
 * `vscode`, no DOM). The webview says `ready` first; the host buffers until then.
 */
import type { Finding } from '../../diagnosis/core/findings';
import type { RunSnapshot, RunStatus, StepLoss } from '../../runs/core/runSnapshot';
import type { EpochRecord, ProbeFrame, RunStart } from '../../runs/core/trainingData';
import { TOPIC_IDS, type TopicId } from '../../notes/core/topicIds';
import { asRecord } from '../../common/core/untrusted';

export type ToDashboard =
  /** Replace everything shown with this run (open, restore, a new run). */
  | { readonly type: 'snapshot'; readonly run: RunSnapshot }
  | { readonly type: 'start'; readonly id: string; readonly start: RunStart }
  | { readonly type: 'progress'; readonly frames: readonly ProbeFrame[]; readonly epochs: readonly EpochRecord[]; readonly steps: readonly StepLoss[] }
  | { readonly type: 'status'; readonly status: RunStatus; readonly message?: string; readonly unwatchedModels?: readonly string[] }
  | { readonly type: 'findings'; readonly findings: readonly Finding[] }
  /** Show another run beside the shown one (curves overlaid, layers side by side); no run: stop comparing. */
  | { readonly type: 'compare'; readonly run?: RunSnapshot };

export type FromDashboard =
  | { readonly type: 'ready' }
  | { readonly type: 'openNote'; readonly topic: TopicId }
  /**
   * Reveal a line of the run's model file, or of `file` when a finding of the run points there (the
   * host opens no other path from a webview).
   */
  | { readonly type: 'revealLine'; readonly line: number; readonly file?: string }
  /** The header's buttons: pick a run to compare with (the host shows the list), or stop comparing. */
  | { readonly type: 'compareRun' }
  | { readonly type: 'stopComparing' };

/** Checks a message from the webview; anything malformed is dropped. */
export function parseFromDashboard(value: unknown): FromDashboard | undefined {
  const message = asRecord(value);
  switch (message?.type) {
    case 'ready':
    case 'compareRun':
    case 'stopComparing':
      return { type: message.type };
    case 'openNote':
      return typeof message.topic === 'string' && (TOPIC_IDS as readonly string[]).includes(message.topic)
        ? { type: 'openNote', topic: message.topic as TopicId }
        : undefined;
    case 'revealLine':
      return typeof message.line === 'number' && Number.isInteger(message.line) && message.line >= 1 && message.line < 1e7
        ? { type: 'revealLine', line: message.line, ...(typeof message.file === 'string' ? { file: message.file } : {}) }
        : undefined;
    default:
      return undefined;
  }
}

/** What the dashboard webview keeps across a reload (webviews/dashboard/main.ts writes it): the runs it showed. */
export interface DashboardState {
  readonly runId?: string;
  readonly compareRunId?: string;
}

/** Checks the state VS Code hands back on restore (the webview wrote it, so it is not trusted either). */
export function parseDashboardState(value: unknown): DashboardState {
  const state = asRecord(value);
  return {
    ...(typeof state?.runId === 'string' ? { runId: state.runId } : {}),
    ...(typeof state?.compareRunId === 'string' ? { compareRunId: state.compareRunId } : {}),
  };
}
