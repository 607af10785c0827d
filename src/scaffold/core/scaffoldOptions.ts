/**
 * What a scaffolded model module is made of. Shared by the "New Model…" quick picks, the
 * `deepscope new` CLI and the templates, so the three always agree. No `vscode` import here.
 */
export type Task = 'classification' | 'regression';

/** Where the data comes from: a generated toy set, a real dataset shipped in npm, or the user's CSV. */
export type TemplateName = 'spiral' | 'moons' | 'blobs' | 'sine' | 'iris' | 'csv';

export type Activation = 'relu' | 'leakyRelu' | 'prelu' | 'elu' | 'tanh' | 'sigmoid';
export type Initializer = 'heNormal' | 'heUniform' | 'glorotNormal' | 'glorotUniform';
export type OptimizerKind = 'nesterov' | 'momentum' | 'sgd' | 'adam';
export type Schedule = 'step' | 'exponential' | 'inverseTime' | 'constant';

/** A CSV file the generated module reads at run time, relative to the model file. */
export interface CsvSource {
  /** Path relative to the model file, with forward slashes (e.g. `data/houses.csv`). */
  readonly relativePath: string;
  /** Whether the first line names the columns. */
  readonly hasHeader: boolean;
  /** Column indices used as inputs, in file order. */
  readonly featureColumns: readonly number[];
  /** Column index predicted. For classification its distinct values become the classes. */
  readonly targetColumn: number;
  /** Column names (from the header, or `column1`…), used in comments. */
  readonly columnNames: readonly string[];
  /** Distinct target values in first-seen order (classification only). */
  readonly classes?: readonly string[];
}

export interface ScaffoldOptions {
  readonly template: TemplateName;
  readonly task: Task;
  /** Units per hidden layer, input side first. */
  readonly hiddenUnits: readonly number[];
  readonly activation: Activation;
  readonly initializer: Initializer;
  readonly optimizer: OptimizerKind;
  readonly learningRate: number;
  readonly schedule: Schedule;
  /** Batch normalisation between each hidden layer's linear part and its activation. */
  readonly batchNorm: boolean;
  /** Dropout rate after each hidden activation; 0 means no dropout layer. */
  readonly dropout: number;
  /** Subtract the training-set mean from each input feature. */
  readonly centerInputs: boolean;
  readonly epochs: number;
  readonly batchSize: number;
  /** Seed of the generated data and of the initialisers, so runs are reproducible. */
  readonly seed: number;
  /** Required when `template` is `csv` (and used by `iris`, whose CSV ships with DeepScope). */
  readonly csv?: CsvSource;
}
