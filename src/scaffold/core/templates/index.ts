/** One entry point for every template: options in, model-module source out. */
import type { ScaffoldOptions, TemplateName } from '../scaffoldOptions';
import { optionProblems } from '../validate';
import * as blobs from './blobs';
import * as csv from './csv';
import * as iris from './iris';
import * as moons from './moons';
import * as sine from './sine';
import * as spiral from './spiral';

const GENERATORS: Readonly<Record<TemplateName, (options: ScaffoldOptions) => string>> = {
  spiral: spiral.generate,
  moons: moons.generate,
  blobs: blobs.generate,
  sine: sine.generate,
  iris: iris.generate,
  csv: csv.generate,
};

/** The TypeScript model module for `options`; throws an Error listing what is wrong with invalid options. */
export function generateModule(options: ScaffoldOptions): string {
  const problems = optionProblems(options);
  if (problems.length > 0) throw new Error(`Cannot scaffold this model: ${problems.join('; ')}.`);
  return GENERATORS[options.template](options);
}
