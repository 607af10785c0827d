/**
 * `deepscope lint <files or folders…> [--json] [--rules a,b]`: the editor's lint rules over files, for CI
 * and pre-commit hooks. Exit 1 when a warning (or error) is found, so information and hints never fail a build.
 */
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import type { LintFinding } from '../lint/core/types';
import { LINT_RULE_IDS } from '../lint/core/types';
import { type CliCommand, type CliIo, EXIT_FAILURE, EXIT_OK } from './io';
import { parseLintArgs } from './lintArgs';
import { filesToLint, lintFile, type PlacedFinding } from './lintFiles';

const FAILING: ReadonlySet<string> = new Set(['error', 'warning']);

export const lintCommand: CliCommand = {
  name: 'lint',
  usage: 'lint <files or folders…> [options]',
  get summary() {
    return l10n.t('Check TensorFlow.js, Keras and PyTorch code against the lecture notes (for CI and pre-commit)');
  },
  help: () =>
    [
      l10n.t('Usage: deepscope lint <files or folders…> [--json] [--rules a,b]'),
      '',
      l10n.t('Runs the rules the editor runs as you type over .ts .js .py and .ipynb files (folders: every such file\nbelow them, skipping node_modules and hidden folders). Notebooks: the code cells are read in order as\none program; a finding is placed by cell (counted from 1 over all cells, markdown included), then line\nand column within that cell.'),
      '',
      l10n.t('Options:'),
      `  --json       ${l10n.t('print { "findings": [{ file, cell (notebooks only), line, column, rule, severity, message, fix }] },\n               every finding including hints; fix is the preferred quick fix\'s title or null')}`,
      `  --rules a,b  ${l10n.t('only these rules, among:')}`,
      ...LINT_RULE_IDS.map((id) => `                 ${id}`),
      '',
      l10n.t('Prints file:line:column: severity rule: message — fix, for errors, warnings and information; hints (advice\nthat is only defensible) are counted in the summary and listed by --json.\nExit code 1 when an error or a warning is found, 0 otherwise, 2 for bad arguments.'),
    ].join('\n'),
  run: (args, io) => {
    const request = parseLintArgs(args, io.cwd);
    const files = filesToLint(request.paths);
    const placed = files.flatMap((file) => lintFile(file, request.rules));
    if (request.json) io.out(JSON.stringify({ findings: placed.map((entry) => findingJson(entry, io)) }));
    else print(placed, files.length, io);
    return placed.some((entry) => FAILING.has(entry.finding.severity)) ? EXIT_FAILURE : EXIT_OK;
  },
};

function print(placed: readonly PlacedFinding[], fileCount: number, io: CliIo): void {
  const visible = placed.filter((entry) => entry.finding.severity !== 'hint');
  if (visible.length > 0) io.out(visible.map((entry) => findingLine(entry, io)).join('\n'));
  const count = (severity: LintFinding['severity']): number => placed.filter((entry) => entry.finding.severity === severity).length;
  const summary = [`${count('warning')} warning(s)`, `${count('information')} information`, `${count('hint')} hint(s)`].join(', ');
  io.err(`${fileCount} file(s) linted: ${summary}.`);
}

/** `file:line:column` (`notebook.ipynb#cell3:4:5`), the shape terminals and editors make clickable. */
function findingLine(entry: PlacedFinding, io: CliIo): string {
  const where = `${displayPath(entry.file, io)}${entry.cell === undefined ? '' : `#cell${entry.cell}`}:${entry.line}:${entry.column}`;
  const fix = preferredTitle(entry.finding);
  return `${where}: ${entry.finding.severity} ${entry.finding.rule}: ${entry.finding.message}${fix === null ? '' : ` — ${fix}`}`;
}

function findingJson(entry: PlacedFinding, io: CliIo): Record<string, unknown> {
  const { finding } = entry;
  return {
    file: displayPath(entry.file, io),
    ...(entry.cell === undefined ? {} : { cell: entry.cell }),
    line: entry.line,
    column: entry.column,
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    fix: preferredTitle(finding),
  };
}

function preferredTitle(finding: LintFinding): string | null {
  return finding.fixes.find((fix) => fix.preferred)?.title ?? null;
}

/** Relative to the current directory when below it, else absolute. */
function displayPath(file: string, io: CliIo): string {
  const relative = path.relative(io.cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
