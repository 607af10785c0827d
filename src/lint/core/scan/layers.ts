/**
 * Layers as the rules see them, in tfjs (`tf.layers.dense({…})`), Keras (`layers.Dense(…)`) and
 * PyTorch (`nn.Linear(…)`): where each is built, applied and held, and its options. models.ts groups
 * them into models.
 */
import { branchesOf, type Branch } from './branches';
import type { Call, Item, Source, Span } from './source';
import { enclosingDefinition } from './structure';

export type Framework = 'tfjs' | 'keras' | 'torch';

export interface Layer {
  readonly call: Call;
  readonly framework: Framework;
  /** Lower-case layer name: `dense`, `conv2d`, `batchnormalization`, `relu`, `linear`, `batchnorm1d`… */
  readonly kind: string;
  /** The callee before the layer name: `tf.layers.`, `keras.layers.`, `nn.`, or '' for a bare name. */
  readonly prefix: string;
  /** tfjs: token index of the `{` config; Python layers take their options as arguments. */
  readonly config?: number;
  readonly options: readonly Item[];
  /** Where the layer is applied to its input (`Dense(…)(x)` nests): orders the layers of a model. */
  readonly appliedAt: number;
  /** Token index of what holds the model: a list, a Sequential call, a block or `def`; -1 for the module. */
  readonly container: number;
  /**
   * Whether its place in the model is known: an element of a list or Sequential, added with `.add(…)`,
   * or applied where it is built. A layer only assigned (`self.act = nn.Tanh()`) runs wherever `forward` says.
   */
  readonly placed: boolean;
  /** The `if`/`elif`/`else` branches it is built in (see branches.ts). */
  readonly branches: readonly Branch[];
}

/** Layers that pass their input on without deciding what the model outputs. */
export const PASSTHROUGH =
  /^(?:(?:spatial|alpha|gaussian)?dropout\w*|gaussiannoise|flatten|unflatten|reshape|permute|batchnorm(?:alization|1d|2d|3d)|layernorm(?:alization)?|input(?:layer)?|identity|(?:global)?(?:max|average|avg|adaptivemax|adaptiveavg)pool\w*|zeropadding\w*|upsampl\w*|cropping\w*)$/;
/** Layers that are an activation function. */
export const ACTIVATION_KINDS = new Set(['relu', 'relu6', 'leakyrelu', 'prelu', 'elu', 'selu', 'gelu', 'silu', 'sigmoid', 'tanh', 'softmax', 'logsoftmax', 'hardtanh', 'softplus', 'mish', 'thresholdedrelu', 'hardswish', 'hardsigmoid', 'softsign']);
export const DROPOUT_KINDS = /^(?:spatial|alpha|gaussian)?dropout(?:\d[dD])?$/;
export const BATCH_NORM_KINDS = new Set(['batchnormalization', 'batchnorm1d', 'batchnorm2d', 'batchnorm3d']);
/** Layers with a weight matrix (a kernel) before their activation. */
export const KERNEL_KINDS = new Set(['dense', 'linear', 'conv1d', 'conv2d', 'conv3d', 'conv1dtranspose', 'conv2dtranspose', 'conv3dtranspose', 'convtranspose1d', 'convtranspose2d', 'convtranspose3d']);
/** Bare Python names (`from keras.layers import Dense`, `from torch.nn import Linear`) that are layers. */
const BARE_LAYERS = new Set([
  ...['Dense', 'Conv1D', 'Conv2D', 'Conv3D', 'Conv1DTranspose', 'Conv2DTranspose', 'Conv3DTranspose', 'Activation', 'ReLU', 'LeakyReLU', 'PReLU', 'ELU', 'Softmax'],
  ...['Dropout', 'SpatialDropout1D', 'SpatialDropout2D', 'GaussianNoise', 'BatchNormalization', 'LayerNormalization', 'Flatten', 'Reshape', 'Permute', 'Embedding', 'Input', 'InputLayer'],
  ...['MaxPooling1D', 'MaxPooling2D', 'MaxPooling3D', 'AveragePooling1D', 'AveragePooling2D', 'GlobalAveragePooling1D', 'GlobalAveragePooling2D', 'GlobalMaxPooling2D'],
  ...['UpSampling1D', 'UpSampling2D', 'ZeroPadding2D', 'LSTM', 'GRU', 'SimpleRNN'],
  ...['Linear', 'Conv1d', 'Conv2d', 'Conv3d', 'ConvTranspose1d', 'ConvTranspose2d', 'ConvTranspose3d', 'BatchNorm1d', 'BatchNorm2d', 'BatchNorm3d', 'LayerNorm', 'Sigmoid', 'Tanh'],
  ...['MaxPool1d', 'MaxPool2d', 'AvgPool2d', 'AdaptiveAvgPool2d', 'Dropout2d', 'Upsample'],
]);
const NOT_LAYERS = new Set(['Module', 'Parameter', 'Sequential', 'ModuleList', 'ModuleDict', 'Layer']);

