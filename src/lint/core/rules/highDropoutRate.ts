/**
 * Dropout that drops more than half of the units (topic reg-dropout). In tfjs (`rate`), Keras (`rate`)
 * and PyTorch (`p`) the number is the probability of zeroing a unit, so 0.8 keeps only one in five.
 * From three quarters up it is a warning; just above one half (0.6, common in small policy networks)
 * it is only a hint, since whether it hurts depends on the layer's width.
 */
import { DROPOUT_KINDS, layersOf, option } from '../scan/layers';
import { replace } from '../scan/edits';
import type { LintFinding } from '../types';
import { finding, preferredFix, type Advice, type LintRule } from './rule';

const MAX_RATE = 0.5;
const WARN_RATE = 0.75;

export const highDropoutRate: LintRule = {
  id: 'high-dropout-rate',
  check(source) {
    const findings: LintFinding[] = [];
    for (const layer of layersOf(source)) {
      if (!DROPOUT_KINDS.test(layer.kind)) continue;
      const rate = option(layer, layer.framework === 'torch' ? 'p' : 'rate', 0);
      const value = rate && source.numberOf(rate.value);
      if (!rate || value === undefined || value <= MAX_RATE) continue;
      const share = `Dropout ${value} zeroes ${Math.round(value * 100)}% of the units it receives at every training step`;
      const advice: Advice =
        value >= WARN_RATE
          ? { topic: 'reg-dropout', severity: 'warning', message: `${share}: the next layer sees too little of the signal, and the network is likely to underfit. Dropout is usually a regulariser with a rate up to 0.5.` }
          : { topic: 'reg-dropout', severity: 'hint', message: `${share}, more than the usual 0.5 at most. If the network underfits, lower it.` };
      findings.push(finding(this.id, rate.value, advice, preferredFix(`Set the dropout rate to ${MAX_RATE}`, [replace(rate.value, String(MAX_RATE))])));
    }
    return findings;
  },
};
