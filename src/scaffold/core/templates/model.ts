/** createModel(): the hidden layers (dense → [batch norm] → activation → [dropout]) and the output layer. */
import type { Activation, Initializer, ScaffoldOptions } from '../scaffoldOptions';
import { lines, num, str } from './code';

/** Why this activation, in the notes' words. */
const ACTIVATION_WHY: Readonly<Record<Activation, readonly string[]>> = {
  relu: [
    'ReLU (topic activation-relu): max(0, x) does not saturate for x > 0, avoids the gradient problems of',
    'sigmoid and tanh, and is cheap forward and backward. The notes: "start with ReLU". A unit whose input',
    'stays negative outputs 0 and stops learning ("dies"): DeepScope flags dead units.',
  ],
  leakyRelu: [
    'Leaky ReLU (topic activation-leaky-relu): max(0.01x, x) no longer saturates for x < 0, so units cannot',
    'die, and the advantages of ReLU stay. tfjs defaults alpha to 0.3; 0.01 is the slope of the notes.',
  ],
  prelu: ['PReLU (topic activation-prelu): max(αx, x) where the slope α is learned, one per unit.'],
  elu: [
    'ELU (topic activation-practice): a ReLU variant with a smooth negative part. The notes: start with ReLU,',
    'then try its variants.',
  ],
  tanh: [
    'tanh (topic activation-tanh): zero-centred, unlike the sigmoid, but it is a rescaled sigmoid',
    '(tanh(x) = 2σ(2x) − 1) and saturates the same way. The notes: try it, but "don\'t expect miracles".',
  ],
  sigmoid: [
    'Sigmoid (topic activation-sigmoid): saturates (gradients vanish for large |x|) and its outputs are all',
    'positive, not zero-centred, which constrains the update directions. The notes say not to use it.',
  ],
};

/** Why this initialiser. */
const INITIALIZER_WHY: Readonly<Record<Initializer, readonly string[]>> = {
  heNormal: [
    'He initialisation (topic init-he): a Gaussian with variance 2/n_in keeps ReLU activations stable from',
    "layer to layer; with Xavier's 1/n_in they pile up at 0 deeper in the network.",
  ],
  heUniform: [
    'He initialisation (topic init-he), uniform: variance 2/n_in keeps ReLU activations stable from layer',
    "to layer; with Xavier's 1/n_in they pile up at 0 deeper in the network.",
  ],
  glorotNormal: [
    'Xavier initialisation (topic init-xavier): variance about 1/n_in (tfjs uses 2/(n_in + n_out)). It',
    'assumes a linear activation (tanh near 0); with ReLU the notes show activations piling up at 0 as depth',
    'grows, which He initialisation (topic init-he) fixes.',
  ],
  glorotUniform: [
    'Xavier initialisation (topic init-xavier), uniform: variance about 1/n_in. It assumes a linear',
    'activation (tanh near 0); with ReLU the notes show activations piling up at 0 as depth grows, which He',
    'initialisation (topic init-he) fixes.',
  ],
};

/** Activations tfjs offers as a dense layer's `activation` string; the others are layers of their own. */
const BUILT_IN: Partial<Record<Activation, string>> = { relu: 'relu', elu: 'elu', tanh: 'tanh', sigmoid: 'sigmoid' };

/** The layer applying `activation` on its own (after batch norm, or for the ReLU variants). */
function activationLayer(activation: Activation, name: string): string {
  switch (activation) {
    case 'leakyRelu':
      return `  model.add(tf.layers.leakyReLU({ name: ${str(`${name}_leaky_relu`)}, alpha: 0.01 }));`;
    case 'prelu':
      return `  model.add(tf.layers.prelu({ name: ${str(`${name}_prelu`)} }));`;
    default:
      return `  model.add(tf.layers.activation({ name: ${str(`${name}_${activation}`)}, activation: ${str(activation)} }));`;
  }
}

