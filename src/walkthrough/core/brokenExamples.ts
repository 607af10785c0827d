/**
 * The broken examples DeepScope ships (examples/broken/ in its folder, kept in the VSIX): one classic training bug
 * each, what the diagnosis finds and the quick fix it offers (examples/broken/README.md has the same table).
 * The finding and the fix are said in the display language (`l10n.t`), rule ids and file names stay as they are.
 */
import * as l10n from '@vscode/l10n';

export interface BrokenExample {
  readonly file: string;
  readonly finding: string;
  readonly fix: string;
}

export const brokenExamples = (): readonly BrokenExample[] => [
  { file: 'sigmoid-everywhere.ts', finding: l10n.t('vanishing-gradients on the first layer'), fix: l10n.t('ReLU in every hidden layer') },
  { file: 'zero-init.ts', finding: l10n.t('symmetric-neurons on each layer'), fix: l10n.t('He normal initialisation') },
  { file: 'learning-rate-too-high.ts', finding: l10n.t('nan-loss on the optimiser'), fix: l10n.t('learning rate ÷ 10') },
];

/** Where a broken example goes in the user's workspace, relative to its folder. */
export const brokenExamplePath = (example: BrokenExample): string => `broken/${example.file}`;
