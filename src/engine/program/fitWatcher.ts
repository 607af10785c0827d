/**
 * Watches every `fit` and `fitDataset` a program calls, without changing what they do: DeepScope's
 * callback is appended after the program's own (standardised exactly as tfjs does), and `fitDataset`
 * sees the same dataset, mapped only to keep a copy of its first batch for the probes. The first model
 * that trains is the run — or the one the program passed to `watch(model)` — ; other models train
 * unwatched, and the parent is told about each.
 */
import * as tf from '@tensorflow/tfjs';
import type { SourceSite } from '../../runs/core/trainingData';
import type { TrainEmit } from '../train';
import { firstRows, batchOf, inOrder, type ProbeBatch, type TensorArgument } from './probeBatch';
import { layerSource } from './layerSources';
import { userFrame } from './userFrame';
import { WatchedRun, type WatchOptions } from './watchedRun';

type FitArgs = tf.ModelFitArgs | tf.ModelFitDatasetArgs<tf.TensorContainer>;
type Callbacks = FitArgs['callbacks'];

export interface FitWatcherEvents {
  /** A model other than the watched one started training (by its name). */
  unwatched(modelName: string): void;
}

// tfjs exports CustomCallback, not the BaseCallback it and every built-in callback extend.
const BaseCallback = Object.getPrototypeOf(tf.CustomCallback.prototype).constructor as abstract new (...args: never[]) => object;

export class FitWatcher {
  private run: { model: tf.LayersModel; watched: WatchedRun } | undefined;
  private readonly compileSites = new WeakMap<tf.LayersModel, SourceSite>();
  private readonly told = new WeakSet<tf.LayersModel>();
  /** The Sequential whose `fit` is delegating to its inner model right now (tfjs's Sequential wraps one). */
  private outer: tf.LayersModel | undefined;
  /** The model the program chose with `watch(model)`, before any model trained. */
  private preferred: tf.LayersModel | undefined;

  constructor(
    private readonly options: WatchOptions,
    private readonly emit: TrainEmit,
    private readonly events: FitWatcherEvents,
  ) {}

  install(): void {
    const watch = (model: tf.LayersModel): WatchedRun | undefined => this.watch(model);
    const withOurs = (args: FitArgs, ours: tf.CustomCallback): object[] => this.withOurs(args, ours);
    const noteCompile = (model: tf.LayersModel, site: SourceSite | undefined): void => {
      if (site && !this.compileSites.has(model)) this.compileSites.set(model, site);
    };
    const setOuter = (model: tf.LayersModel | undefined): void => {
      this.outer = model;
    };
    const models = tf.LayersModel.prototype;
    const compile = models.compile;
    models.compile = function (this: tf.LayersModel, args: tf.ModelCompileArgs) {
      noteCompile(this, userFrame());
      return compile.call(this, args);
    };
    const fit = models.fit;
    models.fit = function (this: tf.LayersModel, x: tf.Tensor | tf.Tensor[], y: tf.Tensor | tf.Tensor[], args: tf.ModelFitArgs = {}) {
      const watched = watch(this);
      if (!watched) return fit.call(this, x, y, args);
      const batch = firstRows(this, x as TensorArgument, y as TensorArgument);
      const call = { inputs: inOrder(x as TensorArgument, this.inputNames)[0], targets: inOrder(y as TensorArgument, this.outputNames)[0], fitSite: userFrame() };
      return fit.call(this, x, y, { ...args, callbacks: withOurs(args, watched.callback(call, () => batch)) });
    };
    type Element = tf.TensorContainer;
    const fitDataset = models.fitDataset as (this: tf.LayersModel, dataset: tf.data.Dataset<Element>, args: tf.ModelFitDatasetArgs<Element>) => Promise<tf.History>;
    (models as { fitDataset: unknown }).fitDataset = function (this: tf.LayersModel, dataset: tf.data.Dataset<Element>, args: tf.ModelFitDatasetArgs<Element>) {
      const watched = watch(this);
      if (!watched) return fitDataset.call(this, dataset, args);
      let batch: ProbeBatch | undefined;
      // The element itself goes on unchanged; only a copy of the first batch's first rows is kept.
      const seen = dataset.map((element) => {
        batch ??= batchOf(this, element);
        return element;
      });
      const callback = watched.callback({ fitSite: userFrame() }, () => batch);
      return fitDataset.call(this, seen, { ...args, callbacks: withOurs(args, callback) });
    };
    for (const name of ['fit', 'fitDataset'] as const) {
      const original = tf.Sequential.prototype[name] as (...args: unknown[]) => Promise<tf.History>;
      (tf.Sequential.prototype as unknown as Record<string, unknown>)[name] = function (this: tf.Sequential, ...args: unknown[]) {
        setOuter(this);
        try {
          return original.apply(this, args);
        } finally {
          setOuter(undefined);
        }
      };
    }
  }

  dispose(): void {
    this.run?.watched.dispose();
  }

  /** `watch(model)` from 'deepscope' before any fit: that model is the run, even if another trains first. */
  prefer(model: tf.LayersModel): void {
    if (!this.run) this.preferred = model;
  }

  /** Whether a model already trained with fit / fitDataset (it is the program's run). */
  hasRun(): boolean {
    return this.run !== undefined;
  }

  /** The run to add this fit to, or undefined when another model is the run. */
  private watch(model: tf.LayersModel): WatchedRun | undefined {
    const outer = this.outer ?? model;
    this.outer = undefined;
    const chosen = this.preferred === undefined || this.preferred === model || this.preferred === outer;
    if (!this.run && chosen) {
      const sites = { model: layerSource(outer), optimizer: this.compileSites.get(model) };
      this.run = { model, watched: new WatchedRun(model, sites, this.options, this.emit) };
    }
    if (this.run?.model === model) return this.run.watched;
    if (!this.told.has(model)) {
      this.told.add(model);
      this.events.unwatched(outer.name);
    }
    return undefined;
  }

  /** The program's callbacks as tfjs would standardise them, then DeepScope's. */
  private withOurs(args: FitArgs, ours: tf.CustomCallback): object[] {
    const given = args.callbacks as Callbacks | undefined;
    let theirs: object[];
    if (given === undefined || given === null) theirs = [];
    else if (given instanceof BaseCallback) theirs = [given];
    else if (Array.isArray(given) && given[0] instanceof BaseCallback) theirs = given as object[];
    else theirs = (Array.isArray(given) ? given : [given]).map((config) => new tf.CustomCallback(config as tf.CustomCallbackArgs, args.yieldEvery));
    return [...theirs, ours];
  }
}
