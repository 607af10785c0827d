import { EngineError } from '../../engine/engineError';
import type { RunSummary, TrainListener } from '../../engine/train';
import type { EpochRecord, RunStart } from '../../runs/core/trainingData';
import { crashError, startEngineProcess } from './engineProcess';
import { fromErrorReport } from '../../engine/worker/workerChannel';
import type { FromWorker, ToWorker, WorkerTrainOptions } from './trainingProtocol';

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
const WHAT = 'training process';

/**
 * Trains in a separate Node process (never on the caller's thread: tfjs ops are synchronous and
 * would freeze the extension host). Relays the process's events to `listener`; resolves with the
 * history, rejects with an EngineError for a bad model module or a crash. The process exits
 * after the run whatever happens.
 */
export function trainInProcess(options: WorkerTrainOptions, listener: TrainListener, run: ProcessRunOptions = {}): Promise<ProcessRunSummary> {
  const engine = startEngineProcess('trainingWorker', run.maxMemoryMb ?? 4096, WHAT);
  const child = engine.child;
  let start: RunStart | undefined;
  const history: EpochRecord[] = [];
  let outcome: { done: Extract<FromWorker, { type: 'done' }> } | { error: EngineError } | undefined;
  let killTimer: NodeJS.Timeout | undefined;

  // Cancel is cooperative (the run stops after its batch and still reports its history); kill is the fallback.
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
      case 'batches':
        listener.onBatches?.(message.losses);
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
        outcome = { error: fromErrorReport(message) };
        break;
    }
  });
  child.send({ type: 'train', options } satisfies ToWorker);

  const finished = async (): Promise<ProcessRunSummary> => {
    const exit = await engine.exited.finally(() => {
      clearTimeout(killTimer);
      run.signal?.removeEventListener('abort', cancel);
    });
    if (outcome && 'error' in outcome) throw outcome.error;
    if (outcome && start) return { start, history, cancelled: outcome.done.cancelled, leakedTensors: outcome.done.leakedTensors };
    if (outcome) throw new EngineError('training', 'The training process finished without starting a run');
    if (run.signal?.aborted && exit.signal === 'SIGKILL') {
      throw new EngineError('training', 'The training process did not stop after Cancel and was killed');
    }
    throw crashError(WHAT, exit, engine.stderrTail(), 'use a smaller batch size or dataset, or raise deepscope.training.maxMemoryMb.');
  };
  return finished();
}
