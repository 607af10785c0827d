/**
 * Glorot (Xavier) initialisation feeding a ReLU (topic init-he): its variance 1/n_in assumes a linear
 * activation; with ReLU the activations pile up at 0 as depth grows, and He's 2/n_in fixes it. tfjs and
 * Keras layers default to glorotUniform, so a ReLU layer without a kernel initialiser counts too, but
 * only as a hint: countless working models keep that default. A layer followed by batch normalisation
 * is left alone: the normalisation rescales its outputs whatever the initial variance.
 */
import { activationOf, BATCH_NORM_KINDS, kernelInitializerOf, KERNEL_KINDS, layersOf, valueName, type Layer } from '../scan/layers';
import { isOutputLayer, layersAfter, modelOf } from '../scan/models';
import { insertItem, quoted, replace } from '../scan/edits';
import type { Source } from '../scan/source';
import type { Edit, LintFinding } from '../types';
import { calleeOf, callsTo, finding, preferredFix, renameCallee, type Advice, type LintRule } from './rule';
import { heNormalName, kaimingNormal } from './spelling';

const EXPLICIT: Advice = {
  topic: 'init-he',
  severity: 'information',
  message:
    'Glorot (Xavier) initialisation with ReLU: its variance 1/n_in assumes a linear activation, and with ReLU the activations pile up at 0 deeper in the network. He initialisation (variance 2/n_in) keeps them stable.',
};
const IMPLICIT: Advice = {
  ...EXPLICIT,
  severity: 'hint',
  message:
    'This ReLU layer keeps the default Glorot (Xavier) initialiser, whose variance 1/n_in assumes a linear activation; with ReLU the activations pile up at 0 deeper in the network. He initialisation (variance 2/n_in) keeps them stable.',
};
const TITLE = 'Use He normal initialisation';
const RELU_NAMES = new Set(['ReLU', 'relu', 'relu_']);

export const glorotWithRelu: LintRule = {
  id: 'glorot-with-relu',
  check(source) {
    const findings: LintFinding[] = [];
    for (const layer of layersOf(source)) {
      const model = modelOf(source, layer);
      // The advice is about activations deeper in the network: a model's output layer has none after it.
      const output = model.length > 1 && isOutputLayer(source, layer, model);
      if (layer.framework === 'torch' || !KERNEL_KINDS.has(layer.kind) || output || !feedsRelu(source, layer, model) || normalised(layer, model)) continue;
      const item = kernelInitializerOf(layer);
      if (item === undefined) {
        findings.push(finding(this.id, calleeOf(layer.call), IMPLICIT, preferredFix(TITLE, addHeNormal(source, layer))));
      } else if (/^(?:glorot|xavier)/.test(valueName(source, item.value) ?? '')) {
        const call = source.callOf(item.value);
        const name = heNormalName(layer.framework, call ? call.callee.slice(call.callee.lastIndexOf('.') + 1) : 'he_normal');
        const edit = call ? renameCallee(call, name) : replace(item.value, quoted(source, name, item.value));
        findings.push(finding(this.id, item.value, EXPLICIT, preferredFix(TITLE, [edit])));
      }
    }
    // PyTorch: nn.init.xavier_*_(w) in a module that uses ReLU, unless a gain was chosen on purpose.
    if (source.python && source.mentions(RELU_NAMES)) {
      for (const call of callsTo(source, /(?:^|\.)init\.xavier_(?:normal|uniform)_$/)) {
        if (call.args.length !== 1 || call.args[0].key !== undefined) continue;
        const prefix = call.callee.slice(0, call.callee.lastIndexOf('.') + 1);
        const edit = replace(call, kaimingNormal(prefix, source.textOf(call.args[0])));
        findings.push(finding(this.id, calleeOf(call), EXPLICIT, preferredFix(TITLE, [edit])));
      }
    }
    return findings;
  },
};

/** Whether ReLU follows the layer's linear part: its own activation, or the next activation layer (past batch norm). */
function feedsRelu(source: Source, layer: Layer, model: readonly Layer[]): boolean {
  const own = activationOf(source, layer);
  if (own !== undefined) return own.name === 'relu';
  const next = layersAfter(layer, model).find((candidate) => !BATCH_NORM_KINDS.has(candidate.kind));
  return next !== undefined && !KERNEL_KINDS.has(next.kind) && activationOf(source, next)?.name === 'relu';
}

/** Whether batch normalisation follows the layer before the next weighted layer (right after it or after its activation). */
function normalised(layer: Layer, model: readonly Layer[]): boolean {
  const after = layersAfter(layer, model);
  const end = after.findIndex((candidate) => KERNEL_KINDS.has(candidate.kind));
  return after.slice(0, end < 0 ? after.length : end).some((candidate) => BATCH_NORM_KINDS.has(candidate.kind));
}

function addHeNormal(source: Source, layer: Layer): Edit[] | undefined {
  if (layer.framework === 'tfjs') {
    return layer.config === undefined ? undefined : insertItem(source, layer.config, `kernelInitializer: ${quoted(source, 'heNormal', activationOf(source, layer)?.item?.value)}`);
  }
  return insertItem(source, layer.call.open, `kernel_initializer=${quoted(source, 'he_normal', activationOf(source, layer)?.item?.value)}`);
}
