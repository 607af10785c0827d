/** Input centering inside loadData (topic preprocessing-centering). */
import { lines } from './code';

export interface CenteringCode {
  /** Statements placed before the `return`, inside the tf.tidy of loadData. */
  readonly statements: string;
  /** Expressions of the training and validation inputs. */
  readonly x: string;
  readonly xValidation: string;
}

/** Expects `x` and `xValidation` (raw input tensors) in scope. */
export function centeringCode(center: boolean): CenteringCode {
  if (!center) {
    return {
      statements: lines(
        '    // Inputs NOT centred (--no-center). The notes always centre them (topic preprocessing-centering):',
        '    // inputs all of one sign give every weight of a unit gradients of one sign, hence zigzag updates.',
      ),
      x: 'x',
      xValidation: 'xValidation',
    };
  }
  return {
    statements: lines(
      '    // Centering (topic preprocessing-centering): subtract the mean of each input column, as the notes always',
      '    // do, so inputs are around zero rather than all of one sign (which biases every update of the first',
      '    // layer the same way). The mean comes from the training split only and is applied to validation too;',
      '    // apply the same mean to any new input you predict on. The notes centre but do not rescale.',
      '    const mean = x.mean(0);',
    ),
    x: 'x.sub(mean)',
    xValidation: 'xValidation.sub(mean)',
  };
}
