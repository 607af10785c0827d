/**
 * The mechanical fixes of runtime findings on a PyTorch script. A PyTorch layer's activation is a
 * module or call of its own (`nn.Sigmoid()` after the `nn.Linear` the finding points at), so the
 * fixes reuse the lint's PyTorch edits — ReLU instead of a saturating activation, Nesterov momentum
 * on `torch.optim.SGD` — and scale the optimiser's `lr=` wherever it is written.
 */
import { RULES as LINT_RULES } from '../../lint/core/rules';
import { replace } from '../../lint/core/scan/edits';
import { Source } from '../../lint/core/scan/source';
import type { Edit, LintRuleId } from '../../lint/core/types';
import type { Finding } from './findings';
import type { QuickFix } from './quickFixEdits';

/** `torch.optim.SGD(…)`, `optim.Adam(…)`, `SGD(…)`: the rate is `lr=` or the second positional argument. */
const OPTIMIZER = /^(?:(?:torch\.)?optim\.)?(?:SGD|Adam|AdamW|Adamax|NAdam|RAdam|RMSprop|Adagrad|Adadelta|ASGD|LBFGS)$/;

export function pythonQuickFixes(text: string, finding: Pick<Finding, 'rule' | 'line' | 'topic'>): QuickFix[] {
  const source = new Source(text, 'python');
  const fixes = (() => {
    switch (finding.rule) {
      case 'nan-loss':
      case 'diverging-loss':
      case 'oscillating-loss':
      case 'exploding-gradients':
        return [scaleRate(source, 0.1)];
      case 'plateau':
        return finding.topic === 'lr-step-decay' ? [scaleRate(source, 10)] : [momentum(source)];
      case 'vanishing-gradients':
        return [reluEverywhere(source)];
      case 'saturated-activations':
        return [reluAfter(source, finding.line)];
      default:
        return [];
    }
  })();
  return fixes.filter((fix): fix is QuickFix => fix !== undefined);
}

function lintFixes(source: Source, rule: LintRuleId): { start: number; edits: readonly Edit[] }[] {
  return LINT_RULES.filter((candidate) => candidate.id === rule)
    .flatMap((candidate) => candidate.check(source))
    .flatMap((finding) => (finding.fixes[0] ? [{ start: finding.start, edits: finding.fixes[0].edits }] : []));
}

function reluEverywhere(source: Source): QuickFix | undefined {
  const edits = lintFixes(source, 'hidden-saturating-activation').flatMap((fix) => fix.edits);
  return edits.length > 0 ? { title: { en: 'Use ReLU in every hidden layer', fr: 'Utiliser ReLU dans toutes les couches cachées' }, edits } : undefined;
}

/** The saturating activation that follows the layer the finding points at (the next one flagged from its line on). */
function reluAfter(source: Source, line: number | undefined): QuickFix | undefined {
  const from = line === undefined ? 0 : offsetOfLine(source.text, line);
  const fix = lintFixes(source, 'hidden-saturating-activation').find((candidate) => candidate.start >= from);
  return fix ? { title: { en: 'Use ReLU', fr: 'Utiliser ReLU' }, edits: fix.edits } : undefined;
}

function momentum(source: Source): QuickFix | undefined {
  const edits = lintFixes(source, 'sgd-without-momentum').flatMap((fix) => fix.edits);
  return edits.length > 0 ? { title: { en: 'Use Nesterov momentum 0.9', fr: 'Utiliser le momentum de Nesterov 0,9' }, edits } : undefined;
}

function scaleRate(source: Source, factor: number): QuickFix | undefined {
  const title =
    factor < 1
      ? { en: `Divide the learning rate by ${Math.round(1 / factor)}`, fr: `Diviser le learning rate par ${Math.round(1 / factor)}` }
      : { en: `Multiply the learning rate by ${factor}`, fr: `Multiplier le learning rate par ${factor}` };
  const edits = rateNumbers(source).map((index) => replace(source.tokens[index], scaledNumber(source.tokens[index].text, factor)));
  return edits.length > 0 ? { title, edits } : undefined;
}

/** Token indices of the optimisers' rate numbers, a name followed to its `NAME = 0.1`. */
function rateNumbers(source: Source): number[] {
  const found = new Set<number>();
  for (const call of source.calls) {
    if (call.member || !OPTIMIZER.test(call.callee)) continue;
    const rate = call.args.find((arg) => arg.key === 'lr') ?? (call.args[1]?.key === undefined ? call.args[1] : undefined);
    if (!rate || rate.value.to - rate.value.from !== 1) continue;
    const index = resolveNumber(source, rate.value.from);
    if (index !== undefined) found.add(index);
  }
  return [...found];
}

function resolveNumber(source: Source, index: number): number | undefined {
  const { tokens } = source;
  if (tokens[index]?.kind === 'number') return index;
  if (tokens[index]?.kind !== 'name') return undefined;
  const name = tokens[index].text;
  // The last plain assignment `NAME = <number>` before the use (not a keyword argument `NAME=` inside a call).
  for (let i = index - 1; i >= 0; i--) {
    const assigned = tokens[i].text === name && source.is(i + 1, '=') && tokens[i + 2]?.kind === 'number' && !['(', ',', '.'].includes(tokens[i - 1]?.text ?? '');
    if (assigned) return i + 2;
  }
  return undefined;
}

/** `0.1` × 0.1 → `0.01`; `1e-7` × 10 → `1e-6` (exponent notation kept); no float noise. */
export function scaledNumber(text: string, factor: number): string {
  const value = Number((Number(text.replace(/_/g, '')) * factor).toPrecision(12));
  return /e/i.test(text) ? value.toExponential() : String(value);
}

function offsetOfLine(text: string, line: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset;
}
