/**
 * Batch normalisation placed right after an activation (topic batch-norm). The notes normalise a
 * layer's inputs before the activation: linear part (no bias: β replaces it) → batch norm → activation.
 * PyTorch is only read inside nn.Sequential (see Layer.placed), where the order of the modules is the order they run.
 * Dropout between the activation and the batch norm changes nothing: the batch norm still sees activated outputs.
 */
import { ACTIVATION_KINDS, activationOf, BATCH_NORM_KINDS, DROPOUT_KINDS, KERNEL_KINDS, option, type Layer } from '../scan/layers';
import { layersAfter, modelsOf, previousLayer } from '../scan/models';
import { insertItem, insertLayerAfter, removeItem, replace } from '../scan/edits';
import type { Item, Source } from '../scan/source';
import type { Edit, LintFinding } from '../types';
import { importLike } from './imports';
import { calleeOf, finding, preferredFix, type Advice, type LintRule } from './rule';

const ADVICE: Advice = {
  topic: 'batch-norm',
  severity: 'information',
  message:
    "Batch normalisation after the activation. The notes normalise a layer's inputs before the activation: centre and scale them with the batch mean and variance, shift and rescale by the learned β and γ, then apply the activation.",
};
const TITLE = 'Move the activation after the batch normalisation';

export const batchNormAfterActivation: LintRule = {
  id: 'batch-norm-after-activation',
  check(source) {
    const findings: LintFinding[] = [];
    const reported = new Set<Layer>();
    for (const model of modelsOf(source)) {
      for (const layer of model) {
        const norm = layersAfter(layer, model).find((next) => !DROPOUT_KINDS.test(next.kind));
        const activation = activationOf(source, layer);
        // One finding per batch norm, even when activations in several branches lead to it.
        if (!norm || !BATCH_NORM_KINDS.has(norm.kind) || !activation || reported.has(norm)) continue;
        reported.add(norm);
        const standalone = layer.kind === 'activation' || ACTIVATION_KINDS.has(layer.kind);
        // A fix moving code between branches would change what the other branch runs (`if bn: block.append(BN)`).
        const sameBranch = sameBranches(layer, norm);
        const edits = !sameBranch ? undefined : standalone ? swapEdits(source, layer, norm, model) : moveEdits(source, layer, norm);
        findings.push(finding(this.id, calleeOf(norm.call), ADVICE, preferredFix(TITLE, edits)));
      }
    }
    return findings;
  },
};

function sameBranches(a: Layer, b: Layer): boolean {
  return a.branches.length === b.branches.length && a.branches.every((branch, index) => branch.header === b.branches[index].header);
}

/** An activation layer before the batch norm: swap the two, and drop the bias of the layer before. */
function swapEdits(source: Source, activation: Layer, norm: Layer, model: readonly Layer[]): Edit[] {
  const linear = previousLayer(activation, model);
  return [
    ...(linear && KERNEL_KINDS.has(linear.kind) ? noBiasEdits(source, linear) ?? [] : []),
    replace(activation.call, source.textOf(norm.call)),
    replace(norm.call, source.textOf(activation.call)),
  ];
}

/** An activation inside the layer (`activation: 'relu'`): take it out, drop the bias, add an activation layer after the batch norm. */
function moveEdits(source: Source, layer: Layer, norm: Layer): Edit[] | undefined {
  const item = activationOf(source, layer)?.item;
  if (item === undefined || (layer.framework === 'tfjs' && layer.config === undefined)) return undefined;
  const value = source.textOf(item.value);
  const added =
    layer.framework === 'tfjs' ? `${layer.prefix}activation({ activation: ${value} })` : `${layer.prefix}Activation(${value})`;
  const after = insertLayerAfter(source, norm, added);
  if (after === undefined) return undefined;
  const bias = biasOption(layer);
  const own = bias === undefined ? [replace(item, noBiasEntry(layer))] : [removeItem(source, layer.options, layer.options.indexOf(item)), ...(noBiasEdits(source, layer) ?? [])];
  const imports = layer.prefix === '' && source.python ? importLike(source, 'Activation', layer.call.callee) : [];
  return [...own, ...after, ...imports];
}

function biasOption(layer: Layer): Item | undefined {
  return layer.framework === 'tfjs' ? option(layer, 'useBias') : layer.framework === 'keras' ? option(layer, 'use_bias') : option(layer, 'bias', layer.kind === 'linear' ? 2 : undefined);
}

function noBiasEntry(layer: Layer): string {
  return layer.framework === 'tfjs' ? 'useBias: false' : layer.framework === 'keras' ? 'use_bias=False' : 'bias=False';
}

/** Edits turning the layer's bias off (none when it already is), or undefined when its options cannot be edited. */
function noBiasEdits(source: Source, layer: Layer): Edit[] | undefined {
  const bias = biasOption(layer);
  const off = source.python ? 'False' : 'false';
  if (bias !== undefined) return source.textOf(bias.value) === off ? [] : [replace(bias.value, off)];
  if (layer.framework === 'tfjs') return layer.config === undefined ? undefined : insertItem(source, layer.config, noBiasEntry(layer));
  return insertItem(source, layer.call.open, noBiasEntry(layer));
}
