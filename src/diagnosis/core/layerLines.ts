/**
 * Where findings go in a model module: the 1-based line of the `tf.layers.*(…)` call that creates
 * each layer, and the lines of `createModel` (model-wide findings), of the `optimizer` in `training`
 * (learning-rate findings) and of `loadData` (input findings). Reads the text with the lint's scanner,
 * so comments and strings never match.
 */
import { layersOf, option } from '../../lint/core/scan/layers';
import { Source } from '../../lint/core/scan/source';
import type { LayerInfo } from '../../runs/core/trainingData';
import { findExportLine } from '../../engine/module/sourceIndex';
import type { Site } from './rule';

export interface LineMap {
  /** The line creating the layer, or undefined when no call matches it. */
  layer(name: string): number | undefined;
  /** The line of a finding's site; `layer` falls back to the model's line. */
  site(site: Site, layer?: string): number;
}

interface LayerCall {
  /** Lower-case factory name: `dense`, `batchnormalization`… (tfjs class names, lower-cased). */
  readonly kind: string;
  readonly name?: string;
  readonly line: number;
  /** Inside a `for`/`while` body or a `forEach`/`map` callback: it may create several layers. */
  readonly repeated: boolean;
}

export function mapLines(text: string, layers: readonly LayerInfo[]): LineMap {
  const source = new Source(text, 'typescript');
  const lineAt = lineCounter(text);
  const model = findExportLine(text, 'createModel') ?? 1;
  const calls = layerCalls(source, lineAt);
  const byLayer = assignLayers(calls, layers);
  const optimizer = trainingKeyLine(source, text, lineAt, ['optimizer', 'learningRate']) ?? findExportLine(text, 'training') ?? model;
  const loss = trainingKeyLine(source, text, lineAt, ['loss']) ?? optimizer;
  const data = findExportLine(text, 'loadData') ?? model;
  return {
    layer: (name) => byLayer.get(name),
    site: (site, layer) => {
      if (site === 'layer') return (layer !== undefined ? byLayer.get(layer) : undefined) ?? model;
      return site === 'optimizer' ? optimizer : site === 'loss' ? loss : site === 'data' ? data : model;
    },
  };
}

/**
 * tfjs layer calls in source order, those of createModel's body first: a layer class with no call
 * there is looked for in the whole file (a helper function that builds blocks).
 */
function layerCalls(source: Source, lineAt: (offset: number) => number): LayerCall[] {
  const [from, to] = createModelRange(source);
  const loops = loopBodies(source);
  const calls = layersOf(source)
    .filter((layer) => layer.framework === 'tfjs')
    .map((layer) => {
      const name = option(layer, 'name');
      const at = layer.call.start;
      return {
        kind: layer.kind,
        name: name ? source.stringOf(name.value) : undefined,
        line: lineAt(layer.call.calleeStart),
        repeated: loops.some(([start, end]) => at >= start && at < end),
        inModel: at >= from && at < to,
      };
    });
  const modelKinds = new Set(calls.filter((call) => call.inModel).map((call) => call.kind));
  return calls.filter((call) => call.inModel || !modelKinds.has(call.kind));
}

/** Text ranges of loop bodies: `for (…) …`, `while (…) …`, and the arguments of `.forEach(…)` / `.map(…)`. */
function loopBodies(source: Source): [number, number][] {
  const { tokens, match } = source;
  const ranges: [number, number][] = [];
  tokens.forEach((token, i) => {
    if (token.kind === 'name' && (token.text === 'for' || token.text === 'while') && source.is(i + 1, '(') && match[i + 1] > i) {
      const body = match[i + 1] + 1;
      if (!tokens[body]) return;
      const end = source.is(body, '{') && match[body] > body ? tokens[match[body]].end : source.lineEnd(tokens[body].start);
      ranges.push([tokens[body].start, end]);
    }
  });
  for (const call of source.calls) {
    if (/(?:^|\.)(?:forEach|map)$/.test(call.callee) && call.member) ranges.push([call.start, call.end]);
  }
  return ranges;
}

