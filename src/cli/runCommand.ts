/**
 * `deepscope run <program>`: runs an unmodified tfjs program as node would, or a PyTorch script as
 * Python would — same output, same exit code — while DeepScope watches its training and writes the
 * run log. DeepScope's own lines go to stderr, each starting with `[deepscope]` (none with --quiet).
 */
import * as l10n from '@vscode/l10n';
import { unwatchedModelText } from '../training/core/programProtocol';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import * as path from 'node:path';
import type { Finding } from '../diagnosis/core/findings';
import type { ProgramOutcome } from '../training/core/programInProcess';
import { runAnyProgram } from '../training/core/runAnyProgram';
import { choosePythonInterpreter } from '../training/core/pythonInterpreter';
import { TrainingRun } from '../training/core/trainingRun';
import { type CliCommand, type CliIo, EXIT_FAILURE, UsageError } from './io';
import { parseRunArgs, type RunRequest } from './runArgs';
import { onTermination } from './termination';
import { DEFAULT_PROBE_EVERY_STEPS } from './trainArgs';

export const runCommand: CliCommand = {
  name: 'run',
  usage: 'run <program> [options] [-- program args…]',
  get summary() {
    return l10n.t('Run your own tfjs program (.js, .mjs, .ts) or PyTorch script (.py) unchanged, watching its training');
  },
  help: () =>
    [
      l10n.t('Usage: deepscope run <program.js|.mjs|.ts|.py> [options] [-- program args…]'),
      '',
      l10n.t('Runs a TensorFlow.js program as node would (its arguments, working directory, output and exit\ncode), with @tensorflow/tfjs, -node and -node-gpu all resolved to one tfjs, and watches every\nmodel.fit / model.fitDataset: step losses, epochs, learning rate and per-layer probes go to the run\nlog, and the diagnosis points at the lines that built the faulty layers.'),
      '',
      l10n.t('A .py script runs under Python with DeepScope\'s watcher: the model whose parameters an optimizer\nsteps is watched (step losses, learning rate, epochs from DataLoader passes, per-layer probes).'),
      '',
      l10n.t('Options:'),
      `  --backend B        ${l10n.t('auto (default: tfjs-node when it loads, else wasm, else cpu), node, wasm or cpu')}`,
      `  --probe-every N    ${l10n.t('probe the layers every N steps (default {0}) and at each epoch end', DEFAULT_PROBE_EVERY_STEPS)}`,
      `  --layers a,b       ${l10n.t('probe only these layers')}`,
      `  --runs-dir DIR     ${l10n.t('write the run log into DIR (default .deepscope/runs under the current directory)')}`,
      `  --python PATH      ${l10n.t('the Python of a .py script (default: python3; it needs PyTorch)')}`,
      `  --quiet            ${l10n.t('print only the program\'s own output')}`,
      '',
      l10n.t('The first model that trains is the run, or the one the program passes to watch(model) from "deepscope"; other models train unwatched (DeepScope says so).\nThe exit code is the program\'s.'),
    ].join('\n'),
  run: async (args, io) => run(parseRunArgs(args, io.cwd), io),
};

async function run(request: RunRequest, io: CliIo): Promise<number> {
  if (!existsSync(request.file)) throw new UsageError(l10n.t('no such program: {0}', request.file));
  const say = (text: string): void => {
    if (!request.quiet) io.err(`[deepscope] ${text}`);
  };
  // Ctrl-C reaches the program too (same process group): wait for it to end as it would under node.
  const ignoreInterrupt = (): void => undefined;
  process.on('SIGINT', ignoreInterrupt);
  let findings: readonly Finding[] = [];
  const run = new TrainingRun<ProgramOutcome>(
    { file: request.file, backend: request.backend, probeEverySteps: request.probeEverySteps, watchLayers: request.watchLayers, runsDirectory: request.runsDirectory },
    (emit, signal) =>
      runAnyProgram(
        { file: request.file, args: request.programArgs, cwd: io.cwd, stdio: 'inherit', backend: request.backend, probeEverySteps: request.probeEverySteps, watchLayers: request.watchLayers },
        choosePythonInterpreter({ flag: request.python }),
        emit,
        {
          backend: (notice) => say(`backend ${notice.backend}${notice.why ? ` (${notice.why})` : ''}`),
          unwatched: (model) => say(unwatchedModelText(model)),
        },
        signal,
      ),
  );
  if (run.logProblem) say(run.logProblem);
  const stopOnTermination = onTermination(() => run.cancel());
  run.subscribe((record) => {
    if (record.type === 'findings') findings = record.findings;
    if (record.type === 'error' && record.kind !== 'module-threw') say(record.message);
  });
  try {
    const outcome = await run.done;
    for (const finding of findings) {
      const where = `${relative(io.cwd, finding.file ?? outcome.start.modelFile)}${finding.line ? `:${finding.line}` : ''}`;
      say(`${finding.severity}: ${where}: ${finding.message[io.language ?? 'en']}`);
    }
    if (run.logFile) say(`run log ${relative(io.cwd, run.logFile)}`);
    if (outcome.signal) return 128 + (signalNumber(outcome.signal) ?? 0);
    return outcome.exitCode ?? EXIT_FAILURE;
  } finally {
    process.removeListener('SIGINT', ignoreInterrupt);
    stopOnTermination();
  }
}

function relative(cwd: string, file: string): string {
  const inside = path.relative(cwd, file);
  return inside && !inside.startsWith('..') ? inside : file;
}

function signalNumber(signal: NodeJS.Signals): number | undefined {
  return constants.signals[signal];
}
