/**
 * How a lab's catalog entry is written: its texts in both languages, note topics and parameter schema. The
 * English title doubles as the CLI's, so it is written once.
 */
import type { Bilingual } from '../../../common/core/language';
import type { LabInfo, ParamSpec } from '../labs';

export type LabDescription<Specs extends readonly ParamSpec[]> = Omit<LabInfo, 'title' | 'texts' | 'params'> & {
  readonly params: Specs;
  readonly title: Bilingual;
  /** What the lab shows, as `deepscope lab` lists it. */
  readonly summary: Bilingual;
  /** The claim of the notes the lab reproduces, as the quick pick and the panel state it. */
  readonly claim: Bilingual;
};

export function describeLab<const Specs extends readonly ParamSpec[]>(description: LabDescription<Specs>): LabInfo & { readonly params: Specs } {
  const { title, claim, summary, ...rest } = description;
  return { ...rest, title: title.en, texts: { title, claim, summary } };
}
