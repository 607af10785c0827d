/** A notebook's code cells are linted as one program; each finding lands in its own cell. */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintCells } from '../../../src/lint/core/notebookLint';

test('a model in one cell and its optimiser in another: findings and fixes in cell offsets', () => {
  const cells = [
    '%matplotlib inline\nimport torch\nfrom torch import nn',
    'model = nn.Sequential(\n    nn.Linear(4, 8),\n    nn.Sigmoid(),\n    nn.Linear(8, 3),\n)',
    '!nvidia-smi\noptimizer = torch.optim.SGD(model.parameters(), lr=0.1)',
  ];
  const [first, second, third] = lintCells(cells);
  assert.deepEqual(first, []);
  const sigmoid = second.find((finding) => finding.rule === 'hidden-saturating-activation');
  assert.ok(sigmoid, `a hidden sigmoid in cell 2; got ${second.map((finding) => finding.rule).join(', ')}`);
  assert.equal(cells[1].slice(sigmoid.start, sigmoid.end).startsWith('nn.Sigmoid'), true);
  const [edit] = sigmoid.fixes[0].edits;
  assert.equal(cells[1].slice(0, edit.start) + edit.text + cells[1].slice(edit.end), cells[1].replace('Sigmoid', 'ReLU'));
  const sgd = third.find((finding) => finding.rule === 'sgd-without-momentum');
  assert.ok(sgd, 'SGD without momentum in cell 3');
  assert.match(cells[2].slice(sgd.start, sgd.end), /SGD/);
});

test('a cell of magics only, and no cells at all', () => {
  assert.deepEqual(lintCells(['%pip install torch']), [[]]);
  assert.deepEqual(lintCells([]), []);
});
