/**
 * The mechanical fixes of runtime findings, as text edits of a tfjs model module (no `vscode` here, so
 * they are unit-tested on strings). Where the lint already writes the same change — ReLU instead of a
 * saturating activation, He normal instead of a constant or Glorot initialiser, the activation moved
 * after a batch normalisation — its fix is reused, not rewritten.
 */
import { activationOf, kernelInitializerOf, layersOf, option, valueName, type Layer } from '../../lint/core/scan/layers';
import { insertItem, insertLayerAfter, quoted, replace } from '../../lint/core/scan/edits';
import { Source } from '../../lint/core/scan/source';
import { RULES as LINT_RULES } from '../../lint/core/rules';
import type { Edit, LintRuleId } from '../../lint/core/types';
import type { Finding, Bilingual } from './findings';
import { pythonQuickFixes, scaledNumber } from './pythonQuickFixes';

export interface QuickFix {
  readonly title: Bilingual;
  /** Non-overlapping, against the text the fixes were computed for. */
  readonly edits: readonly Edit[];
}

type Builder = (source: Source, layer: Layer | undefined) => QuickFix | undefined;

/**
 * The fixes of a finding in `text` (the model module or program as it is now); none when the code's
 * shape is unclear. `python`: a PyTorch script (pythonQuickFixes.ts).
 */
export function quickFixes(text: string, finding: Pick<Finding, 'rule' | 'line' | 'topic'>, language: 'typescript' | 'python' = 'typescript'): QuickFix[] {
  if (language === 'python') return pythonQuickFixes(text, finding);
  const source = new Source(text, 'typescript');
  const layer = finding.line === undefined ? undefined : layerOnLine(source, finding.line);
  return buildersFor(finding).flatMap((build) => build(source, layer) ?? []);
}

function buildersFor(finding: Pick<Finding, 'rule' | 'topic'>): Builder[] {
  switch (finding.rule) {
    case 'nan-loss':
    case 'diverging-loss':
    case 'oscillating-loss':
      return [scaleRate(0.1)];
    case 'plateau':
      // Only when the rule blamed the learning rate (tiny steps), not a saddle point.
      return finding.topic === 'lr-step-decay' ? [scaleRate(10)] : [];
    case 'exploding-gradients':
      return [initializer, scaleRate(0.1)];
    case 'vanishing-gradients':
      return [reluEverywhere, batchNorm];
    case 'saturated-activations':
      return [initializer, batchNorm, relu];
    case 'dead-relu':
      return [zeroBias, initializer];
    case 'collapsing-activations':
    case 'symmetric-neurons':
      return [initializer];
    default:
      return [];
  }
}

