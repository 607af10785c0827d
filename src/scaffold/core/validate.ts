/** Checks ScaffoldOptions before generating, so no front end can produce a module that cannot work. */
import { activations, initializers, optimizers, schedules, templates } from './choices';
import type { ScaffoldOptions } from './scaffoldOptions';

const isPositiveInteger = (n: number): boolean => Number.isInteger(n) && n > 0;

function csvProblems(options: ScaffoldOptions): string[] {
  const csv = options.csv;
  if (csv === undefined) return options.template === 'csv' ? ['the csv template needs a CSV file'] : [];
  const problems: string[] = [];
  const width = csv.columnNames.length;
  const inRange = (c: number): boolean => Number.isInteger(c) && c >= 0 && c < width;
  if (csv.relativePath.trim() === '') problems.push('the CSV path is empty');
  if (csv.featureColumns.length === 0) problems.push('choose at least one feature column');
  if (!csv.featureColumns.every(inRange)) problems.push(`feature columns must be between 0 and ${width - 1}`);
  if (new Set(csv.featureColumns).size !== csv.featureColumns.length) problems.push('a feature column is repeated');
  if (!inRange(csv.targetColumn)) problems.push(`the target column must be between 0 and ${width - 1}`);
  if (csv.featureColumns.includes(csv.targetColumn)) problems.push('the target column cannot also be a feature');
  if (options.task === 'classification' && (csv.classes?.length ?? 0) < 2) {
    problems.push('classification needs at least 2 classes in the target column');
  }
  return problems;
}

/** Every problem with `options`, as short lower-case phrases; empty when they are fine. */
export function optionProblems(options: ScaffoldOptions): string[] {
  const problems: string[] = [];
  const template = templates().find((t) => t.name === options.template);
  if (template === undefined) return [`unknown template "${String(options.template)}"`];
  if (!template.tasks.includes(options.task)) {
    problems.push(`the ${template.name} template does ${template.tasks.join(' or ')}, not ${String(options.task)}`);
  }
  const known = <T>(list: readonly { value: T }[], value: T, what: string): void => {
    if (!list.some((c) => c.value === value)) problems.push(`unknown ${what} "${String(value)}"`);
  };
  known(activations(), options.activation, 'activation');
  known(initializers(), options.initializer, 'initializer');
  known(optimizers(), options.optimizer, 'optimizer');
  known(schedules(), options.schedule, 'schedule');
  if (!options.hiddenUnits.every(isPositiveInteger)) problems.push('hidden layer sizes must be positive integers');
  if (!(Number.isFinite(options.learningRate) && options.learningRate > 0)) {
    problems.push('the learning rate must be a positive number');
  }
  if (!(options.dropout >= 0 && options.dropout < 1)) problems.push('the dropout rate must be in [0, 1)');
  if (!isPositiveInteger(options.epochs)) problems.push('epochs must be a positive integer');
  if (!isPositiveInteger(options.batchSize)) problems.push('the batch size must be a positive integer');
  if (!Number.isInteger(options.seed)) problems.push('the seed must be an integer');
  return [...problems, ...csvProblems(options)];
}
