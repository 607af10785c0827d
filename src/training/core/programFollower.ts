/**
 * Follows a program process — a tfjs program under the program worker, or a Python script under the
 * deepscope package — and turns what it reports on fd 3 into run-log records. How the run ended is
 * decided here, from the process's exit: exit code 0 → `end` finished; Stop → `end` cancelled (the
 * process is killed: a program may be in an endless loop); an uncaught error → the program's own
 * `error` record (with its file:line); any other non-zero exit or signal → an `error` saying so. A run
 * that never trained still gets a log: a `start` with no layers, then how it ended.
 */
import * as l10n from '@vscode/l10n';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { decodeLine } from '../../runs/core/runLogFormat';
import { RUN_LOG_VERSION, type RunRecord, type StartRecord } from '../../runs/core/runRecord';
import type { EpochRecord, Framework, RunStart } from '../../runs/core/trainingData';
import type { BackendNotice, FromProgramProcess } from './programProtocol';

export interface ProgramEvents {
  backend?(notice: BackendNotice): void;
  /** Another model than the watched one trains. */
  unwatched?(model: string): void;
  output?(stream: 'stdout' | 'stderr', text: string): void;
}

export interface ProgramOutcome {
  /** The program's exit code (null when killed by a signal). */
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly cancelled: boolean;
  /** Whether a model trained (false: the log holds a start with no layers). */
  readonly trained: boolean;
  readonly start: StartRecord;
  readonly history: readonly EpochRecord[];
}

/** What the follower needs to know of the program to write a start record for a run that never trained. */
export interface FollowedProgram {
  /** Absolute path of the program. */
  readonly file: string;
  readonly producer: string;
  readonly framework: Framework;
  readonly backend: RunStart['backend'];
  /** Kills the program (and, for a process group leader, its children). */
  readonly kill: () => void;
  /** The sentence for a run that ended with code 0 without training. */
  readonly neverTrained: string;
}

export function followProgramProcess(child: ChildProcess, program: FollowedProgram, emit: (record: RunRecord) => void, events: ProgramEvents, signal?: AbortSignal): Promise<ProgramOutcome> {
  const startedAt = new Date().toISOString();
  let start: StartRecord | undefined;
  let backend = program.backend;
  let ended = false;
  const history: EpochRecord[] = [];
  const unwatched: string[] = [];
  const others = (): { unwatchedModels?: string[] } => (unwatched.length > 0 ? { unwatchedModels: [...unwatched] } : {});
  const synthesizedStart = (): StartRecord => {
    start = untrainedStart({ ...program, backend }, startedAt);
    emit(start);
    return start;
  };
  const onMessage = (message: FromProgramProcess): void => {
    if (message.type === 'backend') {
      backend = message.backend;
      events.backend?.(message);
      return;
    }
    if (message.type === 'unwatched') {
      unwatched.push(message.model);
      return events.unwatched?.(message.model);
    }
    if (message.type === 'start') start = message;
    else if (!start) synthesizedStart();
    if (message.type === 'epoch') history.push(message);
    if (message.type === 'error') ended = true;
    emit(message.type === 'error' ? { ...message, ...others() } : message);
  };
  const records = child.stdio[3] as Readable;
  const lines = createInterface({ input: records });
  lines.on('line', (line) => {
    if (line.trim()) onMessage(decodeLine(line) as FromProgramProcess);
  });
  for (const stream of ['stdout', 'stderr'] as const) child[stream]?.on('data', (chunk: Buffer) => events.output?.(stream, chunk.toString()));

  signal?.addEventListener('abort', program.kill, { once: true });
  return new Promise((resolve, reject) => {
    child.once('error', (error) => reject(new Error(l10n.t('Could not start the program process: {0}', error.message))));
    // 'close': the process has exited and fd 3 is drained, so every record it wrote has been read.
    child.once('close', (exitCode, exitSignal) => {
      signal?.removeEventListener('abort', program.kill);
      const cancelled = signal?.aborted ?? false;
      const trained = start !== undefined && start.layers.length > 0;
      const first = start ?? synthesizedStart();
      const endedAt = new Date().toISOString();
      if (cancelled) emit({ type: 'end', status: 'cancelled', endedAt, ...others() });
      else if (!ended && exitCode === 0 && trained) emit({ type: 'end', status: 'finished', endedAt, ...others() });
      else if (!ended) emit({ type: 'error', kind: 'program', message: howItEnded(exitCode, exitSignal, trained, program.neverTrained), endedAt, ...others() });
      resolve({ exitCode, signal: exitSignal, cancelled, trained, start: first, history });
    });
  });
}

/** The start record of a run that trained nothing (the program never stepped, or never started): no layers. */
export function untrainedStart(program: Pick<FollowedProgram, 'file' | 'producer' | 'framework' | 'backend'>, startedAt: string): StartRecord {
  return { type: 'start', version: RUN_LOG_VERSION, startedAt, producer: program.producer, backend: program.backend, framework: program.framework, modelFile: program.file, epochs: 0, stepsPerEpoch: 1, layers: [], watchedLayers: [] };
}

function howItEnded(exitCode: number | null, signal: NodeJS.Signals | null, trained: boolean, neverTrained: string): string {
  if (signal === 'SIGKILL') return l10n.t('The program was killed by {0} (out of memory, or killed from outside).', signal);
  if (signal) return l10n.t('The program was killed by {0}.', signal);
  if (exitCode !== 0) return l10n.t('The program exited with code {0}.', String(exitCode));
  return trained ? l10n.t('The program ended.') : neverTrained;
}
