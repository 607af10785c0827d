/**
 * `deepscope report <run.jsonl> [<other.jsonl>] -o report.html`: the standalone HTML report of a saved
 * run, or of two runs side by side, from their logs; `deepscope train --report` writes its report here too.
 */
import * as l10n from '@vscode/l10n';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { reportHtml } from '../dashboard/core/reportHtml';
import { readRunLogFile, RunLogError } from '../runs/core/readRunLog';
import { RUN_LOG_EXTENSION, runIdOf } from '../runs/core/runLogFiles';
import { RunRecorder } from '../runs/core/runRecorder';
import type { ReportedRun, ReportPayload } from '../runs/core/runSnapshot';
import { type CliCommand, type CliIo, EXIT_OK, EXIT_USAGE, UsageError } from './io';

export const reportCommand: CliCommand = {
  name: 'report',
  usage: 'report <run.jsonl> [<other.jsonl>] -o <out.html>',
  get summary() {
    return l10n.t('Write the standalone HTML report of a saved run, or of two runs side by side');
  },
  help: () =>
    [
      l10n.t('Usage: deepscope report <run.jsonl> [<other.jsonl>] -o <out.html>'),
      '',
      l10n.t('Writes one HTML page with the dashboard\'s charts and the run\'s findings, to open in any browser\n(no VS Code needed), from a run log that "deepscope train" or VS Code wrote (<runs-dir>/<run-id>.jsonl).\nA run that was cut off is reported as far as its log goes. Given two logs, the page shows both runs\nside by side.'),
      '',
      l10n.t('Options:'),
      `  -o, --output FILE  ${l10n.t('the page to write (required; an existing file is replaced)')}`,
      '',
      l10n.t('A log that cannot be read prints file:line: what is wrong on stderr and exits 2.'),
    ].join('\n'),
  run: (args, io) => report(parseReportArgs(args, io.cwd), io),
};

interface ReportRequest {
  readonly logs: readonly string[];
  readonly output: string;
}

function parseReportArgs(args: readonly string[], cwd: string): ReportRequest {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { output: { type: 'string', short: 'o' } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { positionals, values } = parsed;
  if (positionals.length === 0 || positionals.length > 2) {
    throw new UsageError(positionals.length === 0 ? l10n.t('give the run log to report (.deepscope/runs/<run-id>.jsonl)') : l10n.t('one or two run logs expected, got {0}', positionals.length));
  }
  const notLog = positionals.find((file) => !file.endsWith(RUN_LOG_EXTENSION));
  if (notLog !== undefined) {
    throw new UsageError(l10n.t('{0} is not a run log ({1}); to train a model and report the run: deepscope train <model-file> --report out.html', notLog, RUN_LOG_EXTENSION));
  }
  if (values.output === undefined || values.output === '') throw new UsageError(l10n.t('give the page to write: -o report.html'));
  return { logs: positionals.map((file) => path.resolve(cwd, file)), output: path.resolve(cwd, values.output) };
}

function report(request: ReportRequest, io: CliIo): number {
  let runs: ReportedRun[];
  try {
    runs = request.logs.map(loadRun);
  } catch (error) {
    if (!(error instanceof RunLogError)) throw error;
    io.err(error.message);
    return EXIT_USAGE;
  }
  const [run, compare] = runs;
  writeReport(request.output, compare ? { ...run, compare } : run, io);
  return EXIT_OK;
}

/** A saved run as the dashboard shows it when VS Code opens the log: the same report from either. */
function loadRun(file: string): ReportedRun {
  const reported = RunRecorder.fromLog(readRunLogFile(file), runIdOf(file)).reported();
  // Unreachable: readRunLogFile refuses a log without its start record, which is all a snapshot needs.
  if (!reported) throw new RunLogError(file, 1, 'no start record');
  return reported;
}

/** Writes the standalone HTML report: the dashboard bundle inlined, the payload embedded as JSON. */
export function writeReport(file: string, payload: ReportPayload, io: CliIo): void {
  const language = io.language ?? 'en';
  writeFileSync(file, reportHtml(payload, dashboardBundle(), { ui: language, explanations: language }));
  io.err(l10n.t('Report written to {0}', file));
}

/** The built dashboard (out/webviews): beside the CLI bundle (out/cli.js), or in out/ when the CLI runs from its sources (tests). */
function dashboardBundle(): string {
  return __filename.endsWith('.ts') ? path.resolve(__dirname, '..', '..', 'out', 'webviews') : path.join(__dirname, 'webviews');
}
