/**
 * The menus of "New Model…": one list per option, recommended value first, each entry explained from the
 * lecture notes and linked to its topic. The quick picks and `deepscope help new` both read these lists,
 * so the two front ends always offer the same things in the same words. The lists are functions: their texts
 * (l10n.t) are read once the display language, or the CLI's --lang, is known.
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
import * as l10n from '@vscode/l10n';
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

export const templates = (): readonly TemplateInfo[] => [
  {
    name: 'spiral',
    label: l10n.t('Spiral (3 classes)'),
    detail: l10n.t('The CS231n 2-D spiral: not linearly separable, so it needs hidden layers. Generated, seeded.'),
    tasks: ['classification'],
    defaultTask: 'classification',
  },
  {
    name: 'moons',
    label: l10n.t('Two moons'),
    detail: l10n.t('Two interleaved half circles with noise, away from the origin. Generated, seeded.'),
    tasks: ['classification'],
    defaultTask: 'classification',
  },
  {
    name: 'blobs',
    label: l10n.t('Gaussian blobs'),
    detail: l10n.t('Three Gaussian clusters far from the origin: easy to separate, shows why inputs are centred.'),
    tasks: ['classification'],
    defaultTask: 'classification',
  },
  {
    name: 'sine',
    label: l10n.t('Noisy sine'),
    detail: l10n.t('Fit y = sin(x) + noise on [0, 2π]: a smooth 1-D regression. Generated, seeded.'),
    tasks: ['regression'],
    defaultTask: 'regression',
  },
  {
    name: 'iris',
    label: l10n.t('Iris (real data)'),
    detail: l10n.t('150 flowers, 4 measurements: classify the species, or predict petal width (regression).'),
    tasks: ['classification', 'regression'],
    defaultTask: 'classification',
  },
  {
    name: 'csv',
    label: l10n.t('Your CSV file'),
    detail: l10n.t('Numeric feature columns of your own CSV; predict a class column or a numeric column.'),
    tasks: ['classification', 'regression'],
    defaultTask: 'classification',
  },
];

export const activations = (): readonly Choice<Activation>[] => [
  {
    value: 'relu',
    label: 'ReLU',
    detail: l10n.t('max(0, x): does not saturate for x > 0 and is cheap; the notes say start with it. Units can "die" at 0.'),
    recommended: true,
    topic: 'activation-relu',
  },
  {
    value: 'leakyRelu',
    label: 'Leaky ReLU',
    detail: l10n.t('max(0.01x, x): no saturation for x < 0 either, so units cannot die; keeps the advantages of ReLU.'),
    topic: 'activation-leaky-relu',
  },
  {
    value: 'prelu',
    label: 'PReLU',
    detail: l10n.t('max(αx, x) where the slope α is learned.'),
    topic: 'activation-prelu',
  },
  {
    value: 'elu',
    label: 'ELU',
    detail: l10n.t('A ReLU variant with a smooth negative part (not in the notes; they advise trying ReLU variants).'),
    topic: 'activation-practice',
  },
  {
    value: 'tanh',
    label: 'tanh',
    detail: l10n.t('Maps to [-1, 1], zero-centred, but it is a rescaled sigmoid and saturates the same way.'),
    warning: l10n.t('tanh is zero-centred but still saturates (vanishing gradients): the notes say try it but "don\'t expect miracles".'),
    topic: 'activation-tanh',
  },
  {
    value: 'sigmoid',
    label: l10n.t('Sigmoid'),
    detail: l10n.t('Maps to [0, 1]: gradients vanish for large |x| and outputs are all positive.'),
    warning: l10n.t('sigmoid saturates and its outputs are not zero-centred: the notes say not to use it.'),
    topic: 'activation-sigmoid',
  },
];

export const initializers = (): readonly Choice<Initializer>[] => [
  {
    value: 'heNormal',
    label: l10n.t('He normal'),
    detail: l10n.t('Gaussian with variance 2/n_in: keeps ReLU activations stable from layer to layer.'),
    recommended: true,
    topic: 'init-he',
  },
  {
    value: 'heUniform',
    label: l10n.t('He uniform'),
    detail: l10n.t('Same variance 2/n_in as He normal, drawn from a uniform distribution.'),
    topic: 'init-he',
  },
  {
    value: 'glorotNormal',
    label: l10n.t('Xavier (Glorot) normal'),
    detail: l10n.t('Variance about 1/n_in: assumes a linear activation; with ReLU the activations pile up at 0 in deep nets.'),
    topic: 'init-xavier',
  },
  {
    value: 'glorotUniform',
    label: l10n.t('Xavier (Glorot) uniform'),
    detail: l10n.t('Xavier variance drawn from a uniform distribution (the Keras default).'),
    topic: 'init-xavier',
  },
];

export const optimizers = (): readonly Choice<OptimizerKind>[] => [
  {
    value: 'nesterov',
    label: l10n.t('SGD + Nesterov momentum (0.9)'),
    detail: l10n.t('Momentum with the gradient taken one step ahead, at w + ρ·v: a correction for the change of direction.'),
    recommended: true,
    topic: 'optim-nesterov',
  },
  {
    value: 'momentum',
    label: l10n.t('SGD + momentum (0.9)'),
    detail: l10n.t('Moves along a running average of gradients: smooths mini-batch noise, avoids zigzags, rolls past flat spots.'),
    topic: 'optim-momentum',
  },
  {
    value: 'sgd',
    label: l10n.t('Plain SGD'),
    detail: l10n.t('w ← w − α·∇f(w) from noisy mini-batch estimates: zigzags, and slows to a crawl near saddle points.'),
    topic: 'optim-sgd',
  },
  {
    value: 'adam',
    label: 'Adam',
    detail: l10n.t('Momentum plus a per-weight step size (not in the notes). Use a smaller learning rate, e.g. 0.001.'),
    topic: 'optim-momentum',
  },
];

export const schedules = (): readonly Choice<Schedule>[] => [
  {
    value: 'step',
    label: l10n.t('Step decay'),
    detail: l10n.t('Halve the learning rate every few epochs.'),
    recommended: true,
    topic: 'lr-step-decay',
  },
  {
    value: 'exponential',
    label: l10n.t('Exponential decay'),
    detail: l10n.t('α = α0·e^(−k·t), with k chosen so the rate ends 10× lower.'),
    topic: 'lr-exponential-decay',
  },
  {
    value: 'inverseTime',
    label: l10n.t('1/t decay'),
    detail: l10n.t('α = α0 / (1 + k·t), with k chosen so the rate ends 10× lower.'),
    topic: 'lr-inverse-time-decay',
  },
  {
    value: 'constant',
    label: l10n.t('Constant'),
    detail: l10n.t('Keep α0 all along: simplest, but the loss stays noisy at the end of training.'),
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
  const info = templates().find((t) => t.name === name);
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
    activation: recommended(activations()),
    initializer: recommended(initializers()),
    optimizer: recommended(optimizers()),
    schedule: recommended(schedules()),
    batchNorm: false,
    dropout: 0,
    centerInputs: true,
    seed: 42,
  };
  return template === 'iris' ? { ...options, csv: irisCsvSource(chosenTask) } : options;
}
