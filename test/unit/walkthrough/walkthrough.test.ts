/** The walkthrough in package.json: one action per step, completed by that action's context key, images that exist. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { BROKEN_EXAMPLES } from '../../../src/walkthrough/core/brokenExamples';
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

test('every step has one action, and the context key that action sets completes it', () => {
  const walkthrough = manifest.contributes.walkthroughs.find((candidate) => candidate.id === WALKTHROUGH_ID);
  assert.ok(walkthrough);
  assert.ok(walkthrough.steps.length >= 4);
  const contributed = new Set(manifest.contributes.commands.map((command) => command.command));
  for (const step of walkthrough.steps) {
    const actions = [...step.description.matchAll(/\]\(command:([\w.]+)\)/g)].map((match) => match[1]);
    assert.equal(actions.length, 1, `${step.id}: ${actions.join(', ')}`);
    const [command] = actions;
    assert.ok(contributed.has(command), `${step.id}: ${command} is not a DeepScope command`);
    assert.deepEqual(step.completionEvents, [`onContext:${STEP_CONTEXT_KEYS[command]}`], step.id);
    assert.ok(step.media.svg && fs.existsSync(path.join(ROOT, step.media.svg)), `${step.id}: ${step.media.svg}`);
    assert.ok(step.media.altText.length > 0);
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
  for (const example of BROKEN_EXAMPLES) assert.ok(fs.existsSync(path.join(ROOT, 'examples', 'broken', example.file)), example.file);
  assert.match(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8'), /^!examples\/broken\/\*\.ts$/m);
});
