/** The CLI's explanations in English or French: --lang, else the locale. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { localeLanguage, takeLanguage } from '../../../src/cli/cliLanguage';
import { runCliIn } from '../support/cli';

test('the locale decides when --lang is absent, as gettext reads it (LC_ALL, LC_MESSAGES, LANG)', () => {
  assert.equal(localeLanguage({ LANG: 'fr_FR.UTF-8' }), 'fr');
  assert.equal(localeLanguage({ LANG: 'fr' }), 'fr');
  assert.equal(localeLanguage({ LC_ALL: 'en_US.UTF-8', LANG: 'fr_FR.UTF-8' }), 'en');
  assert.equal(localeLanguage({ LC_MESSAGES: 'fr_CA', LANG: 'C' }), 'fr');
  assert.equal(localeLanguage({ LANG: 'fry_NL' }), 'en', 'Frisian is not French');
  assert.equal(localeLanguage({}), 'en');
});

test('--lang is taken out of DeepScope’s own arguments, never out of a program’s (after --)', () => {
  assert.deepEqual(takeLanguage(['diagnose', 'run.jsonl', '--lang', 'fr', '--json'], {}), { language: 'fr', args: ['diagnose', 'run.jsonl', '--json'] });
  assert.deepEqual(takeLanguage(['--lang=en', 'lint', 'x.py'], { LANG: 'fr_FR' }), { language: 'en', args: ['lint', 'x.py'] });
  assert.deepEqual(takeLanguage(['run', 'p.js', '--', '--lang', 'de'], { LANG: 'fr_FR' }), { language: 'fr', args: ['run', 'p.js', '--', '--lang', 'de'] });
  assert.throws(() => takeLanguage(['diagnose', '--lang', 'de'], {}), /--lang takes en or fr, got "de"/);
  assert.throws(() => takeLanguage(['diagnose', '--lang'], {}), /got nothing/);
});

test('deepscope diagnose --lang fr: the same findings, their messages and fixes in French', async () => {
  const file = path.resolve(__dirname, '..', '..', 'fixtures', 'zoo', 'negative-bias-relu.ts');
  type Json = { findings: { rule: string; message: string; fix: string }[] };
  const diagnose = async (...lang: string[]): Promise<Json> => {
    const { code, out } = await runCliIn(path.dirname(file), 'diagnose', file, '--backend', 'cpu', '--epochs', '4', '--json', ...lang);
    assert.equal(code, 0);
    return JSON.parse(out.join('\n')) as Json;
  };
  const english = await diagnose();
  const french = await diagnose('--lang', 'fr');
  const dead = (json: Json) => json.findings.find((finding) => finding.rule === 'dead-relu');
  assert.match(dead(english)?.fix ?? '', /^Start the biases at 0/);
  assert.match(dead(french)?.fix ?? '', /^Initialiser les biais à 0/);
  assert.notEqual(dead(french)?.message, dead(english)?.message);
  assert.deepEqual(french.findings.map((finding) => finding.rule), english.findings.map((finding) => finding.rule));
});
