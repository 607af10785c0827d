/**
 * One tfjs for the whole program: `@tensorflow/tfjs` and its packages resolve to DeepScope's copy from
 * anywhere (the program, its node_modules, tfjs-node itself), for `require` and for `import` alike, so
 * the program's models are the ones DeepScope's probes and patches see. `@tensorflow/tfjs-node(-gpu)`
 * resolves to the real package when it loads (its native backend then registers on that same tfjs),
 * else to a stand-in (tfjsNodeStandIn). `deepscope` resolves to the helpers a program may call (watch).
 */
import Module, { createRequire, register } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The packages of tfjs itself; a program's own copy of any of them would be a second, unwatched tfjs. */
export const TFJS_PACKAGE = /^@tensorflow\/tfjs(-core|-layers|-data|-converter|-backend-cpu|-backend-wasm|-backend-webgl)?(\/.*)?$/;
export const TFJS_NODE_PACKAGE = /^@tensorflow\/tfjs-node(-gpu)?$/;

/** Module id of the stand-in in require's cache; the ESM side imports it through a `deepscope:` URL. */
const STAND_IN_ID = 'deepscope:tfjs-node';
const STAND_IN_GLOBAL = Symbol.for('deepscope.tfjs-node');
/** `require('deepscope')` / `import { watch } from 'deepscope'`: the helpers a program may call (watch). */
const API_REQUEST = 'deepscope';
const API_ID = 'deepscope:api';
const API_GLOBAL = Symbol.for('deepscope.api');

interface ModuleInternals {
  _resolveFilename(request: string, parent: unknown, isMain: boolean, options?: unknown): string;
  _cache: Record<string, unknown>;
  _nodeModulePaths(folder: string): string[];
}

/** Where a real tfjs-node would come from: the program's folder first, then DeepScope's own dependencies. */
export function findTfjsNode(programFile: string): string | undefined {
  for (const from of [programFile, __filename]) {
    try {
      return createRequire(from).resolve('@tensorflow/tfjs-node');
    } catch {
      // not installed there
    }
  }
  return undefined;
}

/**
 * Installs the aliases. `tfjsNode` is the module object `@tensorflow/tfjs-node` requests get: the real
 * package's exports or the stand-in; it is decided later, once the backend is chosen.
 */
export function installTfjsAliases(tfjsNode: () => object, realTfjsNodePath: () => string | undefined, api: object): void {
  const internals = Module as unknown as ModuleInternals;
  const ownRequire = createRequire(__filename);
  const resolve = internals._resolveFilename;
  // Resolved as if DeepScope's own file asked (require.resolve would come back through this hook).
  const deepscope = { id: __filename, filename: __filename, paths: internals._nodeModulePaths(path.dirname(__filename)) };
  internals._resolveFilename = function (request, parent, isMain, options) {
    if (TFJS_PACKAGE.test(request)) return resolve.call(this, request, deepscope, false);
    if (TFJS_NODE_PACKAGE.test(request)) {
      const real = realTfjsNodePath();
      if (real) return real;
      internals._cache[STAND_IN_ID] ??= virtualModule(STAND_IN_ID, tfjsNode());
      return STAND_IN_ID;
    }
    if (request === API_REQUEST) {
      internals._cache[API_ID] ??= virtualModule(API_ID, api);
      return API_ID;
    }
    return resolve.call(this, request, parent, isMain, options);
  };
  Object.defineProperty(globalThis, STAND_IN_GLOBAL, { get: tfjsNode, configurable: true });
  Object.defineProperty(globalThis, API_GLOBAL, { value: api, configurable: true });
  registerEsmHooks(ownRequire.resolve('@tensorflow/tfjs'));
}

function virtualModule(id: string, exports: object): object {
  const module = new Module(id);
  module.exports = exports;
  module.loaded = true;
  return module;
}

/**
 * The same aliases for ES modules, as loader hooks (they run on Node's loader thread, hence the source
 * text). `import … from '@tensorflow/tfjs-node'` gets tfjs's named exports plus `node`.
 */
function registerEsmHooks(tfjsEntry: string): void {
  const hooks = `
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
const own = createRequire(${JSON.stringify(__filename)});
const TFJS = ${TFJS_PACKAGE.toString()};
const TFJS_NODE = ${TFJS_NODE_PACKAGE.toString()};
export async function resolve(specifier, context, next) {
  if (TFJS.test(specifier)) return { url: pathToFileURL(own.resolve(specifier)).href, format: 'commonjs', shortCircuit: true };
  if (TFJS_NODE.test(specifier)) return { url: ${JSON.stringify(STAND_IN_ID)}, shortCircuit: true };
  if (specifier === ${JSON.stringify(API_REQUEST)}) return { url: ${JSON.stringify(API_ID)}, shortCircuit: true };
  return next(specifier, context);
}
export async function load(url, context, next) {
  if (url === ${JSON.stringify(API_ID)}) {
    const source = 'const m = globalThis[Symbol.for("deepscope.api")]; export const watch = m.watch; export default m;';
    return { format: 'module', source, shortCircuit: true };
  }
  if (url !== ${JSON.stringify(STAND_IN_ID)}) return next(url, context);
  const tfjs = ${JSON.stringify(pathToFileURL(tfjsEntry).href)};
  const source = 'const m = globalThis[Symbol.for("deepscope.tfjs-node")];' +
    'export * from ' + JSON.stringify(tfjs) + '; export const node = m.node; export default m;';
  return { format: 'module', source, shortCircuit: true };
}`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`, pathToFileURL(path.join(__dirname, 'hooks.js')));
}
