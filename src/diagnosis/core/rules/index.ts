/** Every diagnosis rule, and `diagnose()`: from a run to its findings, one cause reported once. */
import type { RuleId } from '../findings';
import type { RunData } from '../runData';
import type { Draft, Rule } from '../rule';
import { collapsingActivations } from './collapsingActivations';
import { deadRelu } from './deadRelu';
import { divergingLoss } from './divergingLoss';
import { explodingGradients } from './explodingGradients';
import { lossOutputMismatch } from './lossOutputMismatch';
import { unitsOwner } from './modelShape';
import { missingNonlinearity } from './missingNonlinearity';
import { nanLoss } from './nanLoss';
import { oscillatingLoss } from './oscillatingLoss';
import { outputRangeMismatch } from './outputRangeMismatch';
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
  outputRangeMismatch,
  missingNonlinearity,
  lossOutputMismatch,
];

/**
 * On one layer (or on the activation of its units), a finding that explains another hides it:
 * identical all-zero units are also "dead" and "collapsed", dead ReLUs also have collapsed outputs;
 * the user needs the cause.
 */
const HIDES_ON_SAME_LAYER: Readonly<Partial<Record<RuleId, readonly RuleId[]>>> = {
  'symmetric-neurons': ['dead-relu', 'collapsing-activations'],
  'dead-relu': ['collapsing-activations'],
};

const MISMATCHES: readonly RuleId[] = ['output-range-mismatch', 'loss-output-mismatch'];
const LOSS_CURVE_RULES: readonly RuleId[] = ['diverging-loss', 'oscillating-loss'];

/** Findings of every rule for the run so far (without lines: see Diagnoser). */
export function diagnose(run: RunData): Draft[] {
  const drafts = RULES.flatMap((rule) => rule.check(run));
  // A tfjs Activation layer after a dense layer carries the same units: identical dense units are its dead ReLUs.
  const units = (layer: string): string => unitsOwner(run.start, layer);
  const hidden = (draft: Draft): boolean =>
    drafts.some((other) => other.layer !== undefined && draft.layer !== undefined && units(other.layer) === units(draft.layer) && HIDES_ON_SAME_LAYER[other.rule]?.includes(draft.rule));
  // Targets the output cannot reach, or a loss that does not fit the output, make the loss curve say
  // nothing about the learning rate: the mismatch is the finding.
  const mismatched = drafts.some((draft) => MISMATCHES.includes(draft.rule) && draft.severity === 'warning');
  const kept = drafts.filter((draft) => !hidden(draft) && !(mismatched && LOSS_CURVE_RULES.includes(draft.rule)));
  // A plateau is a symptom: when another warning says why the loss does not move, that one is the finding.
  const explained = kept.some((draft) => draft.rule !== 'plateau' && draft.severity !== 'information');
  return explained ? kept.filter((draft) => draft.rule !== 'plateau') : kept;
}
