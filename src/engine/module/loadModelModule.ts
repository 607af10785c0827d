import * as l10n from '@vscode/l10n';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';
import type * as tf from '@tensorflow/tfjs';
import { EngineError, errorMessage } from '../engineError';
import { bundleModule, type BundledModule } from './bundleModule';
import { locateInUserSource } from './stackLocation';
import { findExportLine } from './sourceIndex';

/** What `loadData()` returns in the model-module contract (createModel(), loadData(), training). */
export interface Dataset {
  readonly x: tf.Tensor;
  readonly y: tf.Tensor;
  readonly validation?: { readonly x: tf.Tensor; readonly y: tf.Tensor };
}

/** A model module, loaded and checked: its functions, and how to point at its lines. */
export interface ModelModule {
  readonly file: string;
  readonly source: string;
  readonly createModel: () => tf.LayersModel;
  readonly loadData: () => Dataset | Promise<Dataset>;
  /** The raw `training` export; `readTrainingConfig` validates it. */
  readonly training: unknown;
  /** Runs `fn` (a call into user code) and turns what it throws into an EngineError at the user's line. */
  call<T>(what: 'createModel' | 'loadData', fn: () => T): T;
}


/** Bundles and evaluates a model module, then checks its exports against the contract. */
export async function loadModelModule(file: string, contents?: string): Promise<ModelModule> {
  const text = contents ?? (await readSource(file));
  const bundle = await bundleModule(file, contents);
  const exports = evaluate(bundle, file);
  for (const name of ['createModel', 'loadData'] as const) {
    if (typeof exports[name] !== 'function') {
      const contract = l10n.t('A model module exports createModel(), loadData() and training (see the DeepScope README).');
      const found =
        exports[name] === undefined
          ? l10n.t('{0} does not export {1}().', path.basename(file), name)
          : l10n.t('{0} exports {1} as a {2}, not a function named {1}().', path.basename(file), name, typeof exports[name]);
      throw new EngineError('missing-export', `${found} ${contract}`, {
        file,
        line: findExportLine(text, name) ?? 1,
        column: 1,
      });
    }
  }
  const call = <T>(what: 'createModel' | 'loadData', fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      throw threwError(error, bundle, file, l10n.t('{0}() threw', what), findExportLine(text, what));
    }
  };
  return {
    file,
    source: text,
    createModel: exports.createModel as () => tf.LayersModel,
    loadData: exports.loadData as () => Dataset | Promise<Dataset>,
    training: exports.training,
    call,
  };
}

async function readSource(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new EngineError('missing-export', l10n.t('Cannot read the model module {0}: {1}', file, errorMessage(error)));
  }
}

/** Runs the bundle like Node runs a CommonJS file, but with DeepScope's tfjs for `@tensorflow/*`. */
function evaluate(bundle: BundledModule, file: string): Record<string, unknown> {
  const userRequire = createRequire(file);
  // `@tensorflow/*` resolves from DeepScope's own modules, everything else from the user's folder.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const requireForModule = (id: string): unknown => (id.startsWith('@tensorflow/') ? require(id) : userRequire(id));
  const module = { exports: {} as Record<string, unknown> };
  try {
    const wrapper = vm.runInThisContext(`(function (exports, require, module, __filename, __dirname) {${bundle.code}\n})`, {
      filename: bundle.bundleName,
    }) as (...args: unknown[]) => void;
    wrapper(module.exports, requireForModule, module, file, path.dirname(file));
  } catch (error) {
    throw threwError(error, bundle, file, 'Loading the module threw', 1);
  }
  return module.exports;
}

function threwError(error: unknown, bundle: BundledModule, file: string, what: string, fallbackLine?: number): EngineError {
  if (error instanceof EngineError) {
    return error;
  }
  const location = locateInUserSource(error, bundle) ?? { file, line: fallbackLine ?? 1, column: 1 };
  return new EngineError('module-threw', `${what}: ${errorMessage(error)}`, location);
}
