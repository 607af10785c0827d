/** The parts of a lab view around its results: the header (title, claim, note links) and the run status line. */
import type { TopicId } from '../../src/notes/core/topicIds';
import type { LabPresentation, ToLab } from '../../src/labs/core/labPanelProtocol';
import { el } from '../shared/dom';
import { elapsed, LABELS, ranOn, say } from './labels';

export function renderHeader(target: HTMLElement, presentation: LabPresentation, openNote: (topic: TopicId) => void): void {
  const { language } = presentation;
  const links = presentation.topics.map(({ topic, title }) => {
    const link = el('button', { class: 'topic-link', type: 'button', 'data-topic': topic, title: topic }, title);
    link.addEventListener('click', () => openNote(topic));
    return link;
  });
  target.replaceChildren(
    el('p', { class: 'eyebrow' }, say(language, LABELS.lab)),
    el('h1', {}, presentation.title),
    el('blockquote', { class: 'claim' }, el('span', { class: 'claim-label' }, `${say(language, LABELS.claim)} `), presentation.claim),
    el('nav', { class: 'topics', 'aria-label': say(language, LABELS.notes) }, el('span', { class: 'muted' }, say(language, LABELS.notes)), ...links),
  );
}

export type RunState = 'idle' | 'running' | 'done' | 'failed' | 'stopped';

/** What the status line says about the last message from the host (and whether the results are out of date). */
export function renderStatus(target: HTMLElement, presentation: LabPresentation | undefined, status: ToLab | undefined, stale: boolean, fieldErrors: readonly string[]): RunState {
  const language = presentation?.language ?? 'en';
  const words = (key: keyof typeof LABELS): string => say(language, LABELS[key]);
  const parts: HTMLElement[] = [];
  let state: RunState = 'idle';
  if (status?.type === 'running') {
    state = 'running';
    parts.push(el('span', { class: 'spinner', 'aria-hidden': 'true' }), el('span', {}, `${words('running')} `), el('span', { class: 'muted elapsed' }, elapsed(language, (Date.now() - status.startedAt) / 1000)));
  } else if (status?.type === 'result') {
    state = 'done';
    parts.push(el('span', {}, ranOn(language, status.report.backend, status.report.elapsedMs / 1000)));
  } else if (status?.type === 'failed') {
    state = 'failed';
    parts.push(el('span', { class: 'error', role: 'alert' }, `${words('failed')} ${status.message}`));
  } else if (status?.type === 'stopped') {
    state = 'stopped';
    parts.push(el('span', {}, words('stopped')));
  } else {
    parts.push(el('span', { class: 'muted' }, presentation ? words('idle') : words('loading')));
  }
  if (stale && state !== 'running') parts.push(el('span', { class: 'stale-note' }, words('stale')));
  if (fieldErrors.length > 0) parts.push(el('span', { class: 'error', role: 'alert' }, fieldErrors.join(' · ')));
  target.replaceChildren(...parts);
  return state;
}
