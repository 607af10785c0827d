/** Arguments of `deepscope run <program> [options] [-- program args…]`. */
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { BACKEND_PREFERENCES, type BackendPreference } from '../engine/backend';
import { runsDirectory } from '../runs/core/runLogFiles';
import { UsageError } from './io';
import { DEFAULT_PROBE_EVERY_STEPS, positiveInteger } from './trainArgs';

export interface RunRequest {
  readonly file: string;
  /** Everything after `--`: the program's own arguments, untouched. */
  readonly programArgs: readonly string[];
  readonly backend: BackendPreference;
  readonly probeEverySteps: number;
  readonly watchLayers?: readonly string[];
  readonly runsDirectory: string;
  /** No DeepScope lines on stderr: only the program's output. */
  readonly quiet: boolean;
  /** `--python`: the interpreter of a .py script. */
  readonly python?: string;
}

export function parseRunArgs(args: readonly string[], cwd: string): RunRequest {
  const separator = args.indexOf('--');
  const own = separator >= 0 ? args.slice(0, separator) : args;
  let parsed;
  try {
    parsed = parseArgs({
      args: [...own],
      allowPositionals: true,
      strict: true,
      options: {
        backend: { type: 'string' },
        'probe-every': { type: 'string' },
        layers: { type: 'string' },
        'runs-dir': { type: 'string' },
        quiet: { type: 'boolean' },
        python: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError(l10n.t("{0} (the program's own options go after --)", (error as Error).message));
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? l10n.t('give the program to run') : l10n.t("one program expected, got {0} (the program's own arguments go after --)", positionals.join(' ')));
  }
  const backend = values.backend ?? 'auto';
  if (!(BACKEND_PREFERENCES as readonly string[]).includes(backend)) {
    throw new UsageError(l10n.t('--backend must be one of {0}, got "{1}"', BACKEND_PREFERENCES.join(', '), backend));
  }
  return {
    file: path.resolve(cwd, positionals[0]),
    programArgs: separator >= 0 ? args.slice(separator + 1) : [],
    backend: backend as BackendPreference,
    probeEverySteps: values['probe-every'] === undefined ? DEFAULT_PROBE_EVERY_STEPS : positiveInteger(values['probe-every'], '--probe-every'),
    watchLayers: values.layers?.split(',').map((name) => name.trim()).filter((name) => name.length > 0),
    runsDirectory: runsDirectory(cwd, values['runs-dir']),
    quiet: values.quiet ?? false,
    python: values.python,
  };
}
