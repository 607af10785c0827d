/** Optimisers: 2-D paths over the quadratic's contours, iterations to the tolerance, the saddle escape. */
import type { LabReport, OptimizersResult } from '../../../src/labs/core/labs';
import { iterationRows, pathWindow, quadraticContourRows, quadraticPathRows, saddleRows, tunedRows } from '../rows/optimizers';
import { barChart, lineChart, pathChart } from '../specs';
import type { LabViewContext } from '../viewKit';

const METHODS = ['sgd', 'momentum', 'nesterov'];

/**
 * Where gradient descent's zig-zag comes from at this rate (the steep curvature is L = 1, so the rate is in units
 * of 1/L): at or below 1/L the steep direction is settled without overshooting, and only momentum crosses the valley.
 */
function zigZagNote(learningRate: number): { en: string; fr: string } {
  if (learningRate <= 1) {
    return {
      en: 'At this rate gradient descent never overshoots across the valley and only creeps along it; momentum overshoots. Set the learning rate × L between 1 and 2 to see gradient descent zig-zag (Nesterov with ρ = 0.9 diverges above about 1.36).',
      fr: 'À ce taux la descente de gradient ne dépasse jamais le fond de la vallée et avance lentement le long ; le momentum, lui, dépasse. Mettez le learning rate × L entre 1 et 2 pour voir la descente de gradient zigzaguer (Nesterov avec ρ = 0,9 diverge au-delà d’environ 1,36).',
    };
  }
  if (learningRate < 2) {
    return {
      en: 'Above 1/L each gradient step overshoots the bottom of the valley: gradient descent zig-zags across it.',
      fr: 'Au-delà de 1/L chaque pas de gradient dépasse le fond de la vallée : la descente de gradient zigzague en travers.',
    };
  }
  return {
    en: 'At 2/L or more gradient descent no longer converges along the steep direction.',
    fr: 'À 2/L ou plus la descente de gradient ne converge plus dans la direction raide.',
  };
}

export function optimizersView(report: LabReport<OptimizersResult>, ctx: LabViewContext): HTMLElement[] {
  const { result } = report;
  const kappa = Number(report.params.kappa);
  const paths = quadraticPathRows(result);
  // The contours go through the runs' common start, their first iterate.
  const start: [number, number] = [paths[0]?.x ?? 1, paths[0]?.y ?? 1];
  const window = pathWindow(paths);
  const width = ctx.plotWidth();
  // Equal units on both axes, so the valley's true shape shows.
  const height = Math.round(Math.min(460, Math.max(220, (width * (window.y[1] - window.y[0])) / (window.x[1] - window.x[0]))));
  const method = { field: 'method', title: null, sort: METHODS };
  const half = ctx.plotWidth('half');
  return [
    ctx.section(
      { en: 'The zig-zag, in two dimensions', fr: 'Le zigzag, en deux dimensions' },
      {
        en: `f(w) = ½(w₁² + w₂²/κ) with κ = ${kappa}, from (1, 1), learning rate ${result.learningRate}: the first ${paths.length / 3 - 1} iterates of each method over the contour lines. Steep across the valley, flat along it. ${zigZagNote(result.learningRate).en}`,
        fr: `f(w) = ½(w₁² + w₂²/κ) avec κ = ${kappa}, depuis (1, 1), learning rate ${result.learningRate} : les ${paths.length / 3 - 1} premiers itérés de chaque méthode sur les lignes de niveau. Raide en travers de la vallée, plate le long. ${zigZagNote(result.learningRate).fr}`,
      },
      ctx.facts(result.runs.map((run) => ({ key: `steps-${run.method}`, label: `${run.method}: ${ctx.say({ en: 'iterations to the tolerance', fr: 'itérations jusqu’à la tolérance' })}`, value: run.steps ?? ctx.say({ en: 'not reached', fr: 'non atteinte' }) }))),
      ctx.chart({
        label: 'Optimiser paths on the quadratic',
        spec: pathChart(ctx.theme, { paths: 'paths', contours: 'contours', width, height, x: { title: 'w₁', domain: window.x }, y: { title: 'w₂', domain: window.y }, series: { field: 'series', title: ctx.say({ en: 'method', fr: 'méthode' }), sort: METHODS } }),
        data: { paths, contours: quadraticContourRows(kappa, start) },
      }),
    ),
    ctx.section(
      { en: 'Iterations: κ against √κ', fr: 'Itérations : κ contre √κ' },
      {
        en: 'Left: these settings, measured and as the linear analysis predicts. Right: each method with its best constant settings, for κ = 10, 100, 1000 on log–log axes — gradient descent grows like κ (slope 1), momentum and Nesterov like √κ (slope ½).',
        fr: 'À gauche : ces réglages, mesurés et prédits par l’analyse linéaire. À droite : chaque méthode avec ses meilleurs réglages constants, pour κ = 10, 100, 1000 en axes log–log — la descente de gradient croît comme κ (pente 1), momentum et Nesterov comme √κ (pente ½).',
      },
      ctx.row(
        ctx.chart({
          label: 'Iterations to the tolerance',
          spec: barChart(ctx.theme, { dataset: 'iterations', width: half, x: method, y: { field: 'value', title: ctx.say({ en: 'iterations', fr: 'itérations' }), format: 'd' }, group: { field: 'kind', title: null } }),
          data: { iterations: iterationRows(result) },
        }),
        ctx.chart({
          label: 'Iterations with tuned settings per condition number',
          spec: lineChart(ctx.theme, { dataset: 'tuned', width: half, height: 180, x: { field: 'kappa', title: 'κ', log: true, format: '~s' }, y: { field: 'value', title: ctx.say({ en: 'iterations', fr: 'itérations' }), log: true, format: '~s' }, color: method, points: true }),
          data: { tuned: tunedRows(result) },
        }),
      ),
    ),
    ctx.section(
      { en: 'A saddle point', fr: 'Un point selle' },
      {
        en: 'f(w) = ½w₁² − ½w₂² + ¼w₂⁴ from (1, 10⁻⁶): the gradient is almost zero near the saddle. |w₂| on a log scale: gradient descent creeps out, momentum accumulates the small consistent push and leaves much sooner.',
        fr: 'f(w) = ½w₁² − ½w₂² + ¼w₂⁴ depuis (1, 10⁻⁶) : le gradient est presque nul près du point selle. |w₂| en échelle log : la descente de gradient en sort à petits pas, le momentum accumule la petite poussée constante et en sort bien plus tôt.',
      },
      ctx.facts(result.saddle.map((run) => ({ key: `escape-${run.method}`, label: `${run.method}: ${ctx.say({ en: 'steps to leave the saddle', fr: 'pas pour quitter le point selle' })}`, value: run.escapedAt ?? ctx.say({ en: 'never', fr: 'jamais' }) }))),
      ctx.chart({
        label: 'Saddle escape',
        spec: lineChart(ctx.theme, { dataset: 'saddle', width: ctx.plotWidth(), height: 200, x: { field: 'step', title: ctx.say({ en: 'iteration', fr: 'itération' }), format: 'd' }, y: { field: 'value', title: '|w₂|', log: true }, color: method, guide: { y: 0.5, label: ctx.say({ en: 'escaped', fr: 'sorti' }) } }),
        data: { saddle: saddleRows(result) },
      }),
    ),
  ];
}
