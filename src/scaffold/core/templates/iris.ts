/** The real Iris data set, read from the iris.csv written next to the model (see ../irisCsv.ts). */
import { irisCsvSource } from '../irisCsv';
import type { ScaffoldOptions } from '../scaffoldOptions';
import { csvLoaderPart } from './csvLoader';
import { assembleModule } from './module';

export function generate(options: ScaffoldOptions): string {
  const source = options.csv ?? irisCsvSource(options.task);
  const classification = options.task === 'classification';
  return assembleModule(options, {
    title: classification ? 'Iris species classifier' : 'Iris petal-width regression',
    about: [
      `Data: the Iris data set (Fisher, 1936) in ${source.relativePath}, next to this file: 150 flowers, 50 per species,`,
      'with sepal and petal length and width in centimetres.',
      classification
        ? 'Task: predict the species (setosa, versicolor, virginica) from the 4 measurements. Chance is 33%.'
        : 'Task: predict petal width from the 3 other measurements (regression).',
    ],
    readsFiles: true,
    code: csvLoaderPart(source, options.task),
    examples: 'readCsvExamples()',
    usesGaussian: false,
  });
}
