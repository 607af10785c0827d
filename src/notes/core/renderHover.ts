/**
 * The Markdown of a note hover, kept free of `vscode` so its wording is unit-tested.
 * Topic fields are plain text (the loader rejects LaTeX there), escaped so `*` or `_` stay literal.
 */
import { noteCommandUri } from './noteLinks';
import type { Language, Topic } from './topic';

const LABELS: Record<Language, { recommended: string; readMore: string }> = {
  en: { recommended: 'Recommended', readMore: 'Read the full note' },
  fr: { recommended: 'Recommandé', readMore: 'Lire la note complète' },
};

export function renderHover(topic: Topic, language: Language): string {
  const labels = LABELS[language];
  const parts = [
    `**${escapeMarkdown(topic.title[language])}** · DeepScope`,
    escapeMarkdown(topic.summary[language]),
    topic.keyPoints[language].map((point) => `- ${escapeMarkdown(point)}`).join('\n'),
  ];
  if (topic.recommended) {
    parts.push(`**${labels.recommended}:** ${escapeMarkdown(topic.recommended[language])}`);
  }
  parts.push(`[${labels.readMore}](${noteCommandUri(topic.id)})`);
  return parts.join('\n\n');
}

/** Backslash-escapes Markdown punctuation, as VS Code's `MarkdownString.appendText` does. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-!~|<>]/g, '\\$&');
}
