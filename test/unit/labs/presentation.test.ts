/** What the quick pick and each lab view show around the results: titles, claims and note links in EN and FR. */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { LAB_CATALOG } from '../../../src/labs/core/catalog';
import { getKnowledge } from '../../../src/notes/core';
import { labPanelTitle, labPicks, labPresentation } from '../../../src/labs/core/labPresentation';
import { LAB_NAMES } from '../../../src/labs/core/labs';

test('every lab has a title and a claim in both languages, and the English title is the CLI’s', () => {
  for (const info of LAB_CATALOG) {
    assert.equal(info.texts.title.en, info.title);
    for (const language of ['en', 'fr'] as const) {
      assert.ok(info.texts.title[language].length > 3 && info.texts.claim[language].length > 60, `${info.name} ${language}`);
    }
  }
  assert.deepEqual(LAB_CATALOG.map((info) => info.name).sort(), [...LAB_NAMES].sort());
});

test('the quick pick: the 8 labs in the registry order, with their claim and note topics in the chosen language', () => {
  const french = labPicks(LAB_CATALOG, 'fr', getKnowledge());
  assert.deepEqual(french.map((pick) => pick.lab), [...LAB_NAMES]);
  const init = french[0];
  assert.equal(init.label, 'Initialisation des poids');
  assert.match(init.detail, /He \(variance 2\/n\) garde ReLU stable/);
  assert.match(init.description, /Initialisation de He/);
  assert.match(labPicks(LAB_CATALOG, 'en', getKnowledge())[2].description, /Nesterov momentum/);
});

test('a view gets its schema, its note links and whether it may re-run on every change', () => {
  const infos = LAB_CATALOG;
  const optimizers = labPresentation(infos.find((info) => info.name === 'optimizers')!, 'en', getKnowledge());
  assert.equal(optimizers.rerunOnChange, true, 'plain arithmetic');
  assert.deepEqual(optimizers.topics.map((topic) => topic.topic), ['optim-sgd', 'optim-momentum', 'optim-nesterov', 'optim-saddle-points']);
  assert.equal(labPresentation(infos.find((info) => info.name === 'attention')!, 'en', getKnowledge()).rerunOnChange, false, 'trains a model');
  assert.equal(labPanelTitle('Attention', 'en'), 'Lab: Attention');
  assert.equal(labPanelTitle('Attention', 'fr'), 'Labo : Attention');
});
