/**
 * Seeded randomness for the labs' data and shuffles (Math.random cannot be seeded): the same parameters
 * give the same numbers on every run, so a learner sees only the effect of what they changed.
 * Tensors are drawn with tfjs's own seeded ops.
 */
export type Random = () => number;

/** xorshift32, uniform in [0, 1). */
export function seededRandom(seed: number): Random {
  let state = (seed ^ 0x2545f491) >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}

/** A standard normal draw (Box–Muller). */
export function gaussian(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** A random permutation of 0…n−1 (Fisher–Yates). */
export function permutation(n: number, random: Random): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
