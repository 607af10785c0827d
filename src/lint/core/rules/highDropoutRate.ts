/**
 * Dropout that drops more than half of the units (topic reg-dropout). In tfjs (`rate`), Keras (`rate`)
 * and PyTorch (`p`) the number is the probability of zeroing a unit, so 0.8 keeps only one in five.
 */
import { DROPOUT_KINDS, layersOf, option } from '../scan/layers';
import { replace } from '../scan/edits';
import type { LintFinding } from '../types';
import { finding, preferredFix, type LintRule } from './rule';

const MAX_RATE = 0.5;

export const highDropoutRate: LintRule = {
  id: 'high-dropout-rate',
  check(source) {
    const findings: LintFinding[] = [];
    for (const layer of layersOf(source)) {
      if (!DROPOUT_KINDS.test(layer.kind)) continue;
      const rate = option(layer, layer.framework === 'torch' ? 'p' : 'rate', 0);
      const value = rate && source.numberOf(rate.value);
      if (!rate || value === undefined || value <= MAX_RATE) continue;
      const advice = {
        topic: 'reg-dropout',
        severity: 'warning',
        message: `Dropout ${value} zeroes ${Math.round(value * 100)}% of this layer's units at every training step: the next layer sees too little of the signal and the network underfits. Dropout works as a regulariser with a rate up to 0.5.`,
      } as const;
      findings.push(finding(this.id, rate.value, advice, preferredFix(`Set the dropout rate to ${MAX_RATE}`, [replace(rate.value, String(MAX_RATE))])));
    }
    return findings;
  },
};
