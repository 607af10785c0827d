/**
 * Which Python runs a PyTorch script, and whether it can: the `--python` flag or the
 * `deepscope.python.interpreter` setting, else the Python extension's selected interpreter, else
 * `python3`. `checkPythonInterpreter` asks the interpreter itself (`python -m deepscope doctor`, with
 * DeepScope's own copy of the package on PYTHONPATH), so a missing interpreter or a missing torch is
 * one clear sentence saying what to do, before anything runs.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

export const DEFAULT_PYTHON = 'python3';

export interface InterpreterChoice {
  readonly python: string;
  /** Where the choice came from, for messages. */
  readonly from: 'flag' | 'setting' | 'python extension' | 'default';
}

export function choosePythonInterpreter(sources: { flag?: string; setting?: string; pythonExtension?: string }): InterpreterChoice {
  const given = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';
  if (given(sources.flag)) return { python: sources.flag, from: 'flag' };
  if (given(sources.setting)) return { python: sources.setting, from: 'setting' };
  if (given(sources.pythonExtension)) return { python: sources.pythonExtension, from: 'python extension' };
  return { python: DEFAULT_PYTHON, from: 'default' };
}

/** The folder holding DeepScope's `deepscope` Python package (python/ at the repository or extension root). */
export function bundledPythonPath(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'python');
    if (existsSync(path.join(candidate, 'deepscope', '__init__.py'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`DeepScope's Python package (python/deepscope) is missing above ${from}.`);
  }
}

/** The environment a Python child needs to import DeepScope's own copy of the package first. */
export function pythonEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const own = bundledPythonPath();
  return { ...base, PYTHONPATH: base.PYTHONPATH ? `${own}${path.delimiter}${base.PYTHONPATH}` : own, PYTHONUNBUFFERED: '1' };
}

export type InterpreterCheck = { readonly ok: true; readonly torch: string; readonly cuda: boolean } | { readonly ok: false; readonly message: string };

const DOCTOR_TIMEOUT_MS = 60_000;

export function checkPythonInterpreter(choice: InterpreterChoice): Promise<InterpreterCheck> {
  const where = choice.from === 'default' ? '' : ` (from ${choice.from === 'flag' ? '--python' : choice.from === 'setting' ? 'the deepscope.python.interpreter setting' : "the Python extension's selected interpreter"})`;
  const choose = 'set deepscope.python.interpreter (or pass --python) to a Python that has PyTorch';
  return new Promise((resolve) => {
    let out = '';
    let err = '';
    const child = spawn(choice.python, ['-m', 'deepscope', 'doctor'], { env: pythonEnvironment(), stdio: ['ignore', 'pipe', 'pipe'], timeout: DOCTOR_TIMEOUT_MS });
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('error', (error: NodeJS.ErrnoException) =>
      resolve({ ok: false, message: error.code === 'ENOENT' ? `No Python interpreter "${choice.python}"${where}: install Python 3 with PyTorch, or ${choose}.` : `Python "${choice.python}"${where} could not start: ${error.message}.` }),
    );
    child.once('close', (code) => {
      const report = parseDoctor(out);
      if (code === 0 && report?.torch) return resolve({ ok: true, torch: report.torch, cuda: report.cuda });
      if (report && !report.torch) {
        return resolve({ ok: false, message: `PyTorch is not installed for ${choice.python}${where}: install it (\`${choice.python} -m pip install torch\`; on Debian or Ubuntu \`apt install python3-torch\`), or ${choose}.` });
      }
      const detail = err.trim().split('\n').at(-1) ?? `exit code ${code}`;
      resolve({ ok: false, message: `"${choice.python}"${where} did not answer as Python 3 does (${detail}): ${choose}.` });
    });
  });
}

function parseDoctor(text: string): { torch: string | null; cuda: boolean } | undefined {
  const line = text.trim().split('\n').at(-1);
  try {
    const value = JSON.parse(line ?? '') as { torch?: unknown; cuda?: unknown };
    return { torch: typeof value.torch === 'string' ? value.torch : null, cuda: value.cuda === true };
  } catch {
    return undefined;
  }
}
