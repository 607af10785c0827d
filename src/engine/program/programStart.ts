/** The `start` record of a program's run: its model's layers (with the lines that built them), optimiser, inputs. */
import type * as tf from '@tensorflow/tfjs';
import { RUN_LOG_VERSION, type StartRecord } from '../../runs/core/runRecord';
import type { BackendName, SourceSite } from '../../runs/core/trainingData';
import { baselineLoss } from '../probes/baselineLoss';
import { describeInputs } from '../probes/inputStats';
import { describeTargets, lossName } from '../probes/targetStats';
import { describeLayer } from '../probes/layerMath';
import { PRODUCER } from '../train';
import { describeOptimizer } from '../trainingConfig';
import { layerSource } from './layerSources';

export interface ProgramStart {
  readonly backend: BackendName;
  readonly programFile: string;
  readonly epochs: number;
  readonly stepsPerEpoch: number;
  readonly watchedLayers: readonly string[];
  readonly optimizer?: tf.Optimizer;
  /** Training inputs to describe; `targets` give the baseline loss when the model is compiled. */
  readonly inputs: tf.Tensor;
  readonly targets?: tf.Tensor;
  readonly sites: { readonly model?: SourceSite; readonly optimizer?: SourceSite; readonly data?: SourceSite };
}

export function programStart(model: tf.LayersModel, start: ProgramStart): StartRecord {
  const layers = model.layers.filter((layer) => layer.getClassName() !== 'InputLayer').map((layer) => ({ ...describeLayer(layer), source: layerSource(layer) }));
  return {
    type: 'start',
    version: RUN_LOG_VERSION,
    startedAt: new Date().toISOString(),
    producer: PRODUCER,
    backend: start.backend,
    modelFile: start.programFile,
    epochs: start.epochs,
    stepsPerEpoch: start.stepsPerEpoch,
    layers,
    watchedLayers: [...start.watchedLayers],
    optimizer: start.optimizer ? describeOptimizer(start.optimizer) : undefined,
    inputs: describeInputs(start.inputs),
    baselineLoss: start.targets && model.lossFunctions?.length ? baselineLoss(model, start.targets) : undefined,
    loss: model.lossFunctions?.length ? lossName(model) : undefined,
    targets: start.targets ? describeTargets(start.targets) : undefined,
    sites: start.sites,
  };
}

/** Layers a probe can look at: not the inputs, and not a layer applied twice (it has no single output). */
export function probeableLayers(model: tf.LayersModel, requested: readonly string[] | undefined): string[] {
  const probeable = model.layers.filter((layer) => layer.getClassName() !== 'InputLayer' && layer.inboundNodes.length === 1).map((layer) => layer.name);
  return requested && requested.length > 0 ? probeable.filter((name) => requested.includes(name)) : probeable;
}
