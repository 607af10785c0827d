/**
 * Mutation operators for the diagnosis bench (bench/diagnosisBench.ts): each turns a healthy model
 * module's source into a broken one, the way DeepCrime (Humbatova et al., ISSTA 2021) mutates real
 * training programs, or says it does not apply (undefined). Each names the rules that report its cause.
 */
import type { RuleId } from '../src/diagnosis/core/findings';

export interface MutationOperator {
  readonly name: string;
  /**
   * Rules whose finding is true of this bug: its cause, or the mechanism by which it hurts (any of them
   * counts as a detection, and none of them as a false warning on the mutant).
   */
  readonly expected: readonly RuleId[];
  apply(source: string): string | undefined;
}

/** The learning rate's own family: one cause, reported as NaN, divergence or oscillation. */
const TOO_LARGE: readonly RuleId[] = ['nan-loss', 'diverging-loss', 'oscillating-loss'];
/**
 * What huge steps do to the layers, each finding true of such a run and naming the rate among its
 * causes: ReLUs pushed below 0 for good, tanh pushed into its flat ends, gradients that blow up.
 */
const HUGE_STEPS: readonly RuleId[] = [...TOO_LARGE, 'dead-relu', 'saturated-activations', 'exploding-gradients'];

const NUMBER = '([0-9]*\\.?[0-9]+(?:e-?[0-9]+)?)';
/** The optimiser's rate, a schedule's base rate, a LEARNING_RATE constant. */
const RATE_SITES = [new RegExp(`(tf\\.train\\.\\w+\\(\\s*)${NUMBER}`, 'g'), new RegExp(`(learningRate: \\(epoch: number\\) => )${NUMBER}`, 'g'), new RegExp(`(const LEARNING_RATE = )${NUMBER}`, 'g')];

function scaleRate(factor: number): (source: string) => string | undefined {
  return (source) => {
    let changed = source;
    for (const site of RATE_SITES) changed = changed.replace(site, (_, head: string, rate: string) => `${head}${Number(rate) * factor}`);
    return changed === source ? undefined : changed;
  };
}

/** tfjs' own definitions of the named initialisers as variance scaling, so that the same seed draws the same weights, scaled. */
const INITIALISERS: Readonly<Record<string, string>> = { heNormal: "scale: 2, mode: 'fanIn'", glorotNormal: "scale: 1, mode: 'fanAvg'" };
const INITIALISER = /tf\.initializers\.(heNormal|glorotNormal)\(\{ seed: ([^}]+) \}\)/g;

function scaleInit(factor: number): (source: string) => string | undefined {
  return (source) => {
    const changed = source.replace(INITIALISER, (_, kind: string, seed: string) => {
      const base = INITIALISERS[kind].replace(/scale: (\d+)/, (__, scale: string) => `scale: ${Number(scale) * factor * factor}`);
      return `tf.initializers.varianceScaling({ ${base}, distribution: 'normal', seed: ${seed} })`;
    });
    return changed === source ? undefined : changed;
  };
}

const changedOrUndefined = (source: string, changed: string): string | undefined => (changed === source ? undefined : changed);

/** Wraps loadData: `transform` maps each `{ x, y }` (training, then validation) to new tensors. */
function wrapData(transform: string, validationToo: boolean): (source: string) => string | undefined {
  return (source) => {
    const renamed = source.replace(/export const loadData = /, 'const healthyLoadData = ').replace(/export function loadData\(/, 'function healthyLoadData(');
    if (renamed === source) return undefined;
    return `${renamed}
export function loadData() {
  const data = healthyLoadData() as { x: tf.Tensor; y: tf.Tensor; validation?: { x: tf.Tensor; y: tf.Tensor } };
  const mutate = (x: tf.Tensor, y: tf.Tensor): { x: tf.Tensor; y: tf.Tensor } => (${transform});
  const mutated = tf.tidy(() => ({ ...mutate(data.x, data.y), ...(data.validation ? { validation: ${validationToo ? 'mutate(data.validation.x, data.validation.y)' : '{ ...data.validation }'} } : {}) }));
  tf.dispose(${validationToo ? '[data.x, data.y, data.validation?.x, data.validation?.y].filter((t): t is tf.Tensor => t !== undefined)' : '[data.x, data.y]'});
  return mutated;
}
`;
  };
}

/** A fixed permutation (reversal of interleaved halves): the labels no longer follow their inputs. */
const SHUFFLE = "{ x: x.clone(), y: tf.gather(y, tf.tensor1d(Array.from({ length: y.shape[0] }, (_, i) => (i * 7919) % y.shape[0]), 'int32')) }";

export const OPERATORS: readonly MutationOperator[] = [
  { name: 'learning rate ×100', expected: HUGE_STEPS, apply: scaleRate(100) },
  { name: 'learning rate ÷1000', expected: ['plateau'], apply: scaleRate(1e-3) },
  {
    name: 'activation swap (hidden ReLU/tanh → sigmoid)',
    expected: ['vanishing-gradients', 'saturated-activations', 'plateau'],
    apply: (source) => changedOrUndefined(source, source.replace(/activation: '(relu|tanh)'/g, "activation: 'sigmoid'")),
  },
  { name: 'initial scale ×10', expected: HUGE_STEPS, apply: scaleInit(10) },
  { name: 'initial scale ×0.01', expected: ['collapsing-activations', 'vanishing-gradients', 'plateau'], apply: scaleInit(0.01) },
  {
    name: 'initial weights zeros',
    expected: ['symmetric-neurons'],
    apply: (source) => changedOrUndefined(source, source.replace(INITIALISER, 'tf.initializers.zeros()')),
  },
  {
    name: 'normalisation removed',
    expected: ['vanishing-gradients', 'exploding-gradients', 'dead-relu', 'plateau'],
    apply: (source) => changedOrUndefined(source, source.replace(/^\s*model\.add\(tf\.layers\.batchNormalization\([^)]*\)\);\n/gm, '')),
  },
  {
    name: 'momentum removed',
    expected: ['plateau', 'oscillating-loss'],
    apply: (source) => changedOrUndefined(source, source.replace(/tf\.train\.momentum\(([^,]+), [^)]+\)/g, 'tf.train.sgd($1)')),
  },
  {
    name: 'wrong loss (cross-entropy → mean squared error)',
    expected: ['loss-output-mismatch'],
    apply: (source) => changedOrUndefined(source, source.replace(/loss: '(categorical|binary)Crossentropy'/, "loss: 'meanSquaredError'")),
  },
  { name: 'shuffled labels', expected: ['overfitting', 'plateau'], apply: wrapData(SHUFFLE, false) },
  // Large inputs scale the first layer's pre-activations and gradients as large weights do; a sigmoid output saturates (a flat loss).
  { name: 'inputs ×100', expected: ['uncentered-inputs', 'plateau', ...HUGE_STEPS], apply: wrapData('{ x: x.mul(100), y: y.clone() }', true) },
  { name: 'inputs shifted (+10)', expected: ['uncentered-inputs', 'plateau', ...HUGE_STEPS], apply: wrapData('{ x: x.add(10), y: y.clone() }', true) },
];
