/** Two interleaved half circles, the classic non-linear toy set. */
import type { ScaffoldOptions } from '../scaffoldOptions';
import { assembleModule } from './module';

const CODE = `/** Two moons, one class each. */
const N_CLASSES = 2;
/** Points per moon. */
const POINTS_PER_CLASS = 100;
/** Each point has two coordinates. */
const N_FEATURES = 2;
/** Standard deviation of the Gaussian noise added to each coordinate. */
const NOISE = 0.1;

/**
 * Two interleaved half circles of radius 1: the upper one centred at (0, 0), the lower one at (1, 0.5).
 * The data is not centred on the origin, which is what input centering corrects.
 */
function makeMoons(rand: () => number): Examples {
  const features: number[][] = [];
  const targets: number[] = [];
  for (let i = 0; i < POINTS_PER_CLASS; i++) {
    const angle = (Math.PI * i) / (POINTS_PER_CLASS - 1);
    features.push([Math.cos(angle) + NOISE * gaussian(rand), Math.sin(angle) + NOISE * gaussian(rand)]);
    targets.push(0);
    features.push([1 - Math.cos(angle) + NOISE * gaussian(rand), 0.5 - Math.sin(angle) + NOISE * gaussian(rand)]);
    targets.push(1);
  }
  return { features, targets };
}`;

export function generate(options: ScaffoldOptions): string {
  return assembleModule(options, {
    title: 'Two-moons classifier',
    about: [
      'Data: two interleaved half circles with Gaussian noise, 100 points each, generated with a seeded generator.',
      'Task: tell which moon a point belongs to (2 classes). Chance is 50% accuracy.',
    ],
    readsFiles: false,
    code: CODE,
    examples: 'makeMoons(rand)',
    usesGaussian: true,
  });
}
