/**
 * File snapshots for generated text: `<dir>/__snapshots__/<name>.snap`. A missing snapshot is written (and the
 * test fails under CI=true, where nobody would review it); UPDATE_SNAPSHOTS=1 rewrites them all.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** `testDir`: the folder of the test file (its __dirname); `name`: e.g. `spiral.ts`. */
export function assertMatchesSnapshot(testDir: string, name: string, actual: string): void {
  const file = path.join(testDir, '__snapshots__', `${name}.snap`);
  const update = process.env.UPDATE_SNAPSHOTS === '1';
  if (update || !fs.existsSync(file)) {
    assert.ok(update || process.env.CI !== 'true', `snapshot ${path.relative(process.cwd(), file)} is missing`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  const expected = fs.readFileSync(file, 'utf8');
  assert.equal(actual, expected, `${name} differs from its snapshot; run with UPDATE_SNAPSHOTS=1 if the change is intended`);
}
