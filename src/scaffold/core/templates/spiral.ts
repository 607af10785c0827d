/** The CS231n spiral: K arms, one class each (cs231n.github.io/neural-networks-case-study). */
import type { ScaffoldOptions } from '../scaffoldOptions';
import { assembleModule } from './module';

const CODE = `/** Number of spiral arms, one class each. */
const N_CLASSES = 3;
/** Points per arm. */
const POINTS_PER_CLASS = 100;
/** Each point has two coordinates. */
const N_FEATURES = 2;

/**
 * The CS231n spiral: arm k has radius linspace(0, 1) and angle linspace(4k, 4(k + 1)) + 0.2 × Gaussian noise.
 * No straight line separates the arms: the model needs its hidden layers.
 */
function makeSpiral(rand: () => number): Examples {
  const features: number[][] = [];
  const targets: number[] = [];
  for (let k = 0; k < N_CLASSES; k++) {
    for (let i = 0; i < POINTS_PER_CLASS; i++) {
      const radius = i / (POINTS_PER_CLASS - 1);
      const angle = 4 * (k + radius) + 0.2 * gaussian(rand);
      features.push([radius * Math.sin(angle), radius * Math.cos(angle)]);
      targets.push(k);
    }
  }
  return { features, targets };
}`;

export function generate(options: ScaffoldOptions): string {
  return assembleModule(options, {
    title: 'Spiral classifier',
    about: [
      'Data: the 2-D spiral of Stanford CS231n, 3 arms of 100 points, generated with a seeded generator.',
      'Task: tell which arm a point belongs to (3 classes). Chance is 33% accuracy.',
    ],
    readsFiles: false,
    code: CODE,
    examples: 'makeSpiral(rand)',
    usesGaussian: true,
  });
}
