/**
 * Runs a user's tfjs program in a program process (src/engine/program/programWorker.ts); what it
 * reports on fd 3 and how its exit ends the run is `followProgramProcess`'s.
 */
import * as l10n from '@vscode/l10n';
import { spawn, type StdioOptions } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PRODUCER } from '../../engine/train';
import type { RunRecord } from '../../runs/core/runRecord';
import { DEFAULT_MAX_MEMORY_MB } from './engineProcess';
import { followProgramProcess, type FollowedProgram, type ProgramEvents, type ProgramOutcome } from './programFollower';
import { PROGRAM_OPTIONS_ENV, type ProgramProcessOptions } from './programProtocol';
import { messagesEnv } from '../../common/core/messages';

export type { ProgramEvents, ProgramOutcome } from './programFollower';

export interface ProgramRequest extends ProgramProcessOptions {
  readonly file: string;
  /** The program's own command-line arguments. */
  readonly args: readonly string[];
  readonly cwd: string;
  /** 'inherit' in a terminal (the CLI: same output as node); 'pipe' to hand output to `onOutput`. */
  readonly stdio: 'inherit' | 'pipe';
  readonly maxMemoryMb?: number;
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
    env: { ...process.env, ...messagesEnv(), ELECTRON_RUN_AS_NODE: '1', [PROGRAM_OPTIONS_ENV]: JSON.stringify(options) },
  });
  const program: FollowedProgram = {
    file: path.resolve(request.cwd, request.file),
    producer: PRODUCER,
    framework: 'tfjs',
    backend: 'cpu',
    kill: () => child.kill('SIGKILL'),
    neverTrained: l10n.t('The program ended without calling fit() or fitDataset(): there was no training to watch.'),
  };
  return followProgramProcess(child, program, emit, events, signal);
}
