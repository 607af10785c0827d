/**
 * The diagnosis of one run, fed its events as they come (from the training process, or replayed
 * after the run): it keeps what the rules need and answers with the current findings, each on its
 * line of the model module or of the program's code. Findings can appear, change severity or go away as the run goes.
 */
import type { Finding } from './findings';
import type { RunConsumer, RunRecord } from '../../runs/core/runRecord';
import type { BatchLoss, EpochRecord, ProbeFrame, RunStart } from '../../runs/core/trainingData';
import { placer, type Placer } from './findingPlaces';
import { pytorchFix } from './pytorchTerms';
import { diagnose } from './rules';
import type { RunData } from './runData';

/** Recent frames kept besides the first one: rules look at the start and at the current stretch. */
const RECENT_FRAMES = 200;

export class Diagnoser implements RunConsumer {
  private start: RunStart | undefined;
  private place: Placer | undefined;
  private first: ProbeFrame | undefined;
  private recent: ProbeFrame[] = [];
  private readonly history: EpochRecord[] = [];
  private nonFiniteStep: RunData['nonFiniteStep'];

  /** `source`: the model file's text, to put findings on its lines (program runs also place them by the sites they logged). */
  constructor(private readonly source?: string) {}

  /** Feeds one record of the run; records the diagnosis does not read (its own findings, the end) are ignored. */
  add(record: RunRecord): void {
    switch (record.type) {
      case 'start':
        return this.onStart(record);
      case 'steps':
        return this.onBatches(record.losses);
      case 'probe':
        return this.onProbe(record);
      case 'epoch':
        return this.onEpoch(record);
    }
  }

  onStart(start: RunStart): void {
    this.start = start;
    this.place = placer(start, this.source);
  }

  onBatches(losses: readonly BatchLoss[]): void {
    if (this.nonFiniteStep !== undefined) return;
    const first = losses.find((loss) => !Number.isFinite(loss.loss));
    if (first) this.nonFiniteStep = { step: first.step, epoch: first.epoch };
  }

  onProbe(frame: ProbeFrame): void {
    if (this.first === undefined) {
      this.first = frame;
      return;
    }
    this.recent.push(frame);
    if (this.recent.length > RECENT_FRAMES) this.recent = this.recent.slice(-RECENT_FRAMES);
  }

  onEpoch(record: EpochRecord): void {
    this.history.push(record);
  }

  /** The findings now, by line then rule. Empty before the run has started. */
  findings(): Finding[] {
    if (!this.start) return [];
    const run: RunData = {
      start: this.start,
      frames: this.first ? [this.first, ...this.recent] : [],
      history: this.history,
      nonFiniteStep: this.nonFiniteStep,
    };
    const place = this.place as Placer;
    const pytorch = this.start.framework === 'pytorch';
    const placed = diagnose(run).map(({ site, ...finding }): Finding => {
      const { file, line } = place(site, finding.layer);
      return { ...finding, ...(pytorch ? { fix: pytorchFix(finding) } : {}), ...(file !== undefined ? { file } : {}), line };
    });
    return mergeLoops(placed).sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || a.rule.localeCompare(b.rule));
  }
}

/**
 * Layers made by one call in a loop share a line: one finding per rule and line (the first layer's),
 * naming the others, rather than the same warning repeated on the line.
 */
function mergeLoops(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = finding.layer !== undefined && finding.line !== undefined ? `${finding.rule}:${finding.file ?? ''}:${finding.line}` : `${groups.size}:single`;
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  return [...groups.values()].map(([first, ...others]) => {
    if (others.length === 0) return first;
    const names = others.map((other) => other.layer).join(', ');
    return {
      ...first,
      message: {
        en: `${first.message.en} The same holds for ${names}, created by the same line.`,
        fr: `${first.message.fr} De même pour ${names}, créées par la même ligne.`,
      },
    };
  });
}
