/** The exported `training` object: loss, metrics, optimiser and learning-rate schedule. */
import type { OptimizerKind, ScaffoldOptions, Schedule } from '../scaffoldOptions';
import { lines, num } from './code';

interface OptimizerCode {
  readonly why: readonly string[];
  readonly factory: string;
}

const OPTIMIZER_CODE: Readonly<Record<OptimizerKind, OptimizerCode>> = {
  nesterov: {
    why: [
      'SGD with Nesterov momentum 0.9 (topics optim-momentum, optim-nesterov): stepping along a running average',
      'of the gradients smooths the noise of mini-batch estimates, avoids zigzags where the loss is steep one way',
      'and flat the other, and keeps moving where the gradient fades (saddle points, topic optim-saddle-points).',
      'Nesterov takes the gradient one step ahead, at w + ρ·v. The notes put ρ between 0.9 and 0.99.',
    ],
    factory: 'tf.train.momentum(LEARNING_RATE, 0.9, true)',
  },
  momentum: {
    why: [
      'SGD with momentum 0.9 (topic optim-momentum): stepping along a running average of the gradients smooths',
      'the noise of mini-batch estimates, avoids zigzags where the loss is steep one way and flat the other, and',
      'keeps moving where the gradient fades. Nesterov momentum (topic optim-nesterov) adds a look-ahead.',
    ],
    factory: 'tf.train.momentum(LEARNING_RATE, 0.9)',
  },
  sgd: {
    why: [
      'Plain SGD (topic optim-sgd): w ← w − α·∇f(w) with gradients estimated on mini-batches, hence noisy; it',
      'zigzags and crawls near saddle points. The notes add momentum (topics optim-momentum, optim-nesterov).',
    ],
    factory: 'tf.train.sgd(LEARNING_RATE)',
  },
  adam: {
    why: [
      'Adam (not in the notes): momentum plus a step size adapted per weight. It usually wants a smaller',
      'learning rate than SGD, about 0.001. The notes use SGD with Nesterov momentum (topic optim-nesterov).',
    ],
    factory: 'tf.train.adam(LEARNING_RATE)',
  },
};

interface ScheduleCode {
  /** Constant(s) declared after LEARNING_RATE. */
  readonly constants: readonly string[];
  readonly why: readonly string[];
  readonly fn: string;
}

function scheduleCode(schedule: Schedule, epochs: number): ScheduleCode {
  switch (schedule) {
    case 'step': {
      const every = Math.max(1, Math.round(epochs / 4));
      return {
        constants: ['/** Step decay: the learning rate is halved every DROP_EVERY epochs. */', `const DROP_EVERY = ${every};`],
        why: [
          'Step decay (topic lr-step-decay): lower the learning rate periodically, every n epochs, so late steps',
          'settle into a minimum instead of bouncing around it.',
        ],
        fn: '(epoch: number) => LEARNING_RATE * Math.pow(0.5, Math.floor(epoch / DROP_EVERY))',
      };
    }
    case 'exponential':
      return {
        constants: [
          `/** Decay rate k: the learning rate ends 10× lower after ${epochs} epochs (k = ln 10 / epochs). */`,
          `const DECAY = ${num(Math.LN10 / epochs)};`,
        ],
        why: ['Exponential decay (topic lr-exponential-decay): α = α0·e^(−k·t), smoothly lower as training goes.'],
        fn: '(epoch: number) => LEARNING_RATE * Math.exp(-DECAY * epoch)',
      };
    case 'inverseTime':
      return {
        constants: [
          `/** Decay rate k: the learning rate ends 10× lower after ${epochs} epochs (k = 9 / epochs). */`,
          `const DECAY = ${num(9 / epochs)};`,
        ],
        why: ['1/t decay (topic lr-inverse-time-decay): α = α0 / (1 + k·t), fast at first, then slower and slower.'],
        fn: '(epoch: number) => LEARNING_RATE / (1 + DECAY * epoch)',
      };
    case 'constant':
      return {
        constants: [],
        why: [
          'Constant learning rate. The notes lower it during training (topics lr-step-decay, lr-exponential-decay,',
          'lr-inverse-time-decay) so the loss settles instead of staying noisy.',
        ],
        fn: '() => LEARNING_RATE',
      };
  }
}

const comment = (text: readonly string[]): string[] => text.map((line) => `  // ${line}`);

export function trainingPart(options: ScaffoldOptions, epochsWhy: readonly string[] = []): string {
  const classification = options.task === 'classification';
  const optimizer = OPTIMIZER_CODE[options.optimizer];
  const schedule = scheduleCode(options.schedule, options.epochs);
  return lines(
    '/** Learning rate at the first epoch: getting its order of magnitude right matters most. */',
    `const LEARNING_RATE = ${num(options.learningRate)};`,
    ...schedule.constants,
    '',
    '/** How DeepScope compiles and fits the model. */',
    'export const training = {',
    ...comment(epochsWhy),
    `  epochs: ${num(options.epochs)},`,
    ...comment([
      `SGD (topic optim-sgd) estimates the loss and its gradient on mini-batches of ${num(options.batchSize)} examples:`,
      'cheap, noisy steps instead of one exact step per epoch.',
    ]),
    `  batchSize: ${num(options.batchSize)},`,
    ...comment(
      classification
        ? ['Softmax output + categorical cross-entropy: the loss of predicted class probabilities.']
        : ['Linear output + mean squared error; mae (mean absolute error) reads in the units of the target.'],
    ),
    `  loss: '${classification ? 'categoricalCrossentropy' : 'meanSquaredError'}',`,
    `  metrics: ['${classification ? 'accuracy' : 'mae'}'],`,
    ...comment(optimizer.why),
    `  optimizer: () => ${optimizer.factory},`,
    ...comment(schedule.why),
    `  learningRate: ${schedule.fn},`,
    '};',
  );
}
