/** A one-line summary of ScaffoldOptions, for messages after scaffolding. */
import { ACTIVATIONS, type Choice, INITIALIZERS, OPTIMIZERS, SCHEDULES, TEMPLATES } from './choices';
import type { ScaffoldOptions } from './scaffoldOptions';

const labelOf = <T>(choices: readonly Choice<T>[], value: T): string =>
  choices.find((c) => c.value === value)?.label ?? String(value);

/** e.g. "Spiral (3 classes), classification; hidden layers 64, 64; ReLU; He normal; SGD + Nesterov momentum (0.9); step decay from 0.1" */
export function describeOptions(options: ScaffoldOptions): string {
  const template = TEMPLATES.find((t) => t.name === options.template)?.label ?? options.template;
  const hidden = options.hiddenUnits.length === 0 ? 'no hidden layer' : `hidden layers ${options.hiddenUnits.join(', ')}`;
  const extras = [
    options.batchNorm && 'batch norm',
    options.dropout > 0 && `dropout ${options.dropout}`,
    !options.centerInputs && 'inputs not centred',
  ].filter((e): e is string => typeof e === 'string');
  return [
    `${template}, ${options.task}`,
    hidden,
    labelOf(ACTIVATIONS, options.activation),
    labelOf(INITIALIZERS, options.initializer),
    labelOf(OPTIMIZERS, options.optimizer),
    `${labelOf(SCHEDULES, options.schedule).toLowerCase()} from ${options.learningRate}`,
    ...extras,
  ].join('; ');
}
