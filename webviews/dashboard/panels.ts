/** The parts of the dashboard around the charts: header, controls, findings, empty state. */
import type { Finding } from '../../src/diagnosis/core/findings';
import type { DashboardStore } from './store';
import { el } from './dom';
import type { Language } from '../../src/common/core/language';
import { layerLabel } from '../../src/runs/core/layerLabel';

export interface PanelActions {
  openNote(topic: Finding['topic']): void;
  revealLine(line: number, file?: string): void;
  selectLayers(layers: Set<string>): void;
  selectStep(index: number | undefined): void;
  /** Undefined in the standalone report, which has no host to pick runs from. */
  readonly compareRun?: () => void;
  readonly stopComparing?: () => void;
}

const STATUS_TEXT = { running: 'training…', finished: 'finished', cancelled: 'stopped', failed: 'failed', interrupted: 'interrupted' } as const;

function button(label: string, onClick: (() => void) | undefined): HTMLElement[] {
  if (!onClick) return [];
  const element = el('button', { type: 'button', class: 'header-button' }, label);
  element.addEventListener('click', onClick);
  return [element];
}

/** What the header says of the compared run, with the button that stops comparing. */
function comparedLine(store: DashboardStore, actions: PanelActions): HTMLElement[] {
  const comparison = store.comparison();
  if (!comparison) return [];
  const { other, labels } = comparison;
  const last = other.history.at(-1);
  const facts = [
    new Date(other.startedAt).toLocaleString(),
    `backend ${other.start.backend}`,
    `epoch ${other.history.length}/${other.start.epochs}`,
    STATUS_TEXT[other.status],
    ...(last ? [`loss ${last.loss.toPrecision(3)}`] : []),
  ];
  return [
    el(
      'p',
      { class: 'compared' },
      'Compared with ',
      el('strong', {}, labels[1]),
      ` (${facts.join(' · ')}): its curves are dashed, its layers in the cells beside this run's. `,
      ...button('Stop comparing', actions.stopComparing),
    ),
  ];
}

/**
 * What a program run adds to the header: how its fit calls make up the one run (epochs continue from
 * call to call), and the models it trained that DeepScope did not watch.
 */
function programLines(store: DashboardStore): HTMLElement[] {
  const lines: HTMLElement[] = [];
  const calls = new Map<number, number[]>();
  for (const record of store.history) if (record.fit !== undefined) calls.set(record.fit, [...(calls.get(record.fit) ?? []), record.epoch + 1]);
  if (calls.size > 1) {
    const spans = [...calls].slice(0, 4).map(([fit, epochs]) => {
      const [first, last] = [Math.min(...epochs), Math.max(...epochs)];
      return `call ${fit + 1}: epoch${first === last ? ` ${first}` : `s ${first}–${last}`}`;
    });
    const more = calls.size > 4 ? ', …' : '';
    lines.push(el('p', { class: 'program-note' }, `Trained by ${calls.size} calls of fit(): shown as one run whose epochs continue from call to call (${spans.join(', ')}${more}).`));
  }
  if (store.unwatchedModels.length > 0) {
    const names = store.unwatchedModels.map((name) => `"${name}"`).join(', ');
    lines.push(
      el('p', { class: 'program-note' }, `The program also trained ${names}, not shown: DeepScope watches one model per run, the first that trains or the one the program passes to watch(model) from 'deepscope' before it trains.`),
    );
  }
  return lines;
}

export function renderHeader(target: HTMLElement, store: DashboardStore, actions: PanelActions): void {
  const start = store.start;
  if (!start) {
    target.replaceChildren();
    return;
  }
  const file = start.modelFile.split(/[\\/]/).pop() ?? start.modelFile;
  const last = store.history.at(-1);
  const status = STATUS_TEXT[store.status ?? 'running'];
  const facts = [
    `backend ${start.backend}`,
    // A program's later fit calls may train past the epochs its first call announced.
    `epoch ${store.history.length}/${Math.max(start.epochs, store.history.length)}`,
    last ? `loss ${last.loss.toPrecision(3)}` : undefined,
    last?.valLoss !== undefined ? `val_loss ${last.valLoss.toPrecision(3)}` : undefined,
  ].filter((fact): fact is string => fact !== undefined);
  const comparing = store.comparison() !== undefined;
  target.replaceChildren(
    el('h1', {}, file, ' ', el('span', { class: `status status-${store.status ?? 'running'}` }, status), ' ', ...(comparing ? [] : button('Compare with another run…', actions.compareRun))),
    el('p', { class: 'facts' }, facts.join(' · ')),
    ...(store.statusMessage ? [el('p', { class: 'status-message' }, store.statusMessage)] : []),
    ...programLines(store),
    ...comparedLine(store, actions),
  );
}

