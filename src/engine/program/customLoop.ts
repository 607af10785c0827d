/**
 * Custom training loops (`optimizer.minimize(f)` instead of `fit`) are watched once the program calls
 * `watch(model)` from `deepscope`; `model.trainOnBatch` loops are watched without it (the first model they train). Each `minimize` that updates the model's weights is one step: its
 * loss is the one `minimize` computes (asked for with returnCost and freed when the program did not ask).
 * Probes look at the activations on the first rows of the first input the model is called with, and at
 * the gradients of the program's own loss function, evaluated again under a seeded Math.random so the
 * program's random draws are unchanged. A custom loop has no epochs: the dashboard's axis counts steps.
 */
import * as tf from '@tensorflow/tfjs';
import type { SourceSite } from '../../runs/core/trainingData';
import { ModelProbe } from '../probes/modelProbe';
import { seedMathRandom } from '../seededMath';
import type { TrainEmit } from '../train';
import { layerSource } from './layerSources';
import { PROBE_SAMPLES } from './probeBatch';
import { probeableLayers, programStart } from './programStart';
import { userFrame } from './userFrame';
import type { WatchOptions } from './watchedRun';

export class CustomLoopWatch {
  private model: tf.LayersModel | undefined;
  private probeInput: tf.Tensor | undefined;
  private probe: ModelProbe | undefined;
  private step = 0;
  private site: SourceSite | undefined;

  constructor(
    private readonly options: WatchOptions,
    private readonly emit: TrainEmit,
    /** Whether a `fit` run already is the program's run (then watch() changes nothing). */
    private readonly fitRunExists: () => boolean,
  ) {}

  /** The `deepscope` module a program imports: `watch(model)` returns the model. */
  api(): { watch: (model: tf.LayersModel) => tf.LayersModel } {
    return { watch: (model) => this.watch(model) };
  }

  install(): void {
    const optimizers = tf.Optimizer.prototype;
    const minimize = optimizers.minimize;
    const step = (optimizer: tf.Optimizer, run: () => tf.Scalar, f: () => tf.Scalar, varList?: tf.Variable[]): tf.Scalar => this.minimizeStep(optimizer, run, f, varList);
    optimizers.minimize = function (this: tf.Optimizer, f: () => tf.Scalar, returnCost = false, varList?: tf.Variable[]) {
      const cost = step(this, () => minimize.call(this, f, true, varList) as tf.Scalar, f, varList);
      if (returnCost) return cost;
      cost.dispose();
      return null;
    };
    // trainOnBatch (GANs, reinforcement learning) steps through minimize: the first model it trains is
    // watched as if the program had called watch(model). Sequential's delegates to its inner model, which
    // then finds the Sequential watched already.
    const batchStep = (model: tf.LayersModel, x: tf.Tensor | tf.Tensor[] | Record<string, tf.Tensor>): void => this.trainOnBatchStarts(model, x);
    for (const prototype of [tf.LayersModel.prototype, tf.Sequential.prototype]) {
      const trainOnBatch = prototype.trainOnBatch;
      prototype.trainOnBatch = function (this: tf.LayersModel, x, y) {
        batchStep(this, x);
        return trainOnBatch.call(this, x, y);
      };
    }
  }

  dispose(): void {
    this.probe?.dispose();
    this.probeInput?.dispose();
  }

  private watch(model: tf.LayersModel): tf.LayersModel {
    if (this.model || this.fitRunExists() || !(model instanceof tf.LayersModel)) return model;
    this.model = model;
    this.site = layerSource(model) ?? userFrame();
    // The first input the model is called with (inside the loss function) becomes the probe batch.
    for (const method of ['predict', 'apply'] as const) {
      const original = model[method].bind(model) as (input: unknown, ...rest: unknown[]) => unknown;
      (model as unknown as Record<string, unknown>)[method] = (input: unknown, ...rest: unknown[]) => {
        const first = Array.isArray(input) ? (input[0] as unknown) : input;
        if (!this.probeInput && first instanceof tf.Tensor && !(first instanceof tf.SymbolicTensor)) this.probeInput = tf.keep(first.slice(0, Math.min(PROBE_SAMPLES, first.shape[0] ?? 0)));
        return original(input, ...rest);
      };
    }
    return model;
  }

  private trainOnBatchStarts(model: tf.LayersModel, x: tf.Tensor | tf.Tensor[] | Record<string, tf.Tensor>): void {
    if (!this.model) this.watch(model);
    const first = x instanceof tf.Tensor ? x : Array.isArray(x) ? x[0] : Object.values(x)[0];
    if (this.model === model && !this.probeInput && first instanceof tf.Tensor) this.probeInput = tf.keep(first.slice(0, Math.min(PROBE_SAMPLES, first.shape[0] ?? 0)));
  }

  private minimizeStep(optimizer: tf.Optimizer, run: () => tf.Scalar, f: () => tf.Scalar, varList?: tf.Variable[]): tf.Scalar {
    const model = this.model;
    // fit() steps through minimize too: a model that fit trains is the fit watcher's run.
    if (!model || this.fitRunExists() || !this.updates(model, varList)) return run();
    const probeStep = this.step % this.options.probeEverySteps === 0;
    if (probeStep) this.probe?.snapshotWeights();
    const cost = run();
    if (!this.probe && this.probeInput) this.begin(model, optimizer);
    if (this.probe) {
      this.emit({ type: 'steps', losses: [{ step: this.step, epoch: this.step, loss: cost.dataSync()[0] }] });
      if (probeStep) {
        const restore = seedMathRandom(this.step + 1);
        try {
          this.emit({ type: 'probe', ...this.probe.measure(this.step, this.step, f) });
        } finally {
          restore();
        }
      }
    }
    this.step += 1;
    return cost;
  }

  private begin(model: tf.LayersModel, optimizer: tf.Optimizer): void {
    const input = this.probeInput;
    if (!input) return;
    const watched = probeableLayers(model, this.options.watchLayers);
    this.probe = new ModelProbe(model, watched, input, input);
    this.emit(
      programStart(model, {
        backend: this.options.backend,
        programFile: this.options.programFile,
        epochs: 1,
        stepsPerEpoch: 1,
        watchedLayers: watched,
        optimizer,
        inputs: input,
        sites: { model: this.site },
      }),
    );
  }

  /** Whether this minimize updates the model's weights (all trainable variables when no list is given). */
  private updates(model: tf.LayersModel, varList?: tf.Variable[]): boolean {
    if (!varList) return true;
    const names = new Set(varList.map((variable) => variable.name));
    return model.trainableWeights.some((weight) => names.has((weight.read() as tf.Variable).name));
  }
}
