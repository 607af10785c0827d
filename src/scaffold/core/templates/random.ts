/** The seeded random generator written into every module, so data and shuffles are reproducible. */
import { lines } from './code';

/** `withGaussian`: the generated data sets add Gaussian noise; the CSV ones only shuffle. */
export function randomPart(withGaussian: boolean): string {
  return lines(
    '/**',
    ' * A small seeded random generator (xorshift32) returning numbers in [0, 1). Math.random cannot be seeded;',
    ' * with this one the data and its shuffling are identical on every run, so two trainings differ only by',
    ' * what you changed.',
    ' */',
    'function seededRandom(seed: number): () => number {',
    '  let state = (seed ^ 0x2545f491) >>> 0 || 1;',
    '  return () => {',
    '    let x = state;',
    '    x ^= x << 13;',
    '    x ^= x >>> 17;',
    '    x ^= x << 5;',
    '    state = x >>> 0;',
    '    return state / 4294967296;',
    '  };',
    '}',
    withGaussian && '',
    withGaussian && '/** A draw from the standard normal distribution (Box-Muller transform). */',
    withGaussian && 'function gaussian(rand: () => number): number {',
    withGaussian && '  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());',
    withGaussian && '}',
  );
}
