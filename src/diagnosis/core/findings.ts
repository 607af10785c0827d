/**
 * What the diagnosis says about a training run. Produced by src/diagnosis/core (VS Code-free),
 * shown in the Problems panel, the dashboard's findings list and `deepscope diagnose`. Plain data.
 */
import type { TopicId } from '../../notes/core/topicIds';

/** Runtime diagnosis rule ids: stable, used by tests and shown as diagnostic codes. */
export const RULE_IDS = [
  'nan-loss',
  'diverging-loss',
  'exploding-gradients',
  'vanishing-gradients',
  'dead-relu',
  'saturated-activations',
  'collapsing-activations',
  'symmetric-neurons',
  'uncentered-inputs',
  'oscillating-loss',
  'plateau',
  'overfitting',
  'output-range-mismatch',
  'missing-nonlinearity',
  'loss-output-mismatch',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/** `error`: the run is broken (NaN); `warning`: it hurts training; `information`: worth knowing, training still goes well. */
export type FindingSeverity = 'error' | 'warning' | 'information';

export type { Bilingual } from '../../common/core/language';
import type { Bilingual } from '../../common/core/language';

/** Which problem, where, the evidence, why (a note) and a fix. */
export interface Finding {
  readonly rule: RuleId;
  readonly severity: FindingSeverity;
  /** The layer at fault; absent for model-wide findings. */
  readonly layer?: string;
  /** 0-based epoch at which the problem was first seen (in its current stretch). */
  readonly epoch: number;
  readonly step?: number;
  /** The numbers the rule decided on, e.g. { zeroFraction: 0.93 }. Finite numbers only. */
  readonly evidence: Readonly<Record<string, number>>;
  readonly message: Bilingual;
  readonly topic: TopicId;
  readonly fix: Bilingual;
  /** Absolute path of the file the finding points at when it is not the run's model file (a program's helper module). */
  readonly file?: string;
  /** 1-based line of `file` (else of the model file) the finding points at. */
  readonly line?: number;
}
