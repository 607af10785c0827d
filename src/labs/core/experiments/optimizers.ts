/**
 * Lab 3, optimisers (notes: Optimisation): SGD, momentum and Nesterov exactly as the notes write them, on
 * an ill-conditioned quadratic (2-D paths, iterations to a tolerance beside the linear-analysis prediction,
 * and the best-tuned rates for κ = 10, 100, 1000: GD needs ~κ iterations, heavy ball and Nesterov ~√κ),
 * and near a saddle point, where gradient descent stalls and momentum escapes.
 */
import type { KeyTable, OptimizersResult, OptimizerRun, SaddleRun, TunedRow } from '../labs';
import { optimizersInfo } from '../catalog/optimizers';
import { defineLab } from './lab';
import { convergenceRate, iterate, METHODS, predictedSteps, quadratic, stepsToTolerance, tunedSettings, type Gradient, type Vec2 } from './optimizerMath';

/** Start of the quadratic runs: both coordinates displaced, so the steep and the flat direction show. */
const START: Vec2 = [1, 1];
const TUNED_KAPPAS = [10, 100, 1000];
/** |w₂| past this counts as having left the saddle (the minima are at w₂ = ±1). */
const ESCAPED = 0.5;
/** Steps with a gradient below this (1 % of the starting one) count as stalled on the plateau. */
const STALL_GRADIENT = 1e-2;

export const optimizersLab = defineLab(
  optimizersInfo,
  async (p): Promise<OptimizersResult> => {
    const f = quadratic(p.kappa);
    const settings = { learningRate: p.lrScale, rho: p.rho };
    const runs: OptimizerRun[] = METHODS.map((method) => {
      const path = iterate(method, f.gradient, START, settings, p.maxSteps);
      const rate = convergenceRate(method, f.curvatures, settings);
      return {
        method,
        path: path.slice(0, 2 * (Math.min(p.pathSteps, p.maxSteps) + 1)),
        steps: stepsToTolerance(path, [0, 0], p.tolerance) ?? null,
        rate,
        predictedSteps: predictedSteps(rate, p.tolerance),
      };
    });
    return { lab: 'optimizers', learningRate: settings.learningRate, runs, tuned: tunedTable(p.tolerance), saddle: saddleRuns(p.rho, p.saddleLearningRate, p.saddleOffset, p.saddleSteps) };
  },
  keyNumbers,
);

/** Each method with its best constant settings, for several κ: the iterations grow like κ for GD, √κ for the others. */
function tunedTable(tolerance: number): TunedRow[] {
  return TUNED_KAPPAS.flatMap((kappa) => {
    const f = quadratic(kappa);
    return METHODS.map((method) => {
      const settings = tunedSettings(method, 1 / kappa, 1);
      // Tuned GD needs about (κ/2)·ln(1/tol) iterations, the others far fewer.
      const budget = Math.ceil(2 * kappa * Math.log(1 / tolerance)) + 100;
      const rate = convergenceRate(method, f.curvatures, settings);
      const steps = stepsToTolerance(iterate(method, f.gradient, START, settings, budget), [0, 0], tolerance) ?? null;
      return { kappa, method, learningRate: settings.learningRate, rho: settings.rho, steps, predictedSteps: predictedSteps(rate, tolerance) };
    });
  });
}

/**
 * f(w) = ½w₁² − ½w₂² + ¼w₂⁴: a saddle at 0 (the gradient vanishes, curvature −1 along w₂), minima at
 * (0, ±1). Starting `offset` away along w₂, gradient descent creeps out at (1 + α) per step; momentum
 * accumulates the small consistent gradient and leaves much sooner.
 */
function saddleRuns(rho: number, learningRate: number, offset: number, steps: number): SaddleRun[] {
  const gradient: Gradient = ([w1, w2]) => [w1, -w2 + w2 * w2 * w2];
  return METHODS.map((method) => {
    const path = iterate(method, gradient, [1, offset], { learningRate, rho }, steps);
    let escapedAt: number | null = null;
    let stalled = 0;
    for (let n = 0; n <= steps && escapedAt === null; n++) {
      const w: Vec2 = [path[2 * n], path[2 * n + 1]];
      if (Math.abs(w[1]) > ESCAPED) escapedAt = n;
      else if (Math.hypot(...gradient(w)) < STALL_GRADIENT) stalled++;
    }
    return { method, path, escapedAt, stalledSteps: stalled };
  });
}

function keyNumbers(result: OptimizersResult): KeyTable[] {
  const count = (steps: number | null): string | number => steps ?? 'not reached';
  return [
    {
      title: `Quadratic ½(w₁² + w₂²/κ) from (1, 1), learning rate ${result.learningRate}: iterations to the tolerance`,
      columns: ['method', 'iterations', 'predicted ln(tol)/ln(rate)', 'rate'],
      rows: result.runs.map((run) => [run.method, count(run.steps), run.predictedSteps, run.rate]),
      note: 'rate: largest |root| of the linear recurrence over the two curvatures (sgd: |1 − αλ|; momentum: √ρ when underdamped).',
    },
    {
      title: 'Best constant settings per method: iterations grow like κ for SGD, like √κ with momentum',
      columns: ['κ', 'method', 'lr', 'ρ', 'iterations', 'predicted'],
      rows: result.tuned.map((row) => [row.kappa, row.method, row.learningRate, row.rho, count(row.steps), row.predictedSteps]),
    },
    {
      title: 'Saddle ½w₁² − ½w₂² + ¼w₂⁴ from (1, offset)',
      columns: ['method', 'steps to |w₂| > 0.5', `of them with ‖∇f‖ < ${STALL_GRADIENT}`],
      rows: result.saddle.map((run) => [run.method, count(run.escapedAt), run.stalledSteps]),
    },
  ];
}
