/**
 * A constant learning rate over many epochs (topic lr-step-decay): the notes lower the rate as training
 * goes, so late steps settle into a minimum instead of bouncing around it. Four shapes are read: a
 * DeepScope model module's `training` object, tfjs `model.fit(…, { epochs: N })`, Keras
 * `model.fit(…, epochs=N)` and a PyTorch `for epoch in range(N)` loop; a file that sets up any schedule
 * or decay is left alone. With SGD the finding is information; with an adaptive optimiser (Adam,
 * RMSprop…, Keras's default) a fixed rate is defensible, so it is only a hint.
 */
import { insertItem, replace } from '../scan/edits';
import type { Call, Item, Source, Span } from '../scan/source';
import { blockOf, constantValue, enclosingDefinition, statementStart } from '../scan/structure';
import type { Edit, LintFinding } from '../types';
import { hasSchedule, optimizerBefore, type OptimizerKind } from './optimizers';
import { callsTo, finding, isMethodCall, preferredFix, type Advice, type LintRule } from './rule';
import { kerasModule, torchModule } from './spelling';

const MIN_EPOCHS = 20;
const DROP_EVERY = 10;
/** DeepScope's default optimiser rate (src/engine), used when the module does not set one. */
const DEFAULT_RATE = '0.01';
const TITLE = `Halve the learning rate every ${DROP_EVERY} epochs (step decay)`;
function advice(epochs: number, optimizer: OptimizerKind | undefined): Advice {
  return {
    topic: 'lr-step-decay',
    severity: optimizer === 'sgd' ? 'information' : 'hint',
    message: `The learning rate stays the same for all ${epochs} epochs. The notes lower it as training goes, e.g. step decay every n epochs, so late steps settle into a minimum instead of bouncing around it.`,
  };
}

export const constantLearningRate: LintRule = {
  id: 'constant-learning-rate',
  check(source) {
    const report = ([at, epochs, optimizer, edits]: Match): LintFinding => finding(this.id, at, advice(epochs, optimizer), preferredFix(TITLE, edits));
    if (!source.python) return [...tfjsTraining(source), ...(hasSchedule(source) ? [] : tfjsFit(source))].map(report);
    if (hasSchedule(source)) return [];
    return [...kerasFit(source), ...torchLoop(source)].map(report);
  },
};

type Match = [at: Span, epochs: number, optimizer: OptimizerKind | undefined, edits: Edit[] | undefined];

/** The number of epochs a value stands for where it is used (a constant is read as assigned last before). */
function epochsOf(source: Source, value: Span): number | undefined {
  const name = source.dottedOf(value);
  return source.numberOf(value) ?? (name !== undefined && !name.includes('.') ? constantValue(source, name, value.from) : undefined);
}

/** `[export] const training[: T] = { epochs: 50, … }` without a `learningRate` schedule. */
function tfjsTraining(source: Source): Match[] {
  const matches: Match[] = [];
  source.tokens.forEach((token, index) => {
    if (token.kind !== 'name' || token.text !== 'training') return;
    const eq = assignmentAfter(source, index);
    if (eq < 0 || !source.is(eq + 1, '{')) return;
    const entries = source.items(eq + 1);
    const epochsItem = entries.find((item) => item.key === 'epochs');
    const epochs = epochsItem && epochsOf(source, epochsItem.value);
    const rateItem = entries.find((item) => item.key === 'learningRate');
    const rate = rateItem ? constantRate(source, rateItem.value) : optimizerRate(source, entries) ?? DEFAULT_RATE;
    if (!epochsItem || epochs === undefined || epochs < MIN_EPOCHS || rate === undefined) return;
    const epoch = source.language === 'typescript' ? 'epoch: number' : 'epoch';
    const schedule = `learningRate: (${epoch}) => ${rate} * Math.pow(0.5, Math.floor(epoch / ${DROP_EVERY}))`;
    const optimizer = entries.find((item) => item.key === 'optimizer')?.value;
    // DeepScope's default optimiser is SGD with Nesterov momentum (src/engine/trainingConfig.ts).
    const kind = optimizer === undefined ? 'sgd' : optimizerBefore(source, optimizer.to);
    matches.push([epochsItem, epochs, kind, rateItem ? [replace(rateItem, schedule)] : insertItem(source, eq + 1, schedule)]);
  });
  return matches;
}

/** Token index of the `=` in `training = …` or `training: Type = …` (type on the same line), or -1. */
function assignmentAfter(source: Source, name: number): number {
  if (source.is(name + 1, '=')) return name + 1;
  if (!source.is(name + 1, ':')) return -1;
  for (let at = name + 2; at < source.tokens.length; at = source.match[at] > at ? source.match[at] + 1 : at + 1) {
    if (source.spansLines(source.tokens[name].end, source.tokens[at].start) || source.is(at, ',') || source.is(at, ';')) return -1;
    if (source.is(at, '=')) return at;
  }
  return -1;
}

/** The rate a `learningRate` entry keeps constant (`0.05`, `() => LEARNING_RATE`); undefined for a schedule. */
function constantRate(source: Source, value: Span): string | undefined {
  if (source.numberOf(value) !== undefined) return source.textOf(value);
  if (!source.is(value.from, '(') || !source.is(value.from + 1, ')') || !source.is(value.from + 2, '=>') || value.to <= value.from + 3) return undefined;
  const body = source.span(value.from + 3, value.to);
  return body.to - body.from === 1 ? source.textOf(body) : `(${source.textOf(body)})`;
}

