import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { noteCommandUri } from '../../src/notes/core/noteLinks';
import type { TopicId } from '../../src/notes/core/topicIds';
import { activateDeepScope } from './activate';

/** DeepScope's hovers carry this mark in their title line (other providers, e.g. TypeScript's, do not). */
const MARK = '· DeepScope';

/**
 * Hover texts at the first character of `marker` in an untitled document (nothing is written to
 * disk). Other providers answer too; only DeepScope's texts are returned.
 */
async function deepScopeHovers(language: string, content: string, marker: string): Promise<string[]> {
  const offset = content.indexOf(marker);
  assert.ok(offset >= 0, `"${marker}" is not in the document`);
  const document = await vscode.workspace.openTextDocument({ language, content });
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    document.uri,
    document.positionAt(offset),
  );
  return hovers
    .flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)))
    .filter((text) => text.includes(MARK));
}

async function assertHover(language: string, content: string, marker: string, title: string, topic: TopicId): Promise<void> {
  const texts = await deepScopeHovers(language, content, marker);
  assert.equal(texts.length, 1, `expected one DeepScope hover on "${marker}", got ${texts.length}`);
  const [text] = texts;
  assert.ok(text.startsWith(`**${title}** ${MARK}`), `hover on "${marker}" shows:\n${text}`);
  assert.ok(text.includes(`[Read the full note](${noteCommandUri(topic)})`), `no note link for ${topic} in:\n${text}`);
}

const TFJS = [
  "import * as tf from '@tensorflow/tfjs';",
  '',
  'export function createModel(): tf.LayersModel {',
  '  const model = tf.sequential();',
  "  model.add(tf.layers.dense({ units: 16, inputShape: [2], activation: 'relu', kernelInitializer: 'heNormal' }));",
  '  model.add(tf.layers.dense({ units: 3, activation: "softmax" }));',
  '  return model;',
  '}',
  '',
  'export const training = {',
  '  optimizer: () => tf.train.momentum(0.05, 0.9, true),',
  '};',
  'const relu = (x: number) => Math.max(0, x);',
  'console.log(relu(2));',
].join('\n');

const PYTHON = [
  'import torch',
  'from torch import nn, optim',
  'from torch.optim.lr_scheduler import StepLR',
  'from tensorflow import keras',
  '',
  'model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 3))',
  "nn.init.kaiming_normal_(model[0].weight, nonlinearity='relu')",
  'optimizer = optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True)',
  'scheduler = StepLR(optimizer, step_size=10, gamma=0.5)',
  'norm = keras.layers.BatchNormalization()',
  'epochs = 20',
].join('\n');

describe('hovers from the lecture notes', () => {
  before(async () => {
    await activateDeepScope();
  });

  afterEach(async () => {
    await vscode.workspace.getConfiguration('deepscope').update('language', undefined, vscode.ConfigurationTarget.Global);
  });

  it("shows ReLU on 'relu' in a TypeScript model", async () => {
    await assertHover('typescript', TFJS, "relu'", 'ReLU \\(Rectified Linear Unit\\)', 'activation-relu');
  });

  it('shows He initialisation on heNormal', async () => {
    await assertHover('typescript', TFJS, 'heNormal', 'He initialisation', 'init-he');
  });

  it('shows Nesterov momentum on tf.train.momentum(0.05, 0.9, true)', async () => {
    await assertHover('typescript', TFJS, 'momentum(0.05', 'Nesterov momentum', 'optim-nesterov');
  });

  it('shows the summary, the key points and the recommended default', async () => {
    const [text] = await deepScopeHovers('typescript', TFJS, 'momentum(0.05');
    assert.match(text, /takes the gradient one step ahead/);
    assert.match(text, /^- /m, 'no key points');
    assert.match(text, /\*\*Recommended:\*\* SGD with Nesterov momentum/);
  });

  it('shows ReLU on nn.ReLU, He on kaiming_normal_, Nesterov on SGD(…, nesterov=True)', async () => {
    await assertHover('python', PYTHON, 'ReLU()', 'ReLU \\(Rectified Linear Unit\\)', 'activation-relu');
    await assertHover('python', PYTHON, 'kaiming_normal_', 'He initialisation', 'init-he');
    await assertHover('python', PYTHON, 'SGD(model', 'Nesterov momentum', 'optim-nesterov');
  });

  it('shows step decay on StepLR and batch normalisation on keras.layers.BatchNormalization', async () => {
    await assertHover('python', PYTHON, 'StepLR(optimizer', 'Learning rate schedule: step decay', 'lr-step-decay');
    await assertHover('python', PYTHON, 'BatchNormalization', 'Batch normalisation', 'batch-norm');
  });

  it('shows nothing on unrelated identifiers or on a local function named relu; softmax, which the notes do not cover, is marked beyond them', async () => {
    assert.deepEqual(await deepScopeHovers('typescript', TFJS, 'relu = '), []);
    const [softmax, ...others] = await deepScopeHovers('typescript', TFJS, 'softmax');
    assert.ok(softmax?.startsWith('**Softmax** · DeepScope · *beyond the notes*'), softmax);
    assert.deepEqual(others, []);
    assert.deepEqual(await deepScopeHovers('typescript', TFJS, 'createModel'), []);
    assert.deepEqual(await deepScopeHovers('python', PYTHON, 'epochs'), []);
    assert.deepEqual(await deepScopeHovers('python', PYTHON, 'scheduler ='), []);
  });

  it('follows the deepscope.language setting', async () => {
    await vscode.workspace.getConfiguration('deepscope').update('language', 'fr', vscode.ConfigurationTarget.Global);
    const [text] = await deepScopeHovers('python', PYTHON, 'kaiming_normal_');
    assert.ok(text.startsWith(`**Initialisation de He** ${MARK}`), text);
    assert.ok(text.includes('[Lire la note complète]('), text);
  });
});
