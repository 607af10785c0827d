/**
 * What a training run reports: the engine produces it, the extension host relays it, the
 * dashboard and the diagnosis read it. Plain data only (typed arrays for bins), no `vscode`,
 * no tfjs: it crosses the process boundary and the webview boundary as is.
 */

/** Equal-width bins between `min` and `max`. */
export interface Histogram {
  readonly min: number;
  readonly max: number;
  readonly counts: Float32Array;
}

/** TensorBoard's distribution percentiles (±0, 1, 1.5, 2 σ of a normal, and the extremes). */
export const DISTRIBUTION_PERCENTILES = [0, 6.68, 15.87, 30.85, 50, 69.15, 84.13, 93.32, 100] as const;

export interface DistributionStats {
  readonly count: number;
  readonly mean: number;
  readonly std: number;
  readonly min: number;
  readonly max: number;
  /** Fraction of exact zeros (dead ReLU outputs, dropped units, zero gradients). */
  readonly zeroFraction: number;
  readonly histogram: Histogram;
  /** Values at DISTRIBUTION_PERCENTILES, estimated from the histogram. */
  readonly percentiles: Float32Array;
}

export interface ActivationStats extends DistributionStats {
  /** |tanh| > 0.99, sigmoid < 0.01 or > 0.99; 0 for activations that do not saturate. */
  readonly saturatedFraction: number;
}

export interface WeightProbe {
  /** The variable's name in the model, e.g. `dense_Dense1/kernel`. */
  readonly name: string;
  readonly shape: readonly number[];
  readonly values: DistributionStats;
  readonly norm: number;
  readonly gradient?: {
    readonly norm: number;
    readonly meanAbs: number;
    readonly stats: DistributionStats;
  };
  /** ||ΔW|| / ||W|| over one optimiser step (≈1e-3 is healthy); absent on the first probe. */
  readonly updateRatio?: number;
  /**
   * Kernels with 2+ units: how much the units' weights differ (RMS over inputs of the standard
   * deviation across units). 0 when every unit has the same weights: a homogeneous initialisation.
   */
  readonly unitSpread?: number;
}

export interface LayerProbe {
  readonly layer: string;
  readonly activations: ActivationStats;
  /** Input of the activation function, for layers that have one (dense, conv). */
  readonly preActivations?: DistributionStats;
  readonly weights: readonly WeightProbe[];
}

/** All watched layers at one step, in network order. */
export interface ProbeFrame {
  readonly step: number;
  readonly epoch: number;
  readonly layers: readonly LayerProbe[];
}

/** A place in a source file: absolute path, 1-based line and column. */
export interface SourceSite {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface LayerInfo {
  readonly name: string;
  readonly className: string;
  /** e.g. `relu`, `tanh`, `linear`; absent when the layer has no activation. */
  readonly activation?: string;
  readonly outputShape: readonly (number | null)[];
  readonly paramCount: number;
  /** Where the layer was created (program runs: captured when the layer was constructed). */
  readonly source?: SourceSite;
}

/** The loss of one optimiser step (`step` counts from 0 over the whole run). */
export interface BatchLoss {
  readonly step: number;
  readonly epoch: number;
  readonly loss: number;
}

export interface EpochRecord {
  readonly epoch: number;
  readonly loss: number;
  /** Learning rate used during this epoch. */
  readonly lr: number;
  readonly metrics: Readonly<Record<string, number>>;
  readonly valLoss?: number;
  readonly valMetrics?: Readonly<Record<string, number>>;
  /** Runs of a program: the 0-based call of fit / fitDataset on the watched model that trained this epoch. */
  readonly fit?: number;
}

export type BackendName = 'tensorflow' | 'wasm' | 'cpu';

export type PyTorchBackend = 'torch-cpu' | 'torch-cuda';

/** The training inputs `x`, described once before training: are they centred, what is their range? */
export interface InputStats {
  readonly values: DistributionStats;
  /** Mean over the features (every axis but the first) of |the feature's mean|. */
  readonly meanAbsFeatureMean: number;
  /** Mean over the features of the feature's standard deviation. */
  readonly meanFeatureStd: number;
}

/**
 * The training targets `y`, described once before training (PyTorch: those of the first batch): the
 * range an output activation must reach, and whether they are class labels (one-hot rows, integers).
 */
export interface TargetStats {
  readonly min: number;
  readonly max: number;
  /** Every value is a whole number (class indices, counts, one-hot rows). */
  readonly integers: boolean;
  /** Rows of 0s with a single 1 (two columns or more): one-hot classes. */
  readonly oneHot: boolean;
  /** Size of the last axis (1 for one column or for a vector of labels). */
  readonly width: number;
}

export interface OptimizerInfo {
  /** tfjs class name: `SGD`, `Momentum`, `Adam`, `RMSProp`… */
  readonly name: string;
  /** The rate it was built with (a schedule may change it each epoch: see EpochRecord.lr). */
  readonly learningRate: number;
  readonly momentum?: number;
  readonly nesterov?: boolean;
}

/** What trained the run: DeepScope's TensorFlow.js engine (model modules and programs) or the PyTorch watcher. */
export type Framework = 'tfjs' | 'pytorch';

export interface RunStart {
  /** What computes: a tfjs BackendName, or the PyTorch watcher's `torch-cpu` / `torch-cuda`. */
  readonly backend: BackendName | PyTorchBackend;
  /** Absent in logs written before PyTorch runs existed: tfjs. */
  readonly framework?: Framework;
  readonly modelFile: string;
  readonly epochs: number;
  readonly stepsPerEpoch: number;
  readonly layers: readonly LayerInfo[];
  readonly watchedLayers: readonly string[];
  readonly optimizer?: OptimizerInfo;
  readonly inputs?: InputStats;
  /**
   * The loss of always predicting the mean target (ln 3 for 3 balanced classes, var(y) for mean
   * squared error): the bar a model that learns must clear. Absent when it cannot be computed.
   */
  readonly baselineLoss?: number;
  /** The loss as the framework names it: tfjs `meanSquaredError`, `categoricalCrossentropy`…, torch `mse_loss`, `cross_entropy`… */
  readonly loss?: string;
  readonly targets?: TargetStats;
  /**
   * Program runs: where the model was built, compiled (its optimizer) and fitted (its data); PyTorch
   * runs also where the loss was first computed (`loss`).
   */
  readonly sites?: { readonly model?: SourceSite; readonly optimizer?: SourceSite; readonly data?: SourceSite; readonly loss?: SourceSite };
}
