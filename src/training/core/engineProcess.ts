/**
 * The parent side every engine process shares (training, labs): fork a bundled worker entry on an
 * 'advanced' channel (typed arrays cross as they are) at a lower priority, keep the tail of its stderr,
 * and turn an unexpected exit into one readable EngineError.
 */
import * as l10n from '@vscode/l10n';
import { fork, type ChildProcess } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { EngineError } from '../../engine/engineError';
import { messagesEnv } from '../../common/core/messages';

/** The worker entries scripts/build.mjs bundles next to the extension (out/<entry>.js). */
export type WorkerEntry = 'trainingWorker' | 'labWorker';

export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface EngineProcess {
  readonly child: ChildProcess;
  /** Settles once the process has exited; rejects (EngineError) if it could not be started. */
  readonly exited: Promise<ProcessExit>;
  /** The last few KB the process wrote on stderr, for crash reports. */
  stderrTail(): string;
}

const STDERR_TAIL_CHARS = 4_000;
/** Heap limit of an engine process unless the user sets `deepscope.training.maxMemoryMb`. */
export const DEFAULT_MAX_MEMORY_MB = 4096;
/** Unix nice value of engine processes (19 is the lowest priority). */
const ENGINE_PRIORITY = 10;

/** Where each entry's TypeScript source lives, relative to this file (tests run the sources under tsx). */
const ENTRY_SOURCES: Readonly<Record<WorkerEntry, string>> = {
  trainingWorker: '../../engine/worker/trainingWorker.ts',
  labWorker: '../../labs/core/labWorker.ts',
};

/** Forks the bundled entry (out/<entry>.js), or its TypeScript source under tsx in tests. */
export function startEngineProcess(entry: WorkerEntry, maxMemoryMb: number, what: string): EngineProcess {
  const fromSource = __filename.endsWith('.ts');
  const script = fromSource ? path.join(__dirname, ENTRY_SOURCES[entry]) : path.join(__dirname, `${entry}.js`);
  const child = fork(script, [], {
    execArgv: [`--max-old-space-size=${maxMemoryMb}`, ...(fromSource ? ['--import', 'tsx'] : [])],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    // The process speaks the parent's language (its messages reach the user as they are).
    env: { ...process.env, ...messagesEnv(), ELECTRON_RUN_AS_NODE: '1' },
  });
  // Engine work takes a whole core; a lower priority keeps the editor (the parent) first in line when
  // cores are scarce. Best effort: not every platform allows it.
  if (child.pid !== undefined) {
    try {
      os.setPriority(child.pid, ENGINE_PRIORITY);
    } catch {
      // keep the default priority
    }
  }
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-STDERR_TAIL_CHARS);
  });
  const exited = new Promise<ProcessExit>((resolve, reject) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => reject(new EngineError('training', l10n.t('Could not start the {0}: {1}', what, error.message))));
  });
  return { child, exited, stderrTail: () => stderr };
}

/**
 * The error for a process that exited without its final message: out of memory (with `memoryHint`,
 * what the user can change), or a crash with the last lines it printed.
 */
export function crashError(what: string, exit: ProcessExit, stderr: string, memoryHint: string): EngineError {
  const outOfMemory = /heap out of memory|Allocation failed/i.test(stderr);
  const how = exit.signal ? l10n.t('signal {0}', exit.signal) : l10n.t('exit code {0}', String(exit.code));
  const hint = outOfMemory ? ` ${l10n.t('It ran out of memory: {0}', memoryHint)}` : '';
  const tail = stderr.trim().split('\n').slice(-3).join(' ');
  return new EngineError('training', `${l10n.t('The {0} crashed ({1}).', what, how)}${hint}${tail && !outOfMemory ? ` ${l10n.t('Last output: {0}', tail)}` : ''}`);
}
