/**
 * Part of `npm run bench`: what watching costs a program run with `deepscope run`. The same plain tfjs
 * program (bench/programs/referenceMlpProgram.js, the reference MLP on wasm) runs under node and
 * under DeepScope with default probes, interleaved, best of 3; the program measures its own steps/s.
 * Adds to bench/results.json: programOverhead (node's time over DeepScope's per step), programStepsPerSec { node, deepscope }.
 * Under node the program gets tfjs's own wasm kernels, under DeepScope DeepScope's faster ones (src/engine/wasm*.ts), so
 * the ratio measures the kernels and the probes together; the probes alone are the training bench's probeShare.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_PROBE_EVERY_STEPS } from '../src/cli/trainArgs';
import { runProgramInProcess } from '../src/training/core/programInProcess';

const PROGRAM = path.join(__dirname, 'programs', 'referenceMlpProgram.js');
const RESULTS = path.join(__dirname, 'results.json');
const REPEATS = 3;

const lastNumber = (output: string): number => Number(output.trim().split('\n').at(-1));

function underNode(): number {
  return lastNumber(spawnSync(process.execPath, [PROGRAM], { encoding: 'utf8' }).stdout);
}

async function underDeepScope(): Promise<number> {
  let stdout = '';
  const outcome = await runProgramInProcess(
    { file: PROGRAM, args: [], cwd: __dirname, stdio: 'pipe', backend: 'wasm', probeEverySteps: DEFAULT_PROBE_EVERY_STEPS },
    () => undefined,
    { output: (stream, text) => (stream === 'stdout' ? (stdout += text) : undefined) },
  );
  if (outcome.exitCode !== 0) throw new Error(`the program exited with ${outcome.exitCode}`);
  return lastNumber(stdout);
}

async function main(): Promise<void> {
  const node: number[] = [];
  const watched: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    node.push(underNode());
    watched.push(await underDeepScope());
  }
  const programStepsPerSec = { node: Math.max(...node), deepscope: Math.max(...watched) };
  const programOverhead = programStepsPerSec.node / programStepsPerSec.deepscope;
  console.log(`[program] node                   ${programStepsPerSec.node.toFixed(2)} steps/s  (runs: ${node.map((v) => v.toFixed(2)).join(', ')})`);
  console.log(`[program] deepscope run + probes ${programStepsPerSec.deepscope.toFixed(2)} steps/s  (runs: ${watched.map((v) => v.toFixed(2)).join(', ')})`);
  console.log(
    `time ratio deepscope run / node: ${programOverhead.toFixed(3)}  (DeepScope's wasm kernels and its probes against tfjs's own kernels: ${(1 / programOverhead).toFixed(2)}× node's speed; the probes' own cost is the training bench's)`,
  );
  const results = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(RESULTS, `${JSON.stringify({ ...results, programOverhead, programStepsPerSec }, null, 2)}\n`);
}

void main();
