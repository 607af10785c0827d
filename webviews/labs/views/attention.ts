/** Attention: the weights of each output step over the input positions, after training, and the training curves. */
import type { AttentionResult, LabReport } from '../../../src/labs/core/labs';
import { el } from '../../shared/dom';
import { formatPercent } from '../format';
import { attentionTrainingRows, axisOrder, weightCells } from '../rows/attention';
import { heatmap, lineChart } from '../specs';
import type { LabViewContext } from '../viewKit';

export function attentionView(report: LabReport<AttentionResult>, ctx: LabViewContext): HTMLElement[] {
  const { result } = report;
  const n = result.length;
  const { input, output, weights } = result.example;
  // Cells as large as the panel allows, two heatmaps side by side when it is wide.
  const room = ctx.plotWidth('half') - 90;
  const cell = Math.max(22, Math.min(56, Math.floor(room / n)));
  const step = ctx.say({ en: 'output step i', fr: 'étape de sortie i' });
  const position = ctx.say({ en: 'input position j', fr: 'position d’entrée j' });
  const weight = ctx.say({ en: 'weight', fr: 'poids' });
  return [
    ctx.section(
      { en: 'Where each output step looks', fr: 'Où regarde chaque étape de sortie' },
      {
        en: `Trained to reverse sequences of ${n} symbols: row i is the softmax over the encoder states that output step i uses. Reversal puts the weight on position n − 1 − i — the anti-diagonal.`,
        fr: `Entraîné à inverser des séquences de ${n} symboles : la ligne i est le softmax sur les états de l’encoder qu’utilise l’étape de sortie i. L’inversion met le poids sur la position n − 1 − i — l’anti-diagonale.`,
      },
      ctx.facts([
        { key: 'mirroredWeight', label: ctx.say({ en: 'mean weight on the mirrored position', fr: 'poids moyen sur la position miroir' }), value: result.mirroredWeight },
        { key: 'sequenceAccuracy', label: ctx.say({ en: 'sequences reversed exactly', fr: 'séquences inversées sans faute' }), value: result.sequenceAccuracy, shown: formatPercent(result.sequenceAccuracy) },
        { key: 'tokenAccuracy', label: ctx.say({ en: 'symbols right', fr: 'symboles justes' }), value: result.tokenAccuracy, shown: formatPercent(result.tokenAccuracy) },
      ]),
      ctx.row(
        el(
          'figure',
          {},
          el('figcaption', {}, ctx.say({ en: 'Mean over the test sequences', fr: 'Moyenne sur les séquences de test' })),
          ctx.chart({
            label: 'Mean attention weights per output step',
            spec: heatmap(ctx.theme, { dataset: 'mean', cell, columns: n, rows: n, x: { field: 'position', title: position, sort: axisOrder(n) }, y: { field: 'step', title: step, sort: axisOrder(n) }, valueTitle: weight }),
            data: { mean: weightCells(result.meanWeights, n) },
          }),
        ),
        el(
          'figure',
          {},
          el('figcaption', {}, `${ctx.say({ en: 'One sequence:', fr: 'Une séquence :' })} ${Array.from(input).join(' ')} → ${Array.from(output).join(' ')}`),
          ctx.chart({
            label: 'Attention weights of one sequence',
            spec: heatmap(ctx.theme, { dataset: 'example', cell, columns: n, rows: n, x: { field: 'position', title: `${position} · ${ctx.say({ en: 'symbol', fr: 'symbole' })}`, sort: axisOrder(n, input) }, y: { field: 'step', title: `${step} · ${ctx.say({ en: 'output', fr: 'sortie' })}`, sort: axisOrder(n, output) }, valueTitle: weight }),
            data: { example: weightCells(weights, n, input, output) },
          }),
        ),
      ),
    ),
    ctx.section(
      { en: 'Training', fr: 'L’entraînement' },
      { en: 'Loss and weight on the mirrored position, checked on 64 test sequences during training.', fr: 'Loss et poids sur la position miroir, mesurés sur 64 séquences de test pendant l’entraînement.' },
      ctx.chart({
        label: 'Attention training curves',
        spec: lineChart(ctx.theme, { dataset: 'training', width: ctx.plotWidth(), height: 170, x: { field: 'step', title: ctx.say({ en: 'training step', fr: 'pas d’entraînement' }), format: 'd' }, y: { field: 'value', title: null, format: '.2~g' }, column: { field: 'metric', title: null, sort: ['training loss', 'mean weight on the mirrored position'] }, independentY: true, points: true }),
        data: { training: attentionTrainingRows(result, Number(report.params.steps)) },
      }),
    ),
  ];
}
