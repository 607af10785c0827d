/** Small seeded data sets the labs train on, as plain arrays (each lab makes its own tensors). */
import { gaussian, seededRandom } from './random';

export interface Examples {
  /** Row-major, `count × features`. */
  readonly x: Float32Array;
  /** Class index of each example. */
  readonly labels: Int32Array;
  readonly count: number;
  readonly features: number;
  readonly classes: number;
}

/**
 * The CS231n spiral (cs231n.github.io/neural-networks-case-study): arm k has radius linspace(0, 1) and
 * angle 4(k + r) + noise × N(0, 1). No straight line separates the arms, so a model needs hidden layers.
 */
export function spiral(pointsPerClass: number, classes: number, noise: number, seed: number): Examples {
  const random = seededRandom(seed);
  const count = pointsPerClass * classes;
  const x = new Float32Array(count * 2);
  const labels = new Int32Array(count);
  for (let k = 0; k < classes; k++) {
    for (let i = 0; i < pointsPerClass; i++) {
      const n = k * pointsPerClass + i;
      const radius = i / Math.max(1, pointsPerClass - 1);
      const angle = 4 * (k + radius) + noise * gaussian(random);
      x[2 * n] = radius * Math.sin(angle);
      x[2 * n + 1] = radius * Math.cos(angle);
      labels[n] = k;
    }
  }
  return { x, labels, count, features: 2, classes };
}

/**
 * Image-like inputs: `features` intensities uniform in [0, 1], all positive like pixels, in 2 classes
 * split by a random hyperplane through the middle of the cube (a linear teacher on the centred values).
 */
export function intensities(count: number, features: number, seed: number): Examples {
  const random = seededRandom(seed);
  const teacher = Array.from({ length: features }, () => gaussian(random));
  const x = new Float32Array(count * features);
  const labels = new Int32Array(count);
  for (let n = 0; n < count; n++) {
    let score = 0;
    for (let i = 0; i < features; i++) {
      const value = random();
      x[n * features + i] = value;
      score += teacher[i] * (value - 0.5);
    }
    labels[n] = score > 0 ? 1 : 0;
  }
  return { x, labels, count, features, classes: 2 };
}

/** The same examples with each feature's mean over the data set subtracted (the notes' centering). */
export function centred(examples: Examples): Examples {
  const { x, count, features } = examples;
  const means = new Float64Array(features);
  for (let n = 0; n < count; n++) for (let i = 0; i < features; i++) means[i] += x[n * features + i] / count;
  return { ...examples, x: x.map((value, k) => value - means[k % features]) };
}
