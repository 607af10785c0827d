/**
 * One spelling for the module paths code writes in several ways, so a topic lists `F.relu` once and
 * hovers still recognise `torch.nn.functional.relu`, `nn.functional.relu` and
 * `torch.nn.modules.dropout.Dropout` (as `nn.Dropout`). Names are matched by their last segments, so
 * `tf.keras.layers.Dense` already ends like `layers.Dense`; only paths that rename a segment need this.
 */
import type { SourceDialect } from '../../../syntax/lexer';

export function canonicalChain(chain: readonly string[], dialect: SourceDialect): readonly string[] {
  if (dialect !== 'python') {
    return chain;
  }
  const out: string[] = [];
  for (let i = 0; i < chain.length; i += 1) {
    const rest = chain.length - i;
    if (chain[i] === 'nn' && chain[i + 1] === 'functional' && rest > 2) {
      out.push('F');
      i += 1;
    } else if (chain[i] === 'nn' && chain[i + 1] === 'modules' && rest > 3) {
      out.push('nn');
      i += 2; // nn.modules.<file>.X → nn.X
    } else if (i === 0 && chain[i] === 'functional' && rest > 1) {
      out.push('F'); // from torch.nn import functional
    } else {
      out.push(chain[i]);
    }
  }
  return out;
}