/** The tfjs layer whose call starts on a 1-based line. */
function layerOnLine(source: Source, line: number): Layer | undefined {
  return layersOf(source).find((layer) => layer.framework === 'tfjs' && lineOf(source.text, layer.call.calleeStart) === line);
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The lint's fix for this layer, when one of `rules` flags something inside its call. */
function lintFix(source: Source, layer: Layer, rules: readonly LintRuleId[]): readonly Edit[] | undefined {
  const found = LINT_RULES.filter((rule) => rules.includes(rule.id))
    .flatMap((rule) => rule.check(source))
    .find((finding) => finding.start >= layer.call.start && finding.end <= layer.call.end && finding.fixes.length > 0);
  return found?.fixes[0].edits;
}

/** He normal for ReLU layers, Xavier (Glorot normal) for the others, as the notes pair them. */
const initializer: Builder = (source, layer) => {
  if (!layer || layer.config === undefined) return undefined;
  const he = activationOf(source, layer)?.name === 'relu';
  const title = he
    ? { en: 'Use He normal initialisation', fr: "Utiliser l'initialisation He normal" }
    : { en: 'Use Xavier (Glorot normal) initialisation', fr: "Utiliser l'initialisation de Xavier (Glorot normal)" };
  const reused = he ? lintFix(source, layer, ['constant-initializer', 'glorot-with-relu']) : undefined;
  if (reused) return { title, edits: reused };
  const name = he ? 'heNormal' : 'glorotNormal';
  const item = kernelInitializerOf(layer);
  if (item && valueName(source, item.value) === name.toLowerCase()) return undefined;
  const edits = item ? [replace(item.value, quoted(source, name, item.value))] : insertItem(source, layer.config, `kernelInitializer: ${quoted(source, name)}`);
  return { title, edits };
};

const relu: Builder = (source, layer) => {
  const edits = layer && lintFix(source, layer, ['hidden-saturating-activation']);
  return edits ? { title: { en: 'Use ReLU', fr: 'Utiliser ReLU' }, edits } : undefined;
};

/** Vanishing gradients come from every saturating hidden layer, not only the first one. */
const reluEverywhere: Builder = (source) => {
  const edits = LINT_RULES.filter((rule) => rule.id === 'hidden-saturating-activation')
    .flatMap((rule) => rule.check(source))
    .flatMap((finding) => finding.fixes[0]?.edits ?? []);
  return edits.length > 0 ? { title: { en: 'Use ReLU in every hidden layer', fr: 'Utiliser ReLU dans toutes les couches cachées' }, edits } : undefined;
};

/**
 * Inserts `batchNormalization()` after the layer, then applies the lint's fix for "batch norm after
 * the activation" to that text (activation out of the layer, bias off, activation layer after the
 * norm), and returns the whole change as one edit of the original text.
 */
const batchNorm: Builder = (source, layer) => {
  if (!layer || activationOf(source, layer)?.item === undefined) return undefined;
  const inserted = insertLayerAfter(source, layer, `${layer.prefix}batchNormalization()`);
  if (!inserted || inserted.length === 0) return undefined;
  const withNorm = applyEdits(source.text, inserted);
  const at = Math.max(...inserted.map((edit) => edit.start));
  const moved = LINT_RULES.filter((rule) => rule.id === 'batch-norm-after-activation')
    .flatMap((rule) => rule.check(new Source(withNorm, 'typescript')))
    .find((finding) => finding.start >= at && finding.fixes.length > 0);
  if (!moved) return undefined;
  const edit = difference(source.text, applyEdits(withNorm, moved.fixes[0].edits));
  return { title: { en: 'Insert batch normalisation before the activation', fr: "Insérer une batch normalization avant l'activation" }, edits: [edit] };
};

const zeroBias: Builder = (source, layer) => {
  const item = layer && option(layer, 'biasInitializer');
  if (!item || valueName(source, item.value) === 'zeros') return undefined;
  return { title: { en: 'Start the biases at 0', fr: 'Initialiser les biais à 0' }, edits: [replace(item.value, quoted(source, 'zeros', item.value))] };
};

/** Multiplies the learning rate wherever it is written: the optimiser's rate and the schedule's. */
function scaleRate(factor: number): Builder {
  const title =
    factor < 1
      ? { en: `Divide the learning rate by ${Math.round(1 / factor)}`, fr: `Diviser le learning rate par ${Math.round(1 / factor)}` }
      : { en: `Multiply the learning rate by ${factor}`, fr: `Multiplier le learning rate par ${factor}` };
  return (source) => {
    const edits = rateNumbers(source)?.map((index) => {
      const token = source.tokens[index];
      return replace(token, scaledNumber(token.text, factor));
    });
    return edits && edits.length > 0 ? { title, edits } : undefined;
  };
}

/**
 * Token indices of the numbers that set the learning rate: the first argument of `tf.train.*(…)` and
 * the rate a `learningRate` schedule starts with (`(epoch) => 0.05 * …`, `RATE * …`), a constant's
 * name followed to its `const RATE = 0.05`. Undefined when there is a schedule whose rate cannot be
 * found: it sets the rate every epoch, so changing only the optimiser's would do nothing.
 */
function rateNumbers(source: Source): number[] | undefined {
  const { tokens } = source;
  const found = new Set<number>();
  const resolve = (index: number): number | undefined => {
    const resolved = tokens[index]?.kind === 'name' ? constantNumber(source, tokens[index].text) : index;
    return resolved !== undefined && tokens[resolved]?.kind === 'number' ? resolved : undefined;
  };
  for (const call of source.calls) {
    const rate = call.args[0];
    const index = !call.member && /^(?:tf\.)?train\.\w+$/.test(call.callee) && rate && rate.key === undefined && rate.to - rate.from === 1 ? resolve(rate.from) : undefined;
    if (index !== undefined) found.add(index);
  }
  const key = tokens.findIndex((token, i) => token.text === 'learningRate' && source.is(i + 1, ':'));
  if (key >= 0) {
    let first = tokens.findIndex((_token, i) => i > key && source.is(i, '=>')) + 1;
    while (first > 0 && (source.is(first, '{') || tokens[first]?.text === 'return')) first++;
    const index = first > 0 ? resolve(first) : undefined;
    if (index === undefined) return undefined;
    found.add(index);
  }
  return [...found];
}

/** The number token of `const NAME = <number>` (also let/var). */
function constantNumber(source: Source, name: string): number | undefined {
  const { tokens } = source;
  const at = tokens.findIndex((token, i) => token.text === name && ['const', 'let', 'var'].includes(tokens[i - 1]?.text ?? '') && source.is(i + 1, '='));
  return at >= 0 && tokens[at + 2]?.kind === 'number' ? at + 2 : undefined;
}

export function applyEdits(text: string, edits: readonly Edit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((result, edit) => result.slice(0, edit.start) + edit.text + result.slice(edit.end), text);
}

/** One edit turning `before` into `after`: the span between their common prefix and suffix. */
function difference(before: string, after: string): Edit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { start, end: before.length - end, text: after.slice(start, after.length - end) };
}
