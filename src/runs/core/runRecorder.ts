import { MAX_FRAMES, MAX_STEP_LOSSES, appendBounded, type ReportedRun, type RunSnapshot, type RunStatus, type StepLoss } from './runSnapshot';
import type { Finding } from '../../diagnosis/core/findings';
import type { RunLog } from './readRunLog';
import type { RunConsumer, RunRecord } from './runRecord';
import type { BatchLoss, EpochRecord, ProbeFrame, RunStart } from './trainingData';

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
export class RunRecorder implements RunConsumer {
  private start: RunStart | undefined;
  private status: RunStatus = 'running';
  private statusMessage: string | undefined;
  private unwatchedModels: readonly string[] | undefined;
  private readonly history: EpochRecord[] = [];
  private readonly steps: StepLoss[] = [];
  /** Losses of the steps since the last recorded point. */
  private window = { sum: 0, count: 0 };
  private readonly frames: ProbeFrame[] = [];
  private latestFindings: readonly Finding[] = [];
  private pending: Progress = { frames: [], epochs: [], steps: [] };

  constructor(
    readonly id: string,
    readonly startedAt: number = Date.now(),
  ) {}

  /** A saved run, as far as its log goes (a log without an end is marked interrupted). */
  static fromLog(log: RunLog, id: string): RunRecorder {
    const recorder = new RunRecorder(id, Date.parse(log.start.startedAt) || 0);
    log.records.forEach((record) => recorder.add(record));
    if (log.interrupted) recorder.finish('interrupted', 'The run was cut off: its log ends without an end record.');
    return recorder;
  }

  get started(): RunStart | undefined {
    return this.start;
  }

  /** The diagnosis's findings, as last recorded in the run. */
  get findings(): readonly Finding[] {
    return this.latestFindings;
  }

  add(record: RunRecord): void {
    switch (record.type) {
      case 'start':
        return this.onStart(record);
      case 'steps':
        return this.onBatches(record.losses);
      case 'probe':
        return this.onProbe(record);
      case 'epoch':
        return this.onEpoch(record);
      case 'findings':
        this.latestFindings = record.findings;
        return;
      case 'end':
        this.unwatchedModels = record.unwatchedModels;
        return this.finish(record.status);
      case 'error':
        this.unwatchedModels = record.unwatchedModels;
        return this.finish('failed', record.message);
    }
  }

  onStart(start: RunStart): void {
    this.start = start;
  }

  /**
   * Every step's loss arrives; the run keeps one point per `stride` steps (their mean), the stride set
   * from the run's length so a whole run fits in MAX_STEP_LOSSES points: the curve is the same on every
   * run of the same model, and viewers never have to thin and redraw it.
   */
  onBatches(losses: readonly BatchLoss[]): void {
    const stride = this.start ? Math.max(1, Math.ceil((this.start.epochs * this.start.stepsPerEpoch) / MAX_STEP_LOSSES)) : 1;
    const items: StepLoss[] = [];
    for (const { step, loss } of losses) {
      this.window.sum += loss;
      this.window.count += 1;
      if ((step + 1) % stride !== 0) continue;
      items.push({ step, loss: this.window.sum / this.window.count });
      this.window = { sum: 0, count: 0 };
    }
    appendBounded(this.steps, items, MAX_STEP_LOSSES);
    this.pending.steps.push(...items);
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

  /** The run so far with its last recorded findings, as a report embeds it; undefined before the start record. */
  reported(): ReportedRun | undefined {
    const run = this.snapshot();
    return run && { run, findings: this.latestFindings };
  }

  /** The run so far; undefined until the training process has described the model. */
  snapshot(): RunSnapshot | undefined {
    if (!this.start) return undefined;
    return {
      id: this.id,
      startedAt: this.startedAt,
      status: this.status,
      statusMessage: this.statusMessage,
      ...(this.unwatchedModels?.length ? { unwatchedModels: this.unwatchedModels } : {}),
      start: this.start,
      history: [...this.history],
      steps: [...this.steps],
      frames: [...this.frames],
    };
  }
}
