/**
 * Lab 5, regularisation (notes: Régularisation; Batch normalization): inverted dropout keeps the expected
 * activation equal in training and at test time; on a small spiral that a wide net overfits, the train and
 * validation curves with and without dropout; and batch normalisation's two modes, batch statistics in
 * training and running estimates at test time, whose gap is large early and shrinks as the estimates settle.
 */
import * as tf from '@tensorflow/tfjs';
import type { BatchNormProbe, DropoutCheck, KeyTable, RegularizationResult, RegularizationRun } from '../labs';
import { disposeOptimizer } from '../../../engine/trainingConfig';
import { gaussianInit } from './activationLayers';
import { spiral } from './datasets';
import { regularizationInfo } from '../catalog/regularization';
import { defineLab } from './lab';
import { SeededDropout } from './seededDropout';
import { classifier, crossEntropy, disposeData, evaluate, fit, readScalar, toTensors, type TensorData } from './training';

const HIDDEN = [128, 128];
const VALIDATION_PER_CLASS = 100;

export const regularizationLab = defineLab(
  regularizationInfo,
  async (p): Promise<RegularizationResult> => {
    const dropout = dropoutCheck(p.dropoutRate, p.seed);
    const train = toTensors(spiral(p.trainPerClass, 3, p.noise, p.seed));
    const validation = toTensors(spiral(VALIDATION_PER_CLASS, 3, p.noise, p.seed + 1000));
    try {
      const runs = (['none', 'dropout', 'batch-norm'] as const).map((variant) => trainVariant(variant, p, train, validation));
      return { lab: 'regularization', dropout, runs };
    } finally {
      disposeData(train);
      disposeData(validation);
    }
  },
  keyNumbers,
);

/**
 * tf.layers.dropout on ReLU-like activations: in training it zeroes a fraction `rate` and multiplies the rest
 * by 1/(1 − rate) (the notes' 1/p with p the keep probability), so the mean is unchanged; at test time it
 * is the identity.
 */
function dropoutCheck(rate: number, seed: number): DropoutCheck {
  const layer = tf.layers.dropout({ rate, seed });
  const packed = tf.tidy(() => {
    const h = tf.randomNormal([1000, 100], 0, 1, 'float32', seed).abs().add(0.1);
    const trained = layer.apply(h, { training: true }) as tf.Tensor;
    const tested = layer.apply(h, { training: false }) as tf.Tensor;
    const kept = trained.notEqual(0);
    const scale = tf.where(kept, trained.div(h), tf.zerosLike(h)).sum().div(kept.sum());
    // A second training call of the same seeded layer: tfjs reuses the seed, so the mask repeats.
    const again = (layer.apply(h, { training: true }) as tf.Tensor).notEqual(0);
    const sameMask = kept.equal(again).toFloat().mean();
    return tf.stack([h.mean(), trained.mean(), tested.mean(), kept.logicalNot().toFloat().mean(), scale, tested.sub(h).abs().max(), sameMask]);
  });
  const [inputMean, trainingMean, testMean, zeroFraction, keptScale, testMaxChange, seededMaskRepeat] = packed.dataSync();
  packed.dispose();
  return { rate, inputMean, trainingMean, testMean, zeroFraction, keptScale, testMaxChange, seededMaskRepeat };
}

type Variant = RegularizationRun['variant'];

function hiddenLayers(variant: Variant, rate: number, seed: number): tf.layers.Layer[] {
  return HIDDEN.flatMap((units, i): tf.layers.Layer[] => {
    const init = gaussianInit(2, i === 0 ? 2 : HIDDEN[i - 1], seed + i);
    if (variant === 'batch-norm') {
      // The notes place batch normalisation before the activation.
      return [tf.layers.dense({ units, kernelInitializer: init }), tf.layers.batchNormalization(), tf.layers.activation({ activation: 'relu' })];
    }
    const dense = tf.layers.dense({ units, activation: 'relu', kernelInitializer: init });
    return variant === 'dropout' ? [dense, new SeededDropout(rate, seed + 1000 * (i + 1))] : [dense];
  });
}

