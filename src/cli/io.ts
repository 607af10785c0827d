/** What every CLI command shares: its I/O (injectable, so tests run commands in-process) and exit codes. */
import type { Language } from '../common/core/language';

export interface CliIo {
  /** Directory relative paths are resolved against. */
  readonly cwd: string;
  /** One line (or block) on stdout. */
  out(text: string): void;
  /** One line (or block) on stderr. */
  err(text: string): void;
  /** Rewrites a one-line status (a progress bar) on a terminal; absent when stderr is not one. */
  readonly status?: (text: string) => void;
  /** The CLI's language (`--lang`, else the locale), of its wording and its explanations: set by runCli for every command; English when absent. */
  readonly language?: Language;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
/** Bad input: unknown command, option or value, or a file that would be overwritten. */
export const EXIT_USAGE = 2;

/** Bad input from the user: reported as one line on stderr, exit code 2. */
export class UsageError extends Error {}

export interface CliCommand {
  readonly name: string;
  /** e.g. `new [template] <out-file> [options]` */
  readonly usage: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The full help of the command. */
  help(): string;
  /** Returns the exit code; throws UsageError for bad input. */
  run(args: readonly string[], io: CliIo): number | Promise<number>;
}

export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    status: process.stderr.isTTY ? (text) => process.stderr.write(`\r\x1b[2K${text}`) : undefined,
  };
}
