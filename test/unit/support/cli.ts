/** Runs `deepscope <argv…>` in-process (training and labs still run in their own processes). */
import { runCli } from '../../../src/cli/cli';
import type { CliIo } from '../../../src/cli/io';

export interface CliRun {
  readonly code: number;
  /** stdout and stderr, one item per line. */
  readonly out: string[];
  readonly err: string[];
}

/** `cwd`: where relative paths resolve and run logs go; tests give a scratch folder, not the repository. */
export async function runCliIn(cwd: string, ...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { cwd, out: (text) => out.push(...text.split('\n')), err: (text) => err.push(...text.split('\n')) };
  // No locale from the machine running the tests: English unless a test passes --lang.
  const code = await runCli(argv, io, {});
  return { code, out, err };
}
