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
    epochsWhy: classification ? [
      'Few epochs: 150 flowers are a tiny data set. With these defaults over 60 epochs, the network learnt its 120',
      'training flowers by heart: training accuracy 100%, validation loss up from 0.18 (epoch 13) to 0.32 as the',
      'network grew sure of the few flowers it gets wrong (overfitting). Dropout, the notes\' regulariser (topic',
      'reg-dropout), did not stop it here (0.2 after each layer: 0.20 → 0.49); stopping before the climb does.',
    ] : undefined,
  });
}
