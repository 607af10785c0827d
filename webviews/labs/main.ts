/**
 * Entry of a lab webview. Says `ready`, then shows the lab the host describes: its claim and note links,
 * controls generated from its parameter schema, the run status, and the results drawn by the lab's view.
 * Saves {lab, params} so VS Code can restore the panel (and its controls) after a reload.
 */
import './labs.css';
import type { KeyTable, LabReport, ParamValue, ParamValues } from '../../src/labs/core/labs';
import type { FromLab, LabPresentation, LabState, ToLab } from '../../src/labs/core/labPanelProtocol';
import { el } from '../shared/dom';
import { readTheme } from '../shared/theme';
import { vscodeApi } from '../shared/vscodeApi';
import { ChartSet } from './charts';
import { renderControls, type Controls } from './controls';
import { LABELS, say } from './labels';
import { renderHeader, renderStatus } from './shell';
import { keyTables } from './tables';
import { LabViewContext } from './viewKit';
import { renderLabView } from './views';
import { redrawOnThemeOrWidthChange } from '../shared/redrawTriggers';

const api = vscodeApi<LabState>();
/** After an edit, how long a cheap lab waits for the next one before running again. */
const RERUN_DELAY_MS = { typing: 600, committed: 150 };

let presentation: LabPresentation | undefined;
let params: Record<string, ParamValue> = {};
let controls: Controls | undefined;
let fieldErrors: readonly string[] = [];
let status: ToLab | undefined;
let shown: { readonly report: LabReport; readonly tables: readonly KeyTable[] } | undefined;
let charts = new ChartSet();
const choices = new Map<string, string>();
let rerunTimer: number | undefined;
let clock: number | undefined;

const header = el('header', {});
const paramsBox = el('div', {});
const runButton = el('button', { type: 'button', class: 'primary', 'data-action': 'run' });
const stopButton = el('button', { type: 'button', 'data-action': 'stop' });
const resetButton = el('button', { type: 'button', class: 'secondary', 'data-action': 'reset' });
const statusLine = el('p', { class: 'status', 'aria-live': 'polite' });
const controlsTitle = el('h2', {});
const autoNote = el('p', { class: 'hint' });
const results = el('div', { class: 'results' });

function post(message: FromLab): void {
  api?.postMessage(message);
}

function words(key: keyof typeof LABELS): string {
  return say(presentation?.language ?? 'en', LABELS[key]);
}

function save(): void {
  if (presentation) api?.setState({ lab: presentation.info.name, params });
}

function run(): void {
  window.clearTimeout(rerunTimer);
  const read = controls?.read();
  fieldErrors = read?.errors ?? [];
  if (read && fieldErrors.length === 0) post({ type: 'run', params: read.params });
  else updateStatus();
}

function onEdit(typing: boolean): void {
  const read = controls?.read();
  if (!read) return;
  fieldErrors = read.errors;
  if (fieldErrors.length === 0) {
    params = read.params;
    save();
    if (presentation?.rerunOnChange) {
      window.clearTimeout(rerunTimer);
      rerunTimer = window.setTimeout(run, typing ? RERUN_DELAY_MS.typing : RERUN_DELAY_MS.committed);
    }
  }
  updateStatus();
}

function resetParams(): void {
  if (!presentation) return;
  params = Object.fromEntries(presentation.info.params.map((spec) => [spec.name, spec.default]));
  save();
  showControls();
  if (presentation.rerunOnChange) run();
  else updateStatus();
}

function showControls(): void {
  if (!presentation) return;
  controls = renderControls(presentation.info.params, params, onEdit);
  paramsBox.replaceChildren(controls.element);
}

/** The result on screen was computed with other parameters than the controls now hold. */
function stale(): boolean {
  if (!shown) return false;
  const ran: ParamValues = shown.report.params;
  return Object.entries(params).some(([name, value]) => ran[name] !== value);
}

function updateStatus(): void {
  const state = renderStatus(statusLine, presentation, status, stale(), fieldErrors);
  document.body.dataset.state = state;
  stopButton.disabled = state !== 'running';
  results.classList.toggle('outdated', state === 'running' || stale());
  window.clearInterval(clock);
  if (state === 'running') clock = window.setInterval(updateStatus, 1000);
}

function renderChrome(): void {
  if (!presentation) return;
  document.documentElement.lang = presentation.language;
  renderHeader(header, presentation, (topic) => post({ type: 'openNote', topic }));
  controlsTitle.textContent = words('parameters');
  runButton.textContent = words('run');
  stopButton.textContent = words('stop');
  resetButton.textContent = words('reset');
  autoNote.textContent = presentation.rerunOnChange ? words('autoRerun') : '';
}

/** Draws the shown result again from scratch: a new result, a theme change, a resize, a view choice. */
async function renderResults(): Promise<void> {
  charts.dispose();
  const current = new ChartSet();
  charts = current;
  if (!shown || !presentation) {
    results.replaceChildren();
    return;
  }
  const width = results.clientWidth || document.body.clientWidth - 40;
  const context = new LabViewContext(presentation.language, readTheme(), width, choices, () => void renderResults());
  const sections = renderLabView(shown.report, context);
  const key = el('section', { class: 'key-numbers' }, el('h2', {}, words('keyNumbers')), el('p', { class: 'hint' }, words('keyNumbersHint')), ...keyTables(shown.tables));
  results.replaceChildren(...sections, ...(context.keyTables ? [key] : []));
  results.dataset.lab = shown.report.name;
  await Promise.all(context.pending.map(({ slot, plan }) => current.draw(slot, plan)));
  // Read by the UI tests: every chart of this result is drawn.
  if (charts === current) document.body.dataset.drawn = String(Date.now());
}

function receive(message: ToLab): void {
  if (message.type === 'show') {
    const first = presentation === undefined;
    presentation = message.presentation;
    if (first) {
      const saved = api?.getState();
      params = { ...(saved?.lab === presentation.info.name ? saved.params : message.params) };
      save();
    }
    renderChrome();
    showControls();
    updateStatus();
    if (!first) void renderResults();
    return;
  }
  status = message;
  if (message.type === 'result') {
    shown = { report: message.report, tables: message.tables };
    void renderResults();
  }
  updateStatus();
}

runButton.addEventListener('click', run);
stopButton.addEventListener('click', () => post({ type: 'stop' }));
resetButton.addEventListener('click', resetParams);
document.body.replaceChildren(
  el('main', {}, header, el('section', { class: 'controls' }, controlsTitle, autoNote, paramsBox), el('div', { class: 'runbar' }, el('div', { class: 'actions' }, runButton, stopButton, resetButton), statusLine), results),
);
updateStatus();
window.addEventListener('message', (event: MessageEvent<ToLab>) => receive(event.data));
redrawOnThemeOrWidthChange(() => void renderResults());
post({ type: 'ready' });
