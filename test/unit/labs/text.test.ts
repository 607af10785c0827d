/** Text preprocessing (notes: Preprocessing de texte): the notes' own examples, through wink-nlp and `stopword`. */
import * as assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { textLab } from '../../../src/labs/core/experiments/text';
import { naiveSentences, naiveWords } from '../../../src/labs/core/experiments/textPipeline';
import type { TextResult } from '../../../src/labs/core/labs';

let result: TextResult;

before(async () => {
  result = await textLab.run();
});

test("the apostrophe pitfall: a naive split breaks Hawai'i and didn't, the library does not", () => {
  assert.deepEqual(naiveWords("He didn't like Hawai'i."), ['He', 'didn', 't', 'like', 'Hawai', 'i']);
  for (const token of ["Hawai'i", 'did', "n't", 'Mr.']) assert.ok(result.words.library.includes(token), token);
  assert.ok(result.expanded.includes('did not'), 'contractions expand: did not');
});

test('the "Mr. Peters" pitfall: splitting after every full stop cuts the sentence, the library keeps Mr. Peters', () => {
  const sentence = '"What is all the fuss about?" asked Mr. Peters.';
  assert.ok(naiveSentences(sentence).some((piece) => piece.endsWith('Mr.')));
  assert.ok(result.sentences.library.every((piece) => !piece.endsWith('Mr.')));
  assert.ok(result.sentences.library.some((piece) => piece.includes('Mr. Peters')));
});

test("stemming vs lemmatisation on the notes' examples", () => {
  const example = (word: string, context: string) => {
    const found = result.notesExamples.find((e) => e.word === word && e.context.includes(context));
    assert.ok(found, `${word} in "${context}"`);
    return found;
  };
  assert.deepEqual([example('running', '').stem, example('running', '').lemma], ['run', 'run']);
  assert.deepEqual([example('fishes', '').stem, example('fishes', '').lemma], ['fish', 'fish']);
  assert.deepEqual([example('walking', '').stem, example('walking', '').lemma], ['walk', 'walk']);
  assert.deepEqual([example('better', '').stem, example('better', '').lemma], ['better', 'good'], 'better → good by lemmatisation only');
  const noun = example('meeting', 'last meeting');
  const verb = example('meeting', 'meeting tomorrow');
  assert.deepEqual([noun.pos, noun.lemma], ['NOUN', 'meeting']);
  assert.deepEqual([verb.pos, verb.lemma], ['VERB', 'meet']);
  assert.equal(noun.stem, verb.stem, 'the stemmer, word by word, cannot tell them apart');
});

test('English and French stop words are removed', () => {
  const { english, french } = result.stopWords;
  for (const word of ['the', 'is', 'what', 'we']) assert.ok(english.words.includes(word) && !english.kept.includes(word), word);
  for (const word of ['fuss', 'meeting', 'beach']) assert.ok(english.kept.includes(word), word);
  for (const word of ['les', 'de', 'le', 'et', 'dans']) assert.ok(french.words.includes(word) && !french.kept.includes(word), word);
  assert.ok(french.kept.includes('mots') && french.kept.includes('langage'));
});

test("the user's own text", async () => {
  const own = await textLab.run({ text: 'The children were running faster.', frenchText: 'Le chat et la souris.' });
  const children = own.tokens.find((token) => token.text === 'children');
  assert.equal(children?.lemma, 'child');
  assert.deepEqual(own.stopWords.french.kept, ['chat', 'souris']);
});
