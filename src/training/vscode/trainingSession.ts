import * as vscode from 'vscode';
import type { RunSource, Subscription } from '../../runs/core/recordStream';
import type { RunRecord, StartRecord } from '../../runs/core/runRecord';
import type { BackendPreference } from '../core/backendPreference';
import type { RunSummary } from '../../engine/train';
import { TrainingRun, type RunProducer } from '../core/trainingRun';

export interface SessionOptions {
  readonly file: string;
  /** Unsaved editor text, trained as is without saving the user's file. */
  readonly contents?: string;
  readonly backend: BackendPreference;
  readonly probeEverySteps: number;
  readonly watchLayers?: readonly string[];
  readonly maxMemoryMb: number;
  /** Absent: DeepScope writes no log of its own (a run followed from another process's log). */
  readonly runsDirectory?: string;
  readonly keepRunsPerFile: number;
}

/**
 * One training run of the extension: a TrainingRun (process, log, diagnosis) that VS Code
 * consumers subscribe to — a model module trained by DeepScope, or a program run with DeepScope
 * (`produce`). Disposing it cancels the run (the process stops after its current batch, or is killed).
 */
export class TrainingSession<S extends RunSummary = RunSummary> implements vscode.Disposable, RunSource {
  private readonly run: TrainingRun<S>;
  readonly done: Promise<S>;
  /** The run's description, once the training process has loaded the model. */
  started: StartRecord | undefined;

  constructor(
    readonly options: SessionOptions,
    produce?: RunProducer<S>,
  ) {
    this.run = new TrainingRun<S>({
      file: options.file,
      contents: options.contents,
      backend: options.backend,
      probeEverySteps: options.probeEverySteps,
      watchLayers: options.watchLayers,
      maxMemoryMb: options.maxMemoryMb,
      runsDirectory: options.runsDirectory,
      keepRunsPerFile: options.keepRunsPerFile,
    }, produce);
    this.run.subscribe((record) => {
      if (record.type === 'start') this.started = record;
    });
    this.done = this.run.done;
  }

  get id(): string {
    return this.run.id;
  }

  get logFile(): string | undefined {
    return this.run.logFile;
  }

  get logProblem(): string | undefined {
    return this.run.logProblem;
  }

  subscribe(listener: (record: RunRecord) => void): Subscription {
    return this.run.subscribe(listener);
  }

  cancel(): void {
    this.run.cancel();
  }

  dispose(): void {
    this.cancel();
  }
}
