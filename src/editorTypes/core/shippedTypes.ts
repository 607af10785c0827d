import { builtinModules } from 'node:module';
import * as path from 'node:path';
import type * as ts from 'typescript';

/**
 * The types DeepScope ships for the editor. A model module imports `@tensorflow/tfjs` (and `node:fs` when it
 * reads a file); DeepScope trains it with its own copy of TensorFlow.js, so the workspace usually has neither
 * package, and TypeScript would underline the import. These resolvers answer, from DeepScope's own
 * node_modules, only the imports the workspace leaves unresolved: a package the user installed always wins.
 */

type Ts = typeof ts;

/** The tfjs packages: DeepScope's engine runs its own copy of each one it has. */
const isTensorFlowPackage = (specifier: string): boolean => specifier.startsWith('@tensorflow/');

const NODE_BUILTINS = new Set(builtinModules);
/** `node:fs`, or a bare builtin such as `fs`: @types/node declares them as ambient modules. */
const isNodeBuiltin = (specifier: string): boolean => specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0]);

export class ShippedTypes {
  /** A file that is never read: resolving "from" it makes TypeScript walk up from DeepScope's folder. */
  private readonly anchorFile: string;

  constructor(
    private readonly typescript: Ts,
    shippedFrom: string,
  ) {
    this.anchorFile = path.join(shippedFrom, '__deepscope_types__.ts');
  }

  /** DeepScope's answer for an import the workspace could not resolve, or undefined to leave it unresolved. */
  resolveModule(
    specifier: string,
    containingFile: string,
    options: ts.CompilerOptions,
    mode: ts.ResolutionMode,
  ): ts.ResolvedModuleWithFailedLookupLocations | undefined {
    if (isTensorFlowPackage(specifier)) {
      const shipped = this.typescript.resolveModuleName(specifier, this.anchorFile, options, this.typescript.sys, undefined, undefined, mode);
      return shipped.resolvedModule ? shipped : undefined;
    }
    if (isNodeBuiltin(specifier) && !this.workspaceHasNodeTypes(containingFile, options)) {
      // The builtins are ambient modules of @types/node: resolving the import to its entry file brings those
      // declarations (and Node's globals) into the program, where the checker finds `declare module 'node:fs'`.
      const nodeTypesFile = this.resolveTypeReference('node', options)?.resolvedTypeReferenceDirective?.resolvedFileName;
      if (nodeTypesFile) {
        return { resolvedModule: { resolvedFileName: nodeTypesFile, extension: this.typescript.Extension.Dts, isExternalLibraryImport: true } };
      }
    }
    return undefined;
  }

  /** DeepScope's answer for a `types` entry (or `/// <reference types>`) the workspace could not resolve. */
  resolveTypeReference(name: string, options: ts.CompilerOptions): ts.ResolvedTypeReferenceDirectiveWithFailedLookupLocations | undefined {
    if (name !== 'node') return undefined;
    const shipped = this.typescript.resolveTypeReferenceDirective(name, this.anchorFile, options, this.hostIn(this.anchorFile));
    return shipped.resolvedTypeReferenceDirective ? shipped : undefined;
  }

  /** A workspace with its own @types/node keeps it: a second copy would declare every global twice. */
  private workspaceHasNodeTypes(containingFile: string, options: ts.CompilerOptions): boolean {
    return this.typescript.resolveTypeReferenceDirective('node', containingFile, options, this.hostIn(containingFile)).resolvedTypeReferenceDirective !== undefined;
  }

  /** Type roots default to node_modules/@types of the current directory: make it the file's, not the server's. */
  private hostIn(file: string): ts.ModuleResolutionHost {
    return { ...this.typescript.sys, getCurrentDirectory: () => path.dirname(file) };
  }
}

/** Wraps a language service host's resolvers so that what the workspace leaves unresolved falls back to `shipped`. */
export function resolveWithShippedTypes(typescript: Ts, host: ts.LanguageServiceHost, shipped: ShippedTypes): void {
  const resolveModules: NonNullable<ts.LanguageServiceHost['resolveModuleNameLiterals']> =
    host.resolveModuleNameLiterals?.bind(host) ??
    ((literals, containingFile, redirected, options, containingSourceFile) =>
      literals.map((literal) =>
        typescript.resolveModuleName(literal.text, containingFile, options, host, undefined, redirected, typescript.getModeForUsageLocation(containingSourceFile, literal, options)),
      ));
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, options, containingSourceFile, reusedNames) =>
    resolveModules(literals, containingFile, redirected, options, containingSourceFile, reusedNames).map(
      (resolution, index) =>
        (!resolution.resolvedModule &&
          shipped.resolveModule(literals[index].text, containingFile, options, typescript.getModeForUsageLocation(containingSourceFile, literals[index], options))) ||
        resolution,
    );

  // tsserver's project defines both resolvers; another host gets TypeScript's own resolution underneath.
  const resolveTypes: NonNullable<ts.LanguageServiceHost['resolveTypeReferenceDirectiveReferences']> =
    host.resolveTypeReferenceDirectiveReferences?.bind(host) ??
    ((references, containingFile, redirected, options) =>
      references.map((reference) =>
        typescript.resolveTypeReferenceDirective(typeof reference === 'string' ? reference : reference.fileName, containingFile, options, host, redirected),
      ));
  host.resolveTypeReferenceDirectiveReferences = (references, containingFile, redirected, options, containingSourceFile, reusedNames) =>
    resolveTypes(references, containingFile, redirected, options, containingSourceFile, reusedNames).map(
      (resolution, index) => {
        const reference = references[index];
        const name = typeof reference === 'string' ? reference : reference.fileName;
        return (!resolution.resolvedTypeReferenceDirective && shipped.resolveTypeReference(name.toLowerCase(), options)) || resolution;
      },
    );
}
