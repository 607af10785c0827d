/**
 * Runs a user's PyTorch script unchanged under DeepScope's watcher (`python -m deepscope run`, from
 * the package in python/), which reports on fd 3 like the tfjs program process, so the same follower
 * turns it into the run log. The script leads its own process group: Stop and a kill take its data
 * loader workers and any other child with it, so nothing is left behind.
 */
import * as l10n from '@vscode/l10n';
import { spawn, type StdioOptions } from 'node:child_process';
import * as path from 'node:path';
import type { RunRecord } from '../../runs/core/runRecord';
import { followProgramProcess, untrainedStart, type FollowedProgram, type ProgramEvents, type ProgramOutcome } from './programFollower';
import { checkPythonInterpreter, pythonEnvironment, type InterpreterChoice } from './pythonInterpreter';

export const PYTORCH_PRODUCER = 'deepscope-pytorch';

/** The fd the watcher writes records to (the program protocol's, as for tfjs programs). */
const RECORD_FD = 3;

export interface PythonRequest {
  readonly file: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly stdio: 'inherit' | 'pipe';
  readonly interpreter: InterpreterChoice;
  readonly probeEverySteps: number;
  readonly watchLayers?: readonly string[];
}

export async function runPythonInProcess(request: PythonRequest, emit: (record: RunRecord) => void, events: ProgramEvents = {}, signal?: AbortSignal): Promise<ProgramOutcome> {
  const file = path.resolve(request.cwd, request.file);
  const check = await checkPythonInterpreter(request.interpreter);
  if (!check.ok) return notStarted(file, check.message, emit);
  if (signal?.aborted) return notStarted(file, l10n.t('Stopped before the script started.'), emit, true);
  events.backend?.({ type: 'backend', backend: check.cuda ? 'torch-cuda' : 'torch-cpu' });
  const watcherArgs = ['--probe-every', String(request.probeEverySteps), ...(request.watchLayers?.length ? ['--layers', request.watchLayers.join(',')] : [])];
  const stdio: StdioOptions = request.stdio === 'inherit' ? ['inherit', 'inherit', 'inherit', 'pipe'] : ['ignore', 'pipe', 'pipe', 'pipe'];
  const child = spawn(request.interpreter.python, ['-m', 'deepscope', 'run', ...watcherArgs, file, ...request.args], {
    cwd: request.cwd,
    stdio,
    detached: true,
    env: { ...pythonEnvironment(), DEEPSCOPE_RECORD_FD: String(RECORD_FD) },
  });
  const group = (sig: NodeJS.Signals): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, sig);
    } catch {
      // The group is gone already.
    }
  };
  // In a terminal, Ctrl-C reaches the foreground group only: hand it on, as Python would receive it.
  const interrupt = (): void => group('SIGINT');
  if (request.stdio === 'inherit') process.on('SIGINT', interrupt);
  const program: FollowedProgram = {
    file,
    producer: PYTORCH_PRODUCER,
    framework: 'pytorch',
    backend: check.cuda ? 'torch-cuda' : 'torch-cpu',
    kill: () => group('SIGKILL'),
    neverTrained: l10n.t('The script ended without training a model: there was no training to watch. DeepScope watches a model that a torch.optim optimizer steps, or whose parameters the script updates by hand (p.data.add_(…)) between two backward() calls; tensors that are not parameters of an nn.Module are not seen.'),
  };
  try {
    return await followProgramProcess(child, program, emit, events, signal);
  } finally {
    process.removeListener('SIGINT', interrupt);
    // Children the script left running (a data loader worker, a server) end with it.
    group('SIGKILL');
  }
}

/** A run that never started (no interpreter, no torch): a start with no layers and the reason. */
function notStarted(file: string, message: string, emit: (record: RunRecord) => void, cancelled = false): ProgramOutcome {
  const startedAt = new Date().toISOString();
  const start = untrainedStart({ file, producer: PYTORCH_PRODUCER, framework: 'pytorch', backend: 'torch-cpu' }, startedAt);
  emit(start);
  emit(cancelled ? { type: 'end', status: 'cancelled', endedAt: startedAt } : { type: 'error', kind: 'backend', message, endedAt: startedAt });
  return { exitCode: cancelled ? null : 1, signal: null, cancelled, trained: false, start, history: [] };
}
