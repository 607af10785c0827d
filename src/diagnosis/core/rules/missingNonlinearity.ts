/**
 * missing-nonlinearity: dense or convolution layers stacked with no activation between them. Two
 * linear maps in a row are one linear map (W₂·(W₁·x + b₁) + b₂ = W·x + b): however many such layers,
 * the network computes what a single layer would, and the hidden units add parameters, not power.
 * The notes: an activation's non-linearities are what a network profits from (batch norm); start with
 * ReLU. Layers in between that are linear too (dropout, flatten, batch norm at inference, average
 * pooling) do not break the chain; max pooling and any activation do. Read from the layers alone, so
 * it is certain: a warning from the first epoch.
 */
import type { LayerInfo } from '../../../runs/core/trainingData';
import { bilingual, evidence } from '../format';
import type { RunData } from '../runData';
import type { Draft, Rule } from '../rule';
import { isUnbounded } from './modelShape';

/** Layers with a weight matrix, tfjs' and PyTorch's class names. */
const WEIGHTED = /^(dense|linear|conv[123]d|conv[123]dtranspose|convtranspose[123]d|separableconv[12]d|depthwiseconv2d)$/i;
/** Layers that are linear maps too, or reshape: they keep a chain of linear layers linear. */
const PASS_THROUGH = /^(dropout|spatialdropout[123]d|dropout[123]d|alphadropout|gaussiannoise|flatten|reshape|permute|identity|batchnorm(alization|[123]d)|averagepooling[123]d|avgpool[123]d|globalaveragepooling[123]d|adaptiveavgpool[123]d|zeropadding[123]d|cropping[123]d|repeatvector)$/i;

export const missingNonlinearity: Rule = {
  id: 'missing-nonlinearity',
  check(run: RunData): Draft[] {
    const chains = linearChains(run.start.layers);
    return chains.map((chain): Draft => {
      const [first, ...rest] = chain;
      const names = rest.map((layer) => layer.name).join(', ');
      const units = first.outputShape.at(-1);
      return {
        rule: 'missing-nonlinearity',
        severity: 'warning',
        layer: first.name,
        epoch: 0,
        evidence: evidence({ linearLayers: chain.length, units: typeof units === 'number' ? units : undefined }),
        message: bilingual(
          () => `${first.name}${typeof units === 'number' ? ` (${units} units)` : ''} has no activation, and neither does anything between it and ${names}: ${chain.length} linear layers in a row compose into one linear map (W₂·(W₁·x + b₁) + b₂ = W·x + b), so they compute no more than a single layer would. There is no non-linearity there for the network to profit from.`,
          () => `${first.name}${typeof units === 'number' ? ` (${units} unités)` : ''} n'a pas d'activation, ni rien entre elle et ${names} : ${chain.length} couches linéaires à la suite se composent en une seule application linéaire (W₂·(W₁·x + b₁) + b₂ = W·x + b), et ne calculent rien de plus qu'une seule couche. Le réseau n'y profite d'aucune non-linéarité : il n'en a pas.`,
        ),
        topic: 'activation-practice',
        fix: {
          en: `Give ${first.name} an activation: activation: 'relu' (the notes: start with ReLU), with He initialisation (kernelInitializer: 'heNormal'). If a linear bottleneck is intended, drop the extra layer instead.`,
          fr: `Donner une activation à ${first.name} : activation: 'relu' (les notes : commencer avec des ReLU), avec une initialisation de He (kernelInitializer: 'heNormal'). Si un goulot linéaire est voulu, supprimer plutôt la couche en trop.`,
        },
        site: 'layer',
      };
    });
  },
};

/** Runs of weighted layers whose every layer but the last has no activation, with only linear layers between. */
function linearChains(layers: readonly LayerInfo[]): LayerInfo[][] {
  const chains: LayerInfo[][] = [];
  let chain: LayerInfo[] = [];
  for (const layer of layers) {
    if (WEIGHTED.test(layer.className)) {
      chain.push(layer);
      if (isUnbounded(layer.activation)) continue;
    } else if (PASS_THROUGH.test(layer.className) && isUnbounded(layer.activation)) {
      continue;
    }
    if (chain.length >= 2) chains.push(chain);
    chain = [];
  }
  if (chain.length >= 2) chains.push(chain);
  return chains;
}
