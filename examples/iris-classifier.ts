/**
 * Iris species classifier, scaffolded by DeepScope.
 *
 * Data: the Iris data set (Fisher, 1936) in iris.csv, next to this file: 150 flowers, 50 per species,
 * with sepal and petal length and width in centimetres.
 * Task: predict the species (setosa, versicolor, virginica) from the 4 measurements. Chance is 33%.
 *
 * Train it with the DeepScope "Train" command in VS Code, or `deepscope train <this file>`.
 * Each default says why in a comment, citing the lecture-note topic it comes from (e.g. topic init-he);
 * change anything and retrain to see the effect.
 */
import * as tf from '@tensorflow/tfjs';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Seed of the data shuffling and of the initial weights: same seed, same run. */
const SEED = 42;

// ---- Data ------------------------------------------------------------------------------------------------

/**
 * A small seeded random generator (xorshift32) returning numbers in [0, 1). Math.random cannot be seeded;
 * with this one the data and its shuffling are identical on every run, so two trainings differ only by
 * what you changed.
 */
function seededRandom(seed: number): () => number {
  let state = (seed ^ 0x2545f491) >>> 0 || 1;
  return () => {
    let x = state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    state = x >>> 0;
    return state / 4294967296;
  };
}

/** Inputs (one row of numbers per example) and targets (a class index, or the value to predict). */
interface Examples {
  features: number[][];
  targets: number[];
}

/** The CSV file, relative to this model file. */
const CSV_FILE = 'iris.csv';
/** Whether the first line holds the column names (it is skipped). */
const HAS_HEADER = true;
/** Every column of the file, in order; rows must have exactly this many fields. */
const COLUMN_NAMES = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'species'];
/** Input columns (0-based): sepal_length, sepal_width, petal_length, petal_width. Only numbers are accepted. */
const FEATURE_COLUMNS = [0, 1, 2, 3];
/** Predicted column (0-based): species. */
const TARGET_COLUMN = 4;
/** Values of the target column, one output unit each, in this order. */
const CLASSES = ['setosa', 'versicolor', 'virginica'];
const N_FEATURES = FEATURE_COLUMNS.length;
const N_CLASSES = CLASSES.length;

/**
 * Splits CSV text into records of fields, each with the line it starts on (for error messages).
 * Handles "quoted, fields", "" inside quotes, CRLF line ends and blank lines.
 */
