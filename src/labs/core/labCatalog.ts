/**
 * The labs' descriptions, read once from a lab process: the schemas live with the lab code, which
 * loads tfjs and an NLP model — the extension host loads neither, so it asks (about a second, once).
 */
import type { LabInfo, LabName } from './labs';
import { labCatalogInProcess } from './labProcess';

export class LabCatalog {
  private pending: Promise<readonly LabInfo[]> | undefined;

  constructor(private readonly load: () => Promise<readonly LabInfo[]> = () => labCatalogInProcess()) {}

  all(): Promise<readonly LabInfo[]> {
    // A failure is not kept: the next call tries again.
    this.pending ??= this.load().catch((error: unknown) => {
      this.pending = undefined;
      throw error;
    });
    return this.pending;
  }

  async info(name: LabName): Promise<LabInfo> {
    const info = (await this.all()).find((candidate) => candidate.name === name);
    if (!info) throw new Error(`the lab process does not know the lab "${name}"`);
    return info;
  }
}
