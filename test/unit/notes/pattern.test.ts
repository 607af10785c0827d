/** The grammar of the `symbols` entries of topic files (src/notes/core/symbols/pattern.ts). */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { magnitudeClass } from '../../../src/notes/core/symbols/match';
import { parsePattern, specificity } from '../../../src/notes/core/symbols/pattern';

describe('parsePattern', () => {
  test('names, bare names, slots, calls and methods', () => {
    assert.deepEqual(parsePattern('nn.ReLU', 'python').pattern, { kind: 'name', chain: ['nn', 'ReLU'], method: false });
    assert.deepEqual(parsePattern('StepLR', 'python').pattern, { kind: 'name', chain: ['StepLR'], method: false });
    assert.deepEqual(parsePattern("activation: 'relu'", 'js').pattern, { kind: 'slot', key: 'activation', value: { kind: 'string', value: 'relu' } });
    assert.deepEqual(parsePattern('training=False', 'python').pattern, { kind: 'slot', key: 'training', value: { kind: 'boolean', value: false } });
    assert.deepEqual(parsePattern('weight_decay=...', 'python'), { pattern: { kind: 'slot', key: 'weight_decay' }, head: 0 });
    assert.deepEqual(parsePattern('torch.nn.functional.relu', 'python').pattern, { kind: 'name', chain: ['torch', 'F', 'relu'], method: false });
    const nesterov = parsePattern('tf.train.momentum(learningRate, momentum, true)', 'js');
    assert.equal(nesterov.head, 'tf.train.'.length);
    assert.deepEqual(nesterov.pattern, {
      kind: 'name',
      chain: ['tf', 'train', 'momentum'],
      method: false,
      call: { positional: new Map([[2, { kind: 'boolean', value: true }]]), keywords: new Map(), arity: 3 },
    });
    const sgd = parsePattern('optim.SGD(params, momentum=0.9, nesterov=True)', 'python').pattern;
    assert.equal(specificity(sgd), 2);
    const small = parsePattern('tf.initializers.randomNormal({stddev: 0.01})', 'js').pattern;
    assert.equal(small.kind === 'name' && small.call?.keywords.get('stddev')?.kind, 'number');
    assert.deepEqual(parsePattern('.train(False)', 'python').pattern, {
      kind: 'name',
      chain: ['train'],
      method: true,
      call: { positional: new Map([[0, { kind: 'boolean', value: false }]]), keywords: new Map(), arity: 1 },
    });
  });

  test('rejects what is not a symbol, saying why', () => {
    assert.throws(() => parsePattern('', 'js'), /is empty/);
    assert.throws(() => parsePattern('.eval', 'python'), /must show its call/);
    assert.throws(() => parsePattern('activation: relu', 'js'), /must be a single literal/);
    assert.throws(() => parsePattern('tf.relu(x', 'js'), /must end with the closing parenthesis/);
    assert.throws(() => parsePattern('tf.relu(x) + 1', 'js'), /must end with the closing parenthesis/);
    assert.throws(() => parsePattern('nn.ReLU # comment', 'python'), /contains a comment/);
    assert.throws(() => parsePattern('1 + 1', 'python'), /is not a name/);
  });
});

describe('literals', () => {
  test('numbers compare by magnitude class', () => {
    assert.equal(magnitudeClass(0), 'zero');
    assert.equal(magnitudeClass(0.9), 'below-one');
    assert.equal(magnitudeClass(-0.01), 'below-one');
    assert.equal(magnitudeClass(1), 'one-or-more');
    assert.equal(magnitudeClass(2.5), 'one-or-more');
  });
});
