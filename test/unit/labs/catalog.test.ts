/** The labs' catalog: what the host lists without starting a lab process, and what each lab runs with. */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'node:test';
import { LAB_CATALOG, labInfo } from '../../../src/labs/core/catalog';
import { LABS } from '../../../src/labs/core/experiments';
import { REPO_ROOT } from '../../support/paths';

test('each lab runs with its catalog entry, in the catalog order', () => {
  assert.deepEqual(LABS.map((lab) => lab.info), LAB_CATALOG);
  assert.equal(labInfo('schedules').texts.title.fr, 'Décroissance du learning rate');
  assert.throws(() => labInfo('nope' as never), /no lab is named "nope"/);
});

test('reading the catalog loads neither tfjs nor any lab code', () => {
  const script = `
    require(${JSON.stringify(path.join(REPO_ROOT, 'src/labs/core/catalog/index.ts'))});
    const loaded = Object.keys(require.cache);
    console.log(JSON.stringify(loaded.filter((file) => file.includes('@tensorflow') || file.includes('/experiments/'))));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.deepEqual(JSON.parse(out), []);
});
