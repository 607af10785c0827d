/**
 * `deepscope diagnose <model-file | run.jsonl>`: trains the model (or reads a saved run), then says
 * what went wrong, where and why. Both paths replay the run's records into the same Diagnoser.
 */
import * as l10n from '@vscode/l10n';
import type { Language } from '../common/core/language';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { Diagnoser } from '../diagnosis/core';
import type { Finding } from '../diagnosis/core/findings';
import { readRunLogFile, RunLogError } from '../runs/core/readRunLog';
import { RUN_LOG_EXTENSION, runStatusOf } from '../runs/core/runLogFiles';
import type { RunRecord } from '../runs/core/runRecord';
import type { EpochRecord } from '../runs/core/trainingData';
import { type CliCommand, type CliIo, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from './io';
import { flattenRecord } from './runSummary';
import { DEFAULT_PROBE_EVERY_STEPS, parseTrainArgs, type TrainRequest } from './trainArgs';
import { reportEngineError, runTraining } from './trainCommand';

export const diagnoseCommand: CliCommand = {
  name: 'diagnose',
  usage: 'diagnose <model-file | run.jsonl> [options]',
  get summary() {
    return l10n.t('Train a model module and explain what goes wrong (NaN, vanishing gradients, dead ReLUs…)');
  },
  help: () =>
    [
      l10n.t('Usage: deepscope diagnose <model-file> [options]\n       deepscope diagnose <run.jsonl> [--json]'),
      '',
      l10n.t('Trains a model module like "deepscope train", watches its probes and loss, and reports each problem\nfound (rule, layer, line, evidence), explained from the lecture notes, with a fix.\nGiven a run log (.deepscope/runs/*.jsonl), diagnoses that saved run without training, as far as it goes.'),
      '',
      l10n.t('Options:'),
      `  --epochs N         ${l10n.t('override training.epochs')}`,
      `  --backend B        ${l10n.t('auto (default: tfjs-node, else wasm, else cpu), node, wasm or cpu')}`,
      `  --probe-every N    ${l10n.t('probe the layers every N steps (default {0}) and at each epoch end', DEFAULT_PROBE_EVERY_STEPS)}`,
      `  --json             ${l10n.t('print one JSON object: backend, epochs, history, findings')}`,
      `  --runs-dir DIR     ${l10n.t('write the run log into DIR (default .deepscope/runs under the current directory)')}`,
      '',
      l10n.t('Prints file:line: severity rule (layer): message — fix, one finding per line. Exit code 0 when the\nrun completed (with or without findings), 1 when it was stopped or crashed, 2 for a bad model module.'),
    ].join('\n'),
  run: async (args, io) => (args.some((arg) => arg.endsWith(RUN_LOG_EXTENSION)) ? diagnoseLog(args, io) : diagnose(parseTrainArgs(args, io.cwd), io)),
};

/** What a diagnosis prints, from a fresh run or a saved one. */
interface Diagnosed {
  readonly file: string;
  readonly backend: string;
  readonly history: readonly EpochRecord[];
  readonly findings: readonly Finding[];
}

async function diagnose(request: TrainRequest, io: CliIo): Promise<number> {
  if (request.report !== undefined) throw new UsageError(l10n.t('--report is an option of "deepscope train"'));
  try {
    const run = await runTraining(request, io);
    const findings = replay(run.records, readFileSync(request.file, 'utf8'));
    print({ file: request.file, backend: run.summary.start.backend, history: run.summary.history, findings }, request.json, io);
    return run.summary.cancelled ? EXIT_FAILURE : EXIT_OK;
  } catch (error) {
    return reportEngineError(error, io);
  }
}

async function diagnoseLog(args: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { json: { type: 'boolean' } } });
  } catch (error) {
    throw new UsageError(l10n.t('{0} (a saved run takes only --json)', (error as Error).message));
  }
  if (parsed.positionals.length !== 1) throw new UsageError(l10n.t('one run log expected, got {0}', parsed.positionals.length));
  const file = path.resolve(io.cwd, parsed.positionals[0]);
  let log;
  try {
    log = readRunLogFile(file);
  } catch (error) {
    if (!(error instanceof RunLogError)) throw error;
    io.err(error.message);
    return EXIT_USAGE;
  }
  const model = log.start.modelFile;
  const findings = replay(log.records, readSource(model));
  const history = log.records.filter((record): record is Extract<RunRecord, { type: 'epoch' }> => record.type === 'epoch');
  const status = runStatusOf(log);
  if (status !== 'finished' && !parsed.values.json) io.err(stoppedEarly(path.basename(file), status, history.length));
  print({ file: model, backend: log.start.backend, history, findings }, parsed.values.json ?? false, io);
  return EXIT_OK;
}

/** A saved run that did not finish: the diagnosis covers what it logged. */
function stoppedEarly(file: string, status: string, epochs: number): string {
  if (status === 'interrupted') return l10n.t('{0}: the run was cut off after {1} epoch(s); diagnosing what it logged.', file, epochs);
  if (status === 'failed') return l10n.t('{0}: the run failed after {1} epoch(s); diagnosing what it logged.', file, epochs);
  return l10n.t('{0}: the run was stopped after {1} epoch(s); diagnosing what it logged.', file, epochs);
}

function print(diagnosed: Diagnosed, json: boolean, io: CliIo): void {
  if (json) io.out(diagnosisJson(diagnosed, io.language));
  else if (diagnosed.findings.length === 0) io.out(l10n.t('{0}: no problem found in {1} epoch(s).', path.basename(diagnosed.file), diagnosed.history.length));
  else io.out(diagnosed.findings.map((finding) => findingLine(diagnosed.file, finding, io.language)).join('\n'));
}

/** Feeds a run's records to a Diagnoser, as the extension does live. */
function replay(records: readonly RunRecord[], source: string | undefined): Finding[] {
  const diagnoser = new Diagnoser(source);
  records.forEach((record) => diagnoser.add(record));
  return diagnoser.findings();
}

/** The model module's text, to put findings on lines; a moved or deleted file gives findings without lines. */
function readSource(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Messages and fixes in `language`; `layer`, `file` (the model file's findings) and `line` are null when they do not apply. */
function diagnosisJson({ backend, history, findings }: Diagnosed, language: Language = 'en'): string {
  return JSON.stringify({
    backend,
    epochs: history.length,
    history: history.map(flattenRecord),
    findings: findings.map((finding) => ({
      rule: finding.rule,
      severity: finding.severity,
      layer: finding.layer ?? null,
      epoch: finding.epoch,
      ...(finding.step === undefined ? {} : { step: finding.step }),
      message: finding.message[language],
      topic: finding.topic,
      file: finding.file ?? null,
      line: finding.line ?? null,
      evidence: finding.evidence,
      fix: finding.fix[language],
    })),
  });
}

/**
 * `file:line: severity rule (layer): message — fix`, the format terminals and editors make clickable;
 * `file` is the run's model file, unless the finding is in another one (a program's helper module).
 */
export function findingLine(file: string, finding: Finding, language: Language = 'en'): string {
  const layer = finding.layer ? ` (${finding.layer})` : '';
  return `${finding.file ?? file}:${finding.line ?? 1}: ${finding.severity} ${finding.rule}${layer}: ${finding.message[language]} — ${finding.fix[language]}`;
}
