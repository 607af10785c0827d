import * as path from 'node:path';

/**
 * DeepScope trains a model module with its own copy of TensorFlow.js, but the editor's TypeScript resolves the
 * module's imports from the workspace's node_modules: without them the user sees "Cannot find module
 * '@tensorflow/tfjs'" and gets no completion. These are the packages that give the editor those types.
 */

/** The npm package that declares the types of an import specifier, if it is one a generated module uses. */
function typesPackageOf(specifier: string): string | undefined {
  if (specifier === '@tensorflow/tfjs' || specifier.startsWith('@tensorflow/tfjs/')) return '@tensorflow/tfjs';
  if (specifier.startsWith('node:')) return '@types/node';
  return undefined;
}

/** The type packages the editor needs for a module's `import … from '…'` statements, in first-use order. */
export function typePackagesFor(source: string): string[] {
  const packages = new Set<string>();
  for (const match of source.matchAll(/^\s*import\s[^;]*?\sfrom\s+['"]([^'"]+)['"]/gm)) {
    const needed = typesPackageOf(match[1]);
    if (needed) packages.add(needed);
  }
  return [...packages];
}

/**
 * Of `packages`, those Node's resolution (which TypeScript follows) cannot find from `directory`: it looks in
 * node_modules of the directory and of every parent up to the root.
 */
export function unresolvedPackages(packages: readonly string[], directory: string, exists: (file: string) => boolean): string[] {
  return packages.filter((name) => {
    for (let dir = path.resolve(directory); ; dir = path.dirname(dir)) {
      if (exists(path.join(dir, 'node_modules', ...name.split('/'), 'package.json'))) return false;
      if (path.dirname(dir) === dir) return true;
    }
  });
}

/** Development dependencies only: the model runs in DeepScope's engine, the packages serve the editor. */
export function installCommand(packages: readonly string[]): string {
  return `npm install --save-dev ${packages.join(' ')}`;
}
