import vegaEmbed, { type Result } from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import type { TopLevelSpec } from 'vega-lite';
import { changeset, Error, type View } from 'vega';
import { readTheme, vegaConfig } from './theme';

/** Removed marks vega keeps before cleaning them out (its default, 10,000, is per mark of each facet cell). */
const CLEAN_THRESHOLD = 100;

/**
 * One vega-lite chart: embedded without `eval` (AST + vega-interpreter, so the webview's CSP
 * never has to allow eval), drawn on canvas, fed by named datasets that are updated with
 * changesets instead of re-embedding.
 */
export class Chart {
  private result: Result | undefined;
  private pending: Promise<void> = Promise.resolve();
  /** Per dataset, the series and layers inserted so far: a new one changes the layout. */
  private readonly groups = new Map<string, Set<string>>();
  /** The parameters set so far, as JSON. */
  private readonly params = new Map<string, string>();

  private constructor(readonly element: HTMLElement) {}

  /** Embeds the chart in a new element that replaces `element`'s children once drawn (a chart drawn again never leaves a gap). */
  static async create(element: HTMLElement, spec: TopLevelSpec): Promise<Chart> {
    const chart = new Chart(element);
    const target = document.createElement('div');
    chart.result = await vegaEmbed(target, spec, {
      ast: true,
      expr: expressionInterpreter,
      renderer: 'canvas',
      actions: false,
      defaultStyle: false,
      // Charts are embedded before their data arrives: empty-extent warnings are expected.
      logLevel: Error,
      config: vegaConfig(readTheme()),
    });
    // vega drops the marks of removed rows from its maps once this many are waiting; a changeset's
    // removals trigger it only outside facets, so streamed small multiples otherwise kept every
    // thinned-out row (about 0.5 MB per thinning of 50 layers).
    (chart.result.view as View & { cleanThreshold: number }).cleanThreshold = CLEAN_THRESHOLD;
    element.replaceChildren(target);
    return chart;
  }

  get view(): View | undefined {
    return this.result?.view;
  }

  /**
   * Appends rows to a named dataset, and removes the rows `remove` picks; calls are serialised so
   * updates never interleave. New points of a series already drawn do not change the layout, so the
   * view is not resized (the costly part); a new series or layer adds a legend entry or a facet, and
   * a legend that appears without a resize pushes the title above the canvas.
   */
  insert(dataset: string, rows: readonly object[], remove?: (row: object) => boolean): Promise<void> {
    if (rows.length === 0 && !remove) return this.pending;
    return this.enqueue((view) => {
      const changes = changeset().insert([...rows]);
      return view.change(dataset, remove ? changes.remove(remove) : changes);
    }, this.addsGroups(dataset, rows));
  }

  /**
   * Replaces a named dataset's rows. `relayout` when the rows may add or remove facets or legend
   * entries: vega keeps a canvas's first size unless asked to resize. Rows of the same shape as the
   * current ones (as many, in the same cells) are modified in place: vega keeps the rows removed from
   * a faceted dataset until its view is finalized, so a dataset replaced on every update (the
   * histograms of the latest step) grew the heap by megabytes each time.
   */
  replace(dataset: string, rows: readonly object[], relayout = true): Promise<void> {
    this.groups.delete(dataset);
    this.addsGroups(dataset, rows);
    return this.enqueue((view) => {
      const current = view.data(dataset) as Record<string, unknown>[];
      if (!sameCells(current, rows as readonly Record<string, unknown>[])) return view.change(dataset, changeset().remove(() => true).insert([...rows]));
      const changes = changeset();
      current.forEach((tuple, i) => {
        for (const [field, value] of Object.entries(rows[i])) if (tuple[field] !== value) changes.modify(tuple, field, value);
      });
      return view.change(dataset, changes);
    }, relayout);
  }

  /**
   * Sets the parameters (vega signals) whose value changed. A parameter that a scale's domain reads
   * makes vega encode every point again when it changes, so callers change them seldom.
   */
  setParams(values: Readonly<Record<string, unknown>>): Promise<void> {
    const changed = Object.entries(values).filter(([name, value]) => this.params.get(name) !== JSON.stringify(value));
    if (changed.length === 0) return this.pending;
    changed.forEach(([name, value]) => this.params.set(name, JSON.stringify(value)));
    return this.enqueue((view) => changed.reduce((next, [name, value]) => next.signal(name, value), view), false);
  }

  /**
   * Writes what the chart draws onto its element, for screen readers and tests (a canvas is
   * opaque to both): an aria-label, the number of data points and the layers present.
   */
  describe(label: string, datasets: readonly string[]): void {
    const view = this.view;
    if (!view) return;
    const rows = datasets.flatMap((name) => view.data(name) as { layer?: unknown }[]);
    const layers = [...new Set(rows.map((row) => row.layer).filter((layer): layer is string => typeof layer === 'string'))];
    this.element.setAttribute('role', 'img');
    this.element.setAttribute('aria-label', layers.length > 0 ? `${label}: ${layers.join(', ')}` : label);
    this.element.dataset.points = String(rows.length);
    this.element.dataset.layers = layers.join(',');
  }

  finalize(): void {
    this.result?.finalize();
    this.result = undefined;
  }

  /** Whether `rows` hold a `series` or `layer` value this dataset has not had before (and records them). */
  private addsGroups(dataset: string, rows: readonly object[]): boolean {
    let seen = this.groups.get(dataset);
    if (!seen) this.groups.set(dataset, (seen = new Set()));
    let added = false;
    for (const row of rows as readonly { series?: unknown; layer?: unknown }[]) {
      for (const value of [row.series, row.layer]) {
        if (typeof value !== 'string' || seen.has(value)) continue;
        seen.add(value);
        added = true;
      }
    }
    return added;
  }

  private enqueue(apply: (view: View) => View, relayout: boolean): Promise<void> {
    this.pending = this.pending.then(async () => {
      const view = this.view;
      if (!view) return;
      const changed = apply(view);
      await (relayout ? changed.resize() : changed).runAsync();
    });
    return this.pending;
  }
}

/** Whether two lists of rows have as many rows, each in the same cell (facet) and series. */
function sameCells(current: readonly Record<string, unknown>[], next: readonly Record<string, unknown>[]): boolean {
  return current.length === next.length && current.every((row, i) => row.cell === next[i].cell && row.layer === next[i].layer && row.series === next[i].series);
}
