/**
 * The three update rules of the notes (Optimisation), in plain arithmetic on 2-D functions, and what
 * linear analysis predicts for them on a quadratic. No tfjs: exact and instant.
 */

export type Vec2 = readonly [number, number];
export type Gradient = (w: Vec2) => Vec2;
export const METHODS = ['sgd', 'momentum', 'nesterov'] as const;
export type Method = (typeof METHODS)[number];

export interface Settings {
  readonly learningRate: number;
  readonly rho: number;
}

/**
 * `steps` updates from `start`; returns the iterates w_0 … w_steps, interleaved [x0, y0, x1, y1, …].
 * - sgd:      w ← w − α∇f(w)
 * - momentum: v ← ρv + ∇f(w); w ← w − αv. (The notes write ∇f(w_{n+1}), which would make the step
 *             implicit; their own expansion v_n = ∇f(w_n) + ρ∇f(w_{n−1}) + … is this rule, tf.train.momentum's.)
 * - nesterov: v ← ρv − α∇f(w + ρv); w ← w + v, with v₀ = 0.
 */
export function iterate(method: Method, gradient: Gradient, start: Vec2, settings: Settings, steps: number): Float64Array {
  const { learningRate: alpha, rho } = settings;
  const path = new Float64Array(2 * (steps + 1));
  let [w1, w2] = start;
  let v1 = 0;
  let v2 = 0;
  path[0] = w1;
  path[1] = w2;
  for (let n = 1; n <= steps; n++) {
    if (method === 'sgd') {
      const [g1, g2] = gradient([w1, w2]);
      w1 -= alpha * g1;
      w2 -= alpha * g2;
    } else if (method === 'momentum') {
      const [g1, g2] = gradient([w1, w2]);
      v1 = rho * v1 + g1;
      v2 = rho * v2 + g2;
      w1 -= alpha * v1;
      w2 -= alpha * v2;
    } else {
      const [g1, g2] = gradient([w1 + rho * v1, w2 + rho * v2]);
      v1 = rho * v1 - alpha * g1;
      v2 = rho * v2 - alpha * g2;
      w1 += v1;
      w2 += v2;
    }
    path[2 * n] = w1;
    path[2 * n + 1] = w2;
  }
  return path;
}

/**
 * First n from which ‖w_m − w*‖ ≤ tol·‖w_0 − w*‖ for every later m ≤ maxSteps (momentum oscillates, so a
 * single dip below the tolerance is not convergence); undefined when the budget ends above it.
 */
export function stepsToTolerance(path: Float64Array, minimum: Vec2, tolerance: number): number | undefined {
  const distance = (n: number): number => Math.hypot(path[2 * n] - minimum[0], path[2 * n + 1] - minimum[1]);
  const threshold = tolerance * distance(0);
  const last = path.length / 2 - 1;
  if (!(distance(last) <= threshold)) return undefined;
  let n = last;
  while (n > 0 && distance(n - 1) <= threshold) n--;
  return n;
}

/** f(w) = ½(a·w₁² + b·w₂²) with a = 1 (so L = 1) and b = 1/κ: condition number κ, minimum at 0. */
export function quadratic(kappa: number): { readonly value: (w: Vec2) => number; readonly gradient: Gradient; readonly curvatures: Vec2 } {
  const b = 1 / kappa;
  return {
    value: ([w1, w2]) => 0.5 * (w1 * w1 + b * w2 * w2),
    gradient: ([w1, w2]) => [w1, b * w2],
    curvatures: [1, b],
  };
}

/**
 * Largest |root| of the per-eigenvalue recurrence, over the curvatures λ (h = αλ):
 * sgd w_{n+1} = (1 − h)w_n; momentum z² − (1 + ρ − h)z + ρ = 0; nesterov z² − (1 + ρ)(1 − h)z + ρ(1 − h) = 0.
 * The distance to the minimum then shrinks like rate^n.
 */
export function convergenceRate(method: Method, curvatures: readonly number[], settings: Settings): number {
  const { learningRate: alpha, rho } = settings;
  return Math.max(
    ...curvatures.map((lambda) => {
      const h = alpha * lambda;
      if (method === 'sgd') return Math.abs(1 - h);
      return method === 'momentum' ? largestRoot(1 + rho - h, rho) : largestRoot((1 + rho) * (1 - h), rho * (1 - h));
    }),
  );
}

/** Largest |z| with z² − s·z + p = 0. */
function largestRoot(s: number, p: number): number {
  const discriminant = s * s - 4 * p;
  if (discriminant < 0) return Math.sqrt(p);
  const root = Math.sqrt(discriminant);
  return Math.max(Math.abs((s + root) / 2), Math.abs((s - root) / 2));
}

/** ln(tol) / ln(rate): the iterations a rate^n decay needs to reach the tolerance. */
export function predictedSteps(rate: number, tolerance: number): number {
  return rate < 1 ? Math.log(tolerance) / Math.log(rate) : Number.POSITIVE_INFINITY;
}

/** The best constant settings for a quadratic with curvatures in [μ, L] (Polyak; Nesterov's lr = 1/L). */
export function tunedSettings(method: Method, mu: number, L: number): Settings {
  const kappa = L / mu;
  if (method === 'sgd') return { learningRate: 2 / (L + mu), rho: 0 };
  if (method === 'momentum') {
    return { learningRate: 4 / (Math.sqrt(L) + Math.sqrt(mu)) ** 2, rho: ((Math.sqrt(kappa) - 1) / (Math.sqrt(kappa) + 1)) ** 2 };
  }
  return { learningRate: 1 / L, rho: (Math.sqrt(kappa) - 1) / (Math.sqrt(kappa) + 1) };
}
