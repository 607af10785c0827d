import * as l10n from '@vscode/l10n';
import { EngineError } from '../../engine/engineError';
import type { RunSummary } from '../../engine/train';
import type { EndRecord, RunRecord, StartRecord } from '../../runs/core/runRecord';
import type { EpochRecord } from '../../runs/core/trainingData';
import { crashError, DEFAULT_MAX_MEMORY_MB, startEngineProcess } from './engineProcess';
import { fromErrorReport } from '../../engine/worker/workerChannel';
import type { FromTrainingProcess, ToTrainingProcess, TrainingProcessOptions } from './trainingProtocol';

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
/** Said when the process fails (a function: the language is chosen after this module loads). */
const what = (): string => l10n.t('training process');

/**
 * Trains in a separate Node process (never on the caller's thread: tfjs ops are synchronous and
 * would freeze the extension host). Hands every record of the run to `emit`, in order, always ending
 * with `end` or `error` — also when the process crashed or had to be killed, which it cannot say
 * itself. Resolves with the history, rejects with an EngineError for a bad model module or a crash.
 * The process exits after the run whatever happens.
 */
export function trainInProcess(options: TrainingProcessOptions, emit: (record: RunRecord) => void, run: ProcessRunOptions = {}): Promise<ProcessRunSummary> {
  const engine = startEngineProcess('trainingWorker', run.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB, what());
  const child = engine.child;
  let start: StartRecord | undefined;
  const history: EpochRecord[] = [];
  let outcome: { end: EndRecord } | { error: EngineError } | undefined;
  let killTimer: NodeJS.Timeout | undefined;

  // Cancel is cooperative (the run stops after its batch and still reports its history); kill is the fallback.
  const cancel = (): void => {
    if (child.connected) child.send({ type: 'cancel' } satisfies ToTrainingProcess);
    killTimer ??= setTimeout(() => child.kill('SIGKILL'), CANCEL_GRACE_MS);
  };
  run.signal?.addEventListener('abort', cancel, { once: true });
  if (run.signal?.aborted) cancel();

  child.on('message', (record: FromTrainingProcess) => {
    if (record.type === 'start') start = record;
    else if (record.type === 'epoch') history.push(record);
    else if (record.type === 'end') outcome = { end: record };
    else if (record.type === 'error') outcome = { error: fromErrorReport(record) };
    emit(record);
  });
  child.send({ type: 'train', options } satisfies ToTrainingProcess);

  const failure = (error: EngineError): EngineError => {
    emit({ type: 'error', kind: error.kind, message: error.message, location: error.location, endedAt: new Date().toISOString() });
    return error;
  };
  const finished = async (): Promise<ProcessRunSummary> => {
    const exit = await engine.exited
      .catch((error: unknown) => {
        throw error instanceof EngineError ? failure(error) : error;
      })
      .finally(() => {
        clearTimeout(killTimer);
        run.signal?.removeEventListener('abort', cancel);
      });
    if (outcome && 'error' in outcome) throw outcome.error;
    if (outcome && start) return { start, history, cancelled: outcome.end.status === 'cancelled', leakedTensors: outcome.end.leakedTensors ?? 0 };
    if (outcome) throw failure(new EngineError('training', l10n.t('The training process finished without starting a run')));
    if (run.signal?.aborted && exit.signal === 'SIGKILL') {
      throw failure(new EngineError('training', l10n.t('The training process did not stop after Cancel and was killed')));
    }
    throw failure(crashError(what(), exit, engine.stderrTail(), l10n.t('use a smaller batch size or dataset, or raise deepscope.training.maxMemoryMb.')));
  };
  return finished();
}
