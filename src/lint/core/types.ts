/**
 * The VS Code-free vocabulary of DeepScope's lint: rules read a document's text and return findings
 * with offsets, so the same rules serve the editor, the CLI and unit tests.
 */
import type { TopicId } from '../../notes/core/topicIds';

/** Stable rule ids: settings (`deepscope.lint.rules`) and diagnostic codes use them. */
export const LINT_RULE_IDS = [
  'hidden-saturating-activation',
  'constant-initializer',
  'glorot-with-relu',
  'sgd-without-momentum',
  'constant-learning-rate',
  'high-dropout-rate',
  'batch-norm-after-activation',
] as const;

export type LintRuleId = (typeof LINT_RULE_IDS)[number];

/** tfjs is linted in TypeScript and JavaScript (they differ in the code a fix writes); Keras and PyTorch in Python. */
export type LintLanguage = 'typescript' | 'javascript' | 'python';

/** Replace the text between two offsets of the linted text (an insertion when start === end). */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Fix {
  readonly title: string;
  /** Non-overlapping, all against the linted text. */
  readonly edits: readonly Edit[];
  /** The one obvious fix (VS Code applies it with "Auto Fix"). */
  readonly preferred: boolean;
}

export interface LintFinding {
  readonly rule: LintRuleId;
  readonly start: number;
  readonly end: number;
  /** A hint is advice that is only defensible: editors show it faintly and leave it out of the Problems counts. */
  readonly severity: 'warning' | 'information' | 'hint';
  readonly message: string;
  /** The lecture-note topic that explains the finding. */
  readonly topic: TopicId;
  readonly fixes: readonly Fix[];
}
