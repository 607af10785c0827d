/** The user's own CSV file, read at run time from a path relative to the model file. */
import type { CsvSource, ScaffoldOptions } from '../scaffoldOptions';
import { commentText } from './code';
import { csvLoaderPart } from './csvLoader';
import { assembleModule } from './module';

function columnList(source: CsvSource, columns: readonly number[]): string {
  return columns.map((c) => commentText(source.columnNames[c] ?? `column${c + 1}`)).join(', ');
}

export function generate(options: ScaffoldOptions): string {
  const source = options.csv;
  if (source === undefined) throw new Error('The csv template needs a CSV file (options.csv).');
  const target = columnList(source, [source.targetColumn]);
  return assembleModule(options, {
    title: options.task === 'classification' ? `Classifier of ${target}` : `Regression of ${target}`,
    about: [
      `Data: ${commentText(source.relativePath)} (relative to this file), read when training starts.`,
      `Inputs: ${columnList(source, source.featureColumns)}.`,
      options.task === 'classification'
        ? `Task: predict ${target}, one of ${source.classes?.length ?? 0} classes.`
        : `Task: predict the number in ${target} (regression).`,
      'Inputs in very different units (metres and euros, say) may also need dividing by their standard',
      'deviation; the notes only centre them (topic preprocessing-centering).',
    ],
    readsFiles: true,
    code: csvLoaderPart(source, options.task),
    examples: 'readCsvExamples()',
    usesGaussian: false,
  });
}
