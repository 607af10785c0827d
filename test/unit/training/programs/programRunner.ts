/** Runs a test program the way `deepscope run` does, keeping its output and records. */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { BackendPreference } from '../../../../src/engine/backend';
import { runProgramInProcess, type ProgramOutcome } from '../../../../src/training/core/programInProcess';
import type { RunRecord } from '../../../../src/runs/core/runRecord';

export const PROGRAMS = path.resolve(__dirname, '..', '..', '..', 'fixtures', 'programs');

export interface ProgramRun {
  readonly outcome: ProgramOutcome;
  readonly records: RunRecord[];
  readonly stdout: string;
  readonly stderr: string;
  readonly unwatched: string[];
}

export async function runProgram(
  file: string,
  options: { args?: string[]; cwd?: string; backend?: BackendPreference; signal?: AbortSignal; probeEverySteps?: number } = {},
): Promise<ProgramRun> {
  const records: RunRecord[] = [];
  const unwatched: string[] = [];
  let stdout = '';
  let stderr = '';
  const outcome = await runProgramInProcess(
    { file, args: options.args ?? [], cwd: options.cwd ?? path.dirname(file), stdio: 'pipe', backend: options.backend ?? 'cpu', probeEverySteps: options.probeEverySteps ?? 5 },
    (record) => records.push(record),
    {
      unwatched: (model) => unwatched.push(model),
      output: (stream, text) => {
        if (stream === 'stdout') stdout += text;
        else stderr += text;
      },
    },
    options.signal,
  );
  return { outcome, records, stdout, stderr, unwatched };
}

/** The same program under plain node (TypeScript through tsx, as a user would run it). */
export function runWithNode(file: string, args: string[] = [], cwd = path.dirname(file)): { status: number | null; stdout: string } {
  const loader = file.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const result = spawnSync(process.execPath, [...loader, file, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout };
}