export function renderControls(target: HTMLElement, store: DashboardStore, actions: PanelActions): void {
  const start = store.start;
  if (!start) {
    target.replaceChildren();
    return;
  }
  const selected = store.selectedLayers();
  const comparison = store.comparison();
  const otherLayers = new Set(comparison?.other.start.layers.map((layer) => layer.name));
  const boxes = start.watchedLayers.map((name) => {
    const info = start.layers.find((layer) => layer.name === name);
    const box = el('input', { type: 'checkbox', 'data-layer': name });
    box.checked = selected.has(name);
    box.addEventListener('change', () => {
      const next = new Set(store.selectedLayers());
      if (box.checked) next.add(name);
      else next.delete(name);
      actions.selectLayers(next);
    });
    const only = comparison && !otherLayers.has(name) ? ' (this run only)' : '';
    return el('label', { class: 'layer-choice' }, box, ` ${layerLabel(start, name)}`, el('span', { class: 'muted' }, `${info?.activation ? ` ${info.activation}` : ''}${only}`));
  });
  const slider = el('input', { type: 'range', min: '0', max: String(Math.max(0, store.frames.length - 1)), step: '1', 'aria-label': 'Step shown by the histograms' });
  slider.value = String(store.cursor ?? Math.max(0, store.frames.length - 1));
  const frame = store.cursorFrame();
  const otherFrame = comparison && store.comparedFrame();
  const shownStep = frame ? `step ${frame.step} (epoch ${frame.epoch + 1})${store.cursor === undefined ? ', latest' : ''}` : 'no probe yet';
  const label = el('span', { class: 'step-label' }, otherFrame ? `${shownStep}; compared run at step ${otherFrame.step}` : shownStep);
  slider.addEventListener('input', () => {
    const index = Number(slider.value);
    actions.selectStep(index >= store.frames.length - 1 ? undefined : index);
  });
  target.replaceChildren(
    el('div', { class: 'layers' }, el('span', { class: 'control-title' }, 'Layers'), ...boxes),
    el('div', { class: 'step' }, el('span', { class: 'control-title' }, 'Histograms at'), slider, label),
  );
}

export function renderFindings(target: HTMLElement, store: DashboardStore, actions: PanelActions, language: Language): void {
  if (store.findings.length === 0) {
    target.replaceChildren(el('p', { class: 'hint' }, store.status === 'running' ? 'No problem found so far.' : 'No problem found in this run.'));
    return;
  }
  target.replaceChildren(
    el(
      'ul',
      { class: 'findings' },
      ...store.findings.map((finding) => {
        const note = el('a', { href: '#', class: 'link' }, 'Read the note');
        note.addEventListener('click', (event) => {
          event.preventDefault();
          actions.openNote(finding.topic);
        });
        const links: Node[] = [note];
        if (finding.line !== undefined) {
          const { line, file } = finding;
          const label = file === undefined ? `Line ${line}` : `${file.split(/[\\/]/).pop() ?? file}:${line}`;
          const reveal = el('a', { href: '#', class: 'link', title: file ?? '' }, label);
          reveal.addEventListener('click', (event) => {
            event.preventDefault();
            actions.revealLine(line, file);
          });
          links.push(reveal);
        }
        return el(
          'li',
          { class: `finding severity-${finding.severity}` },
          el('div', { class: 'finding-title' }, el('span', { class: 'rule' }, finding.rule), finding.layer ? ` · ${finding.layer}` : '', ` · epoch ${finding.epoch + 1}`),
          el('p', {}, finding.message[language]),
          el('p', { class: 'fix' }, finding.fix[language]),
          el('div', { class: 'links' }, ...links),
        );
      }),
    ),
  );
}

export function emptyState(): HTMLElement {
  return el(
    'div',
    { class: 'empty' },
    el('h1', {}, 'DeepScope dashboard'),
    el('p', {}, 'Train a model to see its loss, learning rate, and, layer by layer, its activations, gradients and weights here.'),
    el('p', { class: 'hint' }, 'Open a model module (for example examples/spiral-classifier.ts) and run "DeepScope: Train Model".'),
  );
}
