/** Every diagnosis rule, and `diagnose()`: from a run to its findings, one cause reported once. */
import type { RuleId } from '../findings';
import type { RunData } from '../runData';
import type { Draft, Rule } from '../rule';
import { collapsingActivations } from './collapsingActivations';
import { deadRelu } from './deadRelu';
import { divergingLoss } from './divergingLoss';
import { explodingGradients } from './explodingGradients';
import { nanLoss } from './nanLoss';
import { oscillatingLoss } from './oscillatingLoss';
import { overfitting } from './overfitting';
import { plateau } from './plateau';
import { saturatedActivations } from './saturatedActivations';
import { symmetricNeurons } from './symmetricNeurons';
import { uncenteredInputs } from './uncenteredInputs';
import { vanishingGradients } from './vanishingGradients';

export const RULES: readonly Rule[] = [
  nanLoss,
  divergingLoss,
  explodingGradients,
  vanishingGradients,
  deadRelu,
  saturatedActivations,
  collapsingActivations,
  symmetricNeurons,
  uncenteredInputs,
  oscillatingLoss,
  plateau,
  overfitting,
];

/**
 * On one layer, a finding that explains another hides it: identical all-zero units are also "dead"
 * and "collapsed", dead ReLUs also have collapsed outputs; the user needs the cause.
 */
const HIDES_ON_SAME_LAYER: Readonly<Partial<Record<RuleId, readonly RuleId[]>>> = {
  'symmetric-neurons': ['dead-relu', 'collapsing-activations'],
  'dead-relu': ['collapsing-activations'],
};

/** Findings of every rule for the run so far (without lines: see Diagnoser). */
export function diagnose(run: RunData): Draft[] {
  const drafts = RULES.flatMap((rule) => rule.check(run));
  const hidden = (draft: Draft): boolean =>
    drafts.some((other) => other.layer !== undefined && other.layer === draft.layer && HIDES_ON_SAME_LAYER[other.rule]?.includes(draft.rule));
  const kept = drafts.filter((draft) => !hidden(draft));
  // A plateau is a symptom: when another warning says why the loss does not move, that one is the finding.
  const explained = kept.some((draft) => draft.rule !== 'plateau' && draft.severity !== 'information');
  return explained ? kept.filter((draft) => draft.rule !== 'plateau') : kept;
}
