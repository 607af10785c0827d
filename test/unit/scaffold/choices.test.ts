/** The menus and the defaults: what the quick picks and `deepscope help new` offer. */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { activations, type Choice, initializers, optimizers, schedules, templates, defaultOptions } from '../../../src/scaffold/core/choices';
import { TOPIC_IDS } from '../../../src/notes/core/topicIds';
import { optionProblems } from '../../../src/scaffold/core/validate';

const values = <T>(list: readonly Choice<T>[]): T[] => list.map((c) => c.value);
const recommended = <T>(list: readonly Choice<T>[]): T[] => list.filter((c) => c.recommended === true).map((c) => c.value);

test('each menu lists every value once, the one recommended default first', () => {
  assert.deepEqual(values(activations()), ['relu', 'leakyRelu', 'prelu', 'elu', 'tanh', 'sigmoid']);
  assert.deepEqual(values(initializers()), ['heNormal', 'heUniform', 'glorotNormal', 'glorotUniform']);
  assert.deepEqual(values(optimizers()), ['nesterov', 'momentum', 'sgd', 'adam']);
  assert.deepEqual(values(schedules()), ['step', 'exponential', 'inverseTime', 'constant']);
  assert.deepEqual(templates().map((t) => t.name), ['spiral', 'moons', 'blobs', 'sine', 'iris', 'csv']);
  const lists: readonly (readonly Choice<string>[])[] = [activations(), initializers(), optimizers(), schedules()];
  for (const list of lists) {
    assert.deepEqual(recommended(list), [list[0]?.value]);
  }
});

test('every choice has a label, a detail and a known topic; only tanh and sigmoid warn', () => {
  const known: readonly string[] = TOPIC_IDS;
  for (const choice of [...activations(), ...initializers(), ...optimizers(), ...schedules()] as Choice<string>[]) {
    assert.ok(choice.label.length > 0 && choice.detail.length > 10, choice.value);
    assert.ok(known.includes(choice.topic), `${choice.value}: ${choice.topic}`);
  }
  assert.deepEqual(activations().filter((c) => c.warning !== undefined).map((c) => c.value), ['tanh', 'sigmoid']);
  assert.match(activations().find((c) => c.value === 'sigmoid')?.warning ?? '', /not zero-centred.*not to use it/);
  assert.match(activations().find((c) => c.value === 'tanh')?.warning ?? '', /zero-centred.*saturates.*miracles/);
});

test('templates: tasks and their default', () => {
  const tasks = Object.fromEntries(templates().map((t) => [t.name, [t.defaultTask, ...t.tasks]]));
  assert.deepEqual(tasks, {
    spiral: ['classification', 'classification'],
    moons: ['classification', 'classification'],
    blobs: ['classification', 'classification'],
    sine: ['regression', 'regression'],
    iris: ['classification', 'classification', 'regression'],
    csv: ['classification', 'classification', 'regression'],
  });
});

test('defaultOptions: the recommended choices, centred inputs, no batch norm or dropout, seed 42', () => {
  for (const template of templates()) {
    const options = defaultOptions(template.name);
    assert.equal(options.template, template.name);
    assert.equal(options.task, template.defaultTask);
    assert.deepEqual(
      [options.activation, options.initializer, options.optimizer, options.schedule, options.centerInputs, options.batchNorm, options.dropout, options.seed],
      ['relu', 'heNormal', 'nesterov', 'step', true, false, 0, 42],
    );
    assert.ok(options.hiddenUnits.length > 0 && options.epochs > 0 && options.batchSize > 0 && options.learningRate > 0);
    if (template.name !== 'csv') assert.deepEqual(optionProblems(options), [], template.name);
  }
  assert.deepEqual(defaultOptions('spiral').hiddenUnits, [64, 64]);
});

test('defaultOptions: iris gets its CSV source for either task; wrong tasks are refused', () => {
  const classification = defaultOptions('iris');
  assert.deepEqual([classification.csv?.featureColumns, classification.csv?.targetColumn, classification.csv?.classes], [[0, 1, 2, 3], 4, ['setosa', 'versicolor', 'virginica']]);
  const regression = defaultOptions('iris', 'regression');
  assert.deepEqual([regression.csv?.featureColumns, regression.csv?.targetColumn, regression.csv?.classes], [[0, 1, 2], 3, undefined]);
  assert.equal(defaultOptions('csv', 'regression').csv, undefined);
  assert.throws(() => defaultOptions('spiral', 'regression'), /spiral template does classification, not regression/);
  assert.throws(() => defaultOptions('sine', 'classification'), /regression, not classification/);
});
