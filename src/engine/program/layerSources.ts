/**
 * Where each layer (and each model: a model is a layer in tfjs) of a program was created. tfjs's
 * `Layer` constructor ends with `this.name = name`; an accessor on `Layer.prototype` sees that
 * assignment, records the user's statement, and turns `name` back into a plain own property, so the
 * layer behaves as before. This catches layers built anywhere — another module, a loop, a helper, a
 * custom subclass — without knowing how the program spells `tf.layers.dense`.
 */
import * as tf from '@tensorflow/tfjs';
import type { SourceLocation } from '../engineError';
import { userFrame } from './userFrame';

const sources = new WeakMap<object, SourceLocation>();
let installed = false;

export function installLayerSources(): void {
  if (installed) return;
  installed = true;
  const prototype = tf.layers.Layer.prototype as object;
  Object.defineProperty(prototype, 'name', {
    configurable: true,
    get(): undefined {
      return undefined;
    },
    set(this: object, value: unknown) {
      Object.defineProperty(this, 'name', { value, writable: true, enumerable: true, configurable: true });
      const site = userFrame(subclassNames(this));
      if (site) sources.set(this, site);
    },
  });
}

/** The statement that created `layer`, when it was created by user code after installLayerSources(). */
export function layerSource(layer: object): SourceLocation | undefined {
  return sources.get(layer);
}

/** Names of the classes between the instance and tfjs's own classes: the user's layer subclasses. */
function subclassNames(instance: object): Set<string> {
  const names = new Set<string>();
  for (let proto = Object.getPrototypeOf(instance) as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    const name = (proto as { constructor?: { name?: string } }).constructor?.name;
    if (name) names.add(name);
  }
  return names;
}
