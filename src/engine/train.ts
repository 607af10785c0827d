import * as l10n from '@vscode/l10n';
import * as tf from '@tensorflow/tfjs';
import * as path from 'node:path';
import { RUN_LOG_VERSION, type EpochEndRecord, type ProbeRecord, type StartRecord, type StepsRecord } from '../runs/core/runRecord';
import type { EpochRecord, LayerInfo, RunStart } from '../runs/core/trainingData';
import { selectBackend, type BackendPreference } from './backend';
import { EngineError, errorMessage, type SourceLocation } from './engineError';
import { loadModelModule, type Dataset, type ModelModule } from './module/loadModelModule';
import { findExportLine } from './module/sourceIndex';
import { describeLayer } from './probes/layerMath';
import { baselineLoss } from './probes/baselineLoss';
import { describeTargets, lossName } from './probes/targetStats';
import { describeInputs } from './probes/inputStats';
import { ModelProbe } from './probes/modelProbe';
import { currentLearningRate, describeOptimizer, disposeOptimizer, readTrainingConfig, setLearningRate, type TrainingConfig } from './trainingConfig';
import { seedMathRandom } from './seededMath';
import { validateDataset } from './validateDataset';

export interface TrainOptions {
  readonly file: string;
  /** Text of the module when it differs from the file on disk (an unsaved editor). */
  readonly contents?: string;
  readonly backend: BackendPreference;
  /** Overrides `training.epochs`. */
  readonly epochs?: number;
  /** Probe every N optimiser steps (and at the last step of each epoch). */
  readonly probeEverySteps: number;
  /** Layer names to probe; all layers when absent. */
  readonly watchLayers?: readonly string[];
  readonly signal?: AbortSignal;
  /** Seed of Math.random during the run (tfjs shuffles batches with it); a fixed default. */
  readonly seed?: number;
}

/** The run-log records the engine produces; the training process adds the `end` or `error` record. */
export type TrainingRecord = StartRecord | StepsRecord | ProbeRecord | EpochEndRecord;

/**
 * Receives the run's records in order. Every step's loss is reported (one `steps` record per step in
 * this process; the training process forwards them a few times a second, in chunks), so what is drawn
 * and diagnosed from them does not depend on timing.
 */
export type TrainEmit = (record: TrainingRecord) => void;

/** Written in every `start` record this engine produces. */
export const PRODUCER = 'deepscope-tfjs';

export interface RunSummary {
  readonly start: RunStart;
  readonly history: readonly EpochRecord[];
  readonly cancelled: boolean;
}

/** Samples the probe looks at: small, fixed, so probes cost little and are comparable over time. */
const PROBE_SAMPLES = 128;

/**
 * Trains a model module: loads it, checks its data, fits it with the schedule's learning rate
 * each epoch, probes its layers, and frees every tensor it created, whatever happens.
 */
export async function train(options: TrainOptions, emit: TrainEmit = () => undefined): Promise<RunSummary> {
  // Same model, same data, same seed: same run (batch order and dropout masks included).
  const restoreRandom = seedMathRandom(options.seed);
  try {
    return await trainSeeded(options, emit);
  } finally {
    restoreRandom();
  }
}

async function trainSeeded(options: TrainOptions, emit: TrainEmit): Promise<RunSummary> {
  const backend = await selectBackend(options.backend);
  const file = path.resolve(options.file);
  const baseline = tf.memory().numTensors;
  const module = await loadModelModule(file, options.contents);
  const where = (name: string): SourceLocation => ({ file, line: findExportLine(module.source, name) ?? 1, column: 1 });
  const config = readTrainingConfig(module.training, where('training'), { epochs: options.epochs });

  const owned: tf.TensorContainer[] = [];
  let model: tf.LayersModel | undefined;
  let optimizer: tf.Optimizer | undefined;
  let probe: ModelProbe | undefined;
  try {
    model = createModel(module, where('createModel'));
    const data = validateDataset(await loadData(module, owned), model, where('loadData'));
    optimizer = config.optimizer();
    compile(model, config, optimizer, where('training'));
    const layers = model.layers.filter((layer) => layer.getClassName() !== 'InputLayer').map(describeLayer);
    const watched = chooseWatched(layers, options.watchLayers);
    const probeCount = Math.min(PROBE_SAMPLES, data.x.shape[0]);
    const [probeX, probeY] = [data.x.slice(0, probeCount), data.y.slice(0, probeCount)];
    owned.push(probeX, probeY);
    probe = new ModelProbe(model, watched, probeX, probeY);

    const trainSamples = data.validation ? data.x.shape[0] : Math.floor(data.x.shape[0] * (1 - config.validationSplit));
    const stepsPerEpoch = Math.ceil(trainSamples / config.batchSize);
    const start: RunStart = {
      backend,
      modelFile: file,
      epochs: config.epochs,
      stepsPerEpoch,
      layers,
      watchedLayers: watched,
      optimizer: describeOptimizer(optimizer),
      inputs: describeInputs(data.x),
      baselineLoss: baselineLoss(model, data.y),
      loss: lossName(model),
      targets: describeTargets(data.y),
    };
    emit({ type: 'start', version: RUN_LOG_VERSION, startedAt: new Date().toISOString(), producer: PRODUCER, ...start });
    const history = await fit(model, data, config, optimizer, probe, start, options, emit, where('training'));
    return { start, history, cancelled: options.signal?.aborted ?? false };
  } finally {
    probe?.dispose();
    model?.dispose();
    if (optimizer) disposeOptimizer(optimizer);
    tf.dispose(owned);
    const leaked = tf.memory().numTensors - baseline;
    if (leaked > 0) {
      // Tensors the user's code created outside loadData()/createModel() and never freed.
      process.emitWarning(`${leaked} tensor(s) created by the model module were not disposed`);
    }
  }
}

