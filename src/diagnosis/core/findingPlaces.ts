/**
 * Where a finding goes. A run of a program says where things are in its own code: each layer carries
 * the file and line of the statement that constructed it, and `start.sites` the lines that built,
 * compiled and fitted the model — possibly in other modules than the program's. A model module's run
 * has none of that, and its lines are read from the module's text (layerLines.ts). A layer a program
 * run does not place (built by code DeepScope cannot see) falls back to the same reading of the text.
 */
import type { RunStart, SourceSite } from '../../runs/core/trainingData';
import { mapLines, type LineMap } from './layerLines';
import type { Site } from './rule';

export interface Place {
  /** Absolute path; absent for the run's own model file. */
  readonly file?: string;
  readonly line?: number;
}

export type Placer = (site: Site, layer?: string) => Place;

/** `text`: the model file's text, when it could be read. */
export function placer(start: RunStart, text: string | undefined): Placer {
  const lines: LineMap | undefined = text === undefined ? undefined : mapLines(text, start.layers);
  const fromText = (site: Site, layer?: string): Place => (lines ? { line: lines.site(site, layer) } : {});
  const sources = new Map(start.layers.flatMap((layer) => (layer.source ? [[layer.name, layer.source] as const] : [])));
  const sites = start.sites;
  if (sources.size === 0 && sites === undefined) return fromText;
  const at = (where: SourceSite | undefined): Place | undefined => (where ? { file: where.file, line: where.line } : undefined);
  return (site, layer) => {
    if (site === 'layer') {
      const source = layer === undefined ? undefined : sources.get(layer);
      if (source) return at(source) as Place;
      // A layer placed nowhere: its line in the text if the text has it, else the model's line.
      const line = layer === undefined ? undefined : lines?.layer(layer);
      return line !== undefined ? { line } : (at(sites?.model) ?? fromText(site, layer));
    }
    // A tfjs program sets its loss where it compiles (the optimizer's site); PyTorch logs the loss's own line.
    const own = site === 'optimizer' ? sites?.optimizer : site === 'loss' ? (sites?.loss ?? sites?.optimizer) : site === 'data' ? sites?.data : undefined;
    return at(own) ?? at(sites?.model) ?? fromText(site, layer);
  };
}