/** The first argument of the `tf.train.*(rate, …)` call in the `optimizer` entry. */
function optimizerRate(source: Source, entries: readonly Item[]): string | undefined {
  const optimizer = entries.find((item) => item.key === 'optimizer')?.value;
  const call = optimizer && source.calls.find((c) => c.from >= optimizer.from && c.to <= optimizer.to && /^(?:tf\.)?train\.\w+$/.test(c.callee));
  return call?.args[0] && source.textOf(call.args[0]);
}

/** Keras `model.fit(…, epochs=50)`: add a LearningRateScheduler callback. */
function kerasFit(source: Source): Match[] {
  const rateItem = source.calls.flatMap((call) => call.args).find((item) => (item.key === 'learning_rate' || item.key === 'lr') && item.value.to - item.value.from === 1);
  const rate = rateItem && source.textOf(rateItem.value);
  const lambda = rate ? `lambda epoch: ${rate} * 0.5 ** (epoch // ${DROP_EVERY})` : `lambda epoch, lr: lr * 0.5 if epoch > 0 and epoch % ${DROP_EVERY} == 0 else lr`;
  const keras = kerasModule(source);
  const callback = `${keras.module}.callbacks.LearningRateScheduler(${lambda})`;
  return source.calls.flatMap((call): Match[] => {
    const epochsItem = isMethodCall(call, 'fit') ? call.args.find((item) => item.key === 'epochs') : undefined;
    const epochs = epochsItem && epochsOf(source, epochsItem.value);
    if (!epochsItem || epochs === undefined || epochs < MIN_EPOCHS) return [];
    const callbacks = call.args.find((item) => item.key === 'callbacks')?.value;
    const list = callbacks && source.is(callbacks.from, '[') && source.match[callbacks.from] === callbacks.to - 1;
    const added = callbacks === undefined ? insertItem(source, call.open, `callbacks=[${callback}]`) : list ? insertItem(source, callbacks.from, callback) : undefined;
    const edits = added && [...added, ...keras.imports];
    // Keras compiles with RMSprop when no optimiser is given.
    return [[epochsItem, epochs, optimizerBefore(source, call.from) ?? 'adaptive', edits]];
  });
}

/** tfjs `model.fit(x, y, { epochs: 50 })` or `fitDataset(ds, { epochs: 50 })`: no edit (tfjs has no scheduler callback). */
function tfjsFit(source: Source): Match[] {
  return source.calls.flatMap((call): Match[] => {
    if (!isMethodCall(call, 'fit') && !isMethodCall(call, 'fitDataset')) return [];
    const options = call.args.map((arg) => source.objectOf(arg)).find((entries) => entries?.some((item) => item.key === 'epochs'));
    const epochsItem = options?.find((item) => item.key === 'epochs');
    const epochs = epochsItem && epochsOf(source, epochsItem.value);
    if (!epochsItem || epochs === undefined || epochs < MIN_EPOCHS) return [];
    return [[epochsItem, epochs, optimizerBefore(source, call.from), undefined]];
  });
}

/** PyTorch `for epoch in range(100):` in a file that builds a torch.optim optimiser: add StepLR and step it. */
function torchLoop(source: Source): Match[] {
  const optimizers = callsTo(source, /^(?:[\w.]*optim\.[A-Z]\w*|SGD|Adam|AdamW|RMSprop|Adagrad)$/);
  if (optimizers.length === 0) return [];
  const matches: Match[] = [];
  source.tokens.forEach((token, index) => {
    if (token.text !== 'for' || token.kind !== 'name' || statementStart(source, index) !== index) return;
    const range = source.is(index + 2, 'in') && source.tokens[index + 3]?.text === 'range' ? source.callAt(index + 4) : undefined;
    if (range === undefined || source.tokens[index + 1].kind !== 'name') return;
    const bounds = range.args.map((arg) => epochsOf(source, arg.value));
    const epochs = bounds.length === 1 ? bounds[0] : bounds.length === 2 && bounds[0] !== undefined && bounds[1] !== undefined ? bounds[1] - bounds[0] : undefined;
    if (epochs === undefined || epochs < MIN_EPOCHS || !/epoch/i.test(source.tokens[index + 1].text + source.textOf(range))) return;
    matches.push([range, epochs, optimizerBefore(source, index), stepLrEdits(source, optimizers, index)]);
  });
  return matches;
}

/** `scheduler = …StepLR(optimizer, …)` after the optimiser's assignment, `scheduler.step()` at the end of the loop. */
function stepLrEdits(source: Source, optimizers: readonly Call[], loop: number): Edit[] | undefined {
  // The nearest optimiser assigned before the loop, in the same function (so `scheduler` is in scope).
  const optimizer = optimizers.filter((call) => call.end < source.tokens[loop].start && source.is(call.from - 1, '=')).pop();
  if (optimizer === undefined || enclosingDefinition(source, optimizer.from) !== enclosingDefinition(source, loop)) return undefined;
  const statement = statementStart(source, optimizer.from);
  const name = source.dottedOf(source.span(statement, optimizer.from - 1));
  const body = blockOf(source, loop);
  if (!name || !body) return undefined;
  const prefix = optimizer.callee.slice(0, optimizer.callee.lastIndexOf('.') + 1);
  const { module, imports } = /(?:^|\.)optim\.$/.test(prefix) ? { module: prefix, imports: [] } : torchModule(source, 'torch.optim.');
  const afterOptimizer = source.lineEnd(optimizer.end);
  const loopEnd = source.lineEnd(source.tokens[body.last].end);
  return [
    { start: afterOptimizer, end: afterOptimizer, text: `\n${source.indentAt(optimizer.start)}scheduler = ${module}lr_scheduler.StepLR(${name}, step_size=${DROP_EVERY}, gamma=0.5)` },
    { start: loopEnd, end: loopEnd, text: `\n${body.indent}scheduler.step()` },
    ...imports,
  ];
}
