/**
 * Code being typed is mostly broken: lint every prefix of real model code (a scaffold, the snippets and
 * a file with a finding of each rule) and check that no rule throws and every fix stays inside the text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { defaultOptions } from '../../../src/scaffold/core/choices';
import { generateModule } from '../../../src/scaffold/core/templates';
import type { LintLanguage } from '../../../src/lint/core/types';
import { expandSnippet } from '../snippets/expandSnippet';
import { applyEdits, code, findings } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');

function snippet(file: string, prefix: string): string {
  const snippets = JSON.parse(readFileSync(path.join(ROOT, 'snippets', file), 'utf8')) as Record<string, { prefix: string; body: string[] }>;
  const found = Object.values(snippets).find((candidate) => candidate.prefix === prefix);
  assert.ok(found, prefix);
  return expandSnippet(found.body);
}

const EVERY_FINDING = code`
  import torch
  from torch import nn, optim
  from tensorflow import keras
  net = nn.Sequential(nn.Linear(2, 64), nn.ReLU(), nn.BatchNorm1d(64), nn.Tanh(), nn.Dropout(p=0.9), nn.Linear(64, 1))
  nn.init.zeros_(net[0].weight)
  nn.init.xavier_uniform_(net[5].weight)
  optimizer = optim.SGD(net.parameters(), lr=0.1)
  model = keras.Sequential([keras.layers.Dense(8, activation="sigmoid", kernel_initializer="ones"), keras.layers.Dense(1)])
  for epoch in range(50):
      step(f"{epoch}")
`;

const SAMPLES: readonly [string, LintLanguage, string][] = [
  ['scaffold', 'typescript', generateModule({ ...defaultOptions('moons'), batchNorm: true, dropout: 0.2, activation: 'tanh', optimizer: 'sgd' })],
  ['ds-model', 'javascript', snippet('tfjs.code-snippets', 'ds-model')],
  ['ds-keras-model', 'python', snippet('python.code-snippets', 'ds-keras-model')],
  ['ds-torch-model', 'python', snippet('python.code-snippets', 'ds-torch-model')],
  ['every finding', 'python', EVERY_FINDING],
];

test('every rule fires on the sample that has them all', () => {
  assert.deepEqual(new Set(findings(EVERY_FINDING, 'python').map((f) => f.rule)).size, 7);
});

for (const [name, language, text] of SAMPLES) {
  test(`no rule throws on any prefix of ${name}, and fixes stay in bounds`, () => {
    for (let end = 0; end <= text.length; end += 7) {
      const prefix = text.slice(0, end);
      for (const finding of findings(prefix, language)) {
        assert.ok(finding.start >= 0 && finding.start <= finding.end && finding.end <= prefix.length);
        for (const fix of finding.fixes) {
          assert.ok(fix.edits.every((edit) => edit.start >= 0 && edit.start <= edit.end && edit.end <= prefix.length));
          applyEdits(prefix, fix.edits);
        }
      }
    }
  });
}
