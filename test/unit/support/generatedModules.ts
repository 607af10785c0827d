/**
 * Running generated model modules in tests the way DeepScope does: bundle with esbuild (tfjs left external
 * so it resolves to the repo's copy), require, compile with `training`, fit.
 */
import * as tf from '@tensorflow/tfjs';
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

export interface Dataset {
  readonly x: tf.Tensor;
  readonly y: tf.Tensor;
  readonly validation?: { readonly x: tf.Tensor; readonly y: tf.Tensor };
}

/** The model-module contract: createModel(), loadData() and training. */
export interface ModelModule {
  createModel(): tf.LayersModel;
  loadData(): Dataset | Promise<Dataset>;
  readonly training: {
    readonly epochs: number;
    readonly batchSize: number;
    readonly loss: string;
    readonly metrics: string[];
    readonly optimizer?: () => tf.Optimizer;
    readonly learningRate?: (epoch: number) => number;
  };
}

/** A fresh temp dir whose node_modules links to the repo's, so tsc and require find tfjs and @types/node. */
export function makeWorkDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `deepscope-${prefix}-`));
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'junction');
  return dir;
}

export function removeWorkDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Bundles each `<dir>/<name>.ts` to `<dir>/<name>.js` (same folder, so __dirname finds the data) and loads it. */
export async function bundleAndLoad(dir: string, names: readonly string[]): Promise<Map<string, ModelModule>> {
  await esbuild.build({
    entryPoints: names.map((name) => path.join(dir, `${name}.ts`)),
    outdir: dir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['@tensorflow/tfjs'],
    logLevel: 'silent',
  });
  return new Map(names.map((name) => [name, require(path.join(dir, `${name}.js`)) as ModelModule]));
}

/** tfjs makes `instanceof` on optimisers duck-typed (any optimiser is "an SGDOptimizer"), so test the method. */
function isSgd(optimizer: tf.Optimizer): optimizer is tf.SGDOptimizer {
  return typeof (optimizer as Partial<tf.SGDOptimizer>).setLearningRate === 'function';
}

/** Sets the optimiser's learning rate, as the runner does at each epoch. */
export function setLearningRate(optimizer: tf.Optimizer, rate: number): void {
  if (isSgd(optimizer)) optimizer.setLearningRate(rate);
  else (optimizer as unknown as { learningRate: number }).learningRate = rate;
}

/**
 * Disposes an optimiser completely. tfjs 4.22's MomentumOptimizer.dispose() forgets the learning-rate scalar
 * its SGDOptimizer base keeps, leaking one tensor per run; SGDOptimizer's own dispose releases it.
 */
export function disposeOptimizer(optimizer: tf.Optimizer): void {
  optimizer.dispose();
  if (isSgd(optimizer)) tf.SGDOptimizer.prototype.dispose.call(optimizer);
}

export interface TrainResult {
  /** Per-epoch values of the history, e.g. loss, acc, val_loss. */
  readonly history: Record<string, number[]>;
  readonly model: tf.LayersModel;
  readonly data: Dataset;
  readonly optimizer: tf.Optimizer;
  /** Disposes the model, the data and the optimiser. */
  dispose(): void;
}

/** Compiles `module.createModel()` with its `training` and fits `epochs` epochs without shuffling (deterministic). */
export async function train(module: ModelModule, epochs: number): Promise<TrainResult> {
  const { training } = module;
  const data = await module.loadData();
  const model = module.createModel();
  const optimizer = training.optimizer?.() ?? tf.train.momentum(0.05, 0.9, true);
  model.compile({ optimizer, loss: training.loss, metrics: training.metrics });
  const fitted = await model.fit(data.x, data.y, {
    epochs,
    batchSize: training.batchSize,
    shuffle: false,
    verbose: 0,
    validationData: data.validation ? [data.validation.x, data.validation.y] : undefined,
    callbacks: {
      onEpochBegin: async (epoch: number) => {
        if (training.learningRate) setLearningRate(optimizer, training.learningRate(epoch));
      },
    },
  });
  const history: Record<string, number[]> = {};
  for (const [key, values] of Object.entries(fitted.history)) history[key] = values.map(Number);
  return {
    history,
    model,
    data,
    optimizer,
    dispose: () => {
      model.dispose();
      disposeOptimizer(optimizer);
      tf.dispose([data.x, data.y, data.validation?.x, data.validation?.y].filter((t): t is tf.Tensor => t !== undefined));
    },
  };
}
