/**
 * What the initialisation experiment should show, computed without tfjs: the width-limit (mean-field)
 * recursion of a deep net with Gaussian weights. With z = h·W, W of variance σ² over n inputs and
 * E[h₀²] = 1, each pre-activation is Gaussian of variance q_l = n·σ²·E[h_{l−1}²]; the activation's
 * moments follow by integrating against N(0, q_l). For 500 units the measured stds match within a few %.
 */

/** |tanh| above this counts as saturated (the notes' "bimodal at ±1", as in describeDistribution). */
export const TANH_SATURATION = 0.99;

export interface LayerPrediction {
  readonly std: number;
  /** tanh: fraction with |h| > 0.99; ReLU: fraction of exact zeros. */
  readonly fraction: number;
}

/** Predicted activation std and saturated/zero fraction for each of `layers` layers. */
export function predictLayers(activation: 'tanh' | 'relu', units: number, weightStd: number, layers: number): LayerPrediction[] {
  const gain = units * weightStd * weightStd;
  const predictions: LayerPrediction[] = [];
  let secondMoment = 1;
  for (let l = 0; l < layers; l++) {
    const q = gain * secondMoment;
    const s = Math.sqrt(q);
    if (activation === 'tanh') {
      secondMoment = gaussianExpectation((z) => Math.tanh(s * z) ** 2);
      // |tanh(s z)| > 0.99 ⇔ |z| > atanh(0.99) / s; tanh is odd, so its mean is 0.
      const threshold = Math.atanh(TANH_SATURATION) / s;
      predictions.push({ std: Math.sqrt(secondMoment), fraction: Math.max(0, 1 - 2 * standardNormalMass(threshold)) });
    } else {
      // ReLU of N(0, q): E[h²] = q/2, E[h] = √(q/2π), and half the units are exactly 0.
      secondMoment = q / 2;
      const mean = s / Math.sqrt(2 * Math.PI);
      predictions.push({ std: Math.sqrt(secondMoment - mean * mean), fraction: 0.5 });
    }
  }
  return predictions;
}

const GRID = 4000;
const RANGE = 10;

/** E[f(Z)] for Z ~ N(0, 1), Simpson's rule on [−10, 10]. */
export function gaussianExpectation(f: (z: number) => number): number {
  const h = (2 * RANGE) / GRID;
  let sum = 0;
  for (let i = 0; i <= GRID; i++) {
    const z = -RANGE + i * h;
    const weight = i === 0 || i === GRID ? 1 : i % 2 === 1 ? 4 : 2;
    sum += weight * f(z) * density(z);
  }
  return (sum * h) / 3;
}

/** P(0 ≤ Z ≤ t) for Z ~ N(0, 1), Simpson's rule. */
function standardNormalMass(t: number): number {
  const upper = Math.min(t, RANGE);
  const h = upper / GRID;
  let sum = 0;
  for (let i = 0; i <= GRID; i++) {
    const weight = i === 0 || i === GRID ? 1 : i % 2 === 1 ? 4 : 2;
    sum += weight * density(i * h);
  }
  return (sum * h) / 3;
}

function density(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}
