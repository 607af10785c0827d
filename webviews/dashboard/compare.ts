/**
 * Comparing two runs in the dashboard: their names, the compared run's frame at the shown step, and
 * the rows of per-layer charts laid out as pairs of cells (this run's layer, then the other run's
 * layer of the same name). Pure functions, tested without a DOM.
 */
import type { RunSnapshot } from '../../src/runs/core/runSnapshot';
import type { ProbeFrame } from '../../src/runs/core/trainingData';
import { fill, words } from './labels';

/** Which run a row belongs to: 0 the shown run, 1 the compared one. */
export type RunIndex = 0 | 1;

/** The shown run and the run beside it, with the names the charts give them. */
export interface Comparison {
  readonly other: RunSnapshot;
  readonly labels: readonly [string, string];
}

type RunIdentity = Pick<RunSnapshot, 'id' | 'startedAt' | 'start'>;

const fileName = (run: RunIdentity): string => run.start.modelFile.split(/[\\/]/).pop() ?? run.start.modelFile;

/**
 * Short, distinct names for two runs: the model files' names; for two runs of one file, with the
 * time each started; for two runs started the same second, with their ids.
 */
export function runLabels(shown: RunIdentity, other: RunIdentity): [string, string] {
  const [a, b] = [fileName(shown), fileName(other)];
  if (a !== b) return [a, b];
  const time = (run: RunIdentity): string => new Date(run.startedAt).toLocaleTimeString();
  const [ta, tb] = [`${a} (${time(shown)})`, `${b} (${time(other)})`];
  return ta !== tb ? [ta, tb] : [`${a} (${shown.id})`, `${b} (${other.id})`];
}

/** The last frame at or before `step` (the first frame when all are later): the other run's state at that step. */
export function frameAtStep(frames: readonly ProbeFrame[], step: number | undefined): ProbeFrame | undefined {
  if (step === undefined) return frames.at(-1);
  let found = frames[0];
  for (const frame of frames) {
    if (frame.step > step) break;
    found = frame;
  }
  return found;
}

/** The fields that place a row in its run's cell of a layer. */
export interface CellFields {
  readonly run: string;
  /** The facet's title: layer and run. */
  readonly cell: string;
  /** The facet's position: layers in network order, this run's cell before the other's. */
  readonly slot: number;
}

export function cellOf(layer: string, order: number, run: RunIndex, labels: readonly [string, string]): CellFields {
  return { run: labels[run], cell: `${layer} · ${labels[run]}`, slot: order * 2 + run };
}

/** Rows of one run, each given its run's name, and its cell when the chart has one cell per layer and run. */
export function tagRows<T extends object>(rows: readonly T[], run: RunIndex, comparison: Comparison | undefined): T[] {
  if (!comparison) return [...rows];
  return rows.map((row) => {
    const { layer, order } = row as { layer?: unknown; order?: unknown };
    const cell = typeof layer === 'string' && typeof order === 'number' ? cellOf(layer, order, run, comparison.labels) : { run: comparison.labels[run] };
    return { ...row, ...cell };
  });
}

/**
 * One row per layer and run holding only what places it (no value, so no mark is drawn): every
 * pair of cells exists even when a run has no data for its layer (the other run has no layer of
 * that name, or no probe yet), and a facet never shifts the other run's cell into this run's column.
 * `blank` supplies the value fields a chart needs to draw nothing (a zero-width bar for histograms).
 */
export function cellFillers(layers: readonly (readonly [string, number])[], comparison: Comparison | undefined, blank: object = {}): object[] {
  if (!comparison) return [];
  const otherLayers = new Set(comparison.other.start.layers.map((layer) => layer.name));
  return layers.flatMap(([layer, order]) =>
    ([0, 1] as const).map((run) => {
      const cell = cellOf(layer, order, run, comparison.labels);
      // The other run's cell of a layer it does not have says so (it never gets data).
      return { layer, order, ...blank, ...cell, ...(run === 1 && !otherLayers.has(layer) ? { cell: fill(words().notIn, layer, comparison.labels[1]) } : {}) };
    }),
  );
}

/** Fillers for the cells `rows` leave empty (histograms: a blank bar would widen the x scale of a drawn cell). */
export function missingCellFillers(rows: readonly CellFields[], layers: readonly (readonly [string, number])[], comparison: Comparison | undefined, blank: object): object[] {
  const drawn = new Set(rows.map((row) => row.cell));
  return cellFillers(layers, comparison, blank).filter((row) => !drawn.has((row as CellFields).cell));
}
