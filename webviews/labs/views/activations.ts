/** Activation functions: curves and derivatives, the gradient reaching each layer, dead units during training. */
import type { ActivationsResult, LabReport } from '../../../src/labs/core/labs';
import { formatPercent } from '../format';
import { curveRows, deadUnitRows, depthLabel, depthRows, runLabel, trainingLossRows } from '../rows/activations';
import { lineChart } from '../specs';
import type { Fact, LabViewContext } from '../viewKit';

export function activationsView(report: LabReport<ActivationsResult>, ctx: LabViewContext): HTMLElement[] {
  const { result } = report;
  const normalRate = Number(report.params.learningRate);
  // Legends in the notes' order (sigmoid, tanh, ReLU and its variants, maxout) and the runs' order.
  const activation = { field: 'activation', title: null, sort: result.curves.map((curve) => curve.activation) };
  const depthSeries = { field: 'series', title: null, sort: result.depth.map(depthLabel) };
  const run = { field: 'run', title: null, sort: result.training.map((training) => runLabel(training, normalRate)) };
  const epoch = { field: 'epoch', title: ctx.say({ en: 'epoch (0 = at initialisation)', fr: 'époque (0 = à l’initialisation)' }), format: 'd' };
  const facts: Fact[] = [];
  const sigmoid = result.depth.find((depth) => depth.activation === 'sigmoid');
  if (sigmoid) {
    const norms = sigmoid.gradientNorms;
    facts.push({ key: 'sigmoidRatio', label: ctx.say({ en: 'sigmoid: gradient at layer 1 / at the last layer', fr: 'sigmoïde : gradient couche 1 / dernière couche' }), value: norms[0] / norms[norms.length - 1] });
  }
  for (const training of result.training.filter((t) => t.highLearningRate !== normalRate)) {
    const dead = training.dead[training.dead.length - 1];
    facts.push({ key: `dead-${training.activation}`, label: `${runLabel(training, normalRate)}: ${ctx.say({ en: 'dead units at the end', fr: 'unités mortes à la fin' })}`, value: dead, shown: formatPercent(dead) });
  }
  return [
    ctx.section(
      { en: 'The functions and their derivatives', fr: 'Les fonctions et leurs dérivées' },
      {
        en: "Computed by tfjs on [−5, 5]. The sigmoid's derivative never exceeds 1/4 and vanishes on both sides; ReLU's is 1 for x > 0 and 0 below; leaky ReLU keeps 0.01, PReLU its learned slope; the maxout unit shown is max(x, 0.5 − 0.5x).",
        fr: 'Calculées par tfjs sur [−5, 5]. La dérivée de la sigmoïde ne dépasse jamais 1/4 et s’annule des deux côtés ; celle de ReLU vaut 1 pour x > 0 et 0 en dessous ; leaky ReLU garde 0,01, PReLU sa pente apprise ; l’unité maxout montrée est max(x, 0,5 − 0,5x).',
      },
      ctx.chart({
        label: 'Activation curves and derivatives',
        spec: lineChart(ctx.theme, { dataset: 'curves', width: ctx.plotWidth(), height: 200, x: { field: 'x', title: 'x' }, y: { field: 'value', title: null }, color: activation, column: { field: 'kind', title: null, sort: ['f(x)', "f'(x)"] }, independentY: true }),
        data: { curves: curveRows(result) },
      }),
    ),
    ctx.section(
      { en: 'Gradient through depth', fr: 'Le gradient à travers les couches' },
      {
        en: `‖∂L/∂h‖ reaching the output of each layer of a ${result.depth[0]?.gradientNorms.length ?? ''}-layer net at initialisation (log scale; layer 1 is next to the input). Backpropagation multiplies by f′ at every layer: with the sigmoid it shrinks geometrically.`,
        fr: `‖∂L/∂h‖ à la sortie de chaque couche d’un réseau de ${result.depth[0]?.gradientNorms.length ?? ''} couches à l’initialisation (échelle log ; la couche 1 est près de l’entrée). La rétropropagation multiplie par f′ à chaque couche : avec la sigmoïde, il décroît géométriquement.`,
      },
      ctx.facts(facts),
      ctx.chart({
        label: 'Gradient norm per layer',
        spec: lineChart(ctx.theme, { dataset: 'depth', width: ctx.plotWidth(), height: 220, x: { field: 'layer', title: ctx.say({ en: 'layer', fr: 'couche' }), format: 'd' }, y: { field: 'value', title: '‖∂L/∂h‖', log: true }, color: depthSeries, points: true }),
        data: { depth: depthRows(result) },
      }),
    ),
    ctx.section(
      { en: 'Dying ReLUs', fr: 'Les ReLU qui meurent' },
      {
        en: 'A 2-64-64-3 net on the spiral: hidden units whose pre-activation is ≤ 0 on every example (inactive) and whose weights get no gradient (dead), after a first epoch at a high learning rate. Leaky ReLU and PReLU units keep a gradient.',
        fr: 'Un réseau 2-64-64-3 sur la spirale : unités cachées dont la pré-activation est ≤ 0 sur tous les exemples (inactives) et dont les poids ne reçoivent aucun gradient (mortes), après une première époque à learning rate élevé. Les unités leaky ReLU et PReLU gardent un gradient.',
      },
      ctx.chart({
        label: 'Inactive and dead units during training',
        spec: lineChart(ctx.theme, { dataset: 'dead', width: ctx.plotWidth(), height: 170, x: epoch, y: { field: 'value', title: null, percent: true, domain: [0, 1] }, color: run, column: { field: 'metric', title: null, sort: ['inactive (pre-activation ≤ 0 on every example)', 'dead (zero gradient)'] }, points: true }),
        data: { dead: deadUnitRows(result, normalRate) },
      }),
      ctx.chart({
        label: 'Training loss per run',
        spec: lineChart(ctx.theme, { dataset: 'loss', width: ctx.plotWidth(), height: 170, x: { ...epoch, title: ctx.say({ en: 'epoch', fr: 'époque' }) }, y: { field: 'value', title: 'loss', log: true, format: '.2~g' }, color: run, points: true }),
        data: { loss: trainingLossRows(result, normalRate) },
      }),
    ),
  ];
}
