/**
 * What the host tells a lab view and the quick pick shows, built from the engine's LabInfo, the views'
 * wording (its texts) and the notes' topic titles. Pure: no `vscode`, so unit tests read it directly.
 */
import type { Knowledge } from '../../notes/core';
import type { LabInfo, LabName } from './labs';
import type { Language, LabPresentation } from './labPanelProtocol';

export function labPresentation(info: LabInfo, language: Language, knowledge: Pick<Knowledge, 'topic'>): LabPresentation {
  const { texts } = info;
  return {
    info,
    language,
    title: texts.title[language],
    claim: texts.claim[language],
    topics: info.topics.map((topic) => ({ topic, title: knowledge.topic(topic).title[language] })),
    rerunOnChange: !info.usesTensorflow,
  };
}

/** One row of the "Open Lab…" quick pick (a vscode.QuickPickItem plus its lab). */
export interface LabPick {
  readonly lab: LabName;
  readonly label: string;
  readonly description: string;
  readonly detail: string;
}

export function labPicks(infos: readonly LabInfo[], language: Language, knowledge: Pick<Knowledge, 'topic'>): LabPick[] {
  return infos.map((info) => {
    const view = labPresentation(info, language, knowledge);
    return { lab: info.name, label: view.title, description: view.topics.map((topic) => topic.title).join(' · '), detail: view.claim };
  });
}

/** The panel's tab title. */
export function labPanelTitle(title: string, language: Language): string {
  return language === 'fr' ? `Labo : ${title}` : `Lab: ${title}`;
}
