import * as tf from '@tensorflow/tfjs';
import type { LayerProbe, ProbeFrame, WeightProbe } from '../../runs/core/trainingData';
import { describeDistribution, describeValues, saturationOf, summarizeValues, withoutSaturation, type Values } from './distribution';
import { unitSpread, updateNormRatio } from './weightMath';
import { activationOf, interceptPreActivation, preActivationSource } from './layerMath';

type Layer = tf.layers.Layer;

interface Watched {
  readonly layer: Layer;
  readonly outputIndex: number;
  /** Index of the layer's input among the probe outputs, when that input is the pre-activation. */
  readonly inputIndex?: number;
  /** The layer computes its pre-activation in its call: the probe records it there. */
  readonly recordsPreActivation: boolean;
}

/**
 * Looks inside a model on a fixed probe batch: per watched layer, activations (and
 * pre-activations), weight and gradient distributions, and the update ratio ||ΔW|| / ||W|| of
 * the step just taken. One forward + backward pass per probe, in training mode (batch statistics,
 * dropout on) so it sees what training sees; batch-norm running statistics are restored after.
 */
export class ModelProbe {
  private readonly probeModel: tf.LayersModel;
  private readonly watched: readonly Watched[];
  /** Index of the model's own output among the probe outputs (the loss needs it). */
  private readonly finalIndex: number;
  private before: Map<string, tf.Tensor> | undefined;

  constructor(
    private readonly model: tf.LayersModel,
    watchedNames: readonly string[],
    private readonly x: tf.Tensor | tf.Tensor[],
    private readonly y: tf.Tensor | tf.Tensor[],
  ) {
    // tfjs rejects a tensor listed twice (a layer's input is often the previous layer's output).
    const outputs: tf.SymbolicTensor[] = [];
    const add = (tensor: tf.SymbolicTensor): number => {
      const existing = outputs.indexOf(tensor);
      return existing >= 0 ? existing : outputs.push(tensor) - 1;
    };
    this.watched = model.layers
      .filter((layer) => watchedNames.includes(layer.name))
      .map((layer) => {
        const preActivation = preActivationSource(layer);
        return {
          layer,
          outputIndex: add(single(layer.output)),
          inputIndex: preActivation === 'input' ? add(single(layer.input)) : undefined,
          recordsPreActivation: preActivation === 'call',
        };
      });
    this.finalIndex = add(single(model.outputs[0]));
    // Named, so tfjs's counter of unnamed models (model_1, model_2…) is not moved by DeepScope's own model.
    this.probeModel = tf.model({ inputs: model.inputs, outputs, name: 'deepscope_probe' });
  }

  /** Call before the optimiser step whose update ratio should be measured. */
  snapshotWeights(): void {
    this.releaseSnapshot();
    this.before = new Map(this.trainableVariables().map((variable) => [variable.name, variable.clone()]));
  }

  /**
   * Everything the dashboard and the diagnosis read, for the model as it is now. The gradients are
   * those of the compiled loss on the probe batch, or of `loss` when given (a custom training loop's
   * own loss function, whose model is not compiled).
   */
  measure(step: number, epoch: number, loss?: () => tf.Scalar): ProbeFrame {
    const saved = this.model.nonTrainableWeights.map((weight) => weight.read().clone());
    const variables = this.trainableVariables();
    const lossFn = loss ? undefined : compiledLoss(this.model);
    let outputs: tf.Tensor[] = [];
    // A custom loop's loss calls the model again: only the probe model's own (first) call is recorded.
    const preActivations = new Map<Watched, tf.Tensor>();
    const restores = this.watched
      .filter((watched) => watched.recordsPreActivation)
      .map((watched) => interceptPreActivation(watched.layer, (tensor) => {
        if (!preActivations.has(watched)) preActivations.set(watched, tf.keep(tensor));
      }));
    let gradients: { grads: tf.NamedTensorMap; value: tf.Scalar };
    try {
      gradients = tf.variableGrads(() => {
        const result = this.probeModel.apply(this.x, { training: true }) as tf.Tensor | tf.Tensor[];
        outputs = (Array.isArray(result) ? result : [result]).map((tensor) => tf.keep(tensor));
        if (!lossFn) return loss!();
        const target = Array.isArray(this.y) ? this.y[0] : this.y;
        return tf.mean(lossFn(target, outputs[this.finalIndex])) as tf.Scalar;
      }, variables.length > 0 ? variables : undefined);
    } catch (error) {
      tf.dispose([...outputs, ...preActivations.values()]);
      throw error;
    } finally {
      restores.forEach((restore) => restore());
      this.model.nonTrainableWeights.forEach((weight, i) => weight.write(saved[i]));
      saved.forEach((tensor) => tensor.dispose());
    }
    const { grads, value } = gradients;
    value.dispose();
    try {
      const layers = this.watched.map((watched) => this.describeLayer(watched, outputs, preActivations.get(watched), grads));
      return { step, epoch, layers };
    } finally {
      tf.dispose([...outputs, ...preActivations.values()]);
      tf.dispose(grads);
      this.releaseSnapshot();
    }
  }

