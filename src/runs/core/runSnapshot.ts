import type { Finding } from '../../diagnosis/core/findings';
import type { EpochRecord, ProbeFrame, RunStart } from './trainingData';

/** Where a run is (the dashboard header says it). `interrupted`: the log stops without an end (the producer was killed, VS Code closed, a crash). */
export type RunStatus = 'running' | 'finished' | 'cancelled' | 'failed' | 'interrupted';

/** A point of the step-loss curve: the mean loss of the steps since the previous point, at the last of them. */
export interface StepLoss {
  readonly step: number;
  readonly loss: number;
}

/**
 * Everything the dashboard draws for one run: recorded live or rebuilt from its run log (after a
 * reload too), and embedded in the standalone HTML report. `frames` is downsampled for long runs.
 */
export interface RunSnapshot {
  readonly id: string;
  readonly startedAt: number;
  readonly status: RunStatus;
  readonly statusMessage?: string;
  /** Runs of a program: the other models it trained, which DeepScope did not watch (told by the run's last record). */
  readonly unwatchedModels?: readonly string[];
  readonly start: RunStart;
  readonly history: readonly EpochRecord[];
  readonly steps: readonly StepLoss[];
  readonly frames: readonly ProbeFrame[];
}

/** How many probe frames a snapshot keeps: older ones are thinned out, so memory stays bounded. */
export const MAX_FRAMES = 240;
export const MAX_STEP_LOSSES = 2000;

/**
 * Appends to a list kept under `max` items by dropping every other item of its older half: recent
 * history stays dense, old history coarse (as TensorBoard's reservoir keeps a bounded sample).
 * Returns true when it thinned the list (charts then redraw from scratch).
 */
export function appendBounded<T>(list: T[], items: readonly T[], max: number): boolean {
  list.push(...items);
  if (list.length <= max) {
    return false;
  }
  const half = Math.floor(list.length / 2);
  const older = list.slice(0, half).filter((_, i) => i % 2 === 0);
  list.splice(0, half, ...older);
  return true;
}

/** One run as the dashboard and the report show it: what it drew, and the diagnosis's findings. */
export interface ReportedRun {
  readonly run: RunSnapshot;
  readonly findings: readonly Finding[];
}

/** What the standalone HTML report embeds (as JSON, in a non-executable script element). */
export interface ReportPayload extends ReportedRun {
  /** A second run, shown beside the first (`deepscope report a.jsonl b.jsonl`). */
  readonly compare?: ReportedRun;
}
