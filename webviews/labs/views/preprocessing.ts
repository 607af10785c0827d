/** Preprocessing: one-sign weight gradients with positive inputs, the constrained 2-D updates, convergence. */
import type { LabReport, PreprocessingResult } from '../../../src/labs/core/labs';
import { formatPercent } from '../format';
import { pathWindow } from '../rows/optimizers';
import { convergenceRows, signRows, updatePathRows } from '../rows/preprocessing';
import { barChart, lineChart, pathChart } from '../specs';
import type { LabViewContext } from '../viewKit';

export function preprocessingView(report: LabReport<PreprocessingResult>, ctx: LabViewContext): HTMLElement[] {
  const { result } = report;
  const inputs = { field: 'inputs', title: null, sort: ['raw', 'centred'] };
  const paths = updatePathRows(result);
  const window = pathWindow(paths);
  const half = ctx.plotWidth('half');
  const pathHeight = Math.round(Math.min(420, Math.max(200, (half * (window.y[1] - window.y[0])) / (window.x[1] - window.x[0]))));
  return [
    ctx.section(
      { en: 'One sign for every weight of a unit', fr: 'Un seul signe pour tous les poids d’une unité' },
      {
        en: "Per example, a unit's weight gradient is x·δ: with inputs all positive (pixel-like, in [0, 1]) its components share δ's sign. Fraction of first-layer units whose gradient has a single sign, raw vs centred inputs; layer 2 reads sigmoid outputs, positive either way.",
        fr: 'Pour un exemple, le gradient des poids d’une unité vaut x·δ : avec des entrées toutes positives (type pixels, dans [0, 1]), ses composantes ont le signe de δ. Part des unités de la première couche dont le gradient n’a qu’un signe, entrées brutes contre centrées ; la couche 2 lit des sorties de sigmoïde, positives dans tous les cas.',
      },
      ctx.facts(result.runs.map((run) => ({ key: `oneSign-${run.inputs}`, label: `${run.inputs}: ${ctx.say({ en: 'one-sign units, layer 1', fr: 'unités à un seul signe, couche 1' })}`, value: run.sameSignPerExample, shown: formatPercent(run.sameSignPerExample) }))),
      ctx.chart({
        label: 'One-sign gradient fractions',
        spec: barChart(ctx.theme, { dataset: 'signs', width: ctx.plotWidth(), height: 170, x: { field: 'measure', title: null, sort: [...new Set(signRows(result).map((row) => row.measure))] }, y: { field: 'value', title: null, percent: true, domain: [0, 1] }, group: inputs }),
        data: { signs: signRows(result) },
      }),
    ),
    ctx.section(
      { en: 'Constrained updates, slower convergence', fr: 'Des mises à jour contraintes, une convergence plus lente' },
      {
        en: 'Left: a 2-input linear unit trained one example at a time from (0, 0) toward weights of opposite signs. With positive inputs both weights always move the same way, so the path zig-zags. Right: the full network, loss per epoch, with the threshold.',
        fr: 'À gauche : une unité linéaire à 2 entrées entraînée exemple par exemple depuis (0, 0) vers des poids de signes opposés. Avec des entrées positives, les deux poids bougent toujours dans le même sens : la trajectoire zigzague. À droite : le réseau complet, loss par époque, avec le seuil.',
      },
      ctx.facts(result.runs.map((run) => ({ key: `epochs-${run.inputs}`, label: `${run.inputs}: ${ctx.say({ en: 'epochs to the loss threshold', fr: 'époques jusqu’au seuil de loss' })}`, value: run.epochsToThreshold ?? ctx.say({ en: 'not reached', fr: 'non atteint' }) }))),
      ctx.row(
        ctx.chart({
          label: 'Update paths of a 2-input unit',
          spec: pathChart(ctx.theme, { paths: 'paths', width: half, height: pathHeight, x: { title: 'w₁', domain: window.x }, y: { title: 'w₂', domain: window.y }, series: { field: 'series', title: ctx.say({ en: 'inputs', fr: 'entrées' }), sort: ['raw inputs', 'centred inputs'] } }),
          data: { paths },
        }),
        ctx.chart({
          label: 'Convergence with raw and centred inputs',
          spec: lineChart(ctx.theme, { dataset: 'losses', width: half, height: 220, x: { field: 'epoch', title: ctx.say({ en: 'epoch', fr: 'époque' }), format: 'd' }, y: { field: 'value', title: 'loss', log: true, format: '.2~g' }, color: { field: 'inputs', title: null, sort: ['raw', 'centred'] }, guide: { y: Number(report.params.lossThreshold), label: ctx.say({ en: 'threshold', fr: 'seuil' }) } }),
          data: { losses: convergenceRows(result) },
        }),
      ),
    ),
  ];
}
