/**
 * The PyTorch examples from the command line, as a user runs them (`deepscope run script.py --python …`): the
 * dead-ReLU net gets dead-relu on the lines that build its layers, the sigmoid net vanishing gradients on its
 * first hidden layer's line, the healthy CNN no warning. Runs the built CLI (bin/deepscope.js → out/cli.js)
 * in a scratch copy of examples/pytorch, so the run logs are written there.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Finding } from '../../../src/diagnosis/core/findings';
import { readRunLogFile } from '../../../src/runs/core/readRunLog';
import { DEFAULT_RUNS_DIRECTORY } from '../../../src/runs/core/runLogFiles';

const REPO = path.resolve(__dirname, '..', '..', '..');
const BIN = path.join(REPO, 'bin', 'deepscope.js');
const PYTHON = '/usr/bin/python3';
const hasTorch = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
const skip = hasTorch ? false : 'needs /usr/bin/python3 with torch (scripts/ensure-python.sh)';

/** Runs `deepscope run <script>` in a fresh copy of the examples; its stderr and the findings its run log ends with. */
function runExample(script: string): { stderr: string; findings: readonly Finding[]; lines: string[] } {
  assert.ok(existsSync(path.join(REPO, 'out', 'cli.js')), 'out/cli.js is missing: run `node scripts/build.mjs` first');
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'deepscope-pytorch-examples-'));
  cpSync(path.join(REPO, 'examples', 'pytorch'), cwd, { recursive: true });
  try {
    const cli = spawnSync(process.execPath, [BIN, 'run', script, '--python', PYTHON], { cwd, encoding: 'utf8', timeout: 300_000 });
    assert.equal(cli.status, 0, cli.stderr);
    const runs = path.join(cwd, DEFAULT_RUNS_DIRECTORY);
    const [log] = readdirSync(runs).filter((name) => name.endsWith('.jsonl'));
    const records = readRunLogFile(path.join(runs, log)).records;
    const last = records.filter((record) => record.type === 'findings').at(-1);
    return { stderr: cli.stderr, findings: last?.type === 'findings' ? last.findings : [], lines: readFileSync(path.join(cwd, script), 'utf8').split('\n') };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** 1-based numbers of the lines matching `pattern`. */
const linesMatching = (lines: string[], pattern: RegExp): number[] => lines.flatMap((line, index) => (pattern.test(line) ? [index + 1] : []));

test('dead_relu.py: dead-relu on the self.fc1 / self.fc2 = nn.Linear(…) lines of its __init__', { skip, timeout: 600_000 }, () => {
  const { stderr, findings, lines } = runExample('dead_relu.py');
  const dead = findings.filter((finding) => finding.rule === 'dead-relu');
  assert.deepEqual(dead.map((finding) => finding.line).sort(), linesMatching(lines, /self\.fc[12] = nn\.Linear/), JSON.stringify(findings));
  for (const line of dead.map((finding) => finding.line)) assert.match(stderr, new RegExp(`warning: dead_relu\\.py:${line}: 100% of the ReLU outputs`));
});

test('sigmoid_everywhere.py: vanishing gradients on the line that builds its first hidden layer', { skip, timeout: 600_000 }, () => {
  const { findings, lines } = runExample('sigmoid_everywhere.py');
  const vanishing = findings.find((finding) => finding.rule === 'vanishing-gradients');
  assert.ok(vanishing, JSON.stringify(findings));
  assert.equal(vanishing.line, linesMatching(lines, /nn\.Linear\(/)[0]);
});

test('bars_cnn.py: a healthy CNN, no warning', { skip, timeout: 600_000 }, () => {
  const { stderr, findings } = runExample('bars_cnn.py');
  assert.deepEqual(findings.filter((finding) => finding.severity !== 'information'), []);
  assert.doesNotMatch(stderr, /warning:/);
});

