/** `deepscope new` arguments → what to scaffold, validated; every problem is a UsageError (exit 2). */
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { activations, type Choice, initializers, optimizers, schedules, templates } from '../scaffold/core/choices';
import { parseDropoutRate, parseHiddenUnits, parsePositiveNumber, type Parsed } from '../scaffold/core/parseNumbers';
import type { ScaffoldOptions, Task, TemplateName } from '../scaffold/core/scaffoldOptions';
import { UsageError } from './io';

/** Options that change ScaffoldOptions fields (absent ones keep the template's defaults). */
export type OptionOverrides = { -readonly [K in keyof ScaffoldOptions]?: ScaffoldOptions[K] };

export interface CsvRequest {
  /** Absolute path of the CSV file. */
  readonly file: string;
  /** Column name or 0-based index, as typed. */
  readonly target: string;
  readonly features?: readonly string[];
  /** false with --no-header; undefined means "guess". */
  readonly hasHeader?: boolean;
}

export interface NewRequest {
  readonly template: TemplateName;
  readonly task?: Task;
  /** Absolute path of the model file to write. */
  readonly outFile: string;
  readonly overrides: OptionOverrides;
  readonly csv?: CsvRequest;
  readonly force: boolean;
}

export const NEW_OPTIONS = {
  task: { type: 'string' },
  hidden: { type: 'string' },
  activation: { type: 'string' },
  init: { type: 'string' },
  optimizer: { type: 'string' },
  lr: { type: 'string' },
  schedule: { type: 'string' },
  'batch-norm': { type: 'boolean' },
  dropout: { type: 'string' },
  'no-center': { type: 'boolean' },
  epochs: { type: 'string' },
  'batch-size': { type: 'string' },
  seed: { type: 'string' },
  csv: { type: 'string' },
  target: { type: 'string' },
  features: { type: 'string' },
  'no-header': { type: 'boolean' },
  force: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof NEW_OPTIONS; allowPositionals: true }>>['values'];

/** node:util's messages are long; keep the first sentence. */
function parseArgsMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split(/\.\s/)[0] ?? message;
  return first.charAt(0).toLowerCase() + first.slice(1).replace(/\.$/, '');
}

function choice<T extends string>(flag: string, list: readonly Choice<T>[], value: string | undefined): T | undefined {
  if (value === undefined) return undefined;
  const found = list.find((c) => c.value === value || c.value.toLowerCase() === value.toLowerCase());
  if (found === undefined) {
    throw new UsageError(l10n.t('unknown --{0} "{1}" (choose {2})', flag, value, list.map((c) => c.value).join(', ')));
  }
  return found.value;
}

function parsed<T>(flag: string, result: Parsed<T>): T {
  if ('error' in result) throw new UsageError(`--${flag}: ${result.error}`);
  return result.value;
}

function positiveInteger(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(l10n.t('--{0} must be a positive whole number, not "{1}"', flag, value));
  }
  return n;
}

function overridesOf(values: Values): OptionOverrides {
  const overrides: OptionOverrides = {};
  if (values.hidden !== undefined) overrides.hiddenUnits = parsed('hidden', parseHiddenUnits(values.hidden));
  overrides.activation = choice('activation', activations(), values.activation);
  overrides.initializer = choice('init', initializers(), values.init);
  overrides.optimizer = choice('optimizer', optimizers(), values.optimizer);
  overrides.schedule = choice('schedule', schedules(), values.schedule);
  if (values.lr !== undefined) overrides.learningRate = parsed('lr', parsePositiveNumber(values.lr, 'The learning rate'));
  if (values.dropout !== undefined) overrides.dropout = parsed('dropout', parseDropoutRate(values.dropout));
  if (values['batch-norm'] === true) overrides.batchNorm = true;
  if (values['no-center'] === true) overrides.centerInputs = false;
  overrides.epochs = positiveInteger('epochs', values.epochs);
  overrides.batchSize = positiveInteger('batch-size', values['batch-size']);
  if (values.seed !== undefined) {
    if (!/^-?\d+$/.test(values.seed.trim())) throw new UsageError(l10n.t('--seed must be a whole number, not "{0}"', values.seed));
    overrides.seed = Number(values.seed);
  }
  for (const key of Object.keys(overrides) as (keyof OptionOverrides)[]) {
    if (overrides[key] === undefined) delete overrides[key];
  }
  return overrides;
}

function templateOf(name: string): TemplateName {
  const info = templates().find((t) => t.name === name);
  if (info === undefined) {
    throw new UsageError(l10n.t('unknown template "{0}" (choose {1})', name, templates().map((t) => t.name).join(', ')));
  }
  return info.name;
}

function positionalsOf(positionals: readonly string[], values: Values): { template: TemplateName; outFile: string } {
  const implied: TemplateName = values.csv !== undefined ? 'csv' : 'spiral';
  if (positionals.length === 0) throw new UsageError(l10n.t('missing <out-file>, e.g. deepscope new {0} {0}.ts', 'spiral'));
  if (positionals.length > 2) throw new UsageError(l10n.t('too many arguments: {0}', positionals.slice(2).join(' ')));
  const [first = '', second] = positionals;
  if (second === undefined && templates().some((t) => t.name === first)) {
    throw new UsageError(l10n.t('missing <out-file>, e.g. deepscope new {0} {0}.ts', first));
  }
  const outFile = second ?? first;
  if (path.extname(outFile) !== '.ts') throw new UsageError(l10n.t('<out-file> must end in .ts (the model is TypeScript): {0}', outFile));
  return { template: second === undefined ? implied : templateOf(first), outFile };
}

function csvOf(template: TemplateName, values: Values, cwd: string): CsvRequest | undefined {
  if (template !== 'csv') {
    const stray = (['csv', 'target', 'features', 'no-header'] as const).find((flag) => values[flag] !== undefined);
    if (stray !== undefined) throw new UsageError(l10n.t('--{0} only applies to the csv template', stray));
    return undefined;
  }
  if (values.csv === undefined) throw new UsageError(l10n.t('the csv template needs --csv <file.csv> --target <column>'));
  if (values.target === undefined) throw new UsageError(l10n.t('the csv template needs --target <column name or 0-based index>'));
  return {
    file: path.resolve(cwd, values.csv),
    target: values.target,
    ...(values.features === undefined ? {} : { features: values.features.split(',').map((f) => f.trim()).filter((f) => f !== '') }),
    ...(values['no-header'] === true ? { hasHeader: false } : {}),
  };
}

export function parseNewArgs(args: readonly string[], cwd: string): NewRequest {
  let result: { values: Values; positionals: string[] };
  try {
    result = parseArgs({ args: [...args], options: NEW_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(parseArgsMessage(error));
  }
  const { values, positionals } = result;
  const { template, outFile } = positionalsOf(positionals, values);
  const task = values.task;
  if (task !== undefined && task !== 'classification' && task !== 'regression') {
    throw new UsageError(l10n.t('--task must be classification or regression, not "{0}"', task));
  }
  const csv = csvOf(template, values, cwd);
  return {
    template,
    ...(task === undefined ? {} : { task }),
    outFile: path.resolve(cwd, outFile),
    overrides: overridesOf(values),
    ...(csv === undefined ? {} : { csv }),
    force: values.force === true,
  };
}
