/** Gaussian clusters far from the origin: easy classes, uncentred inputs. */
import type { ScaffoldOptions } from '../scaffoldOptions';
import { assembleModule } from './module';

const CODE = `/** Centre of each cluster, one class each: far from the origin on purpose. */
const CENTERS = [
  [8, 12],
  [12, 12],
  [10, 8],
];
const N_CLASSES = CENTERS.length;
/** Points per cluster. */
const POINTS_PER_CLASS = 100;
/** Each point has two coordinates. */
const N_FEATURES = 2;

/**
 * Gaussian blobs: points around each centre with standard deviation 1. All inputs are around 10, never
 * near 0: without centering, every first-layer weight of a unit gets gradients of the same sign.
 */
function makeBlobs(rand: () => number): Examples {
  const features: number[][] = [];
  const targets: number[] = [];
  CENTERS.forEach((center, k) => {
    for (let i = 0; i < POINTS_PER_CLASS; i++) {
      features.push(center.map((c) => c + gaussian(rand)));
      targets.push(k);
    }
  });
  return { features, targets };
}`;

export function generate(options: ScaffoldOptions): string {
  return assembleModule(options, {
    title: 'Gaussian-blobs classifier',
    about: [
      'Data: three Gaussian clusters of 100 points around (8, 12), (12, 12) and (10, 8), seeded.',
      'Task: tell which cluster a point comes from (3 classes). Chance is 33% accuracy.',
    ],
    readsFiles: false,
    code: CODE,
    examples: 'makeBlobs(rand)',
    usesGaussian: true,
  });
}
