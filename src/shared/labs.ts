/**
 * What a lab is and what it computes: the engine produces these, the CLI prints them and the lab webviews
 * will render them. Plain data only (typed arrays for long series), no `vscode`, no tfjs.
 */
import type { TopicId } from '../knowledge/topicIds';
import type { ActivationStats, BackendName } from './trainingData';

export const LAB_NAMES = ['weight-init', 'activations', 'optimizers', 'schedules', 'regularization', 'preprocessing', 'text', 'attention'] as const;
export type LabName = (typeof LAB_NAMES)[number];

// ---- Parameters: one schema drives the CLI flags, the webview controls and the validation of both.

interface ParamSpecBase {
  /** camelCase key; the CLI flag is its kebab-case form (`lrScale` → `--lr-scale`). */
  readonly name: string;
  readonly label: string;
}
export interface NumberParamSpec extends ParamSpecBase {
  readonly kind: 'number';
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
}
export interface ChoiceParamSpec extends ParamSpecBase {
  readonly kind: 'choice';
  readonly default: string;
  readonly choices: readonly string[];
}
export interface TextParamSpec extends ParamSpecBase {
  readonly kind: 'text';
  readonly default: string;
  readonly maxLength: number;
}
export type ParamSpec = NumberParamSpec | ChoiceParamSpec | TextParamSpec;
export type ParamValue = number | string;
export type ParamValues = Readonly<Record<string, ParamValue>>;

type ValueOf<S> = S extends { readonly kind: 'number' } ? number : S extends { readonly choices: readonly (infer C)[] } ? C : string;
/** The typed parameters a schema declared `as const` describes. */
export type ParamsOf<Specs extends readonly ParamSpec[]> = { readonly [S in Specs[number] as S['name']]: ValueOf<S> };

export interface LabInfo {
  readonly name: LabName;
  readonly title: string;
  readonly summary: string;
  /** Note sections the lab reproduces (knowledge/topicIds). */
  readonly topics: readonly TopicId[];
  readonly params: readonly ParamSpec[];
  /** False for labs that are plain arithmetic or text: no tfjs backend is started for them. */
  readonly usesTensorflow: boolean;
}

/** A table of key numbers, as `deepscope lab <name>` prints it. */
export interface KeyTable {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
  readonly note?: string;
}

export interface LabReport<R extends LabResult = LabResult> {
  readonly name: LabName;
  readonly title: string;
  readonly topics: readonly TopicId[];
  readonly backend: BackendName | 'none';
  readonly params: ParamValues;
  readonly elapsedMs: number;
  readonly result: R;
}

/** A curve sampled on a grid: y[i] at x[i]. */
export interface Series {
  readonly label: string;
  readonly x: Float32Array;
  readonly y: Float32Array;
}

// ---- 1. Weight initialisation

export interface InitLayer {
  /** 1-based layer index. */
  readonly layer: number;
  readonly stats: ActivationStats;
  /** Width-limit (mean-field) prediction of the activation std and of the saturated (tanh) or zero (ReLU) fraction. */
  readonly predictedStd: number;
  readonly predictedFraction: number;
}
export interface InitRun {
  readonly scheme: string;
  readonly activation: 'tanh' | 'relu';
  /** Standard deviation the weights were drawn with. */
  readonly weightStd: number;
  readonly layers: readonly InitLayer[];
}
export interface SymmetryRun {
  readonly init: string;
  readonly lossBefore: number;
  readonly lossAfter: number;
  /** Per hidden layer: largest |w_ij − w_i0| over units j (0 = every unit identical) and ‖ΔW‖ over training. */
  readonly layers: readonly { readonly layer: number; readonly maxUnitDifference: number; readonly weightChange: number }[];
}
export interface WeightInitResult {
  readonly lab: 'weight-init';
  readonly runs: readonly InitRun[];
  readonly symmetry: readonly SymmetryRun[];
}

// ---- 2. Activation functions

export interface ActivationCurve {
  readonly activation: string;
  /** f and f' on ActivationsResult.grid. */
  readonly y: Float32Array;
  readonly derivative: Float32Array;
}
export interface DepthGradients {
  readonly activation: string;
  readonly init: 'xavier' | 'he';
  /** ‖∂L/∂h_l‖ for l = 1 (next to the input) … depth. */
  readonly gradientNorms: Float32Array;
}
export interface DeadUnitsRun {
  readonly activation: string;
  /** Learning rate of the first epochs (the "kick"); the run goes on at the normal rate. */
  readonly highLearningRate: number;
  /** Fraction of hidden units with pre-activation ≤ 0 on every example: at init, then after each epoch. */
  readonly inactive: Float32Array;
  /** Fraction of hidden units whose weights get exactly zero gradient, at the same moments. */
  readonly dead: Float32Array;
  /** Mean training loss of each epoch. */
  readonly losses: Float32Array;
  readonly accuracy: number;
  /** PReLU only: the learned slopes. */
  readonly alpha?: { readonly mean: number; readonly min: number; readonly max: number };
}
export interface ActivationsResult {
  readonly lab: 'activations';
  readonly grid: Float32Array;
  readonly curves: readonly ActivationCurve[];
  readonly depth: readonly DepthGradients[];
  readonly training: readonly DeadUnitsRun[];
}

// ---- 3. Optimisers

export interface OptimizerRun {
  readonly method: string;
  /** Iterates w_0, w_1, … interleaved [x0, y0, x1, y1, …]. */
  readonly path: Float32Array;
  /** Iterations until ‖w − w*‖ stays below tolerance × ‖w₀ − w*‖; null when the budget ran out. */
  readonly steps: number | null;
  /** Spectral radius of the method's linear recurrence: the distance shrinks like rate^n. */
  readonly rate: number;
  readonly predictedSteps: number;
}
export interface TunedRow {
  readonly kappa: number;
  readonly method: string;
  readonly learningRate: number;
  readonly rho: number;
  readonly steps: number | null;
  readonly predictedSteps: number;
}
export interface SaddleRun {
  readonly method: string;
  readonly path: Float32Array;
  /** First iteration with |w₂| > 0.5; null if it never left the saddle. */
  readonly escapedAt: number | null;
  /** Iterations before escaping spent with a gradient norm below 1e-2 (the plateau). */
  readonly stalledSteps: number;
}
export interface OptimizersResult {
  readonly lab: 'optimizers';
  readonly learningRate: number;
  readonly runs: readonly OptimizerRun[];
  readonly tuned: readonly TunedRow[];
  readonly saddle: readonly SaddleRun[];
}

// ---- 4. Learning-rate schedules

export interface ScheduleRun {
  readonly schedule: string;
  /** Learning rate of each epoch. */
  readonly learningRates: Float32Array;
  /** Mean training loss of each epoch. */
  readonly losses: Float32Array;
  /** Loss and accuracy on the training set after the last epoch. */
  readonly finalLoss: number;
  readonly accuracy: number;
}
export interface SchedulesResult {
  readonly lab: 'schedules';
  readonly runs: readonly ScheduleRun[];
}

export type LabResult = WeightInitResult | ActivationsResult | OptimizersResult | SchedulesResult;