function trainVariant(variant: Variant, p: { dropoutRate: number; epochs: number; learningRate: number; seed: number }, train: TensorData, validation: TensorData): RegularizationRun {
  const hidden = hiddenLayers(variant, p.dropoutRate, p.seed);
  const model = classifier(2, hidden, 3, gaussianInit(1, HIDDEN[HIDDEN.length - 1], p.seed + 10));
  const optimizer = tf.train.momentum(p.learningRate, 0.9, true);
  const valLosses = new Float32Array(p.epochs);
  const probes: BatchNormProbe[] = [];
  const [dense, batchNorm] = hidden;
  try {
    const losses = fit(model, train, {
      epochs: p.epochs,
      batchSize: 0,
      optimizer,
      seed: p.seed,
      onEpoch: (epoch) => {
        valLosses[epoch] = readScalar(crossEntropy(model, validation));
        if (variant === 'batch-norm' && (epoch < 10 || (epoch + 1) % 10 === 0)) probes.push(batchNormProbe(epoch + 1, dense, batchNorm, train.x));
      },
    });
    const trainEval = evaluate(model, train);
    const valEval = evaluate(model, validation);
    return { variant, losses, valLosses, trainAccuracy: trainEval.accuracy, valAccuracy: valEval.accuracy, trainLoss: trainEval.loss, valLoss: valEval.loss, batchNorm: probes };
  } finally {
    disposeOptimizer(optimizer);
    model.dispose();
  }
}

/**
 * The first batch-norm layer after `step` full-batch steps: the statistics of its input on the training
 * batch against its running estimates, and how far its output in training mode (batch statistics) is from
 * its output in test mode (running estimates). Computed without calling the layer in training mode, which
 * would update the running estimates.
 */
function batchNormProbe(step: number, dense: tf.layers.Layer, batchNorm: tf.layers.Layer, x: tf.Tensor2D): BatchNormProbe {
  const packed = tf.tidy(() => {
    const z = dense.apply(x) as tf.Tensor2D;
    const { mean, variance } = tf.moments(z, 0);
    const [gamma, beta, movingMean, movingVariance] = batchNorm.getWeights();
    const epsilon = Number(batchNorm.getConfig().epsilon);
    const trainingOutput = tf.batchNorm(z, mean, variance, beta, gamma, epsilon);
    const testOutput = batchNorm.apply(z, { training: false }) as tf.Tensor;
    return tf.stack([
      mean.sub(movingMean).abs().mean(),
      variance.add(epsilon).log().sub(movingVariance.add(epsilon).log()).abs().mean(),
      trainingOutput.sub(testOutput).abs().mean(),
    ]);
  });
  const [meanGap, logVarianceGap, outputGap] = packed.dataSync();
  packed.dispose();
  return { step, meanGap, logVarianceGap, outputGap };
}

function keyNumbers(result: RegularizationResult): KeyTable[] {
  const d = result.dropout;
  const probes = result.runs.find((run) => run.variant === 'batch-norm')?.batchNorm ?? [];
  const shownProbes = probes.filter((probe, i) => i === 0 || i === 4 || i === 9 || probe.step % 50 === 0 || i === probes.length - 1);
  return [
    {
      title: `Inverted dropout, rate ${d.rate}: the mean activation is kept`,
      columns: ['input mean', 'training mean', 'test mean', 'zeroed', 'kept values ×', '1/(1 − rate)', 'test max |change|', 'same mask twice'],
      rows: [[d.inputMean, d.trainingMean, d.testMean, d.zeroFraction, d.keptScale, 1 / (1 - d.rate), d.testMaxChange, d.seededMaskRepeat]],
      note: 'same mask twice: tf.layers.dropout({ seed }) repeats its mask at every call; the training runs below draw a new mask per step.',
    },
    {
      title: 'A wide net on a small spiral: train vs validation (full batch)',
      columns: ['variant', 'train loss', 'val loss', 'gap', 'train acc', 'val acc', 'lowest val loss'],
      rows: result.runs.map((run) => [run.variant, run.trainLoss, run.valLoss, run.valLoss - run.trainLoss, run.trainAccuracy, run.valAccuracy, Math.min(...run.valLosses)]),
    },
    {
      title: 'Batch norm, first layer: batch statistics vs running estimates (tfjs momentum 0.99)',
      columns: ['step', '|batch mean − running mean|', '|log batch var − log running var|', '|train-mode − test-mode output|'],
      rows: shownProbes.map((probe) => [probe.step, probe.meanGap, probe.logVarianceGap, probe.outputGap]),
      note: 'Early the running estimates still hold their start values (mean 0, variance 1): test-mode outputs differ from training-mode ones.',
    },
  ];
}
