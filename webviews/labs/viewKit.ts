/**
 * What every lab view is built with: sections with a hint, key facts (each carrying its raw value for
 * tests), chart slots drawn once the view is in the page, and view-only choices (which run a histogram
 * shows) that redraw the results without running the lab again.
 */
import type { Language } from '../../src/labs/core/labPanelProtocol';
import { el } from '../shared/dom';
import type { ChartTheme } from '../shared/theme';
import type { ChartPlan } from './charts';
import { formatValue } from './format';
import { say, type Words } from './labels';

/** Two charts side by side from this content width on. */
const TWO_COLUMNS_FROM = 860;
const GAP = 24;
/** Room for a y axis, its labels and padding around a plot. */
const AXIS_ROOM = 90;

export interface Fact {
  /** Stable name, the fact's data-fact attribute. */
  readonly key: string;
  readonly label: string;
  readonly value: number | string;
  readonly shown?: string;
}

export class LabViewContext {
  readonly pending: { readonly slot: HTMLElement; readonly plan: ChartPlan }[] = [];
  /** False when the view itself shows everything the key-number tables hold (they would only repeat it). */
  keyTables = true;

  constructor(
    readonly language: Language,
    readonly theme: ChartTheme,
    /** Width of the results area, in pixels. */
    readonly width: number,
    /** View-only choices by name, kept across redraws. */
    readonly choices: Map<string, string>,
    private readonly redraw: () => void,
  ) {}

  say(words: Words): string {
    return say(this.language, words);
  }

  get twoColumns(): boolean {
    return this.width >= TWO_COLUMNS_FROM;
  }

  /** The plot width of a chart that spans the whole width, or half of it when two fit side by side. */
  plotWidth(span: 'full' | 'half' = 'full'): number {
    const slot = span === 'half' && this.twoColumns ? (this.width - GAP) / 2 : this.width;
    return Math.max(200, Math.floor(slot - AXIS_ROOM));
  }

  chart(plan: ChartPlan): HTMLElement {
    const slot = el('div', { class: 'chart' });
    this.pending.push({ slot, plan });
    return slot;
  }

  /** Charts side by side when the panel is wide enough (their plots sized with plotWidth('half')). */
  row(...charts: HTMLElement[]): HTMLElement {
    return el('div', { class: this.twoColumns ? 'chart-row two' : 'chart-row' }, ...charts);
  }

  /** Small things on one line (view choices). */
  inline(...children: HTMLElement[]): HTMLElement {
    return el('div', { class: 'inline' }, ...children);
  }

  section(title: Words, hint: Words | undefined, ...children: HTMLElement[]): HTMLElement {
    return el('section', {}, el('h2', {}, this.say(title)), ...(hint ? [el('p', { class: 'hint' }, this.say(hint))] : []), ...children);
  }

  facts(items: readonly Fact[]): HTMLElement {
    return el(
      'div',
      { class: 'facts' },
      ...items.map((fact) =>
        el('div', { class: 'fact', 'data-fact': fact.key, 'data-value': String(fact.value) }, el('span', { class: 'fact-value' }, fact.shown ?? formatValue(fact.value)), el('span', { class: 'fact-label' }, fact.label)),
      ),
    );
  }

  /** A select of the results view (not a lab parameter): changing it redraws from the same result. */
  choice(name: string, label: Words, options: readonly string[], fallback: string): { element: HTMLElement; value: string } {
    const current = this.choices.get(name);
    const value = current !== undefined && options.includes(current) ? current : fallback;
    const select = el('select', { id: `view-${name}` }, ...options.map((option) => el('option', { value: option }, option)));
    select.value = value;
    select.addEventListener('change', () => {
      this.choices.set(name, select.value);
      this.redraw();
    });
    return { element: el('label', { class: 'view-choice', for: `view-${name}` }, `${this.say(label)} `, select), value };
  }
}
