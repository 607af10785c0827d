/**
 * Layers grouped into models in the order they are applied, so a rule can ask "is this the output
 * layer?" or "what comes right after this layer?". A model is the layers of one container (list,
 * Sequential call, function body) that also share how they are chained: layers added to one object
 * (`cnn.add(…)`) apart from layers applied functionally, and a new model after each model constructor
 * (`tf.sequential()`, `keras.Model(…)`), so two models built in one scope stay apart.
 */
import { compatible } from './branches';
import { ACTIVATION_KINDS, PASSTHROUGH, option, type Layer, layersOf, isSequentialCall } from './layers';
import type { Source, Span } from './source';

/** A `units` that names the model's output size. */
const OUTPUT_SIZE = /class|output|label|target|categor/i;
/** Calls that start (Sequential) or close (functional Model) a model. */
const CONSTRUCTOR = /(?:^|\.)(?:Sequential|sequential|Model|model|Functional)$/;

const cache = new WeakMap<Source, readonly (readonly Layer[])[]>();

/** The placed layers of each model in the document, each model in application order. */
export function modelsOf(source: Source): readonly (readonly Layer[])[] {
  let models = cache.get(source);
  if (models === undefined) {
    const constructors = source.calls.filter((call) => !call.member && CONSTRUCTOR.test(call.callee)).map((call) => call.start);
    const byKey = new Map<string, Layer[]>();
    for (const layer of layersOf(source).filter((candidate) => candidate.placed)) {
      const key = modelKey(source, layer, constructors);
      const model = byKey.get(key);
      if (model) model.push(layer);
      else byKey.set(key, [layer]);
    }
    models = [...byKey.values()].map((model) => model.sort((a, b) => a.appliedAt - b.appliedAt));
    cache.set(source, models);
  }
  return models;
}

/** The model a layer belongs to, or the layer alone when its place is unknown. */
export function modelOf(source: Source, layer: Layer): readonly Layer[] {
  return modelsOf(source).find((model) => model.includes(layer)) ?? [layer];
}

function modelKey(source: Source, layer: Layer, constructors: readonly number[]): string {
  const container = layer.container;
  // A list or a Sequential call holds one model; elsewhere the chaining and the constructors tell models apart.
  if (container >= 0 && (source.is(container, '[') || isSequentialCall(source, container))) return `${container}`;
  const wrapper = source.parent[layer.call.from];
  const adder = wrapper >= 0 ? source.callAt(wrapper)?.callee.match(/^(.+)\.add$/)?.[1] : undefined;
  const segment = constructors.filter((start) => start < layer.call.start).length;
  return `${container}|${adder ?? ''}|${segment}`;
}

/** The layers of the model that run in one pass with this one (none of them in a sibling branch). */
export function alongside(layer: Layer, model: readonly Layer[]): Layer[] {
  return model.filter((candidate) => compatible(candidate.branches, layer.branches));
}

/** Whether the layer produces the model's output: the last layer that decides it, or sized like an output. */
export function isOutputLayer(source: Source, layer: Layer, model: readonly Layer[]): boolean {
  const run = alongside(layer, model);
  const deciding = run.filter((candidate) => !PASSTHROUGH.test(candidate.kind));
  if (deciding[deciding.length - 1] === layer) return true;
  const index = run.indexOf(layer);
  const sized = ACTIVATION_KINDS.has(layer.kind) || layer.kind === 'activation' ? run[index - 1] : layer;
  const units = sized && unitsOf(sized);
  return units !== undefined && (source.numberOf(units) === 1 || OUTPUT_SIZE.test(source.dottedOf(units) ?? ''));
}

export function unitsOf(layer: Layer): Span | undefined {
  if (layer.framework === 'torch') return layer.kind === 'linear' ? option(layer, 'out_features', 1)?.value : undefined;
  return option(layer, 'units', layer.kind === 'dense' ? 0 : undefined)?.value;
}

/** The layer applied right after this one in its model (skipping sibling branches), if any. */
export function nextLayer(layer: Layer, model: readonly Layer[]): Layer | undefined {
  const run = alongside(layer, model);
  return run[run.indexOf(layer) + 1];
}

/** The layer applied right before this one in its model (skipping sibling branches), if any. */
export function previousLayer(layer: Layer, model: readonly Layer[]): Layer | undefined {
  const run = alongside(layer, model);
  return run[run.indexOf(layer) - 1];
}

/** The layers applied after this one in its model, in order (skipping sibling branches). */
export function layersAfter(layer: Layer, model: readonly Layer[]): Layer[] {
  const run = alongside(layer, model);
  return run.slice(run.indexOf(layer) + 1);
}
