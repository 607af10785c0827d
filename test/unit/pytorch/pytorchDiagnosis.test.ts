/** Findings of PyTorch runs: fixes said in torch's terms, quick fixes that edit the script. */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { Diagnoser } from '../../../src/diagnosis/core/diagnoser';
import { applyEdits, quickFixes } from '../../../src/diagnosis/core/quickFixEdits';
import type { Finding } from '../../../src/diagnosis/core/findings';
import { RUN_LOG_VERSION } from '../../../src/runs/core/runRecord';
import { frame, history, layer, losses, start } from '../diagnosis/synthetic';

const SCRIPT = [
  'import torch',
  'from torch import nn',
  'LR = 0.5',
  'model = nn.Sequential(',
  '    nn.Linear(784, 64),',
  '    nn.Sigmoid(),',
  '    nn.Linear(64, 64),',
  '    nn.Sigmoid(),',
  '    nn.Linear(64, 10),',
  ')',
  'optimizer = torch.optim.SGD(model.parameters(), lr=LR)',
  '',
].join('\n');

/** A sigmoid net whose first layer's gradient is 1e-5 of the last one's, as a PyTorch run logs it. */
function vanishingRun(framework: 'pytorch' | undefined): Finding[] {
  const layers: [string, string, string][] = [['0', 'sigmoid', 'Linear'], ['2', 'sigmoid', 'Linear'], ['4', 'linear', 'Linear']];
  const diagnoser = new Diagnoser(SCRIPT);
  const sources = { '0': 5, '2': 7, '4': 9 } as Record<string, number>;
  const base = start(layers, { modelFile: '/train.py', ...(framework ? { framework } : {}) });
  const withSources = { ...base, layers: base.layers.map((info) => ({ ...info, source: { file: '/train.py', line: sources[info.name], column: 5 } })) };
  diagnoser.add({ type: 'start', version: RUN_LOG_VERSION, startedAt: '2026-12-04T00:00:00Z', producer: 'deepscope-pytorch', ...withSources });
  const grads = (first: number) => frame(0, 0, [layer('0', { kernel: { gradient: first } }), layer('2', { kernel: { gradient: 0.01 } }), layer('4', { kernel: { gradient: 0.13 } })]);
  diagnoser.add({ type: 'probe', ...grads(1.5e-6) });
  diagnoser.add({ type: 'probe', ...grads(1.5e-6), step: 10, epoch: 9 });
  for (const epoch of history(losses(2.3, 2.29, 10))) diagnoser.add({ type: 'epoch', ...epoch });
  return diagnoser.findings();
}

test('a PyTorch run: the vanishing-gradients fix names nn.ReLU and kaiming_normal_, on the line that built the layer', () => {
  const found = vanishingRun('pytorch').find((finding) => finding.rule === 'vanishing-gradients');
  assert.ok(found, 'vanishing gradients found');
  assert.equal(found.line, 5);
  // The layer is named by its class and its module path, not by the bare index ("the gradient of 0").
  assert.match(found.message.en, /the gradient of Linear \(0\) is /);
  assert.match(found.message.fr, /le gradient de Linear \(0\) vaut /);
  assert.match(found.fix.en, /nn\.ReLU\(\)/);
  assert.match(found.fix.en, /kaiming_normal_/);
  assert.match(found.fix.fr, /En PyTorch/);
  const tfjs = vanishingRun(undefined).find((finding) => finding.rule === 'vanishing-gradients');
  assert.ok(tfjs && !/PyTorch/.test(tfjs.fix.en), 'a tfjs run keeps its own words');
  assert.match(tfjs.message.en, /the gradient of 0 is /, 'a tfjs layer keeps its own name');
});

test('PyTorch quick fixes: ReLU for every hidden sigmoid, the saturated one only, lr through its constant, Nesterov momentum', () => {
  const fix = (rule: Finding['rule'], line: number, title: string, topic: Finding['topic'] = 'batch-norm'): string => {
    const found = quickFixes(SCRIPT, { rule, line, topic }, 'python').find((candidate) => candidate.title.en === title);
    assert.ok(found, `no "${title}" for ${rule}`);
    return applyEdits(SCRIPT, found.edits);
  };
  assert.equal(fix('vanishing-gradients', 5, 'Use ReLU in every hidden layer'), SCRIPT.replaceAll('nn.Sigmoid()', 'nn.ReLU()'));
  assert.equal(fix('saturated-activations', 7, 'Use ReLU'), SCRIPT.replace('    nn.Sigmoid(),\n    nn.Linear(64, 10)', '    nn.ReLU(),\n    nn.Linear(64, 10)'));
  assert.equal(fix('diverging-loss', 11, 'Divide the learning rate by 10'), SCRIPT.replace('LR = 0.5', 'LR = 0.05'));
  assert.equal(fix('plateau', 11, 'Multiply the learning rate by 10', 'lr-step-decay'), SCRIPT.replace('LR = 0.5', 'LR = 5'));
  assert.equal(fix('plateau', 11, 'Use Nesterov momentum 0.9', 'optim-saddle-points'), SCRIPT.replace('lr=LR)', 'lr=LR, momentum=0.9, nesterov=True)'));
  assert.deepEqual(quickFixes(SCRIPT, { rule: 'dead-relu', line: 5, topic: 'init-he' }, 'python'), [], 'no inline initialiser in PyTorch: the fix text says the call');
});

test('PyTorch quick fixes: the rate written inline or positionally', () => {
  const inline = 'opt = torch.optim.Adam(net.parameters(), lr=1e-2)\n';
  assert.equal(applyEdits(inline, quickFixes(inline, { rule: 'nan-loss', line: 1, topic: 'lr-step-decay' }, 'python')[0].edits), inline.replace('1e-2', '1e-3'));
  const positional = 'from torch.optim import SGD\nopt = SGD(net.parameters(), 0.1, momentum=0.9)\n';
  assert.equal(applyEdits(positional, quickFixes(positional, { rule: 'nan-loss', line: 2, topic: 'lr-step-decay' }, 'python')[0].edits), positional.replace('0.1,', '0.01,'));
});

