/** A one-line summary of ScaffoldOptions, for messages after scaffolding. */
import { activations, type Choice, initializers, optimizers, schedules, templates } from './choices';
import * as l10n from '@vscode/l10n';
import type { ScaffoldOptions } from './scaffoldOptions';

const labelOf = <T>(choices: readonly Choice<T>[], value: T): string =>
  choices.find((c) => c.value === value)?.label ?? String(value);

/** e.g. "Spiral (3 classes), classification; hidden layers 64, 64; ReLU; He normal; SGD + Nesterov momentum (0.9); step decay from 0.1" */
export function describeOptions(options: ScaffoldOptions): string {
  const template = templates().find((t) => t.name === options.template)?.label ?? options.template;
  const hidden = options.hiddenUnits.length === 0 ? l10n.t('no hidden layer') : l10n.t('hidden layers {0}', options.hiddenUnits.join(', '));
  const extras = [
    options.batchNorm && l10n.t('batch norm'),
    options.dropout > 0 && l10n.t('dropout {0}', options.dropout),
    !options.centerInputs && l10n.t('inputs not centred'),
  ].filter((e): e is string => typeof e === 'string');
  return [
    `${template}, ${options.task === 'classification' ? l10n.t('classification') : l10n.t('regression')}`,
    hidden,
    labelOf(activations(), options.activation),
    labelOf(initializers(), options.initializer),
    labelOf(optimizers(), options.optimizer),
    l10n.t('{0} from {1}', labelOf(schedules(), options.schedule).toLowerCase(), options.learningRate),
    ...extras,
  ].join(l10n.t('; ')); // French puts a space before the semicolon
}
