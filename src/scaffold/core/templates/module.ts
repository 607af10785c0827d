/** Puts the parts of a model module together in reading order: header, data, model, training. */
import type { ScaffoldOptions } from '../scaffoldOptions';
import { sections } from './code';
import { examplesTypePart, loadDataPart } from './dataset';
import { type HeaderInfo, headerPart } from './header';
import { modelPart } from './model';
import { randomPart } from './random';
import { trainingPart } from './trainingConfig';

/** What a template contributes: its description and the code producing its Examples. */
export interface DataSource extends HeaderInfo {
  /** Constants (N_FEATURES, and N_CLASSES for classification) and the functions building the Examples. */
  readonly code: string;
  /** Expression of type Examples; `rand`, the seeded generator, is in scope. */
  readonly examples: string;
  /** Whether `code` calls gaussian(rand). */
  readonly usesGaussian: boolean;
  /** Why this data set wants the number of epochs it gets, as comment lines above `epochs`. */
  readonly epochsWhy?: readonly string[];
}

const banner = (title: string): string => `// ---- ${title} ${'-'.repeat(100 - title.length)}`;

export function assembleModule(options: ScaffoldOptions, data: DataSource): string {
  return sections(
    headerPart(options, data),
    banner('Data'),
    randomPart(data.usesGaussian),
    examplesTypePart(),
    data.code,
    loadDataPart(options, data.examples),
    banner('Model'),
    modelPart(options),
    banner('Training'),
    trainingPart(options, data.epochsWhy),
  );
}
