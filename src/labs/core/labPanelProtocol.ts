/**
 * Messages between the extension host and a lab webview. Imported by both sides (no `vscode`, no DOM).
 * The webview says `ready` first; the host buffers until then. Everything the webview sends is checked
 * here for shape; the host then checks run parameters against the lab's own schema before running.
 */
import { TOPIC_IDS, type TopicId } from '../../notes/core/topicIds';
import { LAB_NAMES, type KeyTable, type LabInfo, type LabName, type LabReport, type ParamValue, type ParamValues } from './labs';

export type { Language } from '../../common/core/language';
import type { Language } from '../../common/core/language';
import { asRecord } from '../../common/core/untrusted';

/** What a lab view shows around its charts: the lab's schema, and its texts in the chosen language. */
export interface LabPresentation {
  readonly info: LabInfo;
  readonly language: Language;
  readonly title: string;
  /** The claim of the notes the lab reproduces. */
  readonly claim: string;
  readonly topics: readonly { readonly topic: TopicId; readonly title: string }[];
  /** Plain arithmetic or text: cheap enough to run again as soon as a control changes. */
  readonly rerunOnChange: boolean;
}

export type ToLab =
  /** Show this lab (first load, restore, language change); `params` fill the controls on first load only. */
  | { readonly type: 'show'; readonly presentation: LabPresentation; readonly params: ParamValues }
  /** `startedAt` (ms since the epoch) lets a re-created view show the right elapsed time. */
  | { readonly type: 'running'; readonly run: number; readonly params: ParamValues; readonly startedAt: number }
  | { readonly type: 'result'; readonly run: number; readonly report: LabReport; readonly tables: readonly KeyTable[] }
  | { readonly type: 'failed'; readonly run: number; readonly message: string }
  | { readonly type: 'stopped'; readonly run: number };

/** Parameters as the webview sends them: shape-checked only, the lab's schema is applied by the host. */
export type RawParams = Readonly<Record<string, ParamValue>>;

export type FromLab =
  | { readonly type: 'ready' }
  | { readonly type: 'run'; readonly params: RawParams }
  | { readonly type: 'stop' }
  | { readonly type: 'openNote'; readonly topic: TopicId };

/** What the webview saves with `setState`, and what the host gets back to restore the panel after a reload. */
export interface LabState {
  readonly lab: LabName;
  readonly params: RawParams;
}

/** No schema has more; a text parameter is at most a few thousand characters. */
const MAX_PARAMS = 32;
const MAX_TEXT = 20_000;
/** camelCase names only: nothing like `__proto__` or `constructor` can become a key. */
const PARAM_NAME = /^[a-z][a-zA-Z0-9]{0,39}$/;

export function isLabName(value: unknown): value is LabName {
  return typeof value === 'string' && (LAB_NAMES as readonly string[]).includes(value);
}

function isTopicId(value: unknown): value is TopicId {
  return typeof value === 'string' && (TOPIC_IDS as readonly string[]).includes(value);
}

/** A flat record of finite numbers and bounded strings under camelCase names, copied; anything else is undefined. */
export function parseRawParams(value: unknown): RawParams | undefined {
  const record = asRecord(value);
  if (!record) return undefined;
  const entries = Object.entries(record);
  if (entries.length > MAX_PARAMS) return undefined;
  const params: Record<string, ParamValue> = {};
  for (const [name, item] of entries) {
    const valid = (typeof item === 'number' && Number.isFinite(item)) || (typeof item === 'string' && item.length <= MAX_TEXT);
    if (!PARAM_NAME.test(name) || !valid) return undefined;
    params[name] = item as ParamValue;
  }
  return params;
}

/** Checks a message from the webview; anything malformed is dropped. */
export function parseFromLab(value: unknown): FromLab | undefined {
  const message = asRecord(value);
  switch (message?.type) {
    case 'ready':
      return { type: 'ready' };
    case 'stop':
      return { type: 'stop' };
    case 'run': {
      const params = parseRawParams(message.params);
      return params ? { type: 'run', params } : undefined;
    }
    case 'openNote':
      return isTopicId(message.topic) ? { type: 'openNote', topic: message.topic } : undefined;
    default:
      return undefined;
  }
}

/** Checks the state VS Code hands back on restore (the webview wrote it, so it is not trusted either). */
export function parseLabState(value: unknown): LabState | undefined {
  const state = asRecord(value);
  if (!state || !isLabName(state.lab)) return undefined;
  return { lab: state.lab, params: parseRawParams(state.params) ?? {} };
}
