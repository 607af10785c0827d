/** The data plumbing shared by every template: the Examples shape, the validation split and loadData. */
import type { ScaffoldOptions } from '../scaffoldOptions';
import { centeringCode } from './centering';
import { lines } from './code';

/** Placed before the template's data code, which returns this shape. */
export function examplesTypePart(): string {
  return lines(
    '/** Inputs (one row of numbers per example) and targets (a class index, or the value to predict). */',
    'interface Examples {',
    '  features: number[][];',
    '  targets: number[];',
    '}',
  );
}

/**
 * `examples`: an expression of type Examples, with `rand` (the seeded generator) in scope.
 * The module must define N_FEATURES, and N_CLASSES for classification.
 */
export function loadDataPart(options: ScaffoldOptions, examples: string): string {
  const centering = centeringCode(options.centerInputs);
  const classification = options.task === 'classification';
  return lines(
    '/** Share of the examples kept aside to measure how well the model generalises; never trained on. */',
    'const VALIDATION_FRACTION = 0.2;',
    '',
    '/** Shuffles the examples (seeded, so classes are mixed) and splits off the validation set. */',
    'function splitValidation(examples: Examples, rand: () => number): { train: Examples; validation: Examples } {',
    '  const order = examples.targets.map((_, i) => i);',
    '  for (let i = order.length - 1; i > 0; i--) {',
    '    const j = Math.floor(rand() * (i + 1));',
    '    [order[i], order[j]] = [order[j], order[i]];',
    '  }',
    '  const nValidation = Math.round(order.length * VALIDATION_FRACTION);',
    '  const pick = (indices: number[]): Examples => ({',
    '    features: indices.map((i) => examples.features[i]),',
    '    targets: indices.map((i) => examples.targets[i]),',
    '  });',
    '  return { train: pick(order.slice(nValidation)), validation: pick(order.slice(0, nValidation)) };',
    '}',
    '',
    classification
      ? '/** One-hot rows over the N_CLASSES classes, as softmax + categorical cross-entropy expect. */'
      : '/** A column of target values, one row per example. */',
    'function targetTensor(targets: number[]): tf.Tensor {',
    classification
      ? "  return tf.oneHot(tf.tensor1d(targets, 'int32'), N_CLASSES).cast('float32');"
      : '  return tf.tensor2d(targets, [targets.length, 1]);',
    '}',
    '',
    '/** The tensors DeepScope trains on: what loadData() returns, beside createModel() and training. */',
    'export interface Dataset {',
    '  x: tf.Tensor;',
    '  y: tf.Tensor;',
    '  validation: { x: tf.Tensor; y: tf.Tensor };',
    '}',
    '',
    'export function loadData(): Dataset {',
    '  const rand = seededRandom(SEED);',
    `  const { train, validation } = splitValidation(${examples}, rand);`,
    '  // tf.tidy disposes every tensor created inside it except the ones returned: no leak per run.',
    '  return tf.tidy(() => {',
    '    const x = tf.tensor2d(train.features, [train.features.length, N_FEATURES]);',
    '    const xValidation = tf.tensor2d(validation.features, [validation.features.length, N_FEATURES]);',
    centering.statements,
    '    return {',
    `      x: ${centering.x},`,
    '      y: targetTensor(train.targets),',
    `      validation: { x: ${centering.xValidation}, y: targetTensor(validation.targets) },`,
    '    };',
    '  });',
    '}',
  );
}
