/** Every lint rule, and `lint()`: the whole VS Code-free pipeline from text to findings. */
import { Source } from '../scan/source';
import type { LintFinding, LintLanguage, LintRuleId } from '../types';
import { batchNormAfterActivation } from './batchNormAfterActivation';
import { constantInitializer } from './constantInitializer';
import { constantLearningRate } from './constantLearningRate';
import { glorotWithRelu } from './glorotWithRelu';
import { hiddenSaturatingActivation } from './hiddenSaturatingActivation';
import { highDropoutRate } from './highDropoutRate';
import type { LintRule } from './rule';
import { sgdWithoutMomentum } from './sgdWithoutMomentum';

export const RULES: readonly LintRule[] = [
  hiddenSaturatingActivation,
  constantInitializer,
  glorotWithRelu,
  sgdWithoutMomentum,
  constantLearningRate,
  highDropoutRate,
  batchNormAfterActivation,
];

/** Findings of the enabled rules (all by default), in document order. */
export function lint(text: string, language: LintLanguage, enabled: (rule: LintRuleId) => boolean = () => true): LintFinding[] {
  const source = new Source(text, language);
  return RULES.filter((rule) => enabled(rule.id))
    .flatMap((rule) => rule.check(source))
    .sort((a, b) => a.start - b.start || a.rule.localeCompare(b.rule));
}
