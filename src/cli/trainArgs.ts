/** `deepscope train|diagnose` arguments, validated; every problem is a UsageError (exit 2). */
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { BACKEND_PREFERENCES, type BackendPreference } from '../engine/backend';
import { runsDirectory } from '../runs/core/runLogFiles';
import { UsageError } from './io';

export interface TrainRequest {
  readonly file: string;
  readonly epochs?: number;
  readonly backend: BackendPreference;
  readonly json: boolean;
  readonly probeEverySteps: number;
  readonly watchLayers?: readonly string[];
  readonly report?: string;
  /** Folder of the run logs (default `.deepscope/runs` under the current directory). */
  readonly runsDirectory: string;
}

export const DEFAULT_PROBE_EVERY_STEPS = 50;

export function parseTrainArgs(args: readonly string[], cwd: string): TrainRequest {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        epochs: { type: 'string' },
        backend: { type: 'string' },
        json: { type: 'boolean' },
        'probe-every': { type: 'string' },
        layers: { type: 'string' },
        report: { type: 'string' },
        'runs-dir': { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? l10n.t('give the model file to train') : l10n.t('one model file expected, got {0}', positionals.length));
  }
  const backend = values.backend ?? 'auto';
  if (!(BACKEND_PREFERENCES as readonly string[]).includes(backend)) {
    throw new UsageError(l10n.t('--backend must be one of {0}, got "{1}"', BACKEND_PREFERENCES.join(', '), backend));
  }
  return {
    file: path.resolve(cwd, positionals[0]),
    epochs: values.epochs === undefined ? undefined : positiveInteger(values.epochs, '--epochs'),
    backend: backend as BackendPreference,
    json: values.json ?? false,
    probeEverySteps: values['probe-every'] === undefined ? DEFAULT_PROBE_EVERY_STEPS : positiveInteger(values['probe-every'], '--probe-every'),
    watchLayers: values.layers?.split(',').map((name) => name.trim()).filter((name) => name.length > 0),
    report: values.report === undefined ? undefined : path.resolve(cwd, values.report),
    runsDirectory: runsDirectory(cwd, values['runs-dir']),
  };
}

export function positiveInteger(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new UsageError(l10n.t('{0} must be a positive whole number, got "{1}"', flag, text));
  }
  return value;
}
