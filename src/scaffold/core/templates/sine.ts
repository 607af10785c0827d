/** A noisy sine wave: the smallest regression that needs a non-linear model. */
import type { ScaffoldOptions } from '../scaffoldOptions';
import { assembleModule } from './module';

const CODE = `/** Number of (x, y) samples. */
const N_POINTS = 200;
/** One input: x. */
const N_FEATURES = 1;
/** Standard deviation of the Gaussian noise added to sin(x). */
const NOISE = 0.1;

/** y = sin(x) + noise, x uniform in [0, 2π]. A model can do no better than a mean squared error of NOISE². */
function makeSine(rand: () => number): Examples {
  const features: number[][] = [];
  const targets: number[] = [];
  for (let i = 0; i < N_POINTS; i++) {
    const x = 2 * Math.PI * rand();
    features.push([x]);
    targets.push(Math.sin(x) + NOISE * gaussian(rand));
  }
  return { features, targets };
}`;

export function generate(options: ScaffoldOptions): string {
  return assembleModule(options, {
    title: 'Noisy-sine regression',
    about: [
      'Data: 200 samples of y = sin(x) + 0.1 × Gaussian noise, x in [0, 2π], generated with a seeded generator.',
      'Task: predict y from x (regression). The noise alone gives a mean squared error of 0.01.',
    ],
    readsFiles: false,
    code: CODE,
    examples: 'makeSine(rand)',
    usesGaussian: true,
  });
}
