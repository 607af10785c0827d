/** Which TensorFlow.js backend to train on. Kept free of tfjs so settings can be read without loading it. */
export type BackendPreference = 'auto' | 'node' | 'wasm' | 'cpu';
export const BACKEND_PREFERENCES: readonly BackendPreference[] = ['auto', 'node', 'wasm', 'cpu'];
