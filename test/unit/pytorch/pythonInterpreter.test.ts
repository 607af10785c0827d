/** Which Python runs a script, and the one message a missing interpreter gets. */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { bundledPythonPath, checkPythonInterpreter, choosePythonInterpreter } from '../../../src/training/core/pythonInterpreter';
import { programFramework } from '../../../src/training/core/runAnyProgram';

test('--python, then the setting, then the Python extension, then python3', () => {
  assert.deepEqual(choosePythonInterpreter({ flag: '/opt/py', setting: '/s', pythonExtension: '/e' }), { python: '/opt/py', from: 'flag' });
  assert.deepEqual(choosePythonInterpreter({ setting: '/s', pythonExtension: '/e' }), { python: '/s', from: 'setting' });
  assert.deepEqual(choosePythonInterpreter({ setting: '  ', pythonExtension: '/e' }), { python: '/e', from: 'python extension' });
  assert.deepEqual(choosePythonInterpreter({}), { python: 'python3', from: 'default' });
});

test('a missing interpreter: one sentence naming it, where it came from and what to do', async () => {
  const check = await checkPythonInterpreter({ python: '/nonexistent/python3.99', from: 'setting' });
  assert.equal(check.ok, false);
  assert.match(!check.ok ? check.message : '', /No Python interpreter "\/nonexistent\/python3\.99" \(from the deepscope\.python\.interpreter setting\).*deepscope\.python\.interpreter/);
});

test('.py files are PyTorch scripts, the rest tfjs programs; the package ships with DeepScope', () => {
  assert.equal(programFramework('/a/train.py'), 'pytorch');
  assert.equal(programFramework('/a/train.mjs'), 'tfjs');
  assert.match(bundledPythonPath(), /python$/);
});
