/**
 * The TypeScript server plugin DeepScope contributes (`contributes.typescriptServerPlugins`): VS Code's
 * TypeScript loads it from `node_modules/deepscope-tsserver-plugin` in DeepScope's folder, for every project.
 * It gives the editor the types of `@tensorflow/tfjs` and Node from DeepScope's own node_modules when the
 * workspace has none, so a model module opens without a red squiggle and nothing is written to the workspace.
 */
import type * as ts from 'typescript';
import { ShippedTypes, resolveWithShippedTypes } from './core/shippedTypes';

function init(modules: { typescript: typeof ts }): ts.server.PluginModule {
  const typescript = modules.typescript;
  return {
    create(info) {
      // __dirname: this bundle's real folder, inside DeepScope's: TypeScript finds DeepScope's node_modules above it.
      resolveWithShippedTypes(typescript, info.languageServiceHost, new ShippedTypes(typescript, __dirname));
      info.project.projectService.logger.info('DeepScope: @tensorflow/tfjs and Node types fall back to DeepScope\'s own copies');
      return info.languageService;
    },
  };
}

export = init;
