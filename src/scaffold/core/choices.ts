/**
 * The menus of "New Model…": one list per option, recommended value first, each entry explained from the
 * lecture notes and linked to its topic. The quick picks and `deepscope help new` both read these lists,
 * so the two front ends always offer the same things in the same words.
 */
import type { TopicId } from '../../notes/core/topicIds';
import type {
  Activation,
  Initializer,
  OptimizerKind,
  ScaffoldOptions,
  Schedule,
  Task,
  TemplateName,
} from './scaffoldOptions';
import { irisCsvSource } from './irisCsv';

export interface Choice<T> {
  readonly value: T;
  readonly label: string;
  readonly detail: string;
  readonly recommended?: boolean;
  /** One line shown when the choice is picked (the notes advise against it). */
  readonly warning?: string;
  readonly topic: TopicId;
}

export interface TemplateInfo {
  readonly name: TemplateName;
  readonly label: string;
  readonly detail: string;
  readonly tasks: readonly Task[];
  readonly defaultTask: Task;
}

export const TEMPLATES: readonly TemplateInfo[] = [
  {
    name: 'spiral',
    label: 'Spiral (3 classes)',
    detail: 'The CS231n 2-D spiral: not linearly separable, so it needs hidden layers. Generated, seeded.',
    tasks: ['classification'],
    defaultTask: 'classification',
  },
  {
    name: 'moons',
    label: 'Two moons',
    detail: 'Two interleaved half circles with noise, away from the origin. Generated, seeded.',
    tasks: ['classification'],
    defaultTask: 'classification',
  },
  {
    name: 'blobs',
    label: 'Gaussian blobs',
    detail: 'Three Gaussian clusters far from the origin: easy to separate, shows why inputs are centred.',
    tasks: ['classification'],
    defaultTask: 'classification',
  },
  {
    name: 'sine',
    label: 'Noisy sine',
    detail: 'Fit y = sin(x) + noise on [0, 2π]: a smooth 1-D regression. Generated, seeded.',
    tasks: ['regression'],
    defaultTask: 'regression',
  },
  {
    name: 'iris',
    label: 'Iris (real data)',
    detail: '150 flowers, 4 measurements: classify the species, or predict petal width (regression).',
    tasks: ['classification', 'regression'],
    defaultTask: 'classification',
  },
  {
    name: 'csv',
    label: 'Your CSV file',
    detail: 'Numeric feature columns of your own CSV; predict a class column or a numeric column.',
    tasks: ['classification', 'regression'],
    defaultTask: 'classification',
  },
];

export const ACTIVATIONS: readonly Choice<Activation>[] = [
  {
    value: 'relu',
    label: 'ReLU',
    detail: 'max(0, x): does not saturate for x > 0 and is cheap; the notes say start with it. Units can "die" at 0.',
    recommended: true,
    topic: 'activation-relu',
  },
  {
    value: 'leakyRelu',
    label: 'Leaky ReLU',
    detail: 'max(0.01x, x): no saturation for x < 0 either, so units cannot die; keeps the advantages of ReLU.',
    topic: 'activation-leaky-relu',
  },
  {
    value: 'prelu',
    label: 'PReLU',
    detail: 'max(αx, x) where the slope α is learned.',
    topic: 'activation-prelu',
  },
  {
    value: 'elu',
    label: 'ELU',
    detail: 'A ReLU variant with a smooth negative part (not in the notes; they advise trying ReLU variants).',
    topic: 'activation-practice',
  },
  {
    value: 'tanh',
    label: 'tanh',
    detail: 'Maps to [-1, 1], zero-centred, but it is a rescaled sigmoid and saturates the same way.',
    warning: 'tanh is zero-centred but still saturates (vanishing gradients): the notes say try it but "don\'t expect miracles".',
    topic: 'activation-tanh',
  },
  {
    value: 'sigmoid',
    label: 'Sigmoid',
    detail: 'Maps to [0, 1]: gradients vanish for large |x| and outputs are all positive.',
    warning: 'sigmoid saturates and its outputs are not zero-centred: the notes say not to use it.',
    topic: 'activation-sigmoid',
  },
];

export const INITIALIZERS: readonly Choice<Initializer>[] = [
  {
    value: 'heNormal',
    label: 'He normal',
    detail: 'Gaussian with variance 2/n_in: keeps ReLU activations stable from layer to layer.',
    recommended: true,
    topic: 'init-he',
  },
  {
    value: 'heUniform',
    label: 'He uniform',
    detail: 'Same variance 2/n_in as He normal, drawn from a uniform distribution.',
    topic: 'init-he',
  },
  {
    value: 'glorotNormal',
    label: 'Xavier (Glorot) normal',
    detail: 'Variance about 1/n_in: assumes a linear activation; with ReLU the activations pile up at 0 in deep nets.',
    topic: 'init-xavier',
  },
  {
    value: 'glorotUniform',
    label: 'Xavier (Glorot) uniform',
    detail: 'Xavier variance drawn from a uniform distribution (the Keras default).',
    topic: 'init-xavier',
  },
];

