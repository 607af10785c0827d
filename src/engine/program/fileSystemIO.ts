/**
 * `model.save('file://dir')` and `tf.loadLayersModel('file://dir/model.json')` without tfjs-node, in
 * the layout tfjs-node writes and reads (`model.json` + `weights.bin`), so a program that saves with
 * the native backend and one run by DeepScope on wasm read each other's models.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const SCHEME = 'file://';
const MODEL_JSON = 'model.json';
const WEIGHTS_BIN = 'weights.bin';

export function registerFileSystemIO(): void {
  // A router answers null for URLs that are not its own (tfjs types it as always answering).
  const none = null as unknown as tf.io.IOHandler;
  tf.io.registerSaveRouter((url) => (typeof url === 'string' && url.startsWith(SCHEME) ? saver(url.slice(SCHEME.length)) : none));
  tf.io.registerLoadRouter((url) => (typeof url === 'string' && url.startsWith(SCHEME) ? loader(url.slice(SCHEME.length)) : none));
}

function saver(folder: string): tf.io.IOHandler {
  return {
    save: async (artifacts) => {
      mkdirSync(folder, { recursive: true });
      const weights = artifacts.weightData ? new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData)) : new Uint8Array();
      const manifest: tf.io.WeightsManifestConfig = [{ paths: [`./${WEIGHTS_BIN}`], weights: artifacts.weightSpecs ?? [] }];
      const { modelTopology, format, generatedBy, convertedBy, trainingConfig, signature, userDefinedMetadata, modelInitializer } = artifacts;
      const json = { modelTopology, format, generatedBy, convertedBy, trainingConfig, signature, userDefinedMetadata, modelInitializer, weightsManifest: manifest };
      writeFileSync(path.join(folder, MODEL_JSON), JSON.stringify(json));
      writeFileSync(path.join(folder, WEIGHTS_BIN), weights);
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },
  };
}

function loader(target: string): tf.io.IOHandler {
  return {
    load: async () => {
      const file = isFolder(target) ? path.join(target, MODEL_JSON) : target;
      const json = JSON.parse(readFileSync(file, 'utf8')) as tf.io.ModelJSON;
      return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
        const buffers = manifest.flatMap((group) => group.paths.map((weights) => readFileSync(path.resolve(path.dirname(file), weights))));
        const data = Buffer.concat(buffers);
        const specs = manifest.flatMap((group) => group.weights);
        return [specs, data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)];
      });
    },
  };
}

function isFolder(target: string): boolean {
  try {
    return statSync(target).isDirectory();
  } catch {
    return false;
  }
}
