/** The top of every model module: what it is, how to train it, imports and the seed. */
import type { ScaffoldOptions } from '../scaffoldOptions';
import { lines, num } from './code';

export interface HeaderInfo {
  /** First line of the module comment, e.g. "Spiral classifier". */
  readonly title: string;
  /** Lines describing the data set. */
  readonly about: readonly string[];
  /** The CSV templates read a file next to the model. */
  readonly readsFiles: boolean;
}

export function headerPart(options: ScaffoldOptions, info: HeaderInfo): string {
  return lines(
    '/**',
    ` * ${info.title}, scaffolded by DeepScope.`,
    ' *',
    ...info.about.map((line) => ` * ${line}`),
    ' *',
    ' * Train it with the DeepScope "Train" command in VS Code, or `deepscope train <this file>`.',
    ' * Each default says why in a comment, citing the lecture-note topic it comes from (e.g. topic init-he);',
    ' * change anything and retrain to see the effect.',
    ' */',
    "import * as tf from '@tensorflow/tfjs';",
    info.readsFiles && "import * as fs from 'node:fs';",
    info.readsFiles && "import * as path from 'node:path';",
    '',
    '/** Seed of the data shuffling and of the initial weights: same seed, same run. */',
    `const SEED = ${num(options.seed)};`,
  );
}