function createModel(module: ModelModule, where: SourceLocation): tf.LayersModel {
  // A tensor scope frees the temporaries createModel() makes; the weights are variables and stay.
  tf.engine().startScope();
  let model: unknown;
  try {
    model = module.call('createModel', () => module.createModel());
  } finally {
    tf.engine().endScope();
  }
  if (!(model instanceof tf.LayersModel)) {
    throw new EngineError('missing-export', l10n.t('createModel() must return a tf.LayersModel (tf.sequential() or tf.model())'), where);
  }
  return model;
}

/** Runs loadData() in a tensor scope: intermediate tensors are freed, the returned ones recorded as owned. */
async function loadData(module: ModelModule, owned: tf.TensorContainer[]): Promise<unknown> {
  tf.engine().startScope();
  let result: unknown;
  try {
    result = await module.call('loadData', () => module.loadData());
  } finally {
    tf.engine().endScope(isContainer(result) ? result : undefined);
  }
  if (isContainer(result)) {
    owned.push(result);
  }
  return result;
}

function isContainer(value: unknown): value is tf.TensorContainer {
  return typeof value === 'object' && value !== null;
}

function compile(model: tf.LayersModel, config: TrainingConfig, optimizer: tf.Optimizer, where: SourceLocation): void {
  try {
    model.compile({ optimizer, loss: config.loss, metrics: [...config.metrics] });
  } catch (error) {
    throw new EngineError('config', l10n.t('Compiling the model failed: {0}', errorMessage(error)), where);
  }
}

function chooseWatched(layers: readonly LayerInfo[], requested: readonly string[] | undefined): string[] {
  const names = layers.map((layer) => layer.name);
  if (!requested || requested.length === 0) {
    return names;
  }
  const unknown = requested.filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    throw new EngineError('config', l10n.t("No layer named {0}; the model's layers are {1}", unknown.join(', '), names.join(', ')));
  }
  return names.filter((name) => requested.includes(name));
}

async function fit(
  model: tf.LayersModel,
  data: Dataset,
  config: TrainingConfig,
  optimizer: tf.Optimizer,
  probe: ModelProbe,
  start: RunStart,
  options: TrainOptions,
  emit: TrainEmit,
  where: SourceLocation,
): Promise<EpochRecord[]> {
  const history: EpochRecord[] = [];
  let step = 0;
  let epochLr = currentLearningRate(optimizer);
  const isProbeStep = (batch: number): boolean => step % options.probeEverySteps === 0 || batch === start.stepsPerEpoch - 1;
  try {
    await model.fit(data.x, data.y, {
      epochs: config.epochs,
      batchSize: config.batchSize,
      shuffle: config.shuffle,
      validationData: data.validation ? [data.validation.x, data.validation.y] : undefined,
      validationSplit: data.validation ? undefined : config.validationSplit || undefined,
      verbose: 0,
      // Yield to the event loop after each batch, so a cancel message is handled within one batch.
      yieldEvery: 'batch',
      callbacks: {
        onEpochBegin: async (epoch) => {
          if (config.learningRate) {
            epochLr = scheduledRate(config.learningRate, epoch, where);
            setLearningRate(optimizer, epochLr);
          }
        },
        onBatchBegin: async (batch) => {
          if (isProbeStep(batch)) probe.snapshotWeights();
        },
        onBatchEnd: async (batch, logs) => {
          const epoch = history.length;
          emit({ type: 'steps', losses: [{ step, epoch, loss: logs?.loss ?? Number.NaN }] });
          if (isProbeStep(batch)) emit({ type: 'probe', ...probe.measure(step, epoch) });
          step += 1;
          if (options.signal?.aborted) model.stopTraining = true;
        },
        onEpochEnd: async (epoch, logs) => {
          const record = epochRecord(epoch, epochLr, logs ?? {});
          history.push(record);
          emit({ type: 'epoch', ...record });
        },
      },
    });
  } catch (error) {
    if (error instanceof EngineError) throw error;
    throw new EngineError('training', l10n.t('Training failed: {0}', errorMessage(error)), where);
  }
  return history;
}

function scheduledRate(schedule: (epoch: number) => number, epoch: number, where: SourceLocation): number {
  let rate: unknown;
  try {
    rate = schedule(epoch);
  } catch (error) {
    throw new EngineError('config', l10n.t('training.learningRate({0}) threw: {1}', epoch, errorMessage(error)), where);
  }
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) {
    throw new EngineError('config', l10n.t('training.learningRate({0}) returned {1}; it must be a positive number', epoch, String(rate)), where);
  }
  return rate;
}

export function epochRecord(epoch: number, lr: number, logs: tf.Logs): EpochRecord {
  const metrics: Record<string, number> = {};
  const valMetrics: Record<string, number> = {};
  for (const [key, value] of Object.entries(logs)) {
    if (key === 'loss' || key === 'val_loss') continue;
    if (key.startsWith('val_')) valMetrics[key.slice(4)] = value;
    else metrics[key] = value;
  }
  return {
    epoch,
    loss: logs.loss ?? Number.NaN,
    lr,
    metrics,
    valLoss: logs.val_loss,
    valMetrics: Object.keys(valMetrics).length > 0 ? valMetrics : undefined,
  };
}
