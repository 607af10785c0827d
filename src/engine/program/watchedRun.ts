/**
 * The run of a program's watched model: every `fit` / `fitDataset` of that model adds to one run, so a
 * program that calls `fit` once per epoch in a loop shows one continuous curve. Steps count over the
 * whole run and epochs keep increasing across fits. Probes measure on a fixed batch of the program's own
 * data, with Math.random swapped for a seeded one meanwhile, so that the program's shuffles and dropout
 * masks — and therefore its results — are the same as without DeepScope.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendName, SourceSite as Site } from '../../runs/core/trainingData';
import { ModelProbe } from '../probes/modelProbe';
import { seedMathRandom } from '../seededMath';
import { currentLearningRate } from '../trainingConfig';
import { epochRecord, type TrainEmit } from '../train';
import { disposeBatch, type ProbeBatch } from './probeBatch';
import { probeableLayers, programStart } from './programStart';

export interface WatchOptions {
  readonly programFile: string;
  readonly backend: BackendName;
  readonly probeEverySteps: number;
  readonly watchLayers?: readonly string[];
}

/** What one `fit` / `fitDataset` call tells the run before it trains. */
export interface FitCall {
  /** Whole training inputs to describe (fit), else the probe batch's are described. */
  readonly inputs?: tf.Tensor;
  readonly targets?: tf.Tensor;
  readonly fitSite?: Site;
}

/** The parameters tfjs gives callbacks (`callback.params`); `steps` only for datasets of known size. */
interface FitParams {
  readonly epochs?: number;
  readonly initialEpoch?: number;
  readonly samples?: number;
  readonly steps?: number | null;
  readonly batchSize?: number;
}

export class WatchedRun {
  private probe: ModelProbe | undefined;
  private batch: ProbeBatch | undefined;
  private started = false;
  /** Records held back until `start` can be written (steps per epoch not known yet). */
  private held: Parameters<TrainEmit>[0][] = [];
  private stepsPerEpoch: number | undefined;
  private step = 0;
  private stepsThisEpoch = 0;
  private lastEpoch = -1;
  private epochOffset = 0;
  private epochLr = Number.NaN;
  private call: FitCall | undefined;
  private epochs = 1;
  /** fit / fitDataset calls so far; each epoch says which one trained it. */
  private fits = 0;

  constructor(
    private readonly model: tf.LayersModel,
    private readonly sites: { readonly model?: Site; readonly optimizer?: Site },
    private readonly options: WatchOptions,
    private readonly emit: TrainEmit,
  ) {}

  /** The callback DeepScope adds after the program's own for one fit call; `probeBatch` may come later (datasets). */
  callback(call: FitCall, probeBatch: () => ProbeBatch | undefined): tf.CustomCallback {
    this.call = call;
    const callback: tf.CustomCallback = new tf.CustomCallback(
      {
        // tfjs hands every callback the fit's parameters before training starts.
        onTrainBegin: async () => {
          const params = callback.params as FitParams;
          this.epochs = params.epochs ?? 1;
          this.fits += 1;
          // Epoch numbers keep growing over fits: a second fit that starts again at epoch 0 continues after the last.
          this.epochOffset = Math.max(0, this.lastEpoch + 1 - (params.initialEpoch ?? 0));
          // Unknown for a dataset of unknown size without `batchesPerEpoch`: learnt at the end of the first epoch.
          this.stepsPerEpoch ??= params.steps ?? (params.samples && params.batchSize ? Math.ceil(params.samples / params.batchSize) : undefined);
        },
        onEpochBegin: async () => {
          this.epochLr = this.model.optimizer ? currentLearningRate(this.model.optimizer) : Number.NaN;
          this.stepsThisEpoch = 0;
        },
        onBatchBegin: async (batch) => {
          if (!this.probe) this.createProbe(probeBatch());
          if (this.isProbeStep(batch)) this.probe?.snapshotWeights();
        },
        onBatchEnd: async (batch, logs) => {
          const epoch = this.lastEpoch + 1;
          this.send({ type: 'steps', losses: [{ step: this.step, epoch, loss: logs?.loss ?? Number.NaN }] });
          if (this.probe && this.isProbeStep(batch)) {
            const restore = seedMathRandom(this.step + 1);
            try {
              this.send({ type: 'probe', ...this.probe.measure(this.step, epoch) });
            } finally {
              restore();
            }
          }
          this.step += 1;
          this.stepsThisEpoch += 1;
        },
        onEpochEnd: async (epoch, logs) => {
          if (this.stepsPerEpoch === undefined) {
            this.stepsPerEpoch = this.stepsThisEpoch;
            this.writeStart();
          }
          this.lastEpoch = epoch + this.epochOffset;
          this.send({ type: 'epoch', ...epochRecord(this.lastEpoch, this.epochLr, logs ?? {}), fit: this.fits - 1 });
        },
      },
      'never',
    );
    return callback;
  }

  dispose(): void {
    this.probe?.dispose();
    disposeBatch(this.batch);
  }

  private isProbeStep(batch: number): boolean {
    return this.step % this.options.probeEverySteps === 0 || (this.stepsPerEpoch !== undefined && batch === this.stepsPerEpoch - 1);
  }

  private createProbe(batch: ProbeBatch | undefined): void {
    if (!batch) return;
    this.batch = batch;
    this.probe = new ModelProbe(this.model, this.watchedNames(), batch.x, batch.y);
    if (this.stepsPerEpoch !== undefined) this.writeStart();
  }

  private watchedNames(): string[] {
    return probeableLayers(this.model, this.options.watchLayers);
  }

  private writeStart(): void {
    if (this.started || !this.batch || this.stepsPerEpoch === undefined) return;
    this.started = true;
    this.emit(
      programStart(this.model, {
        backend: this.options.backend,
        programFile: this.options.programFile,
        epochs: this.epochs,
        stepsPerEpoch: this.stepsPerEpoch,
        watchedLayers: this.watchedNames(),
        optimizer: this.model.optimizer,
        inputs: this.call?.inputs ?? this.batch.x[0],
        targets: this.call?.targets ?? this.batch.y[0],
        sites: { model: this.sites.model, optimizer: this.sites.optimizer, data: this.call?.fitSite },
      }),
    );
    for (const record of this.held) this.emit(record);
    this.held = [];
  }

  private send(record: Parameters<TrainEmit>[0]): void {
    if (this.started) this.emit(record);
    else this.held.push(record);
  }
}
