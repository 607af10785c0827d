/**
 * Plain SGD (topics optim-sgd, optim-nesterov): it follows each noisy mini-batch gradient, zigzags
 * where the loss is steep one way and flat the other, and crawls near saddle points. The notes add
 * momentum (ρ between 0.9 and 0.99) and Nesterov's look-ahead.
 */
import { insertItem, replace } from '../scan/edits';
import type { Call, Item, Source } from '../scan/source';
import type { Edit, LintFinding } from '../types';
import { calleeOf, callsTo, finding, isMethodCall, preferredFix, renameCallee, type Advice, type LintRule } from './rule';
import { kerasModule } from './spelling';

const ADVICE: Advice = {
  topic: 'optim-nesterov',
  severity: 'information',
  message:
    'SGD without momentum follows each noisy mini-batch gradient: it zigzags where the loss is steep one way and flat the other, and crawls near saddle points. Momentum 0.9 (an average of past gradients) with Nesterov look-ahead smooths it.',
};
const TITLE = 'Use SGD with Nesterov momentum 0.9';
/** tfjs's and Keras's default learning rate for plain SGD. */
const SGD_DEFAULT_RATE = '0.01';

export const sgdWithoutMomentum: LintRule = {
  id: 'sgd-without-momentum',
  check(source) {
    const findings: LintFinding[] = [];
    const report = (at: { start: number; end: number }, edits: Edit[]): void => {
      findings.push(finding(this.id, at, ADVICE, preferredFix(TITLE, edits)));
    };
    for (const item of compiledWithSgdString(source)) {
      const keras = source.python ? kerasModule(source) : undefined;
      const optimizer = keras ? `${keras.module}.optimizers.SGD(momentum=0.9, nesterov=True)` : `tf.train.momentum(${SGD_DEFAULT_RATE}, 0.9, true)`;
      report(item.value, [replace(item.value, optimizer), ...(keras?.imports ?? [])]);
    }
    if (!source.python) {
      for (const call of callsTo(source, /^(?:tf\.)?train\.sgd$/)) {
        report(calleeOf(call), [renameCallee(call, 'momentum'), ...insertItem(source, call.open, call.args.length > 0 ? '0.9, true' : `${SGD_DEFAULT_RATE}, 0.9, true`)]);
      }
      return findings;
    }
    for (const call of callsTo(source, /^(?:[\w.]*optim[\w.]*\.)?SGD$/)) {
      const edits = pythonMomentumEdits(source, call);
      if (edits !== undefined) report(calleeOf(call), edits);
    }
    return findings;
  },
};

/** `compile(optimizer: 'sgd')` (tfjs) or `compile(optimizer="sgd")` (Keras): the optimiser value. */
function compiledWithSgdString(source: Source): Item[] {
  return source.calls.flatMap((call) => {
    if (!isMethodCall(call, 'compile')) return [];
    const entries = source.python ? call.args : (call.args[0] && source.objectOf(call.args[0])) ?? [];
    const item = entries.find((entry) => entry.key === 'optimizer') ?? (source.python && entries[0]?.key === undefined ? entries[0] : undefined);
    return item && source.stringOf(item.value)?.toLowerCase() === 'sgd' ? [item] : [];
  });
}

/** Edits giving a Keras or PyTorch SGD call momentum 0.9 and Nesterov, or undefined when it has momentum. */
function pythonMomentumEdits(source: Source, call: Call): Edit[] | undefined {
  // PyTorch's SGD(params, lr, momentum, …) takes the parameters first; Keras's SGD(learning_rate, momentum, …) does not.
  const torch = /(?:^|\.)optim\.$/.test(call.callee.slice(0, call.callee.length - 3)) || /parameters\s*\(/.test(call.args[0] ? source.textOf(call.args[0]) : '');
  const position = torch ? 2 : 1;
  const positional = call.args[position] && call.args.slice(0, position + 1).every((item) => item.key === undefined) ? call.args[position] : undefined;
  const momentum = call.args.find((item) => item.key === 'momentum') ?? positional;
  if (momentum !== undefined && source.numberOf(momentum.value) !== 0) return undefined;
  const nesterov = call.args.find((item) => item.key === 'nesterov');
  const edits: Edit[] = [];
  if (momentum !== undefined) edits.push(replace(momentum.value, '0.9'));
  if (nesterov !== undefined && source.textOf(nesterov.value) !== 'True') edits.push(replace(nesterov.value, 'True'));
  const added = [momentum === undefined ? 'momentum=0.9' : '', nesterov === undefined ? 'nesterov=True' : ''].filter(Boolean).join(', ');
  return added ? [...edits, ...insertItem(source, call.open, added)] : edits;
}
