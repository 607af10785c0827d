/**
 * Optimisers on f(w) = ½(w₁² + w₂²/κ) from (1, 1). The stated setting: κ = 100, tolerance 1e-6 on
 * ‖w − w*‖ / ‖w₀ − w*‖, learning rate 1/L = 1, ρ = 0.9. What analysis predicts there:
 * - GD: w₁ is 0 after one step (1 − α·1 = 0) and w₂ = 0.99^k, so k = ⌈ln(1e-6·√2)/ln 0.99⌉ = 1341, exactly.
 * - Momentum: per curvature λ, z² − (1 + ρ − αλ)z + ρ = 0 has complex roots of modulus √ρ = 0.9487 for both
 *   curvatures: ln(1e-6)/ln(0.9487) ≈ 262 iterations (±10% for the oscillation's phase).
 * - Nesterov: z² − (1 + ρ)(1 − αλ)z + ρ(1 − αλ) = 0: modulus √(0.9 × 0.99) = 0.9439, ≈ 239 iterations (±10%).
 * - Best-tuned rates: GD needs ~(κ/2)·ln(1/tol) iterations, heavy ball and Nesterov ~(√κ/2)·ln(1/tol): from
 *   κ = 100 to 1000 the counts grow ×10 for GD and ×√10 ≈ 3.2 for the others.
 */
import * as assert from 'node:assert/strict';
import { before, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { iterate, quadratic } from '../../../src/labs/core/experiments/optimizerMath';
import { optimizersLab } from '../../../src/labs/core/experiments/optimizers';
import type { OptimizersResult } from '../../../src/labs/core/labs';
import { assertRelative, labBackend } from './support';

let result: OptimizersResult;
const steps = (method: string): number => {
  const run = result.runs.find((r) => r.method === method);
  assert.ok(run && run.steps !== null, `${method} reached the tolerance`);
  return run.steps;
};

before(async () => {
  result = await optimizersLab.run({ kappa: 100, tolerance: 1e-6, lrScale: 1, rho: 0.9 });
});

test('gradient descent: exactly the analytic count', () => {
  assert.equal(steps('sgd'), Math.ceil(Math.log(1e-6 * Math.SQRT2) / Math.log(0.99)));
  assert.equal(steps('sgd'), 1341);
});

test('momentum and Nesterov: the spectral-radius prediction, within 10%', () => {
  assertRelative(steps('momentum'), Math.log(1e-6) / Math.log(Math.sqrt(0.9)), 0.1, 'momentum');
  assertRelative(steps('nesterov'), Math.log(1e-6) / Math.log(Math.sqrt(0.9 * 0.99)), 0.1, 'nesterov');
  assert.ok(steps('nesterov') < steps('momentum') && steps('momentum') < steps('sgd') / 4);
});

test('best-tuned settings: iterations grow like κ for GD and like √κ with momentum', () => {
  const count = (kappa: number, method: string): number => {
    const row = result.tuned.find((r) => r.kappa === kappa && r.method === method);
    assert.ok(row && row.steps !== null);
    return row.steps;
  };
  const growth = (method: string): number => count(1000, method) / count(100, method);
  assert.ok(growth('sgd') > 9 && growth('sgd') < 11, `GD ×${growth('sgd')}`);
  for (const method of ['momentum', 'nesterov']) assert.ok(growth(method) > 2.5 && growth(method) < 4.5, `${method} ×${growth(method)}`);
  assertRelative(count(100, 'sgd'), Math.log(1e-6) / Math.log(99 / 101), 0.01, 'tuned GD, κ = 100');
});

test('at the saddle, gradient descent stalls and momentum escapes', () => {
  const [sgd, momentum, nesterov] = result.saddle;
  // While w₂ is small, GD multiplies it by (1 + α) = 1.1 per step: from 1e-6 to 0.5 takes ln(5e5)/ln(1.1) ≈ 138.
  assert.ok(sgd.escapedAt !== null && Math.abs(sgd.escapedAt - Math.log(5e5) / Math.log(1.1)) < 5, `GD escaped at ${sgd.escapedAt}`);
  assert.ok(momentum.escapedAt !== null && momentum.escapedAt < sgd.escapedAt / 2);
  assert.ok(nesterov.escapedAt !== null && nesterov.escapedAt < sgd.escapedAt / 2);
  assert.ok(sgd.stalledSteps > 20 && momentum.stalledSteps === 0, `plateau: GD ${sgd.stalledSteps} steps, momentum ${momentum.stalledSteps}`);
});

test("tfjs's optimisers follow the notes' rules: momentum as written, Nesterov in the notes' w̃ = w + ρv variables", async () => {
  await labBackend();
  const f = quadratic(10);
  const settings = { learningRate: 0.5, rho: 0.9 };
  for (const nesterov of [false, true]) {
    const notes = iterate(nesterov ? 'nesterov' : 'momentum', f.gradient, [1, 1], settings, 20);
    const w = tf.variable(tf.tensor1d([1, 1]));
    const optimizer = tf.train.momentum(settings.learningRate, settings.rho, nesterov);
    const curvature = tf.tensor1d([...f.curvatures]);
    for (let n = 1; n <= 20; n++) {
      optimizer.minimize(() => w.square().mul(curvature).sum().mul(0.5) as tf.Scalar);
      const [t1, t2] = w.dataSync();
      // Nesterov: tfjs holds w̃_n = w_n + ρ·v_n, with v_n = w_n − w_{n−1}.
      const lead = (k: number): number => (nesterov ? settings.rho * (notes[2 * n + k] - notes[2 * (n - 1) + k]) : 0);
      assert.ok(Math.abs(t1 - (notes[2 * n] + lead(0))) < 1e-5 && Math.abs(t2 - (notes[2 * n + 1] + lead(1))) < 1e-5, `${nesterov ? 'nesterov' : 'momentum'} step ${n}`);
    }
    optimizer.dispose();
    tf.dispose([w, curvature]);
  }
});
