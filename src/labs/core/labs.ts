/**
 * What a lab is and what it computes: the engine produces these, the CLI prints them and the lab webviews
 * (webviews/labs) render them. Plain data only (typed arrays for long series), no `vscode`, no tfjs.
 */
import type { Bilingual } from '../../common/core/language';
import type { TopicId } from '../../notes/core/topicIds';
import type { ActivationStats, BackendName } from '../../runs/core/trainingData';

export const LAB_NAMES = ['weight-init', 'activations', 'optimizers', 'schedules', 'regularization', 'preprocessing', 'text', 'attention'] as const;
export type LabName = (typeof LAB_NAMES)[number];
export type { ChoiceParamSpec, NumberParamSpec, ParamSpec, ParamsOf, ParamValue, ParamValues, TextParamSpec } from './paramSpecs';
import type { ParamSpec, ParamValues } from './paramSpecs';
// ---- Labs, their key numbers and their reports
/** A lab's title and the claim of the notes it reproduces, in both display languages. */
export interface LabTexts {
  readonly title: Bilingual;
  readonly claim: Bilingual;
  readonly summary: Bilingual;
}
export interface LabInfo {
  readonly name: LabName;
  /** English title, as the CLI prints it. */
  readonly title: string;
  readonly texts: LabTexts;
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
  /** The tfjs backend the lab ran on; `none` for the labs without tfjs. */
  readonly backend: BackendName | 'none';
  /** Every parameter, defaults included. */
  readonly params: ParamValues;
  readonly elapsedMs: number;
  readonly result: R;
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
  readonly path: Float64Array;
  /** Iterations until ‖w − w*‖ stays below tolerance × ‖w₀ − w*‖; null when the budget ran out. */
  readonly steps: number | null;
  /** Spectral radius of the method's linear recurrence: the distance shrinks like rate^n. */
  readonly rate: number;
  readonly predictedSteps: number;
}
export interface TunedRow extends Pick<OptimizerRun, 'method' | 'steps' | 'predictedSteps'> {
  readonly kappa: number;
  readonly learningRate: number;
  readonly rho: number;
}
export interface SaddleRun extends Pick<OptimizerRun, 'method' | 'path'> {
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
  /**
   * Mean training loss over the last quarter of the epochs: the level the run settled at. A run that
   * keeps bouncing ends anywhere in its bounce, so its last loss alone says little.
   */
  readonly settledLoss: number;
}
export interface SchedulesResult {
  readonly lab: 'schedules';
  readonly runs: readonly ScheduleRun[];
}
// ---- 5. Regularisation
export interface DropoutCheck {
  /** tfjs's rate: the fraction dropped (the notes' p is the fraction kept, 1 − rate). */
  readonly rate: number;
  /** Mean activation before dropout, after it in training, and at test time; fraction zeroed in training. */
  readonly inputMean: number;
  readonly trainingMean: number;
  readonly testMean: number;
  readonly zeroFraction: number;
  /** Mean factor applied to the kept values in training: 1/(1 − rate). */
  readonly keptScale: number;
  /** Largest change dropout makes at test time (0: the identity). */
  readonly testMaxChange: number;
  /** Fraction of positions where two training calls of a seeded tf.layers.dropout agree (1: the same mask). */
  readonly seededMaskRepeat: number;
}
export interface BatchNormProbe {
  readonly step: number;
  /** Mean over units of |batch mean − running mean| of the layer's input. */
  readonly meanGap: number;
  /** Mean over units of |log batch variance − log running variance|. */
  readonly logVarianceGap: number;
  /** Mean |output in training mode − output in test mode| on the training batch. */
  readonly outputGap: number;
}
export interface RegularizationRun {
  readonly variant: 'none' | 'dropout' | 'batch-norm';
  readonly losses: Float32Array;
  readonly valLosses: Float32Array;
  /** After training, evaluated in test mode. */
  readonly trainLoss: number;
  readonly valLoss: number;
  readonly trainAccuracy: number;
  readonly valAccuracy: number;
  /** batch-norm only: the first layer's statistics during training. */
  readonly batchNorm: readonly BatchNormProbe[];
}
export interface RegularizationResult {
  readonly lab: 'regularization';
  readonly dropout: DropoutCheck;
  readonly runs: readonly RegularizationRun[];
}
// ---- 6. Preprocessing
export interface CenteringRun {
  readonly inputs: 'raw' | 'centred';
  /** Fraction of (example, first-layer unit) pairs whose per-example weight gradients all share one sign. */
  readonly sameSignPerExample: number;
  /** Fraction of first-layer units whose mini-batch weight gradient shares one sign. */
  readonly sameSignBatch: number;
  /** As sameSignPerExample, for the next layer (its inputs are sigmoid outputs, always positive). */
  readonly sameSignNextLayer: number;
  readonly losses: Float32Array;
  /** First epoch whose mean loss is below the threshold; null if never within the budget. */
  readonly epochsToThreshold: number | null;
}
export interface UpdatePath {
  readonly inputs: 'raw' | 'centred';
  /** Weights after each per-example SGD step, interleaved [w1, w2, …] from (0, 0). */
  readonly path: Float32Array;
  /** Fraction of steps that moved both weights in the same direction. */
  readonly sameSignSteps: number;
  /** Length of the path over the straight distance it covered (1 = a straight line). */
  readonly pathLengthRatio: number;
  readonly distanceLeft: number;
}
export interface PreprocessingResult {
  readonly lab: 'preprocessing';
  readonly runs: readonly CenteringRun[];
  readonly paths: readonly UpdatePath[];
}
// ---- 7. Text preprocessing
export interface TextToken {
  readonly text: string;
  /** False for punctuation, emoji, numbers… */
  readonly isWord: boolean;
  /** Universal part-of-speech tag (NOUN, VERB, …). */
  readonly pos: string;
  /** Lower case, contractions expanded ("n't" → "not"). */
  readonly normal: string;
  readonly stem: string;
  readonly lemma: string;
  /** Stop word for wink-nlp, and for the `stopword` package's English list. */
  readonly stopWordLibrary: boolean;
  readonly stopWordList: boolean;
}
export interface NotesExample extends Pick<TextToken, 'pos' | 'stem' | 'lemma'> {
  readonly word: string;
  readonly context: string;
}
export interface StopWordSplit {
  readonly words: readonly string[];
  readonly kept: readonly string[];
}
export interface TextResult {
  readonly lab: 'text';
  readonly sentences: { readonly naive: readonly string[]; readonly library: readonly string[] };
  readonly words: { readonly naive: readonly string[]; readonly library: readonly string[] };
  readonly expanded: string;
  readonly tokens: readonly TextToken[];
  readonly stopWords: { readonly english: StopWordSplit; readonly french: StopWordSplit };
  readonly notesExamples: readonly NotesExample[];
}
// ---- 8. Attention
export interface AttentionResult {
  readonly lab: 'attention';
  readonly length: number;
  /** Training loss and the mean mirrored weight on 64 test sequences, every checkEvery steps. */
  readonly checkEvery: number;
  readonly losses: Float32Array;
  readonly mirroredDuringTraining: Float32Array;
  /** Greedy decoding of the test sequences. */
  readonly sequenceAccuracy: number;
  readonly tokenAccuracy: number;
  /** Attention weights averaged over the test sequences, row-major [output step i][input position j]. */
  readonly meanWeights: Float32Array;
  /** meanWeights[i][n − 1 − i] for each step i, and their mean. */
  readonly mirroredByStep: Float32Array;
  readonly mirroredWeight: number;
  /** The first test sequence: its symbols, the decoded output and its own weights (row-major n × n). */
  readonly example: { readonly input: Int32Array; readonly output: Int32Array; readonly weights: Float32Array };
}

export type LabResult = WeightInitResult | ActivationsResult | OptimizersResult | SchedulesResult | RegularizationResult
  | PreprocessingResult | TextResult | AttentionResult;
