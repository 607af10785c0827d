import { el } from '../shared/dom';

// Shared by every view (webviews/shared/dom.ts); re-exported for the dashboard's modules.
export { el };

export function section(title: string, hint: string, ...children: Node[]): HTMLElement {
  return el('section', {}, el('h2', {}, title), el('p', { class: 'hint' }, hint), ...children);
}
