import * as path from 'node:path';

/** Model modules written for the engine tests (test/fixtures/models). */
export function fixture(name: string): string {
  return path.resolve(__dirname, '..', '..', 'fixtures', 'models', `${name}.ts`);
}