function hiddenLayer(options: ScaffoldOptions, index: number, units: number): string {
  const name = `hidden${index + 1}`;
  const inline = options.batchNorm ? undefined : BUILT_IN[options.activation];
  return lines(
    `  // Hidden layer ${index + 1}: ${units} units.`,
    '  model.add(tf.layers.dense({',
    `    name: ${str(name)},`,
    index === 0 && '    inputShape: [N_FEATURES],',
    `    units: ${num(units)},`,
    options.batchNorm && '    useBias: false, // batch norm follows: its learned shift β replaces the bias',
    inline !== undefined && `    activation: ${str(inline)},`,
    `    kernelInitializer: tf.initializers.${options.initializer}({ seed: SEED + ${index + 1} }),`,
    '  }));',
    options.batchNorm && `  model.add(tf.layers.batchNormalization({ name: ${str(`${name}_bn`)} }));`,
    inline === undefined && activationLayer(options.activation, name),
    options.dropout > 0 && `  model.add(tf.layers.dropout({ name: ${str(`${name}_dropout`)}, rate: ${num(options.dropout)} }));`,
  );
}

const BATCH_NORM_WHY = [
  'Batch normalisation (topic batch-norm): each unit\'s input is centred and scaled with the mean and',
  'variance of the batch BEFORE the activation, then shifted and rescaled by the learned β and γ, so the',
  'activation distributions stay stable from layer to layer. At test time the layer uses a mean and',
  'variance estimated on the training set instead (topic batch-norm-test-mode).',
];

function dropoutWhy(rate: number): readonly string[] {
  return [
    `Dropout (topic reg-dropout): while training, each activation is set to 0 with probability ${num(rate)},`,
    'a new random mask per batch, so no unit can rely on one specialised feature. tfjs uses inverted dropout',
    '(topic reg-inverted-dropout): kept activations are scaled by 1/(1 − rate) while training, so nothing',
    'changes at test time. Not seeded on purpose: a fixed seed would reuse one mask for every batch.',
  ];
}

function outputLayer(options: ScaffoldOptions): string {
  const classification = options.task === 'classification';
  const first = options.hiddenUnits.length === 0;
  return lines(
    classification
      ? '  // Output: one unit per class; softmax turns the scores into probabilities.'
      : '  // Output: one linear unit, the predicted value (a regression output must reach any real number).',
    classification
      ? '  // Xavier initialisation (topic init-xavier) fits it: the scores are linear before the softmax.'
      : '  // Xavier initialisation (topic init-xavier) fits it: its activation is linear.',
    '  model.add(tf.layers.dense({',
    "    name: 'output',",
    first && '    inputShape: [N_FEATURES],',
    `    units: ${classification ? 'N_CLASSES' : '1'},`,
    `    activation: ${classification ? "'softmax'" : "'linear'"},`,
    `    kernelInitializer: tf.initializers.glorotNormal({ seed: SEED + ${options.hiddenUnits.length + 1} }),`,
    '  }));',
  );
}

export function modelPart(options: ScaffoldOptions): string {
  const hasHidden = options.hiddenUnits.length > 0;
  const why = [
    ...(hasHidden ? ACTIVATION_WHY[options.activation] : []),
    ...(hasHidden ? INITIALIZER_WHY[options.initializer] : []),
    ...(hasHidden && options.batchNorm ? BATCH_NORM_WHY : []),
    ...(hasHidden && options.dropout > 0 ? dropoutWhy(options.dropout) : []),
    'Weights start random, never equal: identical weights would make every unit of a layer compute and learn',
    'the same thing (topic init-homogeneous). Seeded, so every run starts from the same weights.',
  ];
  return lines(
    '/** The network: dense hidden layers, then one output layer. DeepScope compiles it with `training`. */',
    'export function createModel(): tf.LayersModel {',
    ...why.map((line) => `  // ${line}`),
    '  const model = tf.sequential();',
    ...options.hiddenUnits.map((units, i) => `\n${hiddenLayer(options, i, units)}`),
    '',
    outputLayer(options),
    '  return model;',
    '}',
  );
}