const cache = new WeakMap<Source, readonly Layer[]>();

/** Every layer built in the document, in source order. */
export function layersOf(source: Source): readonly Layer[] {
  let layers = cache.get(source);
  if (layers === undefined) {
    layers = findLayers(source);
    cache.set(source, layers);
  }
  return layers;
}

function findLayers(source: Source): Layer[] {
  const torchFile = /^\s*(?:import|from)\s+torch\b/m.test(source.text) && !/^\s*(?:import|from)\s+(?:keras|tensorflow)\b/m.test(source.text);
  const layers: Layer[] = [];
  for (const call of source.calls) {
    if (call.member) continue;
    const dot = call.callee.lastIndexOf('.');
    const name = call.callee.slice(dot + 1);
    const prefix = call.callee.slice(0, dot + 1);
    let framework: Framework | undefined;
    if (!source.python) {
      framework = /^(?:tf\.)?layers\.$/.test(prefix) ? 'tfjs' : undefined;
    } else if (/^[A-Z]/.test(name) && !NOT_LAYERS.has(name)) {
      if (/(?:^|\.)nn\.$/.test(prefix)) framework = 'torch';
      else if (/(?:^|\.)layers\.$/.test(prefix)) framework = 'keras';
      else if (prefix === '' && BARE_LAYERS.has(name)) framework = torchFile ? 'torch' : 'keras';
    }
    if (framework === undefined) continue;
    const config = framework === 'tfjs' && call.args[0] && source.objectOf(call.args[0]) ? call.args[0].from : undefined;
    const helper = framework === 'torch' && returnedForSpreading(source, call);
    const container = helper ? enclosingDefinition(source, call.from) : (framework === 'torch' ? spreadIntoSequential(source, call) : undefined) ?? containerOf(source, call);
    const applied = appliedAt(source, call);
    layers.push({
      call,
      framework,
      kind: name.toLowerCase(),
      prefix,
      config,
      options: config !== undefined ? source.items(config) : framework === 'tfjs' ? [] : call.args,
      appliedAt: applied,
      container,
      placed: helper || isPlaced(source, call, framework, container, applied !== call.end),
      branches: branchesOf(source, call.from),
    });
  }
  return layers;
}

/** `Dense(…)(x)` and `dense(…).apply(x)` apply the layer where that second call ends. */
function appliedAt(source: Source, call: Call): number {
  const next = call.to;
  const open = source.is(next, '(') ? next : source.is(next, '.') && source.tokens[next + 1]?.text === 'apply' && source.is(next + 2, '(') ? next + 2 : -1;
  return open >= 0 && source.match[open] > open ? source.tokens[source.match[open]].end : call.end;
}

function containerOf(source: Source, call: Call): number {
  // `model.add(…)` in a loop or a branch adds to the model built around it, not to a model of its own.
  const added = isAddedToModel(source, call);
  for (let open = source.parent[call.from]; open >= 0; open = source.parent[open]) {
    if (added && isControlBlock(source, open)) continue;
    if (source.is(open, '[') || source.is(open, '{') || isSequentialCall(source, open)) return open;
  }
  return source.python ? enclosingDefinition(source, call.from) : -1;
}

/**
 * PyTorch blocks are often collected in a list, in a loop (`blocks += [nn.Linear(…), nn.Tanh()]`,
 * `blocks.append(…)`), then spread into a Sequential (`nn.Sequential(*blocks, nn.Linear(…))`) in the same
 * `def`: that Sequential is the layers' model. Returns its `(`.
 */
function spreadIntoSequential(source: Source, call: Call): number | undefined {
  const list = collectingList(source, source.parent[call.from]);
  if (list === undefined) return undefined;
  const definition = enclosingDefinition(source, call.from);
  const sequential = source.calls.find(
    (candidate) =>
      candidate.open > call.from &&
      /(?:^|\.)Sequential$/.test(candidate.callee) &&
      candidate.args.some((arg) => source.textOf(arg).replace(/\s+/g, '') === `*${list}`) &&
      enclosingDefinition(source, candidate.open) === definition,
  );
  return sequential?.open;
}

/**
 * A helper that collects layers in a list and returns it, spread into a Sequential elsewhere
 * (`def block(…): layers = [nn.Linear(…)]; …; return layers` and `nn.Sequential(*block(…), …)`):
 * the helper's layers run in the order it collects them.
 */
