/** Regularisation: inverted dropout in training vs test, train/validation curves, the batch-norm gap over steps. */
import type { LabReport, RegularizationResult } from '../../../src/labs/core/labs';
import { formatPercent, formatValue } from '../format';
import { batchNormGapRows, dropoutMeanRows, trainValidationRows } from '../rows/regularization';
import { barChart, lineChart } from '../specs';
import type { LabViewContext } from '../viewKit';

const VARIANTS = ['none', 'dropout', 'batch-norm'];

export function regularizationView(report: LabReport<RegularizationResult>, ctx: LabViewContext): HTMLElement[] {
  const { result } = report;
  const d = result.dropout;
  const step = { field: 'step', title: ctx.say({ en: 'training step', fr: 'pas d’entraînement' }), format: 'd' };
  return [
    ctx.section(
      { en: 'Inverted dropout', fr: 'Le dropout inversé' },
      {
        en: `tf.layers.dropout with rate ${d.rate} (the fraction dropped; the notes' p = ${formatValue(1 - d.rate)} is the fraction kept) on positive activations: in training it zeroes a fraction and multiplies the rest by 1/p, so the mean stays; at test time it is the identity.`,
        fr: `tf.layers.dropout avec rate ${d.rate} (la fraction retirée ; le p des notes, ${formatValue(1 - d.rate)}, est la fraction gardée) sur des activations positives : en training il en met une part à zéro et multiplie le reste par 1/p, la moyenne reste ; au test, c’est l’identité.`,
      },
      ctx.facts([
        { key: 'zeroed', label: ctx.say({ en: 'zeroed in training', fr: 'mises à zéro en training' }), value: d.zeroFraction, shown: formatPercent(d.zeroFraction) },
        { key: 'keptScale', label: ctx.say({ en: 'kept values multiplied by', fr: 'valeurs gardées multipliées par' }), value: d.keptScale },
        { key: 'testMaxChange', label: ctx.say({ en: 'largest change at test time', fr: 'plus grand changement au test' }), value: d.testMaxChange },
      ]),
      ctx.chart({
        label: 'Mean activation with dropout in training and test',
        spec: barChart(ctx.theme, { dataset: 'means', width: ctx.plotWidth('half'), height: 150, x: { field: 'what', title: null, sort: dropoutMeanRows(result).map((row) => row.what) }, y: { field: 'value', title: ctx.say({ en: 'mean activation', fr: 'activation moyenne' }) } }),
        data: { means: dropoutMeanRows(result) },
      }),
    ),
    ctx.section(
      { en: 'A small dataset that overfits', fr: 'Un petit jeu de données qui surapprend' },
      {
        en: 'A wide net on a few noisy spiral points: training loss (solid) and validation loss (dashed), without regularisation, with dropout, with batch normalisation.',
        fr: 'Un réseau large sur quelques points bruités de la spirale : loss d’entraînement (trait plein) et de validation (tirets), sans régularisation, avec dropout, avec batch normalization.',
      },
      ctx.facts(result.runs.map((run) => ({ key: `valAccuracy-${run.variant}`, label: `${run.variant}: ${ctx.say({ en: 'validation accuracy', fr: 'accuracy de validation' })}`, value: run.valAccuracy, shown: formatPercent(run.valAccuracy) }))),
      ctx.chart({
        label: 'Train and validation loss per variant',
        spec: lineChart(ctx.theme, { dataset: 'curves', width: ctx.plotWidth(), height: 230, x: { field: 'epoch', title: ctx.say({ en: 'epoch', fr: 'époque' }), format: 'd' }, y: { field: 'value', title: 'loss', log: true, format: '.2~g' }, color: { field: 'variant', title: null, sort: VARIANTS }, dash: { field: 'split', title: null, sort: ['train', 'validation'] } }),
        data: { curves: trainValidationRows(result) },
      }),
    ),
    ctx.section(
      { en: 'Batch statistics vs running estimates', fr: 'Statistiques de la batch contre estimations globales' },
      {
        en: 'First batch-norm layer: in training it normalises with the batch’s mean and variance, at test time with running estimates that start at (0, 1) and catch up slowly (momentum 0.99). The gaps shrink as training goes on (log scale).',
        fr: 'Première couche de batch norm : en training elle normalise avec la moyenne et la variance de la batch, au test avec des estimations globales qui partent de (0, 1) et rattrapent lentement (momentum 0,99). Les écarts diminuent au fil de l’entraînement (échelle log).',
      },
      ctx.chart({
        label: 'Batch-norm gap over training steps',
        spec: lineChart(ctx.theme, { dataset: 'gaps', width: ctx.plotWidth(), height: 200, x: step, y: { field: 'value', title: null, log: true }, color: { field: 'metric', title: null } }),
        data: { gaps: batchNormGapRows(result) },
      }),
    ),
  ];
}
