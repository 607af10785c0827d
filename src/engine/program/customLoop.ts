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
import { installAppliedGradients, type AppliedGradients } from './appliedGradients';
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
  /** Inside minimize or a watched step: gradients taken and applied there are not the program's own steps. */
  private busy = false;

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
    installAppliedGradients((applied) => this.appliedStep(applied), () => this.busy);
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
    return this.whileBusy(() => {
      let cost: tf.Scalar | undefined;
      const minimized = (): tf.Scalar => (cost = run());
      // fit() steps through minimize too: a model that fit trains is the fit watcher's run.
      if (!this.stepsModel(varList?.map((variable) => variable.name))) return minimized();
      this.watchedStep(optimizer, minimized, () => cost?.dataSync()[0], f);
      return cost as unknown as tf.Scalar;
    });
  }

  private whileBusy<T>(work: () => T): T {
    const was = this.busy;
    this.busy = true;
    try {
      return work();
    } finally {
      this.busy = was;
    }
  }

  private appliedStep({ optimizer, names, apply, loss, f }: AppliedGradients): void {
    if (!this.stepsModel(names)) return apply();
    this.watchedStep(optimizer, apply, loss, f);
  }

  /** Whether an update of these variables (all trainable ones when no list is given) is a step of the watched run. */
  private stepsModel(names: readonly string[] | undefined): boolean {
    const model = this.model;
    if (!model || this.fitRunExists()) return false;
    if (!names) return true;
    const updated = new Set(names);
    return model.trainableWeights.some((weight) => updated.has((weight.read() as tf.Variable).name));
  }

  /** One step of the watched model: the update, its loss, and every probeEverySteps steps a probe evaluating `f` again. */
  private watchedStep(optimizer: tf.Optimizer, update: () => void, loss: () => number | undefined, f: (() => tf.Scalar) | undefined): void {
    const model = this.model;
    if (!model) return update();
    this.whileBusy(() => {
      const probeStep = this.step % this.options.probeEverySteps === 0;
      if (probeStep) this.probe?.snapshotWeights();
      update();
      if (!this.probe && this.probeInput) this.begin(model, optimizer);
      if (this.probe) {
        const value = loss();
        if (value !== undefined) this.emit({ type: 'steps', losses: [{ step: this.step, epoch: this.step, loss: value }] });
        if (probeStep && f) {
          const restore = seedMathRandom(this.step + 1);
          try {
            this.emit({ type: 'probe', ...this.probe.measure(this.step, this.step, f) });
          } finally {
            restore();
          }
        }
      }
      this.step += 1;
    });
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
}
