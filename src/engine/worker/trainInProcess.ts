import { fork, type ChildProcess } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { EngineError } from '../engineError';
import type { RunSummary, TrainListener } from '../train';
import type { EpochRecord, RunStart } from '../../shared/trainingData';
import type { FromWorker, ToWorker, WorkerTrainOptions } from './workerProtocol';

export interface ProcessRunOptions {
  /** Heap limit of the training process; past it the process dies and the run is reported as crashed. */
  readonly maxMemoryMb?: number;
  readonly signal?: AbortSignal;
}

export interface ProcessRunSummary extends RunSummary {
  /** Tensors still allocated in the training process after cleanup (0 unless something leaked). */
  readonly leakedTensors: number;
}

/** If the process has not stopped this long after a cancel, it is killed. */
const CANCEL_GRACE_MS = 10_000;
const STDERR_TAIL_CHARS = 4_000;
/** Unix nice value of the training process (19 is the lowest priority). */
const TRAINING_PRIORITY = 10;

/**
 * Trains in a separate Node process (never on the caller's thread: tfjs ops are synchronous and
 * would freeze the extension host). Relays the process's events to `listener`; resolves with the
 * history, rejects with an EngineError for a bad model module or a crash. The process exits
 * after the run whatever happens.
 */
export function trainInProcess(options: WorkerTrainOptions, listener: TrainListener, run: ProcessRunOptions = {}): Promise<ProcessRunSummary> {
  const child = forkWorker(run.maxMemoryMb ?? 4096);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL_CHARS);
  });
  let start: RunStart | undefined;
  const history: EpochRecord[] = [];
  let outcome: { done: Extract<FromWorker, { type: 'done' }> } | { error: EngineError } | undefined;
  let killTimer: NodeJS.Timeout | undefined;

  const cancel = (): void => {
    if (child.connected) child.send({ type: 'cancel' } satisfies ToWorker);
    killTimer ??= setTimeout(() => child.kill('SIGKILL'), CANCEL_GRACE_MS);
  };
  run.signal?.addEventListener('abort', cancel, { once: true });
  if (run.signal?.aborted) cancel();

  child.on('message', (message: FromWorker) => {
    switch (message.type) {
      case 'start':
        start = message.start;
        listener.onStart?.(message.start);
        break;
      case 'batch':
        listener.onBatch?.(message.step, message.epoch, message.loss);
        break;
      case 'probe':
        listener.onProbe?.(message.frame);
        break;
      case 'epoch':
        history.push(message.record);
        listener.onEpoch?.(message.record);
        break;
      case 'done':
        outcome = { done: message };
        break;
      case 'error':
        outcome = {
          error: new EngineError(message.kind === 'internal' ? 'training' : message.kind, message.message, message.location),
        };
        break;
    }
  });
  child.send({ type: 'train', options } satisfies ToWorker);

  return new Promise<ProcessRunSummary>((resolve, reject) => {
    child.once('exit', (code, signal) => {
      clearTimeout(killTimer);
      run.signal?.removeEventListener('abort', cancel);
      if (outcome && 'error' in outcome) {
        reject(outcome.error);
      } else if (outcome && start) {
        resolve({ start, history, cancelled: outcome.done.cancelled, leakedTensors: outcome.done.leakedTensors });
      } else if (outcome) {
        reject(new EngineError('training', 'The training process finished without starting a run'));
      } else {
        reject(crashError(code, signal, stderr, run.signal?.aborted ?? false));
      }
    });
    child.once('error', (error) => reject(new EngineError('training', `Could not start the training process: ${error.message}`)));
  });
}

function crashError(code: number | null, signal: NodeJS.Signals | null, stderr: string, cancelled: boolean): EngineError {
  if (cancelled && signal === 'SIGKILL') {
    return new EngineError('training', 'The training process did not stop after Cancel and was killed');
  }
  const outOfMemory = /heap out of memory|Allocation failed/i.test(stderr);
  const how = signal ? `signal ${signal}` : `exit code ${code}`;
  const hint = outOfMemory
    ? ' It ran out of memory: use a smaller batch size or dataset, or raise deepscope.training.maxMemoryMb.'
    : '';
  const tail = stderr.trim().split('\n').slice(-3).join(' ');
  return new EngineError('training', `The training process crashed (${how}).${hint}${tail && !outOfMemory ? ` Last output: ${tail}` : ''}`);
}

/** Forks the bundled worker (out/trainingWorker.js), or the TypeScript source under tsx in tests. */
function forkWorker(maxMemoryMb: number): ChildProcess {
  const fromSource = __filename.endsWith('.ts');
  const script = fromSource ? path.join(__dirname, 'trainingWorker.ts') : path.join(__dirname, 'trainingWorker.js');
  const execArgv = [`--max-old-space-size=${maxMemoryMb}`, ...(fromSource ? ['--import', 'tsx'] : [])];
  const child = fork(script, [], {
    execArgv,
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  // Training takes a whole core for minutes; a lower priority keeps the editor (the parent)
  // first in line when cores are scarce. Best effort: not every platform allows it.
  if (child.pid !== undefined) {
    try {
      os.setPriority(child.pid, TRAINING_PRIORITY);
    } catch {
      // keep the default priority
    }
  }
  return child;
}
