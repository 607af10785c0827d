/**
 * The dashboard's data in the webview: the shown run, frames kept bounded (older ones thinned),
 * the run shown beside it, the layers the user watches and the step the histograms show.
 */
import type { ToDashboard } from '../../src/dashboard/core/dashboardProtocol';
import type { Finding } from '../../src/diagnosis/core/findings';
import { MAX_FRAMES, MAX_STEP_LOSSES, appendBounded, type RunStatus, type StepLoss } from '../../src/runs/core/runSnapshot';
import type { RunSnapshot } from '../../src/runs/core/runSnapshot';
import type { EpochRecord, ProbeFrame, RunStart } from '../../src/runs/core/trainingData';
import { frameAtStep, runLabels, type Comparison } from './compare';

/** What a message changed, so the view redraws only that. */
export type Change =
  | { readonly kind: 'reset' }
  /** New records, and the steps of the older ones thinned out to make room (removed from the charts). */
  | { readonly kind: 'append'; readonly frames: readonly ProbeFrame[]; readonly epochs: readonly EpochRecord[]; readonly steps: readonly StepLoss[]; readonly dropped: Dropped }
  | { readonly kind: 'status' }
  | { readonly kind: 'findings' };

/** The steps of the probe frames and of the step losses that a progress message's thinning dropped. */
export interface Dropped {
  readonly frames: ReadonlySet<number>;
  readonly steps: ReadonlySet<number>;
}

export const DEFAULT_SHOWN_LAYERS = 12;

export class DashboardStore {
  runId: string | undefined;
  startedAt = 0;
  start: RunStart | undefined;
  status: RunStatus | undefined;
  statusMessage: string | undefined;
  unwatchedModels: readonly string[] = [];
  readonly history: EpochRecord[] = [];
  readonly steps: StepLoss[] = [];
  readonly frames: ProbeFrame[] = [];
  findings: readonly Finding[] = [];
  /** Layers shown; undefined until a run says which layers exist (then: all watched layers). */
  selected: Set<string> | undefined;
  /** Index into `frames` of the step the histograms show; undefined follows the latest frame. */
  cursor: number | undefined;
  /** The run shown beside this one; kept across runs (compare a new run with an older one). */
  compared: RunSnapshot | undefined;

  apply(message: ToDashboard): Change {
    switch (message.type) {
      case 'snapshot':
        this.reset(message.run.id, message.run.start);
        this.startedAt = message.run.startedAt;
        this.status = message.run.status;
        this.statusMessage = message.run.statusMessage;
        this.unwatchedModels = message.run.unwatchedModels ?? [];
        this.history.push(...message.run.history);
        appendBounded(this.steps, message.run.steps, MAX_STEP_LOSSES);
        appendBounded(this.frames, message.run.frames, MAX_FRAMES);
        return { kind: 'reset' };
      case 'start':
        this.reset(message.id, message.start);
        this.startedAt = Date.now();
        this.status = 'running';
        return { kind: 'reset' };
      case 'progress': {
        this.history.push(...message.epochs);
        const dropped = { steps: appendDropping(this.steps, message.steps, MAX_STEP_LOSSES), frames: appendDropping(this.frames, message.frames, MAX_FRAMES) };
        if (dropped.frames.size > 0 && this.cursor !== undefined) this.cursor = Math.floor(this.cursor / 2);
        return { kind: 'append', frames: message.frames, epochs: message.epochs, steps: message.steps, dropped };
      }
      case 'status':
        this.status = message.status;
        this.statusMessage = message.message;
        this.unwatchedModels = message.unwatchedModels ?? [];
        return { kind: 'status' };
      case 'findings':
        this.findings = message.findings;
        return { kind: 'findings' };
      case 'compare':
        this.compared = message.run;
        return { kind: 'reset' };
    }
  }

  /** Layer name → position in the network, for ordering charts. */
  layerOrder(): Map<string, number> {
    return new Map((this.start?.layers ?? []).map((layer, i) => [layer.name, i]));
  }

  /**
   * The layers drawn. By default all watched layers, up to DEFAULT_SHOWN_LAYERS spread evenly from
   * the first to the last (a deep net's trend shows across depth; 50 small charts read poorly and
   * draw slowly); the user adds or removes layers with the checkboxes.
   */
  selectedLayers(): Set<string> {
    if (this.selected) return this.selected;
    const watched = this.start?.watchedLayers ?? [];
    if (watched.length <= DEFAULT_SHOWN_LAYERS) return new Set(watched);
    const spread = Array.from({ length: DEFAULT_SHOWN_LAYERS }, (_, i) => watched[Math.round((i * (watched.length - 1)) / (DEFAULT_SHOWN_LAYERS - 1))]);
    return new Set(spread);
  }

  cursorFrame(): ProbeFrame | undefined {
    return this.frames[this.cursor ?? this.frames.length - 1];
  }

  /** The compared run and both runs' names, when a run is shown beside this one. */
  comparison(): Comparison | undefined {
    const other = this.compared;
    if (!other || !this.start || other.id === this.runId) return undefined;
    return { other, labels: runLabels({ id: this.runId ?? '', startedAt: this.startedAt, start: this.start }, other) };
  }

  /** The compared run's frame at the step the histograms show (its last at or before it). */
  comparedFrame(): ProbeFrame | undefined {
    return this.compared && frameAtStep(this.compared.frames, this.cursorFrame()?.step);
  }

  /** The selected layers in network order, with their position: the cells of per-layer charts. */
  selectedInOrder(): [string, number][] {
    const selected = this.selectedLayers();
    return [...this.layerOrder()].filter(([name]) => selected.has(name));
  }

  private reset(id: string, start: RunStart): void {
    const sameModel = this.start?.modelFile === start.modelFile;
    this.runId = id;
    this.start = start;
    this.history.length = 0;
    this.steps.length = 0;
    this.frames.length = 0;
    this.findings = [];
    this.unwatchedModels = [];
    this.cursor = undefined;
    // Keep the user's layer choice across runs of the same model.
    if (!sameModel) this.selected = undefined;
  }
}

/** `appendBounded`, returning the steps of the items its thinning dropped (none, mostly). */
function appendDropping<T extends { readonly step: number }>(list: T[], items: readonly T[], max: number): Set<number> {
  const before = list.length + items.length > max ? [...list] : undefined;
  if (!appendBounded(list, items, max) || !before) return new Set();
  const kept = new Set(list);
  return new Set(before.filter((item) => !kept.has(item)).map((item) => item.step));
}