function parseCsvRecords(text: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = (): void => {
    fields.push(field);
    if (fields.length > 1 || fields[0].trim() !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
    }
  }
  if (quoted) throw new Error(`${CSV_FILE}:${recordLine}: a quoted field is never closed`);
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/** The number in a field, or undefined if it holds something else. */
function parseNumber(field: string): number | undefined {
  const trimmed = field.trim();
  const value = Number(trimmed);
  return trimmed === '' || !Number.isFinite(value) ? undefined : value;
}

/** Reads CSV_FILE into Examples; throws one Error listing every bad row with its line number. */
function readCsvExamples(): Examples {
  const text = fs.readFileSync(path.join(__dirname, CSV_FILE), 'utf8').replace(/^\uFEFF/, '');
  const records = parseCsvRecords(text).slice(HAS_HEADER ? 1 : 0);
  const examples: Examples = { features: [], targets: [] };
  const problems: string[] = [];
  for (const { line, fields } of records) {
    const where = `${CSV_FILE}:${line}`;
    if (fields.length !== COLUMN_NAMES.length) {
      problems.push(`${where}: expected ${COLUMN_NAMES.length} columns, found ${fields.length}`);
      continue;
    }
    const row: number[] = [];
    for (const column of FEATURE_COLUMNS) {
      const value = parseNumber(fields[column]);
      if (value === undefined) {
        problems.push(`${where}: column ${COLUMN_NAMES[column]}: "${fields[column]}" is not a number`);
      } else {
        row.push(value);
      }
    }
    const target = CLASSES.indexOf(fields[TARGET_COLUMN].trim());
    if (target < 0) {
      const value = fields[TARGET_COLUMN].trim();
      problems.push(`${where}: column ${COLUMN_NAMES[TARGET_COLUMN]}: "${value}" is not one of ${CLASSES.join(', ')}`);
      continue;
    }
    if (row.length === N_FEATURES) {
      examples.features.push(row);
      examples.targets.push(target);
    }
  }
  if (problems.length > 0) {
    const listed = problems.slice(0, 20).join('\n');
    const more = problems.length > 20 ? `\n… and ${problems.length - 20} more` : '';
    throw new Error(`${CSV_FILE} has ${problems.length} bad value(s); fix or delete these rows:\n${listed}${more}`);
  }
  if (examples.targets.length === 0) throw new Error(`${CSV_FILE} has no data rows.`);
  return examples;
}

/** Share of the examples kept aside to measure how well the model generalises; never trained on. */
const VALIDATION_FRACTION = 0.2;

/** Shuffles the examples (seeded, so classes are mixed) and splits off the validation set. */
function splitValidation(examples: Examples, rand: () => number): { train: Examples; validation: Examples } {
  const order = examples.targets.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const nValidation = Math.round(order.length * VALIDATION_FRACTION);
  const pick = (indices: number[]): Examples => ({
    features: indices.map((i) => examples.features[i]),
    targets: indices.map((i) => examples.targets[i]),
  });
  return { train: pick(order.slice(nValidation)), validation: pick(order.slice(0, nValidation)) };
}

/** One-hot rows over the N_CLASSES classes, as softmax + categorical cross-entropy expect. */
function targetTensor(targets: number[]): tf.Tensor {
  return tf.oneHot(tf.tensor1d(targets, 'int32'), N_CLASSES).cast('float32');
}

/** The tensors DeepScope trains on: what loadData() returns, beside createModel() and training. */
export interface Dataset {
  x: tf.Tensor;
  y: tf.Tensor;
  validation: { x: tf.Tensor; y: tf.Tensor };
}

export function loadData(): Dataset {
  const rand = seededRandom(SEED);
  const { train, validation } = splitValidation(readCsvExamples(), rand);
  // tf.tidy disposes every tensor created inside it except the ones returned: no leak per run.
  return tf.tidy(() => {
    const x = tf.tensor2d(train.features, [train.features.length, N_FEATURES]);
    const xValidation = tf.tensor2d(validation.features, [validation.features.length, N_FEATURES]);
    // Centering (topic preprocessing-centering): subtract the mean of each input column, as the notes always
    // do, so inputs are around zero rather than all of one sign (which biases every update of the first
    // layer the same way). The mean comes from the training split only and is applied to validation too;
    // apply the same mean to any new input you predict on. The notes centre but do not rescale.
    const mean = x.mean(0);
    return {
      x: x.sub(mean),
      y: targetTensor(train.targets),
      validation: { x: xValidation.sub(mean), y: targetTensor(validation.targets) },
    };
  });
}

// ---- Model -----------------------------------------------------------------------------------------------

/** The network: dense hidden layers, then one output layer. DeepScope compiles it with `training`. */
export function createModel(): tf.LayersModel {
  // ReLU (topic activation-relu): max(0, x) does not saturate for x > 0, avoids the gradient problems of
  // sigmoid and tanh, and is cheap forward and backward. The notes: "start with ReLU". A unit whose input
  // stays negative outputs 0 and stops learning ("dies"): DeepScope flags dead units.
  // He initialisation (topic init-he): a Gaussian with variance 2/n_in keeps ReLU activations stable from
  // layer to layer; with Xavier's 1/n_in they pile up at 0 deeper in the network.
  // Weights start random, never equal: identical weights would make every unit of a layer compute and learn
  // the same thing (topic init-homogeneous). Seeded, so every run starts from the same weights.
  const model = tf.sequential();

  // Hidden layer 1: 16 units.
  model.add(tf.layers.dense({
    name: 'hidden1',
    inputShape: [N_FEATURES],
    units: 16,
    activation: 'relu',
    kernelInitializer: tf.initializers.heNormal({ seed: SEED + 1 }),
  }));

  // Hidden layer 2: 16 units.
  model.add(tf.layers.dense({
    name: 'hidden2',
    units: 16,
    activation: 'relu',
    kernelInitializer: tf.initializers.heNormal({ seed: SEED + 2 }),
  }));

  // Output: one unit per class; softmax turns the scores into probabilities.
  // Xavier initialisation (topic init-xavier) fits it: the scores are linear before the softmax.
  model.add(tf.layers.dense({
    name: 'output',
    units: N_CLASSES,
    activation: 'softmax',
    kernelInitializer: tf.initializers.glorotNormal({ seed: SEED + 3 }),
  }));
  return model;
}

// ---- Training --------------------------------------------------------------------------------------------

/** Learning rate at the first epoch: getting its order of magnitude right matters most. */
const LEARNING_RATE = 0.05;
/** Step decay: the learning rate is halved every DROP_EVERY epochs. */
const DROP_EVERY = 5;

/** How DeepScope compiles and fits the model. */
export const training = {
  // Few epochs: 150 flowers are a tiny data set. With these defaults over 60 epochs, the network learnt its 120
  // training flowers by heart: training accuracy 100%, validation loss up from 0.18 (epoch 13) to 0.32 as the
  // network grew sure of the few flowers it gets wrong (overfitting). Dropout, the notes' regulariser (topic
  // reg-dropout), did not stop it here (0.2 after each layer: 0.20 → 0.49); stopping before the climb does.
  epochs: 20,
  // SGD (topic optim-sgd) estimates the loss and its gradient on mini-batches of 16 examples:
  // cheap, noisy steps instead of one exact step per epoch.
  batchSize: 16,
  // Softmax output + categorical cross-entropy: the loss of predicted class probabilities.
  loss: 'categoricalCrossentropy',
  metrics: ['accuracy'],
  // SGD with Nesterov momentum 0.9 (topics optim-momentum, optim-nesterov): stepping along a running average
  // of the gradients smooths the noise of mini-batch estimates, avoids zigzags where the loss is steep one way
  // and flat the other, and keeps moving where the gradient fades (saddle points, topic optim-saddle-points).
  // Nesterov takes the gradient one step ahead, at w + ρ·v. The notes put ρ between 0.9 and 0.99.
  optimizer: () => tf.train.momentum(LEARNING_RATE, 0.9, true),
  // Step decay (topic lr-step-decay): lower the learning rate periodically, every n epochs, so late steps
  // settle into a minimum instead of bouncing around it.
  learningRate: (epoch: number) => LEARNING_RATE * Math.pow(0.5, Math.floor(epoch / DROP_EVERY)),
};
