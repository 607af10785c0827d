/** The walkthrough in package.json: one action per step, completed by that action's context key, images that exist. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { brokenExamples } from '../../../src/walkthrough/core/brokenExamples';
import { STEP_CONTEXT_KEYS, WALKTHROUGH_ID } from '../../../src/walkthrough/core/steps';

const ROOT = path.resolve(__dirname, '..', '..', '..');
interface Step {
  id: string;
  description: string;
  media: { svg?: string; altText: string };
  completionEvents: string[];
}
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { walkthroughs: { id: string; steps: Step[] }[]; commands: { command: string }[] };
};
const readStrings = (file: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string>;
const LANGUAGES = { en: readStrings('package.nls.json'), fr: readStrings('package.nls.fr.json') };
/** A manifest text as VS Code shows it in `language`: a %key% is looked up in that language's package.nls file. */
const shown = (text: string, language: keyof typeof LANGUAGES): string => (/^%(.+)%$/.exec(text) ? LANGUAGES[language][text.slice(1, -1)] ?? '' : text);
const actionsOf = (description: string): string[] => [...description.matchAll(/\]\(command:([\w.]+)\)/g)].map((match) => match[1]);

test('every step has one action, and the context key that action sets completes it', () => {
  const walkthrough = manifest.contributes.walkthroughs.find((candidate) => candidate.id === WALKTHROUGH_ID);
  assert.ok(walkthrough);
  assert.ok(walkthrough.steps.length >= 4);
  const contributed = new Set(manifest.contributes.commands.map((command) => command.command));
  for (const step of walkthrough.steps) {
    const actions = actionsOf(shown(step.description, 'en'));
    assert.equal(actions.length, 1, `${step.id}: ${actions.join(', ')}`);
    assert.deepEqual(actionsOf(shown(step.description, 'fr')), actions, `${step.id}: the French step has the same action`);
    const [command] = actions;
    assert.ok(contributed.has(command), `${step.id}: ${command} is not a DeepScope command`);
    assert.deepEqual(step.completionEvents, [`onContext:${STEP_CONTEXT_KEYS[command]}`], step.id);
    assert.ok(step.media.svg && fs.existsSync(path.join(ROOT, step.media.svg)), `${step.id}: ${step.media.svg}`);
    assert.ok(shown(step.media.altText, 'en').length > 0 && shown(step.media.altText, 'fr').length > 0);
  }
});

test('the images take their colours from the theme', () => {
  for (const file of fs.readdirSync(path.join(ROOT, 'media', 'walkthrough'))) {
    const svg = fs.readFileSync(path.join(ROOT, 'media', 'walkthrough', file), 'utf8');
    const colours = [...svg.matchAll(/(?:fill|stroke)="([^"]+)"/g)].map((match) => match[1]).filter((colour) => colour !== 'none');
    assert.ok(colours.length > 0 && colours.every((colour) => colour.startsWith('var(--vscode-')), `${file}: ${colours.filter((c) => !c.startsWith('var(')).join(', ')}`);
  }
});

test('the broken examples the walkthrough offers ship with DeepScope', () => {
  for (const example of brokenExamples()) assert.ok(fs.existsSync(path.join(ROOT, 'examples', 'broken', example.file)), example.file);
  assert.match(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8'), /^!examples\/broken\/\*\.ts$/m);
});
