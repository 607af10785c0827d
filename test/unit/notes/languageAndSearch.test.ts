/** The display language of the notes, and the search the notes viewer's quick pick uses. */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { asLanguageSetting, getKnowledge, pickLanguage, searchTopics } from '../../../src/notes/core';

describe('pickLanguage', () => {
  test('auto follows VS Code: any French locale gives French, anything else English', () => {
    assert.equal(pickLanguage('fr', 'auto'), 'fr');
    assert.equal(pickLanguage('fr-CA', 'auto'), 'fr');
    assert.equal(pickLanguage('FR-be', 'auto'), 'fr');
    assert.equal(pickLanguage('en', 'auto'), 'en');
    assert.equal(pickLanguage('de', 'auto'), 'en');
    assert.equal(pickLanguage('zh-cn', 'auto'), 'en');
    assert.equal(pickLanguage('', 'auto'), 'en');
  });

  test('the setting forces a language', () => {
    assert.equal(pickLanguage('en', 'fr'), 'fr');
    assert.equal(pickLanguage('fr', 'en'), 'en');
  });

  test('an unexpected setting value counts as auto', () => {
    assert.equal(asLanguageSetting('fr'), 'fr');
    assert.equal(asLanguageSetting('en'), 'en');
    assert.equal(asLanguageSetting('de'), 'auto');
    assert.equal(asLanguageSetting(undefined), 'auto');
    assert.equal(asLanguageSetting(3), 'auto');
  });
});

describe('searchTopics', () => {
  const { topics } = getKnowledge();
  const ids = (query: string, language: 'en' | 'fr' = 'en') => searchTopics(topics, query, language).map((topic) => topic.id);

  test('an empty query lists every topic in the notes\' order', () => {
    assert.deepEqual(ids('  '), topics.map((topic) => topic.id));
  });

  test('title words rank first; accents and case are ignored; both languages are searched', () => {
    assert.equal(ids('nesterov')[0], 'optim-nesterov');
    assert.equal(ids('He initialisation')[0], 'init-he');
    assert.equal(ids('regularisation')[0], 'reg-stochasticity');
    assert.equal(ids('Régularisation', 'fr')[0], 'reg-stochasticity');
    assert.equal(ids('lemmatisation')[0], 'text-lemmatization');
    assert.equal(ids('inertie', 'en')[0], 'optim-momentum');
    assert.ok(ids('memoire', 'en').includes('seq2seq-attention'));
  });

  test('symbols and ids are searchable', () => {
    assert.equal(ids('kaiming_normal_')[0], 'init-he');
    assert.equal(ids('StepLR')[0], 'lr-step-decay');
    assert.equal(ids('batch-norm-test-mode')[0], 'batch-norm-test-mode');
  });

  test('every word must match', () => {
    assert.deepEqual(ids('nesterov zebra'), []);
  });
});
