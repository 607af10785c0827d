/** `deepscope train <model-file>`: trains in a separate process, with a progress bar and a summary. */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { reportHtml } from '../dashboard/core/reportHtml';
import { RunRecorder } from '../runs/core/runRecorder';
import type { Finding } from '../diagnosis/core/findings';
import { EngineError } from '../engine/engineError';
import { trainInProcess, type ProcessRunSummary } from '../training/core/trainInProcess';
import type { ProbeFrame, RunStart } from '../runs/core/trainingData';
import { type CliCommand, type CliIo, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './io';
import { epochLine, formatNumber, runJson } from './runSummary';
import { DEFAULT_PROBE_EVERY_STEPS, parseTrainArgs, type TrainRequest } from './trainArgs';

export const trainCommand: CliCommand = {
  name: 'train',
  usage: 'train <model-file> [options]',
  summary: 'Train a model module and report its history and layer statistics',
  help: () =>
    [
      'Usage: deepscope train <model-file> [options]',
      '',
      'Trains a model module (exports createModel, loadData, training) in a separate process.',
      '',
      'Options:',
      '  --epochs N         override training.epochs',
      '  --backend B        auto (default: tfjs-node, else wasm, else cpu), node, wasm or cpu',
      `  --probe-every N    probe the layers every N steps (default ${DEFAULT_PROBE_EVERY_STEPS}) and at each epoch end`,
      '  --layers a,b       probe only these layers',
      '  --json             print one JSON object: backend, epochs, history, layers',
      '  --report out.html  also write a standalone HTML report with the dashboard\'s charts',
      '',
      'A bad model module prints file:line:column: message on stderr and exits 2. Ctrl-C stops after the current batch.',
    ].join('\n'),
  run: async (args, io) => train(parseTrainArgs(args, io.cwd), io),
};

export interface TrainedRun {
  readonly summary: ProcessRunSummary;
  readonly lastFrame?: ProbeFrame;
  readonly frames: readonly ProbeFrame[];
  /** The run as the dashboard shows it (for --report). */
  readonly recorder: RunRecorder;
}

/** Runs training for a CLI command, printing progress; shared by `train` and `diagnose`. */
export async function runTraining(request: TrainRequest, io: CliIo, keepFrames: boolean): Promise<TrainedRun> {
  const abort = new AbortController();
  const onInterrupt = (): void => abort.abort();
  process.once('SIGINT', onInterrupt);
  const frames: ProbeFrame[] = [];
  let lastFrame: ProbeFrame | undefined;
  let start: RunStart | undefined;
  const recorder = new RunRecorder(`${Date.now()}-cli`);
  try {
    const summary = await trainInProcess(
      {
        file: request.file,
        backend: request.backend,
        epochs: request.epochs,
        probeEverySteps: request.probeEverySteps,
        watchLayers: request.watchLayers,
      },
      {
        onStart: (runStart) => {
          start = runStart;
          recorder.onStart(runStart);
          if (!request.json) io.err(`Training ${path.basename(runStart.modelFile)} on the ${runStart.backend} backend: ${runStart.epochs} epochs of ${runStart.stepsPerEpoch} steps`);
        },
        onBatches: (losses) => {
          recorder.onBatches(losses);
          const last = losses[losses.length - 1];
          if (start && last && !request.json) io.status?.(progressBar(last.step, last.epoch, last.loss, start));
        },
        onProbe: (frame) => {
          recorder.onProbe(frame);
          lastFrame = frame;
          if (keepFrames) frames.push(frame);
        },
        onEpoch: (record) => {
          recorder.onEpoch(record);
          if (!request.json && start) {
            io.status?.('');
            io.err(epochLine(record, start.epochs));
          }
        },
      },
      { signal: abort.signal },
    );
    recorder.finish(summary.cancelled ? 'cancelled' : 'finished');
    return { summary, lastFrame, frames, recorder };
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}

async function train(request: TrainRequest, io: CliIo): Promise<number> {
  let run: TrainedRun;
  try {
    run = await runTraining(request, io, false);
  } catch (error) {
    return reportEngineError(error, io);
  }
  if (request.json) {
    io.out(runJson(run.summary, run.lastFrame));
  } else {
    io.out(summaryLine(run.summary));
  }
  if (request.report) {
    writeReport(request.report, run, [], io);
  }
  return run.summary.cancelled ? EXIT_FAILURE : EXIT_OK;
}

/** Writes the standalone HTML report of a run (the dashboard's charts, no VS Code needed). */
export function writeReport(file: string, run: TrainedRun, findings: readonly Finding[], io: CliIo): void {
  const snapshot = run.recorder.snapshot();
  if (!snapshot) return;
  // The CLI bundle lives in out/, next to out/webviews/.
  writeFileSync(file, reportHtml({ run: snapshot, findings }, path.join(__dirname, 'webviews')));
  io.err(`Report written to ${file}`);
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
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] epoch ${epoch + 1}/${start.epochs}  loss ${formatNumber(loss)}`;
}

function summaryLine(summary: ProcessRunSummary): string {
  const last = summary.history.at(-1);
  const name = path.basename(summary.start.modelFile);
  if (!last) {
    return `${name}: stopped before the first epoch ended (backend ${summary.start.backend}).`;
  }
  const metrics = Object.entries(last.metrics).map(([key, value]) => `${key} ${formatNumber(value)}`);
  const validation = last.valLoss === undefined ? '' : `, val_loss ${formatNumber(last.valLoss)}`;
  const verb = summary.cancelled ? 'Stopped' : 'Trained';
  return `${verb} ${name} for ${summary.history.length} epoch(s) on ${summary.start.backend}: loss ${formatNumber(last.loss)}${metrics.length ? `, ${metrics.join(', ')}` : ''}${validation}.`;
}
