/**
 * Runs a user's tfjs program in a program process (src/engine/program/programWorker.ts) and turns what
 * it reports on fd 3 into run-log records. How the run ended is decided here, from the process's exit:
 * exit code 0 → `end` finished; Stop → `end` cancelled (the process is killed: a program may be in an
 * endless loop); an uncaught error → the program's own `error` record (with its file:line); any other
 * non-zero exit or signal → an `error` saying so. A run that never reached `fit` still gets a log: a
 * `start` with no layers, then how it ended.
 */
import { spawn, type StdioOptions } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { PRODUCER } from '../../engine/train';
import { decodeLine } from '../../runs/core/runLogFormat';
import { RUN_LOG_VERSION, type RunRecord, type StartRecord } from '../../runs/core/runRecord';
import type { BackendName, EpochRecord } from '../../runs/core/trainingData';
import { DEFAULT_MAX_MEMORY_MB } from './engineProcess';
import { PROGRAM_OPTIONS_ENV, type BackendNotice, type FromProgramProcess, type ProgramProcessOptions } from './programProtocol';

export interface ProgramRequest extends ProgramProcessOptions {
  readonly file: string;
  /** The program's own command-line arguments. */
  readonly args: readonly string[];
  readonly cwd: string;
  /** 'inherit' in a terminal (the CLI: same output as node); 'pipe' to hand output to `onOutput`. */
  readonly stdio: 'inherit' | 'pipe';
  readonly maxMemoryMb?: number;
}

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

/** The program process runs from the bundle next to this file, or from source under tsx in tests. */
function workerScript(): { script: string; execArgv: string[] } {
  const fromSource = __filename.endsWith('.ts');
  return fromSource
    ? // By path: the program's working directory, where a bare `tsx` would be looked up, does not have it.
      { script: path.join(__dirname, '../../engine/program/programWorker.ts'), execArgv: ['--import', pathToFileURL(createRequire(__filename).resolve('tsx')).href] }
    : { script: path.join(__dirname, 'programWorker.js'), execArgv: [] };
}

export function runProgramInProcess(request: ProgramRequest, emit: (record: RunRecord) => void, events: ProgramEvents = {}, signal?: AbortSignal): Promise<ProgramOutcome> {
  const { script, execArgv } = workerScript();
  const options: ProgramProcessOptions = { backend: request.backend, probeEverySteps: request.probeEverySteps, watchLayers: request.watchLayers };
  const stdio: StdioOptions = request.stdio === 'inherit' ? ['inherit', 'inherit', 'inherit', 'pipe'] : ['ignore', 'pipe', 'pipe', 'pipe'];
  const child = spawn(process.execPath, [`--max-old-space-size=${request.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB}`, ...execArgv, script, request.file, ...request.args], {
    cwd: request.cwd,
    stdio,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', [PROGRAM_OPTIONS_ENV]: JSON.stringify(options) },
  });
  const startedAt = new Date().toISOString();
  let start: StartRecord | undefined;
  let backend: BackendName = 'cpu';
  let ended = false;
  const history: EpochRecord[] = [];
  const unwatched: string[] = [];
  const others = (): { unwatchedModels?: string[] } => (unwatched.length > 0 ? { unwatchedModels: [...unwatched] } : {});
  const synthesizedStart = (): StartRecord => {
    start = { type: 'start', version: RUN_LOG_VERSION, startedAt, producer: PRODUCER, backend, modelFile: path.resolve(request.cwd, request.file), epochs: 0, stepsPerEpoch: 1, layers: [], watchedLayers: [] };
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

  const kill = (): void => {
    child.kill('SIGKILL');
  };
  signal?.addEventListener('abort', kill, { once: true });
  return new Promise((resolve, reject) => {
    child.once('error', (error) => reject(new Error(`Could not start the program process: ${error.message}`)));
    // 'close': the process has exited and fd 3 is drained, so every record it wrote has been read.
    child.once('close', (exitCode, exitSignal) => {
      signal?.removeEventListener('abort', kill);
      const cancelled = signal?.aborted ?? false;
      const trained = start !== undefined && start.layers.length > 0;
      const first = start ?? synthesizedStart();
      const endedAt = new Date().toISOString();
      if (cancelled) emit({ type: 'end', status: 'cancelled', endedAt, ...others() });
      else if (!ended && exitCode === 0 && trained) emit({ type: 'end', status: 'finished', endedAt, ...others() });
      else if (!ended) emit({ type: 'error', kind: 'program', message: howItEnded(exitCode, exitSignal, trained), endedAt, ...others() });
      resolve({ exitCode, signal: exitSignal, cancelled, trained, start: first, history });
    });
  });
}

function howItEnded(exitCode: number | null, signal: NodeJS.Signals | null, trained: boolean): string {
  if (signal) return `The program was killed by ${signal}${signal === 'SIGKILL' ? ' (out of memory, or killed from outside)' : ''}.`;
  if (exitCode !== 0) return `The program exited with code ${exitCode}.`;
  return trained ? 'The program ended.' : 'The program ended without calling fit() or fitDataset(): there was no training to watch.';
}
