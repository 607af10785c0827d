/**
 * Named ScaffoldOptions covering every template and every option value at least once, shared by the
 * compile and training tests, plus the small CSV files the csv cases read.
 */
import { defaultOptions } from '../../../src/scaffold/core/choices';
import type { CsvSource, ScaffoldOptions, TemplateName } from '../../../src/scaffold/core/scaffoldOptions';

/** 40 houses: area (m²), rooms, a city (class), price (k€); deterministic. */
export function housesCsv(): string {
  const cities = ['Paris', 'Lyon', 'Nice'];
  const rows = Array.from({ length: 40 }, (_, i) => {
    const area = 30 + ((i * 37) % 90);
    const rooms = 1 + (i % 5);
    const city = cities[i % 3] ?? 'Paris';
    return `${area},${rooms},"${city}",${(area * 3 + rooms * 10 + (i % 7)).toFixed(1)}`;
  });
  return ['area,rooms,city,price', ...rows].join('\r\n') + '\r\n';
}

export const HOUSES_FILE = 'houses.csv';

const houses = (target: number, features: number[], classes?: string[]): CsvSource => ({
  relativePath: HOUSES_FILE,
  hasHeader: true,
  columnNames: ['area', 'rooms', 'city', 'price'],
  featureColumns: features,
  targetColumn: target,
  ...(classes === undefined ? {} : { classes }),
});

export const CSV_CLASSIFICATION: ScaffoldOptions = {
  ...defaultOptions('csv', 'classification'),
  csv: houses(2, [0, 1, 3], ['Paris', 'Lyon', 'Nice']),
};

export const CSV_REGRESSION: ScaffoldOptions = { ...defaultOptions('csv', 'regression'), csv: houses(3, [0, 1]) };

/** Template defaults (csv with the houses file). */
export function defaultCase(template: TemplateName): ScaffoldOptions {
  return template === 'csv' ? CSV_CLASSIFICATION : defaultOptions(template);
}

export const TEMPLATE_NAMES: readonly TemplateName[] = ['spiral', 'moons', 'blobs', 'sine', 'iris', 'csv'];

/** Every template's defaults, then variants; keys are valid file names. */
export const CASES: Readonly<Record<string, ScaffoldOptions>> = {
  ...Object.fromEntries(TEMPLATE_NAMES.map((t) => [t, defaultCase(t)])),
  spiralBnDropout: { ...defaultOptions('spiral'), batchNorm: true, dropout: 0.2 },
  spiralLeakyBnExponential: { ...defaultOptions('spiral'), activation: 'leakyRelu', batchNorm: true, schedule: 'exponential' },
  moonsTanhGlorotMomentum: { ...defaultOptions('moons'), activation: 'tanh', initializer: 'glorotNormal', optimizer: 'momentum', schedule: 'inverseTime' },
  blobsSigmoidSgdNoCenter: { ...defaultOptions('blobs'), activation: 'sigmoid', optimizer: 'sgd', centerInputs: false, schedule: 'constant' },
  sinePreluAdamDropout: { ...defaultOptions('sine'), activation: 'prelu', optimizer: 'adam', learningRate: 0.005, dropout: 0.1, initializer: 'heUniform' },
  irisRegressionEluBn: { ...defaultOptions('iris', 'regression'), activation: 'elu', batchNorm: true, initializer: 'glorotUniform' },
  csvRegression: CSV_REGRESSION,
  csvSingleLayerNoCenter: { ...CSV_CLASSIFICATION, hiddenUnits: [8], centerInputs: false, dropout: 0.5 },
};
