/**
 * The charts of one lab view, drawn with the shared Chart (vega-lite without eval, canvas, theme
 * colours): each fills its named datasets, then describes itself for screen readers and tests.
 */
import type { TopLevelSpec } from 'vega-lite';
import { Chart } from '../shared/chart';

export interface ChartPlan {
  /** What the chart shows, in stable English words: its aria-label (tests read it). */
  readonly label: string;
  readonly spec: TopLevelSpec;
  /** Rows of each named dataset the spec reads. */
  readonly data: Readonly<Record<string, readonly object[]>>;
}

export class ChartSet {
  private charts: Chart[] = [];
  private disposed = false;

  async draw(slot: HTMLElement, plan: ChartPlan): Promise<void> {
    const chart = await Chart.create(slot, plan.spec);
    if (this.disposed) {
      chart.finalize();
      return;
    }
    this.charts.push(chart);
    for (const [name, rows] of Object.entries(plan.data)) await chart.replace(name, rows);
    chart.describe(plan.label, Object.keys(plan.data));
  }

  dispose(): void {
    this.disposed = true;
    this.charts.forEach((chart) => chart.finalize());
    this.charts = [];
  }
}
