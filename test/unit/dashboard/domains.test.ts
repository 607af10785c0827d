import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { linearDomain, logDomain, scaleParams, stepDomain, union } from '../../../webviews/dashboard/domains';

test('a linear domain is the extent rounded outward to a nice step, so a value inside the last tick does not change it', () => {
  assert.deepEqual(linearDomain([0.13, 0.87]), [0, 1]);
  assert.deepEqual(linearDomain([-3.2, 41]), [-10, 50]);
  assert.deepEqual(linearDomain([2, 2]), [1, 3]);
  assert.equal(linearDomain([Number.NaN]), undefined);
});

test('a log domain spans whole decades of the positive values', () => {
  assert.deepEqual(logDomain([0.004, 0.02, 0, -1]), [1e-3, 1e-1]);
  assert.deepEqual(logDomain([1e-3]), [1e-3, 1e-2]);
  assert.equal(logDomain([0, -2]), undefined);
  assert.deepEqual(union([1, 2], [0, 1.5]), [0, 2]);
});

test('the step axis spans the run when its length is known, and grows by half past it', () => {
  assert.deepEqual(stepDomain(600, 10), [0, 600]);
  assert.deepEqual(stepDomain(0, undefined), [0, 1]);
  assert.deepEqual(stepDomain(0, 100), [0, 150]);
  // Kept while it covers the last step: no new domain on every update.
  assert.deepEqual(stepDomain(0, 120, [0, 150]), [0, 150]);
});

test('streamed rows widen the previous domains, per cell for the activation bands', () => {
  const rows = [
    { layer: 'a', step: 3, p0: -0.9, p100: 1 },
    { layer: 'b', step: 4, p0: 0, p100: 8 },
  ];
  const first = scaleParams({ y: 'perCell' }, rows, 100);
  assert.deepEqual(first, { xDomain: [0, 100], yDomains: { a: [-1, 1], b: [0, 8] } });
  const next = scaleParams({ y: 'perCell' }, [{ layer: 'a', step: 5, p0: -2, p100: 0 }], 100, first);
  assert.deepEqual(next.yDomains, { a: [-2, 1], b: [0, 8] });
  const log = scaleParams({ y: 'log', guide: 1e-3 }, [{ step: 1, value: 0.05 }], 100);
  assert.deepEqual(log, { xDomain: [0, 100], yDomain: [1e-3, 1e-1] });
});
