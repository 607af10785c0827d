import { MAX_FRAMES, MAX_STEP_LOSSES, appendBounded, type RunSnapshot, type RunStatus, type StepLoss } from '../shared/runSnapshot';
import type { EpochRecord, ProbeFrame, RunStart } from '../shared/trainingData';
import type { TrainListener } from '../engine/train';

/** What arrived since the last `takeProgress()`. */
export interface Progress {
  readonly frames: ProbeFrame[];
  readonly epochs: EpochRecord[];
  readonly steps: StepLoss[];
}

/**
 * Records a run as it goes into a bounded RunSnapshot (what the dashboard shows, what is saved
 * and what the HTML report embeds), and keeps what is new since the last look so a viewer can be
 * sent only that.
 */
export class RunRecorder implements TrainListener {
  private start: RunStart | undefined;
  private status: RunStatus = 'running';
  private statusMessage: string | undefined;
  private readonly history: EpochRecord[] = [];
  private readonly steps: StepLoss[] = [];
  private readonly frames: ProbeFrame[] = [];
  private pending: Progress = { frames: [], epochs: [], steps: [] };

  constructor(
    readonly id: string,
    readonly startedAt: number = Date.now(),
  ) {}

  get started(): RunStart | undefined {
    return this.start;
  }

  onStart(start: RunStart): void {
    this.start = start;
  }

  onBatch(step: number, _epoch: number, loss: number): void {
    const item = { step, loss };
    appendBounded(this.steps, [item], MAX_STEP_LOSSES);
    this.pending.steps.push(item);
  }

  onProbe(frame: ProbeFrame): void {
    appendBounded(this.frames, [frame], MAX_FRAMES);
    this.pending.frames.push(frame);
  }

  onEpoch(record: EpochRecord): void {
    this.history.push(record);
    this.pending.epochs.push(record);
  }

  finish(status: Exclude<RunStatus, 'running'>, message?: string): void {
    this.status = status;
    this.statusMessage = message;
  }

  /** New data since the previous call (empty lists when nothing arrived). */
  takeProgress(): Progress {
    const progress = this.pending;
    this.pending = { frames: [], epochs: [], steps: [] };
    return progress;
  }

  /** The run so far; undefined until the training process has described the model. */
  snapshot(): RunSnapshot | undefined {
    if (!this.start) return undefined;
    return {
      id: this.id,
      startedAt: this.startedAt,
      status: this.status,
      statusMessage: this.statusMessage,
      start: this.start,
      history: [...this.history],
      steps: [...this.steps],
      frames: [...this.frames],
    };
  }
}
