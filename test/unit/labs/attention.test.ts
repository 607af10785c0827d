/**
 * Attention (notes: Sequence to sequence models). Setting: reverse sequences of 6 symbols out of 8,
 * 200 Adam steps of 64 sequences, seed 1. After training the weights of output step i must sit on input
 * position 5 − i: on average above 0.5 at every step (a uniform spread would give 1/6), and at least 90%
 * of 256 test sequences reversed exactly by greedy decoding.
 */
import * as assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { attentionLab } from '../../../src/labs/core/experiments/attention';
import type { AttentionResult } from '../../../src/labs/core/labs';
import { labBackend, withoutLeaks } from './support';

let result: AttentionResult;

before(async () => {
  await labBackend();
  result = await withoutLeaks(() => attentionLab.run({ length: 6, vocabulary: 8, steps: 200 }));
});

test('each output step attends to the mirrored input position', () => {
  assert.ok(result.mirroredWeight > 0.5, `mean weight on n − 1 − i: ${result.mirroredWeight}`);
  result.mirroredByStep.forEach((weight, i) => assert.ok(weight > 0.5, `step ${i}: ${weight}`));
  for (let i = 0; i < 6; i++) {
    const row = Array.from(result.meanWeights.subarray(i * 6, (i + 1) * 6));
    assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-4, 'each row is a distribution');
    assert.equal(row.indexOf(Math.max(...row)), 5 - i);
  }
});

test('the trained model reverses sequences', () => {
  assert.ok(result.sequenceAccuracy >= 0.9, `sequence accuracy ${result.sequenceAccuracy}`);
  assert.deepEqual(Array.from(result.example.output), Array.from(result.example.input).reverse());
  assert.ok(result.losses[result.losses.length - 1] < result.losses[0]);
});
