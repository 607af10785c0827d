/** Weight initialisation: the histograms of one scheme × activation layer by layer, and the spread per layer for all schemes. */
import type { LabReport, WeightInitResult } from '../../../src/labs/core/labs';
import { formatPercent } from '../format';
import { findRun, initHistogramRows, initMeanRows, initStdRows, telltaleFraction } from '../rows/weightInit';
import { histogramGrid, lineChart } from '../specs';
import type { LabViewContext } from '../viewKit';

const SCHEME_ORDER = ['small', 'large', 'xavier', 'he'];

export function weightInitView(report: LabReport<WeightInitResult>, ctx: LabViewContext): HTMLElement[] {
  const { result } = report;
  const activations = [...new Set(result.runs.map((run) => run.activation))];
  const schemes = SCHEME_ORDER.filter((scheme) => result.runs.some((run) => run.scheme === scheme));
  const scheme = ctx.choice('scheme', { en: 'Initialisation', fr: 'Initialisation' }, schemes, 'xavier');
  const activation = ctx.choice('activation', { en: 'with', fr: 'avec' }, activations, activations[0]);
  const run = findRun(result, scheme.value, activation.value);
  const sections: HTMLElement[] = [];
  if (run) {
    const last = run.layers[run.layers.length - 1];
    const fractionName = run.activation === 'tanh' ? { en: 'saturated (|h| > 0.99)', fr: 'saturées (|h| > 0,99)' } : { en: 'exactly 0', fr: 'exactement 0' };
    const columns = Math.max(2, Math.min(5, Math.floor(ctx.width / 220)));
    sections.push(
      ctx.section(
        { en: 'Activations, layer by layer', fr: 'Les activations, couche par couche' },
        {
          en: 'Histogram of the 1,000 × 500 activations of each layer (counts on a √ scale, so a spike does not hide the rest). Small weights squeeze them toward 0, large ones pile tanh at ±1; Xavier keeps tanh spread, He keeps ReLU spread.',
          fr: 'Histogramme des 1 000 × 500 activations de chaque couche (effectifs en échelle √, pour qu’un pic ne cache pas le reste). De petits poids les écrasent vers 0, de grands entassent tanh à ±1 ; Xavier garde tanh étalée, He garde ReLU étalée.',
        },
        ctx.inline(scheme.element, activation.element),
        ctx.facts([
          { key: 'weightStd', label: ctx.say({ en: 'std of the weights', fr: 'écart-type des poids' }), value: run.weightStd },
          { key: 'lastMean', label: ctx.say({ en: `mean at layer ${last.layer}`, fr: `moyenne à la couche ${last.layer}` }), value: last.stats.mean },
          { key: 'lastStd', label: ctx.say({ en: `std at layer ${last.layer}`, fr: `écart-type à la couche ${last.layer}` }), value: last.stats.std },
          { key: 'lastFraction', label: `${ctx.say(fractionName)}, ${ctx.say({ en: 'layer', fr: 'couche' })} ${last.layer}`, value: telltaleFraction(run, last), shown: formatPercent(telltaleFraction(run, last)) },
        ]),
        ctx.chart({
          label: `Activation histograms, ${run.scheme} · ${run.activation}`,
          spec: histogramGrid(ctx.theme, { dataset: 'bins', width: ctx.width - 20, columns, xTitle: null }),
          data: { bins: initHistogramRows(run) },
        }),
      ),
    );
  }
  const byActivation = { field: 'activation', title: null, sort: activations };
  const byScheme = { field: 'scheme', title: ctx.say({ en: 'initialisation', fr: 'initialisation' }), sort: SCHEME_ORDER };
  const layer = { field: 'layer', title: ctx.say({ en: 'layer', fr: 'couche' }), format: 'd' };
  sections.push(
    ctx.section(
      { en: 'Spread and centre per layer, every scheme', fr: 'Dispersion et centre par couche, toutes les initialisations' },
      {
        en: 'Standard deviation of the activations (log scale): measured (solid) and the width-limit prediction (dashed); a flat line is what a good initialisation gives. Below, the mean: around 0 for tanh, positive for ReLU (log scale).',
        fr: 'Écart-type des activations (échelle log) : mesuré (trait plein) et prédit par la théorie en largeur infinie (tirets) ; une ligne plate, c’est ce que donne une bonne initialisation. En dessous, la moyenne : autour de 0 pour tanh, positive pour ReLU (échelle log).',
      },
      ctx.chart({
        label: 'Activation std per layer',
        spec: lineChart(ctx.theme, { dataset: 'std', width: ctx.plotWidth(), height: 220, x: layer, y: { field: 'value', title: 'std', log: true }, color: byScheme, dash: { field: 'kind', title: null }, column: byActivation, independentY: true, points: true }),
        data: { std: initStdRows(result) },
      }),
      // tanh means are signed and tiny, ReLU means positive over many decades: one scale each.
      ctx.row(
        ...activations.map((name) =>
          ctx.chart({
            label: `Activation mean per layer, ${name}`,
            spec: lineChart(ctx.theme, { dataset: 'mean', width: ctx.plotWidth('half'), height: 150, x: layer, y: { field: 'value', title: `mean (${name})`, log: name === 'relu', format: name === 'relu' ? undefined : '.1~g' }, color: byScheme, points: true }),
            data: { mean: initMeanRows(result).filter((row) => row.activation === name && (name !== 'relu' || row.value > 0)) },
          }),
        ),
      ),
    ),
  );
  return sections;
}
