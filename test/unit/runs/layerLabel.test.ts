import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { layerLabel } from '../../../src/runs/core/layerLabel';

const layers = [
  { name: '0', className: 'Linear', outputShape: [null, 64], paramCount: 192 },
  { name: 'features.3', className: 'Conv2d', outputShape: [null, 8, 8, 16], paramCount: 1168 },
  { name: 'Linear', className: 'Linear', outputShape: [null, 1], paramCount: 4 },
  { name: 'dense_Dense1', className: 'Dense', outputShape: [null, 16], paramCount: 48 },
];

test('a PyTorch layer is named by its class and module path; a tfjs one keeps its name', () => {
  const pytorch = { framework: 'pytorch' as const, layers };
  assert.equal(layerLabel(pytorch, '0'), 'Linear (0)');
  assert.equal(layerLabel(pytorch, 'features.3'), 'Conv2d (features.3)');
  assert.equal(layerLabel(pytorch, 'Linear'), 'Linear', 'a model that is one layer is already named by its class');
  assert.equal(layerLabel(pytorch, 'unknown'), 'unknown');
  assert.equal(layerLabel({ framework: 'tfjs', layers }, 'dense_Dense1'), 'dense_Dense1');
  assert.equal(layerLabel({ layers }, '0'), '0', 'logs without a framework are tfjs');
});
