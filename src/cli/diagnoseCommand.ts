/** `deepscope diagnose <model-file>`: trains the model, then says what went wrong, where and why. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Diagnoser } from '../diagnosis/core';
import type { Finding } from '../diagnosis/core/findings';
import { type CliCommand, type CliIo, EXIT_FAILURE, EXIT_OK, UsageError } from './io';
import { flattenRecord } from './runSummary';
import { parseTrainArgs, type TrainRequest } from './trainArgs';
import { reportEngineError, runTraining, type TrainedRun } from './trainCommand';

export const diagnoseCommand: CliCommand = {
  name: 'diagnose',
  usage: 'diagnose <model-file> [options]',
  summary: 'Train a model module and explain what goes wrong (NaN, vanishing gradients, dead ReLUs…)',
  help: () =>
    [
      'Usage: deepscope diagnose <model-file> [options]',
      '',
      'Trains a model module like "deepscope train", watches its probes and loss, and reports each problem',
      'found (rule, layer, line, evidence), explained from the lecture notes, with a fix.',
      '',
      'Options:',
      '  --epochs N         override training.epochs',
      '  --backend B        auto (default: tfjs-node, else wasm, else cpu), node, wasm or cpu',
      '  --probe-every N    probe the layers every N steps (default 50) and at each epoch end',
      '  --json             print one JSON object: backend, epochs, history, findings',
      '',
      'Prints file:line: severity rule (layer): message — fix, one finding per line. Exit code 0 when the',
      'run completed (with or without findings), 1 when it was stopped or crashed, 2 for a bad model module.',
    ].join('\n'),
  run: async (args, io) => diagnose(parseTrainArgs(args, io.cwd), io),
};

async function diagnose(request: TrainRequest, io: CliIo): Promise<number> {
  if (request.report !== undefined) throw new UsageError('--report is an option of "deepscope train"');
  let run: TrainedRun;
  try {
    run = await runTraining(request, io, true);
  } catch (error) {
    return reportEngineError(error, io);
  }
  const findings = replay(run, readFileSync(request.file, 'utf8'));
  if (request.json) {
    io.out(diagnosisJson(run, findings));
  } else {
    io.out(findings.length === 0 ? `${path.basename(request.file)}: no problem found in ${run.summary.history.length} epoch(s).` : findings.map((finding) => findingLine(request.file, finding)).join('\n'));
  }
  return run.summary.cancelled ? EXIT_FAILURE : EXIT_OK;
}

/** Feeds the finished run to a Diagnoser, as the extension does live. */
function replay(run: TrainedRun, source: string): Finding[] {
  const diagnoser = new Diagnoser(source);
  diagnoser.onStart(run.summary.start);
  run.frames.forEach((frame) => diagnoser.onProbe(frame));
  run.summary.history.forEach((record) => diagnoser.onEpoch(record));
  return diagnoser.findings();
}

/** DESIGN.md's shape; messages and fixes in English; `layer` and `line` are null when they do not apply. */
export function diagnosisJson(run: TrainedRun, findings: readonly Finding[]): string {
  return JSON.stringify({
    backend: run.summary.start.backend,
    epochs: run.summary.history.length,
    history: run.summary.history.map(flattenRecord),
    findings: findings.map((finding) => ({
      rule: finding.rule,
      severity: finding.severity,
      layer: finding.layer ?? null,
      epoch: finding.epoch,
      ...(finding.step === undefined ? {} : { step: finding.step }),
      message: finding.message.en,
      topic: finding.topic,
      line: finding.line ?? null,
      evidence: finding.evidence,
      fix: finding.fix.en,
    })),
  });
}

/** `file:line: severity rule (layer): message — fix`, the format terminals and editors make clickable. */
export function findingLine(file: string, finding: Finding): string {
  const layer = finding.layer ? ` (${finding.layer})` : '';
  return `${file}:${finding.line ?? 1}: ${finding.severity} ${finding.rule}${layer}: ${finding.message.en} — ${finding.fix.en}`;
}
