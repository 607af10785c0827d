/**
 * Lab 1, weight initialisation (notes: Initialisation des poids; CS231n lecture 6): 1,000 Gaussian inputs
 * through 10 layers of 500 units, weights drawn as 0.01·N(0,1), 1.0·N(0,1), Xavier N(0,1)/√n or
 * He N(0,1)/√(n/2), with tanh or ReLU. Per layer: the activation histogram, mean, std and the fraction
 * saturated (tanh) or zero (ReLU), beside the width-limit prediction of initTheory.ts.
 */
import * as tf from '@tensorflow/tfjs';
import type { InitRun, KeyTable, WeightInitResult } from '../labs';
import { describeDistribution } from '../../../engine/probes/distribution';
import { predictLayers } from './initTheory';
import { symmetryExperiment } from './initSymmetry';
import { weightInitInfo } from '../catalog/weightInit';
import { defineLab } from './lab';

export const INIT_SCHEMES = ['small', 'large', 'xavier', 'he'] as const;
export type InitScheme = (typeof INIT_SCHEMES)[number];

export const weightInitLab = defineLab(
  weightInitInfo,
  async (p): Promise<WeightInitResult> => {
    const activations = p.activation === 'both' ? (['tanh', 'relu'] as const) : [p.activation];
    const stds: Record<InitScheme, number> = {
      small: p.smallScale,
      large: p.largeScale,
      xavier: 1 / Math.sqrt(p.units),
      he: 1 / Math.sqrt(p.units / 2),
    };
    // One N(0, 1) draw per layer, scaled by each scheme: the schemes differ by their scale only.
    const inputs = tf.randomNormal<tf.Rank.R2>([p.samples, p.units], 0, 1, 'float32', p.seed);
    const base = Array.from({ length: p.layers }, (_, l) => tf.randomNormal<tf.Rank.R2>([p.units, p.units], 0, 1, 'float32', p.seed + 1 + l));
    const runs: InitRun[] = [];
    try {
      for (const activation of activations) {
        for (const scheme of INIT_SCHEMES) {
          runs.push(forward(inputs, base, activation, scheme, stds[scheme]));
        }
      }
    } finally {
      tf.dispose([inputs, ...base]);
    }
    return { lab: 'weight-init', runs, symmetry: symmetryExperiment(p.symmetrySteps, p.seed) };
  },
  keyNumbers,
);

function forward(inputs: tf.Tensor2D, base: readonly tf.Tensor2D[], activation: 'tanh' | 'relu', scheme: InitScheme, weightStd: number): InitRun {
  const predictions = predictLayers(activation, inputs.shape[1], weightStd, base.length);
  const layers = [];
  let h: tf.Tensor2D = inputs;
  try {
    for (let l = 0; l < base.length; l++) {
      const previous = h;
      h = tf.tidy(() => {
        const z = tf.matMul(previous, base[l]).mul<tf.Tensor2D>(weightStd);
        return activation === 'tanh' ? tf.tanh(z) : tf.relu(z);
      });
      if (previous !== inputs) previous.dispose();
      const stats = describeDistribution(h, activation === 'tanh' ? 'tanh' : 'none');
      layers.push({ layer: l + 1, stats, predictedStd: predictions[l].std, predictedFraction: predictions[l].fraction });
    }
  } finally {
    if (h !== inputs) h.dispose();
  }
  return { scheme, activation, weightStd, layers };
}

function keyNumbers(result: WeightInitResult): KeyTable[] {
  const tables: KeyTable[] = [];
  for (const activation of ['tanh', 'relu'] as const) {
    const runs = result.runs.filter((run) => run.activation === activation);
    if (runs.length === 0) continue;
    const fraction = activation === 'tanh' ? 'sat' : 'zero';
    tables.push({
      title: `${activation}: activation std per layer (predicted std in brackets), ${fraction} = fraction ${activation === 'tanh' ? '|h| > 0.99' : 'h = 0'}`,
      columns: ['layer', ...runs.flatMap((run) => [`${run.scheme} std`, `(pred)`, fraction])],
      rows: runs[0].layers.map((_, l) => [
        l + 1,
        ...runs.flatMap((run) => {
          const layer = run.layers[l];
          return [layer.stats.std, layer.predictedStd, activation === 'tanh' ? layer.stats.saturatedFraction : layer.stats.zeroFraction];
        }),
      ]),
    });
  }
  tables.push({
    title: 'Homogeneous vs random initialisation: tanh net trained full-batch on the spiral',
    columns: ['init', 'loss before', 'loss after', ...result.symmetry[0].layers.flatMap((layer) => [`L${layer.layer} max unit diff`, `L${layer.layer} ‖ΔW‖`])],
    rows: result.symmetry.map((run) => [run.init, run.lossBefore, run.lossAfter, ...run.layers.flatMap((layer) => [layer.maxUnitDifference, layer.weightChange])]),
    note: 'max unit diff 0: every unit of the layer is still a copy of unit 0 (the notes: a homogeneous init never breaks the symmetry).',
  });
  return tables;
}
