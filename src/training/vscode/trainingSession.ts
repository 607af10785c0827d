import * as vscode from 'vscode';
import type { BackendPreference } from '../core/backendPreference';
import { trainInProcess, type ProcessRunSummary } from '../core/trainInProcess';
import type { BatchLoss, EpochRecord, ProbeFrame, RunStart } from '../../runs/core/trainingData';

export type SessionEvent =
  | { readonly type: 'start'; readonly start: RunStart }
  | { readonly type: 'batches'; readonly losses: readonly BatchLoss[] }
  | { readonly type: 'probe'; readonly frame: ProbeFrame }
  | { readonly type: 'epoch'; readonly record: EpochRecord };

export interface SessionOptions {
  readonly file: string;
  /** Unsaved editor text, trained as is without saving the user's file. */
  readonly contents?: string;
  readonly backend: BackendPreference;
  readonly probeEverySteps: number;
  readonly watchLayers?: readonly string[];
  readonly maxMemoryMb: number;
}

/**
 * One training run of the extension: a training process plus the events it reports. Disposing
 * it cancels the run (the process stops after its current batch, or is killed).
 */
export class TrainingSession implements vscode.Disposable {
  private readonly abort = new AbortController();
  private readonly events = new vscode.EventEmitter<SessionEvent>();
  /** Fires for every event of the run, in order. */
  readonly onEvent = this.events.event;
  readonly done: Promise<ProcessRunSummary>;
  /** The run's description, once the training process has loaded the model. */
  started: RunStart | undefined;

  constructor(readonly options: SessionOptions) {
    this.done = trainInProcess(
      {
        file: options.file,
        contents: options.contents,
        backend: options.backend,
        probeEverySteps: options.probeEverySteps,
        watchLayers: options.watchLayers,
      },
      {
        onStart: (start) => {
          this.started = start;
          this.events.fire({ type: 'start', start });
        },
        onBatches: (losses) => this.events.fire({ type: 'batches', losses }),
        onProbe: (frame) => this.events.fire({ type: 'probe', frame }),
        onEpoch: (record) => this.events.fire({ type: 'epoch', record }),
      },
      { signal: this.abort.signal, maxMemoryMb: options.maxMemoryMb },
    );
    // Settled either way; listeners are released once the run is over.
    void this.done.then(
      () => this.events.dispose(),
      () => this.events.dispose(),
    );
  }

  cancel(): void {
    this.abort.abort();
  }

  dispose(): void {
    this.cancel();
  }
}
