/**
 * Makes a run reproducible: tfjs shuffles the batches of `fit` and draws unseeded dropout masks
 * with Math.random, which cannot be seeded. For the duration of a run, Math.random is replaced by
 * a seeded xorshift32 generator; the returned function puts the original back.
 */
export const DEFAULT_RUN_SEED = 20_241;

export function seedMathRandom(seed: number = DEFAULT_RUN_SEED): () => void {
  const original = Math.random;
  let state = seed >>> 0 || 1;
  Math.random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
  return () => {
    Math.random = original;
  };
}