export const OPTIMIZERS: readonly Choice<OptimizerKind>[] = [
  {
    value: 'nesterov',
    label: 'SGD + Nesterov momentum (0.9)',
    detail: 'Momentum with the gradient taken one step ahead, at w + ρ·v: a correction for the change of direction.',
    recommended: true,
    topic: 'optim-nesterov',
  },
  {
    value: 'momentum',
    label: 'SGD + momentum (0.9)',
    detail: 'Moves along a running average of gradients: smooths mini-batch noise, avoids zigzags, rolls past flat spots.',
    topic: 'optim-momentum',
  },
  {
    value: 'sgd',
    label: 'Plain SGD',
    detail: 'w ← w − α·∇f(w) from noisy mini-batch estimates: zigzags, and slows to a crawl near saddle points.',
    topic: 'optim-sgd',
  },
  {
    value: 'adam',
    label: 'Adam',
    detail: 'Momentum plus a per-weight step size (not in the notes). Use a smaller learning rate, e.g. 0.001.',
    topic: 'optim-momentum',
  },
];

export const SCHEDULES: readonly Choice<Schedule>[] = [
  {
    value: 'step',
    label: 'Step decay',
    detail: 'Halve the learning rate every few epochs.',
    recommended: true,
    topic: 'lr-step-decay',
  },
  {
    value: 'exponential',
    label: 'Exponential decay',
    detail: 'α = α0·e^(−k·t), with k chosen so the rate ends 10× lower.',
    topic: 'lr-exponential-decay',
  },
  {
    value: 'inverseTime',
    label: '1/t decay',
    detail: 'α = α0 / (1 + k·t), with k chosen so the rate ends 10× lower.',
    topic: 'lr-inverse-time-decay',
  },
  {
    value: 'constant',
    label: 'Constant',
    detail: 'Keep α0 all along: simplest, but the loss stays noisy at the end of training.',
    topic: 'lr-step-decay',
  },
];

/** Sizes and training budget per template, tuned so the default model learns its data set. */
const TEMPLATE_DEFAULTS: Readonly<
  Record<TemplateName, Pick<ScaffoldOptions, 'hiddenUnits' | 'learningRate' | 'epochs' | 'batchSize'>>
> = {
  spiral: { hiddenUnits: [64, 64], learningRate: 0.1, epochs: 60, batchSize: 32 },
  moons: { hiddenUnits: [32, 32], learningRate: 0.1, epochs: 60, batchSize: 32 },
  blobs: { hiddenUnits: [16], learningRate: 0.05, epochs: 30, batchSize: 32 },
  // 0.01, not 0.02: at 0.02, 89% of the second hidden layer's ReLUs died (DeepScope's dead-relu finding).
  sine: { hiddenUnits: [32, 32], learningRate: 0.01, epochs: 150, batchSize: 16 },
  // 20 epochs, not 60: 120 training flowers are learnt by heart after about 15 (the template says why).
  iris: { hiddenUnits: [16, 16], learningRate: 0.05, epochs: 20, batchSize: 16 },
  csv: { hiddenUnits: [32, 32], learningRate: 0.01, epochs: 50, batchSize: 32 },
};

function recommended<T>(choices: readonly Choice<T>[]): T {
  const choice = choices.find((c) => c.recommended === true) ?? choices[0];
  if (choice === undefined) throw new Error('empty choice list');
  return choice.value;
}

function templateInfo(name: TemplateName): TemplateInfo {
  const info = TEMPLATES.find((t) => t.name === name);
  if (info === undefined) throw new Error(`Unknown template "${String(name)}".`);
  return info;
}

/**
 * Every recommended default for `template`. Throws when the template cannot do `task`.
 * The `csv` template still needs its `csv` source (the user's file); `iris` gets the CSV that ships with
 * DeepScope (see irisCsv.ts).
 */
export function defaultOptions(template: TemplateName, task?: Task): ScaffoldOptions {
  const info = templateInfo(template);
  const chosenTask = task ?? info.defaultTask;
  if (!info.tasks.includes(chosenTask)) {
    throw new Error(`The ${template} template does ${info.tasks.join(' or ')}, not ${chosenTask}.`);
  }
  const options: ScaffoldOptions = {
    template,
    task: chosenTask,
    ...TEMPLATE_DEFAULTS[template],
    activation: recommended(ACTIVATIONS),
    initializer: recommended(INITIALIZERS),
    optimizer: recommended(OPTIMIZERS),
    schedule: recommended(SCHEDULES),
    batchNorm: false,
    dropout: 0,
    centerInputs: true,
    seed: 42,
  };
  return template === 'iris' ? { ...options, csv: irisCsvSource(chosenTask) } : options;
}
