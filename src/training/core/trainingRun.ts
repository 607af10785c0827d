/**
 * One training run as everything else sees it: the training process's records, the diagnosis's
 * findings added as they change, all written to the run's log as they happen and handed to
 * subscribers (the dashboard, the Problems panel, the CLI's progress). VS Code's session and the CLI
 * both start runs through this class, so a run from either leaves the same log.
 */
import { readFileSync, rmSync } from 'node:fs';
import { Diagnoser } from '../../diagnosis/core/diagnoser';
import { RecordStream, type RunSource, type Subscription } from '../../runs/core/recordStream';
import { DEFAULT_KEEP_RUNS_PER_FILE, newRunId, pruneRunLogs, runLogPath } from '../../runs/core/runLogFiles';
import { RunLogWriter } from '../../runs/core/runLogWriter';
import type { RunRecord } from '../../runs/core/runRecord';
import { trainInProcess, type ProcessRunSummary } from './trainInProcess';
import type { TrainingProcessOptions } from './trainingProtocol';

export interface TrainingRunOptions extends TrainingProcessOptions {
  /** Folder of run logs; without it the run is not logged (tests, benchmarks). */
  readonly runsDirectory?: string;
  /** Logs kept per model file once this run ends (older ones are deleted). */
  readonly keepRunsPerFile?: number;
  readonly maxMemoryMb?: number;
  readonly signal?: AbortSignal;
}

/** The diagnosis is re-run at most this often while training (and once at the end). */
const FINDINGS_INTERVAL_MS = 250;

/** What produces a run's records: the training process for model modules, a program process for programs. */
export type RunProducer<S> = (emit: (record: RunRecord) => void, signal: AbortSignal) => Promise<S>;

export class TrainingRun<S = ProcessRunSummary> implements RunSource {
  readonly id: string;
  readonly done: Promise<S>;
  /** Why the log could not be written (a full disk, a read-only folder); the run goes on without it. */
  logProblem: string | undefined;
  private readonly stream = new RecordStream();
  private readonly abort = new AbortController();
  private readonly diagnoser: Diagnoser;
  private readonly file: string | undefined;
  private writer: RunLogWriter | undefined;
  /** Whether the log holds its `start` record; until then nothing is written to it. */
  private started = false;
  private discarded = false;
  private findingsTimer: ReturnType<typeof setTimeout> | undefined;
  private lastFindings = '[]';

  /** Without `produce`, the model module `options.file` is trained in a training process (S is then ProcessRunSummary). */
  constructor(
    readonly options: TrainingRunOptions,
    produce?: RunProducer<S>,
  ) {
    this.id = newRunId(options.file);
    this.diagnoser = new Diagnoser(options.contents ?? readSource(options.file));
    this.file = options.runsDirectory === undefined ? undefined : runLogPath(options.runsDirectory, this.id);
    // Opened now, so a folder that cannot be written is known (logProblem) before the run starts.
    if (this.file) this.writer = this.open(this.file);
    options.signal?.addEventListener('abort', () => this.cancel(), { once: true });
    const { file, contents, backend, epochs, probeEverySteps, watchLayers, seed } = options;
    const trainModule: RunProducer<ProcessRunSummary> = (emit, signal) =>
      trainInProcess({ file, contents, backend, epochs, probeEverySteps, watchLayers, seed }, emit, { signal, maxMemoryMb: options.maxMemoryMb });
    this.done = (produce ?? (trainModule as unknown as RunProducer<S>))((record) => this.handle(record), this.abort.signal);
    const finish = (): void => this.finish();
    this.done.then(finish, finish);
  }

  /** The run's log, when it has one (none for a run that failed before it started). */
  get logFile(): string | undefined {
    return this.discarded ? undefined : this.file;
  }

  subscribe(listener: (record: RunRecord) => void): Subscription {
    return this.stream.subscribe(listener);
  }

  /** Stops after the current batch (the process is killed if it does not). */
  cancel(): void {
    this.abort.abort();
  }

  private handle(record: RunRecord): void {
    this.diagnoser.add(record);
    if (record.type === 'end' || record.type === 'error') this.publishFindings();
    this.record(record);
    const changesFindings = record.type === 'probe' || record.type === 'epoch' || (record.type === 'steps' && record.losses.some((loss) => !Number.isFinite(loss.loss)));
    if (changesFindings) this.findingsTimer ??= setTimeout(() => this.publishFindings(), FINDINGS_INTERVAL_MS);
  }

  /** A `findings` record when the diagnosis says something new. */
  private publishFindings(): void {
    clearTimeout(this.findingsTimer);
    this.findingsTimer = undefined;
    const findings = this.diagnoser.findings();
    const json = JSON.stringify(findings);
    if (json === this.lastFindings) return;
    this.lastFindings = json;
    this.record({ type: 'findings', findings });
  }

  private record(record: RunRecord): void {
    this.write(record);
    this.stream.emit(record);
  }

  private write(record: RunRecord): void {
    // Readers refuse a log that does not begin with `start`: the `error` of a run that failed before
    // it started (a bad model module, which the caller reports on the spot) is not logged.
    if (record.type === 'start') this.started = true;
    if (!this.started) return;
    try {
      this.writer?.add(record);
    } catch (error) {
      this.logProblem = `DeepScope could not write the run log ${this.logFile}: ${error instanceof Error ? error.message : String(error)}`;
      this.closeLog();
    }
  }

  private open(file: string): RunLogWriter | undefined {
    try {
      return new RunLogWriter(file);
    } catch (error) {
      this.logProblem = `DeepScope could not create the run log ${file}: ${error instanceof Error ? error.message : String(error)}`;
      return undefined;
    }
  }

  private finish(): void {
    clearTimeout(this.findingsTimer);
    this.closeLog();
    this.stream.clear();
    if (this.file && !this.started) this.discardLog(this.file);
    if (this.options.runsDirectory === undefined || this.logProblem) return;
    try {
      pruneRunLogs(this.options.runsDirectory, this.options.keepRunsPerFile ?? DEFAULT_KEEP_RUNS_PER_FILE);
    } catch {
      // Pruning is housekeeping: a log that cannot be deleted now is deleted after a later run.
    }
  }

  /** Removes the empty log of a run that never started. */
  private discardLog(file: string): void {
    try {
      rmSync(file, { force: true });
      this.discarded = true;
    } catch {
      // An empty file left behind is listed as unreadable, nothing worse.
    }
  }

  private closeLog(): void {
    try {
      this.writer?.close();
    } catch {
      // already closed or the disk went away: nothing more to write anyway
    }
    this.writer = undefined;
  }
}

function readSource(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