function returnedForSpreading(source: Source, call: Call): boolean {
  const list = collectingList(source, source.parent[call.from]);
  const definition = enclosingDefinition(source, call.from);
  const name = definition >= 0 ? source.tokens[definition + 1]?.text : undefined;
  if (list === undefined || name === undefined || source.tokens[definition].text !== 'def') return false;
  const returned = source.tokens.some((token, index) => token.text === 'return' && source.tokens[index + 1]?.text === list && enclosingDefinition(source, index) === definition);
  const spread = new RegExp(`^\\*(?:self\\.)?${name}\\(`);
  return returned && source.calls.some((candidate) => /(?:^|\.)Sequential$/.test(candidate.callee) && candidate.args.some((arg) => spread.test(source.textOf(arg).replace(/\s+/g, ''))));
}

/** The list a bracket adds to: `NAME = [`, `NAME += [`, `NAME.extend([`, `NAME.append(` (NAME may be dotted). */
function collectingList(source: Source, open: number): string | undefined {
  if (open < 0) return undefined;
  const collector = (at: number) => source.callAt(at)?.callee.match(/^(.+)\.(?:append|extend)$/)?.[1];
  if (!source.is(open, '[')) return collector(open);
  if (source.is(open - 1, '(')) return collector(open - 1);
  if (!source.is(open - 1, '=') && !source.is(open - 1, '+=')) return undefined;
  let first = open - 2;
  while (source.is(first - 1, '.') && source.tokens[first - 2]?.kind === 'name') first -= 2;
  return source.tokens[open - 2]?.kind === 'name' ? source.tokens.slice(first, open - 1).map((token) => token.text).join('') : undefined;
}

/** `model.add(tf.layers.dense(…))`: the layer is the argument of an `add` call. */
function isAddedToModel(source: Source, call: Call): boolean {
  const wrapper = source.parent[call.from];
  return wrapper >= 0 && /(?:^|\.)add$/.test(source.callAt(wrapper)?.callee ?? '');
}

/** A `{` that opens the body of a loop, a condition or a `try`, not a function or an object. */
function isControlBlock(source: Source, open: number): boolean {
  if (!source.is(open, '{')) return false;
  const before = source.tokens[open - 1];
  if (before?.kind === 'name' && /^(?:else|do|try|finally)$/.test(before.text)) return true;
  if (!source.is(open - 1, ')')) return false;
  const header = source.match[open - 1];
  const keyword = source.tokens[header - 1]?.text === 'await' ? source.tokens[header - 2] : source.tokens[header - 1];
  return header > 0 && keyword?.kind === 'name' && /^(?:for|while|if|catch)$/.test(keyword.text);
}

function isPlaced(source: Source, call: Call, framework: Framework, container: number, applied: boolean): boolean {
  const list = container >= 0 && (source.is(container, '[') || isSequentialCall(source, container));
  if (framework === 'torch') return list && isSequentialCall(source, container);
  return list || isAddedToModel(source, call) || applied;
}

export function isSequentialCall(source: Source, open: number): boolean {
  return /(?:^|\.)(?:s|S)equential$/.test(source.callAt(open)?.callee ?? '');
}

/** The layer's option `name` (tfjs config property, Python keyword), or its positional argument. */
export function option(layer: Layer, name: string, position?: number): Item | undefined {
  const named = layer.options.find((item) => item.key === name);
  if (named !== undefined || position === undefined || layer.config !== undefined) return named;
  const positional = layer.options[position];
  return positional !== undefined && layer.options.slice(0, position + 1).every((item) => item.key === undefined) ? positional : undefined;
}

/** A lower-case name for a value: `'relu'` → relu, `tf.nn.relu` → relu, `HeNormal(…)` → henormal. */
export function valueName(source: Source, value: Span): string | undefined {
  const text = source.stringOf(value) ?? source.dottedOf(value) ?? source.callOf(value)?.callee;
  return text?.slice(text.lastIndexOf('.') + 1).toLowerCase();
}

export interface Activation {
  readonly name: string;
  /** The option that sets it; absent for an activation layer such as `nn.ReLU()`. */
  readonly item?: Item;
}

/** What the layer applies after its linear part, when it says so. */
export function activationOf(source: Source, layer: Layer): Activation | undefined {
  if (ACTIVATION_KINDS.has(layer.kind)) return { name: layer.kind };
  const position = layer.kind === 'activation' ? 0 : layer.kind === 'dense' ? 1 : undefined;
  const item = option(layer, 'activation', position);
  const name = item && valueName(source, item.value);
  return name !== undefined && name !== 'none' && name !== 'linear' ? { name, item } : undefined;
}

export function kernelInitializerOf(layer: Layer): Item | undefined {
  return option(layer, layer.framework === 'tfjs' ? 'kernelInitializer' : 'kernel_initializer');
}
