/** `deepscope lab [name]`: lists the labs, or runs one and prints its key numbers (or all of it as JSON). */
import * as l10n from '@vscode/l10n';
import { parseArgs } from 'node:util';
import { BACKEND_PREFERENCES, type BackendPreference } from '../engine/backend';
import { EngineError } from '../engine/engineError';
import { findLab, LABS, runLab, type LabRun } from '../labs/core/experiments';
import type { KeyTable, ParamSpec } from '../labs/core/labs';
import { typedArraysAsArrays } from '../common/core/plainJson';
import { type CliCommand, type CliIo, EXIT_OK, UsageError } from './io';
import { formatNumber } from './runSummary';

export const labCommand: CliCommand = {
  name: 'lab',
  usage: 'lab [name] [--json] [--param value…]',
  get summary() {
    return l10n.t("Reproduce a claim of the notes with real numbers (no name: list the labs)");
  },
  help: () =>
    [
      l10n.t('Usage: deepscope lab                      list the labs\n       deepscope lab <name> [options]     run one and print its key numbers'),
      '',
      l10n.t('Options:'),
      `  --json         ${l10n.t('print the whole result as one JSON object')}`,
      `  --backend B    ${l10n.t('auto (default), node, wasm or cpu')}`,
      '',
      ...LABS.flatMap((lab) => [`${lab.info.name}: ${lab.info.title}`, ...lab.info.params.map((spec) => `  ${flag(spec).padEnd(22)} ${describe(spec)}`)]),
    ].join('\n'),
  run: async (args, io) => lab(args, io),
};

async function lab(args: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name.startsWith('-')) {
    if (name !== undefined) throw new UsageError(l10n.t("give the lab's name before its options (labs: {0})", labNames()));
    const width = Math.max(...LABS.map((l) => l.info.name.length));
    const language = io.language ?? 'en';
    io.out(LABS.map(({ info }) => `${info.name.padEnd(width)}  ${l10n.t('{0}: {1}', info.texts.title[language], info.texts.summary[language])}`).join('\n'));
    return EXIT_OK;
  }
  const found = findLab(name);
  if (found === undefined) throw new UsageError(l10n.t('unknown lab "{0}" (labs: {1})', name, labNames()));
  const { json, backend, raw } = parseLabArgs(rest, found.info.params);
  let run: LabRun;
  try {
    run = await runLab(found, raw, backend);
  } catch (error) {
    if (error instanceof EngineError && error.kind === 'config') throw new UsageError(error.message);
    throw error;
  }
  const { report, tables } = run;
  if (json) {
    io.out(JSON.stringify(report, typedArraysAsArrays));
  } else {
    const seconds = (report.elapsedMs / 1000).toFixed(1);
    const title = found.info.texts.title[io.language ?? 'en'];
    io.out(report.backend === 'none'
      ? l10n.t('{0} ({1}) on plain JavaScript, {2} s; notes: {3}', title, report.name, seconds, report.topics.join(', '))
      : l10n.t('{0} ({1}) on the {2} backend, {3} s; notes: {4}', title, report.name, report.backend, seconds, report.topics.join(', ')));
    for (const table of tables) io.out(`\n${formatTable(table)}`);
  }
  return EXIT_OK;
}

function labNames(): string {
  return LABS.map((l) => l.info.name).join(', ');
}

function parseLabArgs(args: readonly string[], specs: readonly ParamSpec[]): { json: boolean; backend: BackendPreference; raw: Record<string, string> } {
  const options: Record<string, { type: 'string' | 'boolean' }> = { json: { type: 'boolean' }, backend: { type: 'string' } };
  for (const spec of specs) options[kebab(spec.name)] = { type: 'string' };
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: [...args], options, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const backend = typeof values.backend === 'string' ? values.backend : 'auto';
  if (!(BACKEND_PREFERENCES as readonly string[]).includes(backend)) {
    throw new UsageError(l10n.t('--backend must be one of {0}, got "{1}"', BACKEND_PREFERENCES.join(', '), backend));
  }
  const raw: Record<string, string> = {};
  for (const spec of specs) {
    const value = values[kebab(spec.name)];
    if (typeof value === 'string') raw[spec.name] = value;
  }
  return { json: values.json === true, backend: backend as BackendPreference, raw };
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

function flag(spec: ParamSpec): string {
  return `--${kebab(spec.name)} ${spec.kind === 'number' ? 'N' : spec.kind === 'choice' ? 'C' : 'TEXT'}`;
}

function describe(spec: ParamSpec): string {
  const range = spec.kind === 'number' ? ` (${spec.min}–${spec.max})` : spec.kind === 'choice' ? ` (${spec.choices.join(', ')})` : '';
  const shown = spec.kind === 'text' ? JSON.stringify(spec.default.length > 40 ? `${spec.default.slice(0, 37)}…` : spec.default) : String(spec.default);
  return `${spec.label}${range}, default ${shown}`;
}

/** Whole numbers (layers, steps, counts) as they are; other numbers to 4 decimals or in exponent form. */
function formatCell(cell: string | number): string {
  if (typeof cell === 'string') return cell;
  return Number.isInteger(cell) && Math.abs(cell) < 1e7 ? String(cell) : formatNumber(cell);
}

/** A plain-text table: a title line, a header, right-aligned numbers. */
export function formatTable(table: KeyTable): string {
  const cells = table.rows.map((row) => row.map(formatCell));
  const widths = table.columns.map((column, c) => Math.max(column.length, ...cells.map((row) => (row[c] ?? '').length)));
  const line = (row: readonly string[], numeric: (c: number) => boolean): string =>
    row.map((cell, c) => (numeric(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  const isNumber = (c: number): boolean => table.rows.length > 0 && typeof table.rows[0][c] === 'number';
  return [table.title, line(table.columns.map(String), isNumber), ...cells.map((row) => line(row, isNumber)), ...(table.note ? [table.note] : [])].join('\n');
}
