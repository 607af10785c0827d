/**
 * What a file says about its optimiser and its learning rate, for constant-learning-rate: whether the
 * optimiser in force is plain or momentum SGD (where a fixed rate is what the notes warn about) or an
 * adaptive one (Adam, RMSprop…, whose per-parameter steps make a fixed rate defensible), and whether
 * the file already changes its rate (a scheduler, a decay argument).
 */
import { stringContent } from '../../../syntax/token';
import type { Source } from '../scan/source';

export type OptimizerKind = 'sgd' | 'adaptive';

const SGD = new Set(['sgd', 'momentum']);
const ADAPTIVE = new Set(['adam', 'adamw', 'adamax', 'nadam', 'rmsprop', 'adagrad', 'adadelta', 'ftrl', 'lion', 'lamb', 'adafactor', 'sparseadam']);
/** Names that show the file changes its learning rate: schedulers, Keras schedules, tfjs's setter. */
const SCHEDULE = /[Ss]chedul|^(?:ReduceLROnPlateau|param_groups|set_value|setLearningRate|[A-Z][a-z]\w*(?:LR|Decay|DecayRestarts))$/;
/** Optimiser arguments that decay the rate as training goes (`RMSprop(decay=1e-6)`). */
const DECAY_ARGUMENTS = new Set(['decay', 'lr_decay']);

/** The kind of the optimiser named last before token `at` (`optimizer="adam"`, `optim.SGD(…)`, `tf.train.adam(…)`). */
export function optimizerBefore(source: Source, at: number): OptimizerKind | undefined {
  for (let index = Math.min(at, source.tokens.length) - 1; index >= 0; index--) {
    const token = source.tokens[index];
    const name = token.kind === 'string' ? stringContent(token).toLowerCase() : token.kind === 'name' && source.is(index + 1, '(') ? token.text.toLowerCase() : undefined;
    if (name !== undefined && SGD.has(name)) return 'sgd';
    if (name !== undefined && ADAPTIVE.has(name)) return 'adaptive';
  }
  return undefined;
}

/** Whether the file sets up a learning-rate schedule or a decaying optimiser anywhere. */
export function hasSchedule(source: Source): boolean {
  if (source.tokens.some((token) => token.kind === 'name' && SCHEDULE.test(token.text))) return true;
  return source.calls.some((call) => call.args.some((item) => item.key !== undefined && DECAY_ARGUMENTS.has(item.key) && source.numberOf(item.value) !== 0));
}
