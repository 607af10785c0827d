/**
 * Part of `npm run bench`: the diagnosis on a bug zoo grown by mutation (bench/zooMutations.ts). Each
 * operator is applied to each healthy model it fits (the zoo's healthy ReLU, tanh and logistic models,
 * the moons example with batch norm); each mutant and each healthy model trains once in this process
 * (wasm, seeded), fed to a Diagnoser as the extension does.
 * - A mutant *hurts* when its loss ends clearly worse than its healthy model's: NaN, or a recent best
 *   loss (as a share of the baseline) at least 0.1 higher and at least 1.5× the healthy one's. A mutant
 *   that does not hurt is equivalent (DeepCrime's term): no rule is expected to fire on it.
 * - `diagnosis.recall[rule]`: of the hurting mutants of the operators that expect the rule, the share
 *   detected (a warning or error from any rule the operator expects: NaN, divergence and oscillation
 *   all name a learning rate ×100). `diagnosis.detection[operator]`: the same per operator.
 * - `diagnosis.falseWarnings[rule]`: the rule's warnings on runs where the mutation did not introduce
 *   its cause (healthy models, mutants of another cause), over those runs. An upper bound: a warning
 *   there may still be true of a side effect (a net that learns faster may overfit).
 * Adds `diagnosis` to bench/results.json and prints every mutant's outcome.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Diagnoser } from '../src/diagnosis/core';
import { RULE_IDS, type Finding, type RuleId } from '../src/diagnosis/core/findings';
import { train } from '../src/engine/train';
import { OPERATORS } from './zooMutations';

const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(__dirname, 'results.json');
const HEALTHY = [
  { file: path.join(ROOT, 'test', 'fixtures', 'zoo', 'healthy-relu.ts') },
  { file: path.join(ROOT, 'test', 'fixtures', 'zoo', 'healthy-tanh.ts') },
  { file: path.join(ROOT, 'test', 'fixtures', 'zoo', 'healthy-logistic.ts') },
  { file: path.join(ROOT, 'examples', 'moons-classifier.ts'), epochs: 25 },
];
const HURT_BY = 0.1;
const HURT_TIMES = 1.5;

interface Outcome {
  /** Recent best loss over the baseline; Infinity once the loss is NaN. */
  readonly lossRatio: number;
  readonly warnings: readonly Finding[];
}

async function diagnoseRun(file: string, contents: string, epochs: number | undefined): Promise<Outcome> {
  const diagnoser = new Diagnoser(contents);
  const losses: number[] = [];
  let baseline: number | undefined;
  await train({ file, contents, backend: 'wasm', epochs, probeEverySteps: 50 }, (record) => {
    diagnoser.add(record);
    if (record.type === 'start') baseline = record.baselineLoss;
    if (record.type === 'epoch') losses.push(record.loss);
  });
  const recent = Math.min(...losses.slice(-3));
  const lossRatio = losses.some((loss) => !Number.isFinite(loss)) || !Number.isFinite(recent) ? Number.POSITIVE_INFINITY : recent / (baseline ?? losses[0]);
  return { lossRatio, warnings: diagnoser.findings().filter((finding) => finding.severity !== 'information') };
}

interface Tally {
  detected: number;
  expected: number;
  falseWarnings: number;
  cleanRuns: number;
}

async function main(): Promise<void> {
  const started = Date.now();
  const tallies = new Map<RuleId, Tally>();
  const tally = (rule: RuleId): Tally => tallies.get(rule) ?? (tallies.set(rule, { detected: 0, expected: 0, falseWarnings: 0, cleanRuns: 0 }).get(rule) as Tally);
  const detection = new Map<string, { detected: number; hurting: number }>();
  const runs: { model: string; operator: string; lossRatio: number; hurts: boolean; warnings: string[] }[] = [];
  /** A run where the causes in `present` are (the only ones) in the model: every other rule's warning there is false. */
  const countFalse = (warnings: readonly Finding[], present: readonly RuleId[]): void => {
    for (const rule of RULE_IDS) {
      if (present.includes(rule)) continue;
      tally(rule).cleanRuns++;
      if (warnings.some((finding) => finding.rule === rule)) tally(rule).falseWarnings++;
    }
  };

  for (const healthy of HEALTHY) {
    const source = readFileSync(healthy.file, 'utf8');
    const model = path.basename(healthy.file, '.ts');
    const reference = await diagnoseRun(healthy.file, source, healthy.epochs);
    countFalse(reference.warnings, []);
    runs.push({ model, operator: 'none', lossRatio: reference.lossRatio, hurts: false, warnings: reference.warnings.map((finding) => finding.rule) });
    for (const operator of OPERATORS) {
      const mutant = operator.apply(source);
      if (mutant === undefined) continue;
      const outcome = await diagnoseRun(healthy.file, mutant, healthy.epochs);
      const hurts = outcome.lossRatio >= Math.max(reference.lossRatio + HURT_BY, HURT_TIMES * reference.lossRatio);
      if (hurts) {
        const found = outcome.warnings.some((finding) => operator.expected.includes(finding.rule));
        const counts = detection.get(operator.name) ?? { detected: 0, hurting: 0 };
        detection.set(operator.name, { detected: counts.detected + (found ? 1 : 0), hurting: counts.hurting + 1 });
        for (const rule of operator.expected) {
          tally(rule).expected++;
          if (found) tally(rule).detected++;
        }
      }
      // On an equivalent mutant the cause is there but harmless: its own rules are neither hits nor false.
      countFalse(outcome.warnings, operator.expected);
      runs.push({ model, operator: operator.name, lossRatio: outcome.lossRatio, hurts, warnings: outcome.warnings.map((finding) => `${finding.rule}@${finding.line}`) });
    }
  }

  for (const run of runs) {
    console.log(`[diagnosis] ${run.model.padEnd(18)} ${run.operator.padEnd(48)} loss/baseline ${run.lossRatio.toFixed(3).padStart(8)} ${run.hurts ? 'hurts     ' : run.operator === 'none' ? 'healthy   ' : 'equivalent'} ${run.warnings.join(', ') || '-'}`);
  }
  const recall: Record<string, number> = {};
  const falseWarnings: Record<string, number> = {};
  for (const [rule, { detected, expected, falseWarnings: wrong, cleanRuns }] of [...tallies].sort(([a], [b]) => a.localeCompare(b))) {
    if (expected > 0) recall[rule] = Number((detected / expected).toFixed(3));
    if (cleanRuns > 0) falseWarnings[rule] = Number((wrong / cleanRuns).toFixed(3));
    console.log(`[diagnosis] ${rule.padEnd(24)} recall ${expected > 0 ? `${detected}/${expected}` : '-'}  false warnings ${wrong}/${cleanRuns}`);
  }
  const byOperator = Object.fromEntries(OPERATORS.map((operator) => [operator.name, detection.get(operator.name) ?? { detected: 0, hurting: 0 }]));
  for (const [name, { detected, hurting }] of Object.entries(byOperator)) console.log(`[diagnosis] ${name.padEnd(48)} detected ${detected}/${hurting} hurting mutants`);
  const seconds = (Date.now() - started) / 1000;
  console.log(`[diagnosis] ${runs.length} runs in ${seconds.toFixed(0)} s`);
  const results = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(RESULTS, `${JSON.stringify({ ...results, diagnosis: { recall, falseWarnings, detection: byOperator, runs: runs.length, seconds } }, null, 2)}\n`);
}

void main();
