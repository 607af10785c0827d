/** Every message from a lab webview is checked for shape before the host looks at it; restored state too. */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFromLab, parseLabState, parseRawParams } from '../../../src/labs/core/labPanelProtocol';

test('accepts the four message types with valid payloads', () => {
  assert.deepEqual(parseFromLab({ type: 'ready' }), { type: 'ready' });
  assert.deepEqual(parseFromLab({ type: 'stop' }), { type: 'stop' });
  assert.deepEqual(parseFromLab({ type: 'openNote', topic: 'init-he' }), { type: 'openNote', topic: 'init-he' });
  assert.deepEqual(parseFromLab({ type: 'run', params: { kappa: 10, activation: 'relu' } }), { type: 'run', params: { kappa: 10, activation: 'relu' } });
});

test('drops unknown types, unknown topics and anything that is not a message object', () => {
  for (const value of [null, undefined, 42, 'run', [], { type: 'exec' }, { type: 'openNote', topic: 'rm -rf' }, { type: 'openNote', topic: 7 }, { type: 'run' }]) {
    assert.equal(parseFromLab(value), undefined, JSON.stringify(value));
  }
});

test('run parameters: finite numbers and bounded strings under camelCase names only', () => {
  assert.equal(parseRawParams({ kappa: Number.NaN }), undefined);
  assert.equal(parseRawParams({ kappa: Number.POSITIVE_INFINITY }), undefined);
  assert.equal(parseRawParams({ kappa: true }), undefined);
  assert.equal(parseRawParams({ kappa: { valueOf: 3 } }), undefined);
  assert.equal(parseRawParams({ text: 'x'.repeat(20_001) }), undefined);
  assert.equal(parseRawParams(JSON.parse('{"__proto__": 1}')), undefined);
  assert.equal(parseRawParams({ 'lr-scale': 1 }), undefined);
  assert.equal(parseRawParams(Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`p${i}`, i]))), undefined);
  assert.equal(parseRawParams([1, 2]), undefined);
  assert.deepEqual(parseRawParams({}), {});
});

test('the parsed parameters are a copy: later changes to the message do not reach them', () => {
  const raw: Record<string, unknown> = { kappa: 10 };
  const params = parseRawParams(raw);
  raw.kappa = 1e9;
  assert.deepEqual(params, { kappa: 10 });
});

test('restored state: a known lab, its parameters if well-formed (else none)', () => {
  assert.deepEqual(parseLabState({ lab: 'optimizers', params: { kappa: 10 } }), { lab: 'optimizers', params: { kappa: 10 } });
  assert.deepEqual(parseLabState({ lab: 'attention', params: { length: 'x'.repeat(30_000) } }), { lab: 'attention', params: {} });
  assert.deepEqual(parseLabState({ lab: 'text' }), { lab: 'text', params: {} });
  assert.equal(parseLabState({ lab: 'no-such-lab', params: {} }), undefined);
  assert.equal(parseLabState(undefined), undefined);
  assert.equal(parseLabState('weight-init'), undefined);
});
