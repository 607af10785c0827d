/**
 * The first run a student makes: a model scaffolded with every default, for each built-in data set, trained by
 * the engine with DeepScope's own diagnosis watching, as Train Model does. None may end with a finding.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { runCli } from '../../../src/cli/cli';
import { diagnoseInProcess } from '../diagnosis/zoo';

/** Every template but csv, which needs the user's own file. */
const BUILT_IN = ['spiral', 'moons', 'blobs', 'sine', 'iris'];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deepscope-defaults-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the defaults of every built-in data set train without a finding', () => {
  for (const template of BUILT_IN) {
    test(template, async () => {
      const file = path.join(dir, `${template}.ts`);
      const code = await runCli(['new', template, file], { cwd: dir, out: () => undefined, err: () => undefined });
      assert.equal(code, 0);
      const findings = await diagnoseInProcess(file, 'wasm');
      assert.deepEqual(
        findings.map((finding) => `${finding.severity} ${finding.rule}: ${finding.message.en}`),
        [],
      );
    });
  }
});
