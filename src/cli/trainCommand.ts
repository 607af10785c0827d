/** `deepscope train <model-file>`: trains in a separate process, with a progress bar and a summary. */
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { RunRecorder } from '../runs/core/runRecorder';
import { EngineError } from '../engine/engineError';
import type { ProcessRunSummary } from '../training/core/trainInProcess';
import { TrainingRun } from '../training/core/trainingRun';
import type { RunRecord } from '../runs/core/runRecord';
import type { ProbeFrame, RunStart } from '../runs/core/trainingData';
import { type CliCommand, type CliIo, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './io';
import { writeReport } from './reportCommand';
import { epochLine, formatNumber, runJson } from './runSummary';
import { onTermination } from './termination';
import { DEFAULT_PROBE_EVERY_STEPS, parseTrainArgs, type TrainRequest } from './trainArgs';

export const trainCommand: CliCommand = {
  name: 'train',
  usage: 'train <model-file> [options]',
  get summary() {
    return l10n.t('Train a model module and report its history and layer statistics');
  },
  help: () =>
    [
      l10n.t('Usage: deepscope train <model-file> [options]'),
      '',
      l10n.t('Trains a model module (exports createModel, loadData, training) in a separate process.'),
      '',
      l10n.t('Options:'),
      `  --epochs N         ${l10n.t('override training.epochs')}`,
      `  --backend B        ${l10n.t('auto (default: tfjs-node, else wasm, else cpu), node, wasm or cpu')}`,
      `  --probe-every N    ${l10n.t('probe the layers every N steps (default {0}) and at each epoch end', DEFAULT_PROBE_EVERY_STEPS)}`,
      `  --layers a,b       ${l10n.t('probe only these layers')}`,
      `  --json             ${l10n.t('print one JSON object: backend, epochs, history, layers')}`,
      `  --report out.html  ${l10n.t('also write a standalone HTML report with the dashboard\'s charts')}`,
      `  --runs-dir DIR     ${l10n.t('write the run log into DIR (default .deepscope/runs under the current directory)')}`,
      '',
      l10n.t('Every run is written as it happens to <runs-dir>/<run-id>.jsonl, which "deepscope diagnose" and\n"deepscope report" read again.'),
      '',
      l10n.t('A bad model module prints file:line:column: message on stderr and exits 2. Ctrl-C stops after the current batch.'),
    ].join('\n'),
  run: async (args, io) => train(parseTrainArgs(args, io.cwd), io),
};

export interface TrainedRun {
  readonly summary: ProcessRunSummary;
  readonly lastFrame?: ProbeFrame;
  /** Every record of the run, in order (what its log holds). */
  readonly records: readonly RunRecord[];
  /** The run as the dashboard shows it, findings included (for --report). */
  readonly recorder: RunRecorder;
  readonly logFile?: string;
}

/** Runs training for a CLI command, printing progress, writing the run log; shared by `train` and `diagnose`. */
export async function runTraining(request: TrainRequest, io: CliIo): Promise<TrainedRun> {
  const abort = new AbortController();
  const onInterrupt = (): void => abort.abort();
  process.once('SIGINT', onInterrupt);
  const stopOnTermination = onTermination(onInterrupt);
  const records: RunRecord[] = [];
  let lastFrame: ProbeFrame | undefined;
  let start: RunStart | undefined;
  const run = new TrainingRun({
    file: request.file,
    backend: request.backend,
    epochs: request.epochs,
    probeEverySteps: request.probeEverySteps,
    watchLayers: request.watchLayers,
    runsDirectory: request.runsDirectory,
    signal: abort.signal,
  });
  const recorder = new RunRecorder(run.id);
  if (run.logProblem) io.err(run.logProblem);
  run.subscribe((record) => {
    records.push(record);
    recorder.add(record);
    if (record.type === 'start') {
      start = record;
      if (!request.json) io.err(l10n.t('Training {0} on the {1} backend: {2} epochs of {3} steps', path.basename(record.modelFile), record.backend, record.epochs, record.stepsPerEpoch));
    } else if (record.type === 'steps') {
      const last = record.losses[record.losses.length - 1];
      if (start && last && !request.json) io.status?.(progressBar(last.step, last.epoch, last.loss, start));
    } else if (record.type === 'probe') {
      lastFrame = record;
    } else if (record.type === 'epoch' && !request.json && start) {
      io.status?.('');
      io.err(epochLine(record, start.epochs));
    }
  });
  try {
    const summary = await run.done;
    return { summary, lastFrame, records, recorder, logFile: run.logFile };
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    stopOnTermination();
    if (run.logFile && !request.json) io.err(l10n.t('Run log: {0}', path.relative(io.cwd, run.logFile) || run.logFile));
  }
}

async function train(request: TrainRequest, io: CliIo): Promise<number> {
  let run: TrainedRun;
  try {
    run = await runTraining(request, io);
  } catch (error) {
    return reportEngineError(error, io);
  }
  if (request.json) {
    io.out(runJson(run.summary, run.lastFrame));
  } else {
    io.out(summaryLine(run.summary));
  }
  const reported = run.recorder.reported();
  if (request.report && reported) writeReport(request.report, reported, io);
  return run.summary.cancelled ? EXIT_FAILURE : EXIT_OK;
}

/** A bad model module: `file:line:column: message`, exit 2. Anything else is a failure (exit 1). */
export function reportEngineError(error: unknown, io: CliIo): number {
  io.status?.('');
  if (error instanceof EngineError) {
    io.err(error.format());
    return error.kind === 'training' || error.kind === 'backend' ? EXIT_FAILURE : EXIT_USAGE;
  }
  throw error;
}

function progressBar(step: number, epoch: number, loss: number, start: RunStart): string {
  const total = start.epochs * start.stepsPerEpoch;
  const done = Math.min(1, (step + 1) / total);
  const width = 30;
  const filled = Math.round(done * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${l10n.t('epoch {0}/{1}  loss {2}', epoch + 1, start.epochs, formatNumber(loss))}`;
}

function summaryLine(summary: ProcessRunSummary): string {
  const last = summary.history.at(-1);
  const name = path.basename(summary.start.modelFile);
  if (!last) {
    return l10n.t('{0}: stopped before the first epoch ended (backend {1}).', name, summary.start.backend);
  }
  const metrics = Object.entries(last.metrics).map(([key, value]) => `${key} ${formatNumber(value)}`);
  const validation = last.valLoss === undefined ? '' : `, val_loss ${formatNumber(last.valLoss)}`;
  const figures = `loss ${formatNumber(last.loss)}${metrics.length ? `, ${metrics.join(', ')}` : ''}${validation}`;
  return summary.cancelled
    ? l10n.t('Stopped {0} after {1} epoch(s) on {2}: {3}.', name, summary.history.length, summary.start.backend, figures)
    : l10n.t('Trained {0} for {1} epoch(s) on {2}: {3}.', name, summary.history.length, summary.start.backend, figures);
}
