/**
 * Lint in a real extension host: each rule's diagnostic appears on an untitled document, its quick
 * fix (vscode.executeCodeActionProvider + workspace.applyEdit) gives the expected text and clears it,
 * and the settings turn rules off and on.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { lint } from '../../src/lint/core/rules';
import type { LintRuleId } from '../../src/lint/core/types';
import { activateDeepScope } from './activate';

interface Case {
  readonly rule: LintRuleId;
  readonly language: 'typescript' | 'javascript' | 'python';
  readonly content: string;
  /** The text the diagnostic underlines. */
  readonly flagged: string;
  readonly severity: vscode.DiagnosticSeverity;
  readonly fixed: string;
}

const { Warning, Information } = vscode.DiagnosticSeverity;
const lines = (...text: string[]): string => `${text.join('\n')}\n`;

const TFJS_MODEL = (dense: string, rest: string[] = []): string =>
  lines("import * as tf from '@tensorflow/tfjs';", 'const model = tf.sequential();', dense, ...rest, "model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));");

const CASES: readonly Case[] = [
  {
    rule: 'hidden-saturating-activation',
    language: 'typescript',
    content: TFJS_MODEL("model.add(tf.layers.dense({ inputShape: [2], units: 8, activation: 'sigmoid', kernelInitializer: 'heNormal' }));"),
    flagged: "'sigmoid'",
    severity: Warning,
    fixed: TFJS_MODEL("model.add(tf.layers.dense({ inputShape: [2], units: 8, activation: 'relu', kernelInitializer: 'heNormal' }));"),
  },
  {
    rule: 'constant-initializer',
    language: 'python',
    content: lines('from tensorflow import keras', 'hidden = keras.layers.Dense(64, activation="relu", kernel_initializer="zeros")'),
    flagged: '"zeros"',
    severity: Warning,
    fixed: lines('from tensorflow import keras', 'hidden = keras.layers.Dense(64, activation="relu", kernel_initializer="he_normal")'),
  },
  {
    rule: 'glorot-with-relu',
    language: 'python',
    content: lines('from torch import nn', 'layer = nn.Linear(2, 64)', 'nn.init.xavier_uniform_(layer.weight)', 'act = nn.ReLU()'),
    flagged: 'nn.init.xavier_uniform_',
    severity: Information,
    fixed: lines('from torch import nn', 'layer = nn.Linear(2, 64)', 'nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")', 'act = nn.ReLU()'),
  },
  {
    rule: 'sgd-without-momentum',
    language: 'javascript',
    content: lines("import * as tf from '@tensorflow/tfjs';", 'const optimizer = tf.train.sgd(0.1);'),
    flagged: 'tf.train.sgd',
    severity: Information,
    fixed: lines("import * as tf from '@tensorflow/tfjs';", 'const optimizer = tf.train.momentum(0.1, 0.9, true);'),
  },
  {
    rule: 'constant-learning-rate',
    language: 'python',
    content: lines('import torch', 'optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True)', 'for epoch in range(100):', '    train_one_epoch(model, optimizer)'),
    flagged: 'range(100)',
    severity: Information,
    fixed: lines(
      'import torch',
      'optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True)',
      'scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=10, gamma=0.5)',
      'for epoch in range(100):',
      '    train_one_epoch(model, optimizer)',
      '    scheduler.step()',
    ),
  },
  {
    rule: 'high-dropout-rate',
    language: 'python',
    content: lines('from tensorflow.keras import layers', 'drop = layers.Dropout(0.8)'),
    flagged: '0.8',
    severity: Warning,
    fixed: lines('from tensorflow.keras import layers', 'drop = layers.Dropout(0.5)'),
  },
  {
    rule: 'batch-norm-after-activation',
    language: 'typescript',
    content: TFJS_MODEL("model.add(tf.layers.dense({ inputShape: [2], units: 8, activation: 'relu', kernelInitializer: 'heNormal' }));", ['model.add(tf.layers.batchNormalization());']),
    flagged: 'tf.layers.batchNormalization',
    severity: Information,
    fixed: TFJS_MODEL("model.add(tf.layers.dense({ inputShape: [2], units: 8, useBias: false, kernelInitializer: 'heNormal' }));", [
      'model.add(tf.layers.batchNormalization());',
      "model.add(tf.layers.activation({ activation: 'relu' }));",
    ]),
  },
];

function ruleOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
}

function deepScopeDiagnostics(uri: vscode.Uri, rule: LintRuleId): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'DeepScope' && ruleOf(d) === rule);
}

/** Polls until `probe` holds (diagnostics arrive after the debounce, asynchronously). */
async function waitUntil(what: string, probe: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function open(language: Case['language'], content: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language, content });
  await vscode.window.showTextDocument(document);
  return document;
}

async function closeWithoutSaving(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

describe('lint', () => {
  before(async () => {
    await activateDeepScope();
  });

  for (const testCase of CASES) {
    it(`${testCase.rule} (${testCase.language}): diagnostic, quick fix, diagnostic gone`, async () => {
      const document = await open(testCase.language, testCase.content);
      try {
        await waitUntil(`a ${testCase.rule} diagnostic`, () => deepScopeDiagnostics(document.uri, testCase.rule).length > 0);
        const [diagnostic, ...others] = deepScopeDiagnostics(document.uri, testCase.rule);
        assert.equal(others.length, 0);
        assert.equal(document.getText(diagnostic.range), testCase.flagged);
        assert.equal(diagnostic.severity, testCase.severity);
        const target = typeof diagnostic.code === 'object' ? diagnostic.code.target : undefined;
        assert.equal(target?.scheme, 'command');
        assert.equal(target?.path, 'deepscope.openNote');

        const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
          'vscode.executeCodeActionProvider',
          document.uri,
          diagnostic.range,
        );
        // The API command returns actions without their diagnostics: match the fix by its title.
        const title = lint(testCase.content, testCase.language).find((finding) => finding.rule === testCase.rule)?.fixes[0]?.title;
        const fix = actions.find((action): action is vscode.CodeAction => action.title === title && 'edit' in action);
        assert.ok(fix?.edit, `no DeepScope quick fix among: ${actions.map((a) => a.title).join(', ')}`);
        assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind));
        assert.equal(fix.isPreferred, true);
        assert.ok(await vscode.workspace.applyEdit(fix.edit));
        assert.equal(document.getText(), testCase.fixed);
        await waitUntil(`the ${testCase.rule} diagnostic to clear`, () => deepScopeDiagnostics(document.uri, testCase.rule).length === 0);
      } finally {
        await closeWithoutSaving();
      }
    });
  }

  describe('settings', () => {
    const content = lines('import torch', 'drop = torch.nn.Dropout(p=0.9)', 'opt = torch.optim.SGD(model.parameters(), lr=0.1)');

    afterEach(async () => {
      const config = vscode.workspace.getConfiguration('deepscope.lint');
      await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
      await config.update('enabled', undefined, vscode.ConfigurationTarget.Global);
    });

    it('a rule turned off gives no diagnostic, and comes back when turned on again', async () => {
      await vscode.workspace.getConfiguration('deepscope.lint').update('rules', { 'high-dropout-rate': false }, vscode.ConfigurationTarget.Global);
      const document = await open('python', content);
      try {
        await waitUntil('the sgd-without-momentum diagnostic', () => deepScopeDiagnostics(document.uri, 'sgd-without-momentum').length > 0);
        assert.deepEqual(deepScopeDiagnostics(document.uri, 'high-dropout-rate'), []);
        await vscode.workspace.getConfiguration('deepscope.lint').update('rules', undefined, vscode.ConfigurationTarget.Global);
        await waitUntil('the high-dropout-rate diagnostic', () => deepScopeDiagnostics(document.uri, 'high-dropout-rate').length > 0);
      } finally {
        await closeWithoutSaving();
      }
    });

    it('deepscope.lint.enabled: false clears every DeepScope diagnostic', async () => {
      const document = await open('python', content);
      try {
        await waitUntil('the high-dropout-rate diagnostic', () => deepScopeDiagnostics(document.uri, 'high-dropout-rate').length > 0);
        await vscode.workspace.getConfiguration('deepscope.lint').update('enabled', false, vscode.ConfigurationTarget.Global);
        await waitUntil('no DeepScope diagnostic', () => vscode.languages.getDiagnostics(document.uri).every((d) => d.source !== 'DeepScope'));
      } finally {
        await closeWithoutSaving();
      }
    });
  });
});
