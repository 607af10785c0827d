/**
 * Entry of the dashboard webview (and of the standalone HTML report, which embeds a run as JSON
 * instead of receiving messages). Says `ready`, then draws what the host sends.
 */
import './dashboard.css';
import type { FromDashboard, ToDashboard } from '../../src/dashboard/core/dashboardProtocol';
import type { ReportPayload } from '../../src/runs/core/runSnapshot';
import { vscodeApi } from '../shared/vscodeApi';
import { DashboardCharts, type ChartSlots } from './charts';
import { el, section } from './dom';
import { emptyState, renderControls, renderFindings, renderHeader, type PanelActions } from './panels';
import { DashboardStore } from './store';
import { redrawOnThemeOrWidthChange } from '../shared/redrawTriggers';
import type { Language } from '../../src/common/core/language';
import { pageLanguage, words } from './labels';

interface SavedState {
  readonly runId?: string;
  readonly compareRunId?: string;
}

const api = vscodeApi<SavedState>();
const store = new DashboardStore();
/** The findings' language (`deepscope.language`); the dashboard's own words follow the page's `lang`. */
const language: Language = pageLanguage('data-explanations');
const w = words();

const slot = (): HTMLElement => el('div', { class: 'chart' });
const slots: ChartSlots = {
  training: slot(),
  bands: slot(),
  activationHistograms: slot(),
  unitHealth: slot(),
  gradientNorms: slot(),
  gradientRatio: slot(),
  gradientHistograms: slot(),
  updateRatios: slot(),
  weightHistograms: slot(),
};
const header = el('header', {});
const controls = el('div', { class: 'controls' });
const findings = el('div', {});
const content = el(
  'main',
  {},
  header,
  controls,
  section(w.findings, w.findingsHint, findings),
  section(w.training, w.trainingHint, slots.training),
  section(
    w.activations,
    w.activationsHint,
    slots.bands,
    slots.activationHistograms,
    slots.unitHealth,
  ),
  section(
    w.gradients,
    w.gradientsHint,
    slots.gradientNorms,
    slots.gradientRatio,
    slots.gradientHistograms,
  ),
  section(w.weights, w.weightsHint, slots.updateRatios, slots.weightHistograms),
);
const empty = emptyState();
const charts = new DashboardCharts(slots, store);

function post(message: FromDashboard): void {
  api?.postMessage(message);
}

const actions: PanelActions = {
  openNote: (topic) => post({ type: 'openNote', topic }),
  revealLine: (line, file) => post({ type: 'revealLine', line, ...(file === undefined ? {} : { file }) }),
  selectLayers: (layers) => {
    store.selected = layers;
    void redraw();
  },
  selectStep: (index) => {
    store.cursor = index;
    renderControls(controls, store, actions);
    void charts.showStep();
  },
  // The report has no host: no run to pick.
  ...(api ? { compareRun: () => post({ type: 'compareRun' }), stopComparing: () => post({ type: 'stopComparing' }) } : {}),
};

function renderPanels(): void {
  document.body.replaceChildren(store.start ? content : empty);
  renderHeader(header, store, actions);
  renderControls(controls, store, actions);
  renderFindings(findings, store, actions, language);
}

async function redraw(): Promise<void> {
  renderPanels();
  await charts.rebuild(content.clientWidth || window.innerWidth);
  document.body.dataset.rendered = String(Date.now());
}

async function receive(message: ToDashboard): Promise<void> {
  const change = store.apply(message);
  if (change.kind === 'reset') {
    api?.setState({ runId: store.runId, compareRunId: store.comparison()?.other.id });
    await redraw();
  } else if (change.kind === 'append') {
    renderHeader(header, store, actions);
    renderControls(controls, store, actions);
    await charts.append(change);
    document.body.dataset.rendered = String(Date.now());
    catchUpAfterPause();
  } else if (change.kind === 'status') {
    // A run that stopped streaming is drawn whole before it says so.
    if (store.status !== 'running') await charts.catchUp();
    renderHeader(header, store, actions);
    renderFindings(findings, store, actions, language);
    document.body.dataset.rendered = String(Date.now());
  } else {
    renderFindings(findings, store, actions, language);
  }
}

/** A stream that pauses this long gets its off-screen charts drawn too. */
const PAUSE_MS = 1000;
let pauseTimer: number | undefined;
function catchUpAfterPause(): void {
  window.clearTimeout(pauseTimer);
  pauseTimer = window.setTimeout(() => void charts.catchUp(), PAUSE_MS);
}

/** Hidden webviews get no animation frames: messages are handled after this long at the latest. */
const FRAME_FALLBACK_MS = 100;

// Messages are handled one at a time, in order, at the next animation frame. Progress that arrives
// before then or while the charts draw is merged into one update, so a fast run never builds a
// backlog of redraws.
const pending: { message: ToDashboard; arrived: number }[] = [];
let draining = false;
let scheduled = false;
function enqueue(message: ToDashboard): void {
  const last = pending.at(-1);
  if (message.type === 'progress' && last?.message.type === 'progress') {
    const merged = last.message;
    last.message = {
      type: 'progress',
      frames: [...merged.frames, ...message.frames],
      epochs: [...merged.epochs, ...message.epochs],
      steps: [...merged.steps, ...message.steps],
    };
  } else {
    pending.push({ message, arrived: performance.now() });
  }
  if (draining || scheduled) return;
  scheduled = true;
  const start = (): void => {
    if (!scheduled) return;
    scheduled = false;
    void drain();
  };
  requestAnimationFrame(start);
  window.setTimeout(start, FRAME_FALLBACK_MS);
}

async function drain(): Promise<void> {
  draining = true;
  while (pending.length > 0) {
    const { message, arrived } = pending.shift() as (typeof pending)[number];
    await receive(message).catch((error: unknown) => console.error('DeepScope dashboard:', error));
    // From the (first merged) message's arrival to the end of its drawing, read by the dashboard benchmark.
    document.body.dataset.drawMs = String(Math.round(performance.now() - arrived));
  }
  draining = false;
}

const embedded = document.getElementById('deepscope-run');
if (embedded?.textContent) {
  // Standalone report: the run and its findings are embedded as JSON.
  const report = JSON.parse(embedded.textContent) as ReportPayload;
  enqueue({ type: 'snapshot', run: report.run });
  enqueue({ type: 'findings', findings: report.findings });
  if (report.compare) enqueue({ type: 'compare', run: report.compare.run });
} else {
  renderPanels();
  window.addEventListener('message', (event: MessageEvent<ToDashboard>) => enqueue(event.data));
  post({ type: 'ready' });
}
redrawOnThemeOrWidthChange(() => void redraw());
