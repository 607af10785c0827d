/** The parts of the dashboard around the charts: header, controls, findings, empty state. */
import type { Finding } from '../../src/diagnosis/core/findings';
import type { DashboardStore } from './store';
import { el } from './dom';
import type { Language } from '../../src/common/core/language';
import { layerLabel } from '../../src/runs/core/layerLabel';
import { fill, words } from './labels';

export interface PanelActions {
  openNote(topic: Finding['topic']): void;
  revealLine(line: number, file?: string): void;
  selectLayers(layers: Set<string>): void;
  selectStep(index: number | undefined): void;
  /** Undefined in the standalone report, which has no host to pick runs from. */
  readonly compareRun?: () => void;
  readonly stopComparing?: () => void;
}

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
  const w = words();
  const facts = [
    new Date(other.startedAt).toLocaleString(document.documentElement.lang || undefined),
    fill(w.backend, other.start.backend),
    fill(w.epoch, other.history.length, other.start.epochs),
    w.status[other.status],
    ...(last ? [`loss ${last.loss.toPrecision(3)}`] : []),
  ];
  return [
    el(
      'p',
      { class: 'compared' },
      w.comparedWith,
      el('strong', {}, labels[1]),
      fill(w.comparedTail, facts.join(' · ')),
      ...button(w.stopComparing, actions.stopComparing),
    ),
  ];
}

/**
 * What a program run adds to the header: how its fit calls make up the one run (epochs continue from
 * call to call), and the models it trained that DeepScope did not watch.
 */
function programLines(store: DashboardStore): HTMLElement[] {
  const lines: HTMLElement[] = [];
  const w = words();
  const calls = new Map<number, number[]>();
  for (const record of store.history) if (record.fit !== undefined) calls.set(record.fit, [...(calls.get(record.fit) ?? []), record.epoch + 1]);
  if (calls.size > 1) {
    const spans = [...calls].slice(0, 4).map(([fit, epochs]) => {
      const [first, last] = [Math.min(...epochs), Math.max(...epochs)];
      return first === last ? fill(w.fitCallOne, fit + 1, first) : fill(w.fitCall, fit + 1, `${first}–${last}`);
    });
    const more = calls.size > 4 ? ', …' : '';
    lines.push(el('p', { class: 'program-note' }, fill(w.trainedByCalls, calls.size, `${spans.join(', ')}${more}`)));
  }
  if (store.unwatchedModels.length > 0) {
    const names = store.unwatchedModels.map((name) => `"${name}"`).join(', ');
    lines.push(
      el('p', { class: 'program-note' }, fill(w.unwatched, names)),
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
  const w = words();
  const status = w.status[store.status ?? 'running'];
  const facts = [
    fill(w.backend, start.backend),
    // A program's later fit calls may train past the epochs its first call announced.
    fill(w.epoch, store.history.length, Math.max(start.epochs, store.history.length)),
    last ? `loss ${last.loss.toPrecision(3)}` : undefined,
    last?.valLoss !== undefined ? `val_loss ${last.valLoss.toPrecision(3)}` : undefined,
  ].filter((fact): fact is string => fact !== undefined);
  const comparing = store.comparison() !== undefined;
  target.replaceChildren(
    el('h1', {}, file, ' ', el('span', { class: `status status-${store.status ?? 'running'}` }, status), ' ', ...(comparing ? [] : button(w.compareWith, actions.compareRun))),
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
  const w = words();
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
    const only = comparison && !otherLayers.has(name) ? w.thisRunOnly : '';
    return el('label', { class: 'layer-choice' }, box, ` ${layerLabel(start, name)}`, el('span', { class: 'muted' }, `${info?.activation ? ` ${info.activation}` : ''}${only}`));
  });
  const slider = el('input', { type: 'range', min: '0', max: String(Math.max(0, store.frames.length - 1)), step: '1', 'aria-label': w.stepSlider });
  slider.value = String(store.cursor ?? Math.max(0, store.frames.length - 1));
  const frame = store.cursorFrame();
  const otherFrame = comparison && store.comparedFrame();
  const shownStep = frame ? `${fill(w.shownStep, frame.step, frame.epoch + 1)}${store.cursor === undefined ? w.latest : ''}` : w.noProbe;
  const label = el('span', { class: 'step-label' }, otherFrame ? fill(w.comparedStep, shownStep, otherFrame.step) : shownStep);
  slider.addEventListener('input', () => {
    const index = Number(slider.value);
    actions.selectStep(index >= store.frames.length - 1 ? undefined : index);
  });
  target.replaceChildren(
    el('div', { class: 'layers' }, el('span', { class: 'control-title' }, w.layers), ...boxes),
    el('div', { class: 'step' }, el('span', { class: 'control-title' }, w.histogramsAt), slider, label),
  );
}

export function renderFindings(target: HTMLElement, store: DashboardStore, actions: PanelActions, language: Language): void {
  const w = words();
  if (store.findings.length === 0) {
    target.replaceChildren(el('p', { class: 'hint' }, store.status === 'running' ? w.noProblemYet : w.noProblem));
    return;
  }
  target.replaceChildren(
    el(
      'ul',
      { class: 'findings' },
      ...store.findings.map((finding) => {
        const note = el('a', { href: '#', class: 'link' }, w.readNote);
        note.addEventListener('click', (event) => {
          event.preventDefault();
          actions.openNote(finding.topic);
        });
        const links: Node[] = [note];
        if (finding.line !== undefined) {
          const { line, file } = finding;
          const label = file === undefined ? fill(w.line, line) : `${file.split(/[\\/]/).pop() ?? file}:${line}`;
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
          el('div', { class: 'finding-title' }, el('span', { class: 'rule' }, finding.rule), finding.layer ? ` · ${finding.layer}` : '', ` · ${w.epochAxis} ${finding.epoch + 1}`),
          el('p', { lang: language }, finding.message[language]),
          el('p', { class: 'fix', lang: language }, finding.fix[language]),
          el('div', { class: 'links' }, ...links),
        );
      }),
    ),
  );
}

export function emptyState(): HTMLElement {
  const w = words();
  return el(
    'div',
    { class: 'empty' },
    el('h1', {}, w.dashboard),
    el('p', {}, w.emptyIntro),
    el('p', { class: 'hint' }, w.emptyHint),
  );
}
