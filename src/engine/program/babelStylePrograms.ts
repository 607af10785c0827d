/**
 * Programs written for babel-node, as the tfjs examples are: `import`/`export` in `.js` files of a package that
 * is not `"type": "module"`, with relative imports that leave out the extension (`from './data'`). Node cannot run
 * them (it reparses the file as an ES module, where `./data` is not found); babel-node compiles each file to
 * CommonJS. DeepScope does the same with esbuild, for the program's own files only (not its node_modules), so they
 * run as their authors run them. A file esbuild cannot turn into CommonJS (top-level `await`) is left to Node.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loaderExtensions, toCommonJs } from './typescriptPrograms';

/** A line that starts with an `import` or `export` statement (not `import(`, which CommonJS has too). */
const MODULE_SYNTAX = /^[ \t]*(import([ \t]+[\w*{]|[ \t]*[{'"*])|export([ \t]+[\w*{]|[ \t]*[{*]))/m;

export function installBabelStyleJavaScript(): void {
  process.setSourceMapsEnabled(true);
  const extensions = loaderExtensions();
  const asNodeDoes = extensions['.js'];
  extensions['.js'] = (module, filename) => {
    const compiled = babelStyle(filename) ? commonJsOrUndefined(filename) : undefined;
    if (compiled === undefined) asNodeDoes(module, filename);
    else module._compile(compiled, filename);
  };
}

function babelStyle(filename: string): boolean {
  return !filename.split(path.sep).includes('node_modules') && !inModulePackage(filename);
}

function commonJsOrUndefined(filename: string): string | undefined {
  const source = readFileSync(filename, 'utf8');
  if (!MODULE_SYNTAX.test(source)) return undefined;
  try {
    return toCommonJs(source, filename, 'js');
  } catch {
    return undefined; // Node's own loader reports it, as without DeepScope
  }
}

const packageTypes = new Map<string, boolean>();

/** Whether the nearest package.json says `"type": "module"` (then Node runs the file as an ES module itself). */
export function inModulePackage(filename: string): boolean {
  const folder = path.dirname(filename);
  let isModule = packageTypes.get(folder);
  if (isModule === undefined) {
    const manifest = path.join(folder, 'package.json');
    const parent = path.dirname(folder);
    if (existsSync(manifest)) isModule = readType(manifest) === 'module';
    else isModule = parent !== folder && inModulePackage(path.join(parent, 'file.js'));
    packageTypes.set(folder, isModule);
  }
  return isModule;
}

function readType(manifest: string): unknown {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: unknown }).type;
  } catch {
    return undefined;
  }
}
