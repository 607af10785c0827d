/**
 * Labs in a separate Node process, as training is: tfjs ops are synchronous and would freeze the
 * extension host. One process per request; it exits after its answer, and a cancel kills it at once (a
 * lab has no batch boundary to stop at, and its numbers are worthless half-way).
 */
import * as l10n from '@vscode/l10n';
import type { LabName, ParamValues } from './labs';
import type { BackendPreference } from '../../engine/backend';
import { EngineError } from '../../engine/engineError';
import type { LabRun } from './experiments';
import { crashError, startEngineProcess, DEFAULT_MAX_MEMORY_MB } from '../../training/core/engineProcess';
import type { FromLabWorker, ToLabWorker } from './labProcessProtocol';
import { fromErrorReport } from '../../engine/worker/workerChannel';

export interface LabProcessOptions {
  /** Heap limit of the lab process. */
  readonly maxMemoryMb?: number;
  /** Aborting kills the process; the run then resolves with undefined. */
  readonly signal?: AbortSignal;
}

export interface LabRequest {
  readonly lab: LabName;
  /** Checked again in the process (resolveParams), whoever sent them. */
  readonly params: ParamValues;
  readonly backend: BackendPreference;
}

/** Said when the process fails (functions: the language is chosen after this module loads). */
const what = (): string => l10n.t('lab process');
const memoryHint = (): string => l10n.t('choose smaller sizes, or raise deepscope.training.maxMemoryMb.');

/** Runs one lab; resolves with its report and key numbers, or undefined when cancelled. Rejects with an EngineError. */
export async function runLabInProcess(request: LabRequest, options: LabProcessOptions = {}): Promise<LabRun | undefined> {
  const answer = await ask({ type: 'run', ...request }, options);
  if (answer === undefined) return undefined;
  if (answer.type !== 'done') throw new EngineError('training', l10n.t('The lab process answered "{0}" to a run', answer.type));
  return answer.run;
}

async function ask(request: ToLabWorker, options: LabProcessOptions): Promise<Exclude<FromLabWorker, { type: 'error' }> | undefined> {
  if (options.signal?.aborted) return undefined;
  const engine = startEngineProcess('labWorker', options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB, what());
  let answer: FromLabWorker | undefined;
  engine.child.once('message', (message: FromLabWorker) => {
    answer = message;
  });
  const kill = (): void => {
    engine.child.kill('SIGKILL');
  };
  options.signal?.addEventListener('abort', kill, { once: true });
  engine.child.send(request);
  const exit = await engine.exited.finally(() => options.signal?.removeEventListener('abort', kill));
  if (answer?.type === 'error') throw fromErrorReport(answer);
  if (answer) return answer;
  if (options.signal?.aborted) return undefined;
  throw crashError(what(), exit, engine.stderrTail(), memoryHint());
}