  dispose(): void {
    this.releaseSnapshot();
    // The probe model shares the real model's layers and weights: nothing of its own to free.
  }

  private describeLayer(watched: Watched, outputs: tf.Tensor[], recorded: tf.Tensor | undefined, grads: tf.NamedTensorMap): LayerProbe {
    const { layer } = watched;
    const activations = describeDistribution(outputs[watched.outputIndex], saturationOf(activationOf(layer)));
    const preActivation = recorded ?? (watched.inputIndex === undefined ? undefined : outputs[watched.inputIndex]);
    const preActivations = preActivation ? describeValues(preActivation) : undefined;
    const weights = layer.trainableWeights.map((weight) => this.describeWeight(weight.read() as tf.Variable, grads[(weight.read() as tf.Variable).name]));
    return { layer: layer.name, activations, preActivations, weights };
  }

  /** Each tensor is read back once: its statistics, norms and the update ratio come from those values. */
  private describeWeight(variable: tf.Variable, gradient: tf.Tensor | undefined): WeightProbe {
    const previous = this.before?.get(variable.name);
    const values = variable.dataSync() as Values;
    const summary = summarizeValues(values);
    const gradientSummary = gradient ? summarizeValues(gradient.dataSync() as Values) : undefined;
    const updateRatio = previous ? updateNormRatio(values, previous.dataSync() as Values) : Number.NaN;
    // Units are the last axis of a kernel (dense [in, units], conv [h, w, in, units]).
    const units = variable.shape[variable.rank - 1] ?? 1;
    const spread = variable.rank >= 2 && units >= 2 ? unitSpread(values, units) : Number.NaN;
    return {
      name: variable.name,
      shape: variable.shape,
      values: withoutSaturation(summary.stats),
      norm: summary.norm,
      gradient: gradientSummary
        ? { norm: gradientSummary.norm, meanAbs: gradientSummary.meanAbs, stats: withoutSaturation(gradientSummary.stats) }
        : undefined,
      // A ratio to a (near-)zero norm, e.g. a freshly zero-initialised bias, says nothing.
      updateRatio: previous && Number.isFinite(updateRatio) && summary.norm > 1e-6 ? updateRatio : undefined,
      unitSpread: Number.isNaN(spread) ? undefined : spread,
    };
  }

  private trainableVariables(): tf.Variable[] {
    return this.watched.flatMap(({ layer }) => layer.trainableWeights.map((weight) => weight.read() as tf.Variable));
  }

  private releaseSnapshot(): void {
    if (this.before) {
      tf.dispose([...this.before.values()]);
      this.before = undefined;
    }
  }
}

/**
 * The loss the model was compiled with. A Sequential compiles an inner functional model (its
 * private `model` field in tfjs 4.22) and keeps the loss functions there.
 */
export function compiledLoss(model: tf.LayersModel): (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor {
  const inner = model instanceof tf.Sequential ? (model as unknown as { model: tf.LayersModel }).model : model;
  const loss = inner.lossFunctions[0];
  if (!loss) {
    throw new Error('the model must be compiled before it is probed');
  }
  return loss;
}

function single(tensor: tf.SymbolicTensor | tf.SymbolicTensor[]): tf.SymbolicTensor {
  return Array.isArray(tensor) ? tensor[0] : tensor;
}
