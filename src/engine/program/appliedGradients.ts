/**
 * Loops that take their gradients with `tf.variableGrads(f)` and apply them with `optimizer.applyGradients`
 * (the tfjs DQN example's style, or gradient clipping in between) instead of `minimize(f)`. Each
 * `applyGradients` outside `minimize` is offered as a step, with the loss and the loss function of the last
 * gradients the program took. tfjs's exports cannot be wrapped, so those are caught where `variableGrads`
 * computes them: the engine's `gradients`. Each optimizer class has its own `applyGradients`.
 */
import * as tf from '@tensorflow/tfjs';

export interface AppliedGradients {
  readonly optimizer: tf.Optimizer;
  /** Names of the variables the gradients update. */
  readonly names: readonly string[];
  /** Applies the gradients: the listener calls it once, whether it watches the step or not. */
  readonly apply: () => void;
  /** The loss the gradients were taken of, while its tensor lives; the function that computed it. */
  readonly loss: () => number | undefined;
  readonly f: (() => tf.Scalar) | undefined;
}

const OPTIMIZERS = [tf.SGDOptimizer, tf.MomentumOptimizer, tf.AdamOptimizer, tf.AdagradOptimizer, tf.AdadeltaOptimizer, tf.AdamaxOptimizer, tf.RMSPropOptimizer];

type Gradients = (f: () => tf.Tensor, xs: tf.Tensor[], dy?: tf.Tensor | null, allowNoGradients?: boolean) => { value: tf.Tensor; grads: tf.Tensor[] };
type VariableGradients = Parameters<tf.Optimizer['applyGradients']>[0];

/**
 * `ignore()` is true inside `minimize` (which takes and applies its gradients itself) and while DeepScope
 * works on a step (its probe takes gradients too).
 */
export function installAppliedGradients(onApply: (step: AppliedGradients) => void, ignore: () => boolean): void {
  const engine = tf.engine() as unknown as { gradients: Gradients };
  const gradients = engine.gradients.bind(engine);
  let last: { f: () => tf.Tensor; value: tf.Tensor } | undefined;
  engine.gradients = (f, xs, dy, allowNoGradients) => {
    const result = gradients(f, xs, dy, allowNoGradients);
    if (!ignore()) last = { f, value: result.value };
    return result;
  };
  for (const optimizer of OPTIMIZERS) {
    const prototype = optimizer.prototype as tf.Optimizer;
    const applyGradients = prototype.applyGradients;
    prototype.applyGradients = function (this: tf.Optimizer, variableGradients: VariableGradients) {
      if (ignore()) return applyGradients.call(this, variableGradients);
      const taken = last;
      last = undefined;
      const names = Array.isArray(variableGradients) ? variableGradients.map((entry) => entry.name) : Object.keys(variableGradients);
      onApply({
        optimizer: this,
        names,
        apply: () => applyGradients.call(this, variableGradients),
        loss: () => (taken && !taken.value.isDisposed && taken.value.size === 1 ? taken.value.dataSync()[0] : undefined),
        f: taken && (() => taken.f() as tf.Scalar),
      });
    };
  }
}
