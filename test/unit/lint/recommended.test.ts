/**
 * The notes' recommended code gets no finding at all: every scaffold template with its defaults (with
 * and without batch norm and dropout) and every DeepScope snippet. Each non-recommended scaffold choice
 * gets the finding that explains it, so the scaffold's comments and the lint agree.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { defaultOptions } from '../../../src/scaffold/core/choices';
import type { ScaffoldOptions, TemplateName } from '../../../src/scaffold/core/scaffoldOptions';
import { generateModule } from '../../../src/scaffold/core/templates';
import type { LintLanguage, LintRuleId } from '../../../src/lint/core/types';
import { expandSnippet } from '../snippets/expandSnippet';
import { findings } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');
const TEMPLATES: readonly TemplateName[] = ['spiral', 'moons', 'blobs', 'sine', 'iris'];
const EXTRAS: readonly Partial<ScaffoldOptions>[] = [{}, { batchNorm: true }, { dropout: 0.5 }, { batchNorm: true, dropout: 0.2 }];

const rulesOf = (text: string, language: LintLanguage = 'typescript'): LintRuleId[] => findings(text, language).map((finding) => finding.rule);

describe('recommended code gets no finding', () => {
  for (const template of TEMPLATES) {
    test(`scaffold: ${template} with the notes' defaults`, () => {
      for (const extra of EXTRAS) {
        assert.deepEqual(rulesOf(generateModule({ ...defaultOptions(template), ...extra })), [], JSON.stringify(extra));
      }
    });
  }

  for (const [file, languages] of [
    ['snippets/tfjs.code-snippets', ['typescript', 'javascript']],
    ['snippets/python.code-snippets', ['python']],
  ] as const) {
    test(`every snippet of ${file}`, () => {
      const snippets = JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, { prefix: string; body: string[] }>;
      for (const snippet of Object.values(snippets)) {
        for (const language of languages) assert.deepEqual(rulesOf(expandSnippet(snippet.body), language), [], snippet.prefix);
      }
    });
  }
});

describe("the scaffold's non-recommended choices get their finding", () => {
  const cases: readonly [Partial<ScaffoldOptions>, LintRuleId][] = [
    [{ activation: 'sigmoid' }, 'hidden-saturating-activation'],
    [{ activation: 'tanh', batchNorm: true }, 'hidden-saturating-activation'],
    [{ initializer: 'glorotUniform' }, 'glorot-with-relu'],
    [{ optimizer: 'sgd' }, 'sgd-without-momentum'],
    [{ schedule: 'constant' }, 'constant-learning-rate'],
  ];
  for (const [choice, rule] of cases) {
    test(`${JSON.stringify(choice)} → ${rule}`, () => {
      const rules = new Set(rulesOf(generateModule({ ...defaultOptions('spiral'), ...choice })));
      assert.deepEqual([...rules], [rule]);
    });
  }
});
