/** `deepscope new`: scaffold a model module (and its data file) from the command line. */
import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { activations, defaultOptions } from '../scaffold/core/choices';
import { findCsvColumn, parseCsv } from '../scaffold/core/csv';
import { buildCsvSource, rejectedRows } from '../scaffold/core/csvSource';
import { describeOptions } from '../scaffold/core/describe';
import { installCommand, typePackagesFor, unresolvedPackages } from '../scaffold/core/editorTypes';
import { planScaffold } from '../scaffold/core/plan';
import type { CsvSource, ScaffoldOptions, Task } from '../scaffold/core/scaffoldOptions';
import { type CliCommand, type CliIo, EXIT_OK, UsageError } from './io';
import { type CsvRequest, type NewRequest, parseNewArgs } from './newArgs';
import { newHelp } from './newHelp';

/** Bad CSV rows shown as warnings before "… and N more". */
const MAX_WARNED_ROWS = 10;
/** More classes than this usually means the target is a number to regress. */
const MANY_CLASSES = 20;

/** Forward-slash path for display and for paths written into the model. */
const slashes = (p: string): string => p.split(path.sep).join('/');

function readCsvSource(request: CsvRequest, task: Task, modelDir: string, io: CliIo): CsvSource {
  const shown = slashes(path.relative(io.cwd, request.file));
  let text: string;
  try {
    text = fs.readFileSync(request.file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new UsageError(l10n.t('cannot read {0}: {1}', shown, reason));
  }
  const parsed = (() => {
    try {
      return parseCsv(text, request.hasHeader);
    } catch (error) {
      throw new UsageError(`${shown}: ${error instanceof Error ? error.message : String(error)}`);
    }
  })();
  const column = (ref: string): number => {
    const index = findCsvColumn(parsed, ref);
    if (index === undefined) throw new UsageError(l10n.t('{0} has no column "{1}" (columns: {2})', shown, ref, parsed.columnNames.join(', ')));
    return index;
  };
  let source: CsvSource;
  try {
    source = buildCsvSource(parsed, {
      relativePath: slashes(path.relative(modelDir, request.file)),
      task,
      targetColumn: column(request.target),
      ...(request.features === undefined ? {} : { featureColumns: request.features.map(column) }),
    });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${shown}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const bad = rejectedRows(parsed, source, task);
  for (const row of bad.slice(0, MAX_WARNED_ROWS)) io.err(`warning: ${shown}:${row.line}: ${row.message}`);
  if (bad.length > MAX_WARNED_ROWS) io.err(`warning: … and ${bad.length - MAX_WARNED_ROWS} more bad values`);
  if (bad.length > 0) io.err('warning: the model will refuse to load its data until these rows are fixed or removed');
  if ((source.classes?.length ?? 0) > MANY_CLASSES) {
    io.err(`warning: ${source.classes?.length} classes in ${parsed.columnNames[source.targetColumn]}: did you mean --task regression?`);
  }
  return source;
}

function optionsOf(request: NewRequest, io: CliIo): ScaffoldOptions {
  let defaults: ScaffoldOptions;
  try {
    defaults = defaultOptions(request.template, request.task);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const csv = request.csv && readCsvSource(request.csv, defaults.task, path.dirname(request.outFile), io);
  return { ...defaults, ...request.overrides, ...(csv === undefined ? {} : { csv }) };
}

function run(args: readonly string[], io: CliIo): number {
  const request = parseNewArgs(args, io.cwd);
  const options = optionsOf(request, io);
  const modelDir = path.dirname(request.outFile);
  const plan = planScaffold(options, path.basename(request.outFile));
  const toWrite = plan.files.filter((file) => {
    const target = path.join(modelDir, file.relativePath);
    if (!fs.existsSync(target) || request.force) return true;
    // An identical data file (iris.csv from an earlier model) is simply kept.
    if (file.relativePath !== path.basename(request.outFile) && fs.readFileSync(target, 'utf8') === file.contents) return false;
    throw new UsageError(l10n.t('{0} already exists; pass --force to overwrite it', slashes(path.relative(io.cwd, target))));
  });
  const warning = activations().find((c) => c.value === options.activation)?.warning;
  if (warning !== undefined) io.err(l10n.t('warning: {0}', warning));
  fs.mkdirSync(modelDir, { recursive: true });
  for (const file of toWrite) {
    const target = path.join(modelDir, file.relativePath);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.contents);
  }
  const shown = slashes(path.relative(io.cwd, request.outFile));
  io.out(l10n.t('Wrote {0}: {1}.', shown, describeOptions(options)));
  for (const file of toWrite.slice(1)) io.out(l10n.t('Wrote {0} (the data it reads).', slashes(path.relative(io.cwd, path.join(modelDir, file.relativePath)))));
  io.out(l10n.t('Train it: deepscope train {0}', shown));
  io.out(l10n.t("      or: open it in VS Code and run DeepScope's Train command."));
  const forEditor = unresolvedPackages(typePackagesFor(plan.files[0].contents), modelDir, fs.existsSync);
  // VS Code with DeepScope gives the editor these types itself; another editor needs the packages.
  if (forEditor.length > 0) io.out(l10n.t('For types and completion in an editor without DeepScope (not needed to train): {0}', installCommand(forEditor)));
  return EXIT_OK;
}

export const newCommand: CliCommand = {
  name: 'new',
  usage: 'new [template] <out-file.ts>',
  get summary() {
    return l10n.t("Scaffold a model module with the lecture notes' defaults (spiral by default)");
  },
  help: newHelp,
  run,
};
