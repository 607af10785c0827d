/**
 * Scale domains the dashboard gives its streamed charts as parameters. A domain vega computes from
 * the data changes with every update, and a changed scale makes vega encode every point of the view
 * again: 50 layers × 240 probes of percentile bands took seconds per update. These domains change
 * only when the data crosses a tick (a decade on log scales, a nice step on linear ones), so most
 * updates only encode their new points. Pure functions, tested without a DOM.
 */

export type Domain = readonly [number, number];

/** 1, 2 or 5 × 10^k, the step of about five ticks over `span` (as vega's `nice`). */
function niceStep(span: number): number {
  const raw = span / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / power;
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power;
}

/** The extent of `values` rounded outward to a nice step; undefined when none is finite. */
export function linearDomain(values: Iterable<number>): Domain | undefined {
  let [lo, hi] = [Infinity, -Infinity];
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    lo = Math.min(lo, value);
    hi = Math.max(hi, value);
  }
  if (lo > hi) return undefined;
  if (lo === hi) return [lo - 1, hi + 1];
  const step = niceStep(hi - lo);
  return [Math.floor(lo / step) * step, Math.ceil(hi / step) * step];
}

/** The extent of the positive `values` rounded outward to decades (what a nice log scale shows). */
export function logDomain(values: Iterable<number>): Domain | undefined {
  let [lo, hi] = [Infinity, -Infinity];
  for (const value of values) {
    if (!(value > 0) || !Number.isFinite(value)) continue;
    lo = Math.min(lo, value);
    hi = Math.max(hi, value);
  }
  if (lo > hi) return undefined;
  const [low, high] = [Math.floor(Math.log10(lo)), Math.ceil(Math.log10(hi))];
  return [10 ** low, 10 ** (high > low ? high : low + 1)];
}

/** Both domains together (a streamed update widens, never narrows, what is drawn). */
export function union(a: Domain | undefined, b: Domain | undefined): Domain | undefined {
  if (!a || !b) return a ?? b;
  return [Math.min(a[0], b[0]), Math.max(a[1], b[1])];
}

/**
 * Steps from 0 to the run's length when the run says it (epochs × steps per epoch), so lines grow
 * across a fixed axis; past it (or when unknown), to half as far again as the last step drawn.
 * `current` is kept while it covers the last step.
 */
export function stepDomain(runSteps: number, lastStep: number | undefined, current?: Domain): Domain {
  const end = Math.max(1, runSteps, current?.[1] ?? 0);
  if (lastStep === undefined || lastStep <= end) return [0, end];
  return [0, Math.ceil(lastStep * 1.5)];
}


/** How a streamed chart's scales are set: x over steps, y on a log scale (with a guide line) or per cell. */
export interface ScaleKind {
  readonly y?: 'log' | 'perCell';
  readonly guide?: number;
}

/** The values of a chart's scale parameters: `xDomain`, and `yDomain` or `yDomains` (facet cell → domain). */
export interface ScaleParams {
  readonly xDomain: Domain;
  readonly yDomain?: Domain;
  readonly yDomains?: Readonly<Record<string, Domain>>;
}

interface StreamedRow {
  readonly step?: number;
  readonly value?: number;
  readonly p0?: number;
  readonly p100?: number;
  readonly layer?: string;
  readonly cell?: string;
}

/**
 * A chart's scale parameters for `rows`: the domains of those rows alone when there is no
 * `previous` (a chart drawn from scratch), else `previous` widened to take them in.
 */
export function scaleParams(kind: ScaleKind, rows: readonly object[], runSteps: number, previous?: ScaleParams): ScaleParams {
  const streamed = rows as readonly StreamedRow[];
  let lastStep: number | undefined;
  for (const row of streamed) if (row.step !== undefined && !(row.step <= (lastStep ?? -Infinity))) lastStep = row.step;
  const xDomain = stepDomain(runSteps, lastStep, previous?.xDomain);
  if (kind.y === 'log') {
    const values = streamed.map((row) => row.value ?? Number.NaN);
    return { xDomain, yDomain: union(previous?.yDomain, logDomain(kind.guide === undefined ? values : [...values, kind.guide])) ?? [kind.guide ?? 1e-3, 1] };
  }
  if (kind.y === 'perCell') {
    const bounds = new Map<string, number[]>();
    for (const row of streamed) {
      const cell = row.cell ?? row.layer;
      if (cell === undefined || row.p0 === undefined || row.p100 === undefined) continue;
      const values = bounds.get(cell) ?? [];
      values.push(row.p0, row.p100);
      bounds.set(cell, values);
    }
    const yDomains: Record<string, Domain> = { ...previous?.yDomains };
    bounds.forEach((values, cell) => {
      const domain = union(yDomains[cell], linearDomain(values));
      if (domain) yDomains[cell] = domain;
    });
    return { xDomain, yDomains };
  }
  return { xDomain };
}
