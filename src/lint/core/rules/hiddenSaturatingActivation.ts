/**
 * Sigmoid or tanh in a hidden layer (topics activation-sigmoid, activation-tanh, activation-practice).
 * The output layer is left alone: a sigmoid output for binary classification is right. Recurrent
 * layers are skipped too (tanh is their standard activation), and so are layers whose place in the
 * model is unknown (`gate = layers.Dense(…, activation="sigmoid")`, PyTorch modules neither in an
 * nn.Sequential nor in a list spread into one), and gates: a sigmoid whose output multiplies another
 * tensor (squeeze-and-excitation, attention gates) is meant to lie in (0, 1).
 */
import { activationOf, type Layer } from '../scan/layers';
import { isOutputLayer, modelsOf } from '../scan/models';
import { quoted, replace } from '../scan/edits';
import type { Source, Span } from '../scan/source';
import { enclosingDefinition, statementStart } from '../scan/structure';
import type { Edit, LintFinding } from '../types';
import { importLike } from './imports';
import { finding, preferredFix, renameCallee, type Advice, type LintRule } from './rule';

const ADVICE: Readonly<Record<string, Advice>> = {
  sigmoid: {
    topic: 'activation-sigmoid',
    severity: 'warning',
    message:
      'Sigmoid in a hidden layer: it saturates, so its gradient vanishes for large |x|, and its outputs are all positive, not zero-centred. The notes: do not use it in hidden layers; start with ReLU.',
  },
  tanh: {
    topic: 'activation-tanh',
    severity: 'information',
    message:
      'tanh in a hidden layer: zero-centred, but a rescaled sigmoid (tanh(x) = 2σ(2x) − 1) that saturates the same way, so its gradients vanish. The notes: start with ReLU; try tanh without expecting miracles.',
  },
};

const RECURRENT = /^(?:simplernn|lstm|gru|rnn|convlstm\dd)$/;

export const hiddenSaturatingActivation: LintRule = {
  id: 'hidden-saturating-activation',
  check(source) {
    const findings: LintFinding[] = [];
    for (const model of modelsOf(source)) {
      for (const layer of model) {
        const activation = activationOf(source, layer);
        const advice = activation && ADVICE[activation.name];
        if (!activation || !advice || RECURRENT.test(layer.kind) || isOutputLayer(source, layer, model) || isGate(source, layer)) continue;
        const at = activation.item?.value ?? layer.call;
        // A bare `Sigmoid()` becomes `ReLU()`, imported from where Sigmoid comes from.
        const edits = activation.item ? [reluValue(source, activation.item.value)] : [renameCallee(layer.call, 'ReLU'), ...(layer.prefix === '' ? importLike(source, 'ReLU', layer.call.callee) : [])];
        findings.push(finding(this.id, at, advice, preferredFix('Use ReLU', edits)));
      }
    }
    return findings;
  },
};

/** `se = Conv2D(…, activation="sigmoid")(se)` and later `multiply([x, se])` or `x * se`, in the same function. */
function isGate(source: Source, layer: Layer): boolean {
  const statement = statementStart(source, layer.call.from);
  if (!source.is(statement + 1, '=') || statement + 2 !== layer.call.from || source.tokens[statement].kind !== 'name') return false;
  const name = source.tokens[statement].text;
  const scope = enclosingDefinition(source, statement);
  return source.tokens.some((token, index) => {
    if (index <= layer.call.to || token.text !== name || token.kind !== 'name' || enclosingDefinition(source, index) !== scope) return false;
    const list = source.is(source.parent[index], '[') ? source.parent[source.parent[index]] : source.parent[index];
    const product = (source.is(index - 1, '*') && (source.tokens[index - 2]?.kind === 'name' || source.is(index - 2, ')') || source.is(index - 2, ']'))) || source.is(index + 1, '*');
    return product || /multiply$/i.test(calleeOpening(source, list ?? -1) ?? '');
  });
}

/** The callee of the call whose `(` is at `open`, including a layer applied where it is built (`Multiply()(…)`). */
function calleeOpening(source: Source, open: number): string | undefined {
  return source.callAt(open)?.callee ?? (source.is(open - 1, ')') ? source.callAt(source.match[open - 1])?.callee : undefined);
}

/** `'sigmoid'` → `'relu'`, `keras.activations.tanh` → `keras.activations.relu`, `tf.math.sigmoid` → `tf.nn.relu`. */
function reluValue(source: Source, value: Span): Edit {
  const dotted = source.dottedOf(value);
  if (dotted === undefined || !dotted.includes('.')) return replace(value, quoted(source, 'relu', value));
  const module = dotted.slice(0, dotted.lastIndexOf('.'));
  return replace(value, `${module === 'tf' || module.endsWith('.math') ? 'tf.nn' : module}.relu`);
}