/**
 * Explicit names first (`name: 'hidden1'`). The others carry tfjs auto names (`dense_Dense3`), numbered
 * in creation order across the process, so they are matched to the unnamed calls of their class in
 * source order; more layers than calls means a call in a loop, whose line the extra layers share.
 */
function assignLayers(calls: readonly LayerCall[], layers: readonly LayerInfo[]): Map<string, number> {
  const lines = new Map<string, number>();
  const named = new Map(calls.filter((call) => call.name !== undefined).map((call) => [call.name as string, call.line]));
  const pending = new Map<string, LayerInfo[]>();
  for (const layer of layers) {
    const line = named.get(layer.name);
    if (line !== undefined) {
      lines.set(layer.name, line);
    } else {
      const kind = layer.className.toLowerCase();
      pending.set(kind, [...(pending.get(kind) ?? []), layer]);
    }
  }
  for (const [kind, group] of pending) {
    const unnamed = calls.filter((call) => call.kind === kind && call.name === undefined);
    const perCall = layersPerCall(unnamed, group.length);
    const ordered = creationOrder(group);
    let next = 0;
    unnamed.forEach((call, i) => {
      for (const layer of ordered.slice(next, next + perCall[i])) lines.set(layer.name, call.line);
      next += perCall[i];
    });
  }
  return lines;
}

/**
 * How many layers each call created: one each, and the layers left over go to the first call in a
 * loop (or to the last call, e.g. a helper called several times).
 */
function layersPerCall(calls: readonly LayerCall[], layers: number): number[] {
  const counts = calls.map(() => 1);
  const extra = layers - calls.length;
  if (extra > 0 && calls.length > 0) {
    const loop = calls.findIndex((call) => call.repeated);
    counts[loop >= 0 ? loop : calls.length - 1] += extra;
  }
  return counts;
}

/** Auto-named layers sorted by their uid suffix (creation order); others keep network order. */
function creationOrder(group: readonly LayerInfo[]): LayerInfo[] {
  const uid = (layer: LayerInfo): number | undefined => {
    const match = /_[A-Za-z0-9]+?(\d+)$/.exec(layer.name);
    return match ? Number(match[1]) : undefined;
  };
  if (!group.every((layer) => uid(layer) !== undefined)) return [...group];
  return [...group].sort((a, b) => (uid(a) as number) - (uid(b) as number));
}

/** Offsets of createModel's declaration up to the next top-level `export` or `function`. */
function createModelRange(source: Source): [number, number] {
  const { tokens } = source;
  const declared = tokens.findIndex(
    (token, i) => token.kind === 'name' && token.text === 'createModel' && source.parent[i] === -1 && ['function', 'const', 'let', 'var'].includes(tokens[i - 1]?.text ?? ''),
  );
  if (declared < 0) return [0, source.text.length];
  const next = tokens.findIndex(
    (token, i) => i > declared + 1 && source.parent[i] === -1 && source.startsLine(token.start) && (token.text === 'export' || token.text === 'function'),
  );
  return [tokens[declared].start, next < 0 ? source.text.length : tokens[next].start];
}

/** The line of the first of `keys` (in order of preference) found as a `key:` after the `training` export. */
function trainingKeyLine(source: Source, text: string, lineAt: (offset: number) => number, keys: readonly string[]): number | undefined {
  const exportLine = findExportLine(text, 'training');
  if (exportLine === undefined) return undefined;
  const after = source.tokens.filter((token, i) => lineAt(token.start) >= exportLine && source.is(i + 1, ':'));
  const key = keys.map((name) => after.find((token) => token.text === name)).find((token) => token !== undefined);
  return key ? lineAt(key.start) : undefined;
}

function lineCounter(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let [low, high] = [0, starts.length - 1];
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}
