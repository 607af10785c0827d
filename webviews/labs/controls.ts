/**
 * The lab's controls, generated from its parameter schema: a select per choice, a slider with a
 * number box for short ranges, a number box for wide ones, a textarea for text. Values are checked
 * as they are typed (paramValues.ts); the host checks them again before running.
 */
import type { ParamSpec, ParamValue } from '../../src/labs/core/labs';
import { el } from '../shared/dom';
import { controlKind, parseControlValue, sliderStep } from './paramValues';

export interface ControlValues {
  readonly params: Record<string, ParamValue>;
  /** One message per field that does not hold a valid value. */
  readonly errors: readonly string[];
}

export interface Controls {
  readonly element: HTMLElement;
  read(): ControlValues;
}

/** `onChange` fires on every edit, with `typing` true while a field is being typed in (not yet committed). */
export function renderControls(specs: readonly ParamSpec[], params: Readonly<Record<string, ParamValue>>, onChange: (typing: boolean) => void): Controls {
  const fields = specs.map((spec) => field(spec, params[spec.name] ?? spec.default, onChange));
  const element = el('div', { class: 'params' }, ...fields.map((f) => f.element));
  return {
    element,
    read: () => {
      const values: Record<string, ParamValue> = {};
      const errors: string[] = [];
      for (const f of fields) {
        const parsed = parseControlValue(f.spec, f.text());
        f.showError(parsed.ok ? '' : parsed.message);
        if (parsed.ok) values[f.spec.name] = parsed.value;
        else errors.push(parsed.message);
      }
      return { params: values, errors };
    },
  };
}

interface Field {
  readonly spec: ParamSpec;
  readonly element: HTMLElement;
  text(): string;
  showError(message: string): void;
}

function field(spec: ParamSpec, value: ParamValue, onChange: (typing: boolean) => void): Field {
  const id = `param-${spec.name}`;
  const error = el('span', { class: 'param-error', role: 'alert' });
  const kind = controlKind(spec);
  let input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  const extra: HTMLElement[] = [];
  if (spec.kind === 'choice') {
    input = el('select', { id }, ...spec.choices.map((choice) => el('option', { value: choice }, choice)));
  } else if (spec.kind === 'text') {
    input = el('textarea', { id, rows: '4', maxlength: String(spec.maxLength), spellcheck: 'false' });
  } else {
    input = el('input', { id, type: 'number', min: String(spec.min), max: String(spec.max), step: spec.integer ? '1' : 'any' });
    if (kind === 'slider') {
      // The slider moves the number box (the value that counts) and follows it back.
      const slider = el('input', { type: 'range', min: String(spec.min), max: String(spec.max), step: String(sliderStep(spec)), 'aria-label': spec.label, tabindex: '-1' });
      slider.value = String(value);
      const box = input;
      slider.addEventListener('input', () => {
        box.value = slider.value;
        onChange(true);
      });
      slider.addEventListener('change', () => onChange(false));
      box.addEventListener('input', () => {
        slider.value = box.value;
      });
      extra.push(slider);
    }
  }
  input.value = String(value);
  input.addEventListener('input', () => onChange(true));
  input.addEventListener('change', () => onChange(false));
  const element = el('div', { class: `param param-${kind}`, 'data-param': spec.name }, el('label', { for: id }, spec.label), el('div', { class: 'param-input' }, ...extra, input), error);
  return {
    spec,
    element,
    text: () => input.value,
    showError: (message) => {
      error.textContent = message;
      input.setAttribute('aria-invalid', String(message !== ''));
    },
  };
}
