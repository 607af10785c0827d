/**
 * The broken examples DeepScope ships (examples/broken/ in its folder, kept in the VSIX): one classic training bug
 * each, what the diagnosis finds and the quick fix it offers (examples/broken/README.md has the same table).
 */
export interface BrokenExample {
  readonly file: string;
  readonly finding: string;
  readonly fix: string;
}

export const BROKEN_EXAMPLES: readonly BrokenExample[] = [
  { file: 'sigmoid-everywhere.ts', finding: 'vanishing-gradients on the first layer', fix: 'ReLU in every hidden layer' },
  { file: 'zero-init.ts', finding: 'symmetric-neurons on each layer', fix: 'He normal initialisation' },
  { file: 'learning-rate-too-high.ts', finding: 'nan-loss on the optimiser', fix: 'learning rate ÷ 10' },
];

/** Where a broken example goes in the user's workspace, relative to its folder. */
export const brokenExamplePath = (example: BrokenExample): string => `broken/${example.file}`;
