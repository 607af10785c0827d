/**
 * The Markdown of a note hover, kept free of `vscode` so its wording is unit-tested.
 * Topic fields are plain text (the loader rejects LaTeX there), escaped so `*` or `_` stay literal.
 */
import { noteCommandUri } from './noteLinks';
import { BEYOND_NOTES_LABEL, type Language, type Topic } from './topic';
import type { TopicId } from './topicIds';

const LABELS: Record<Language, { recommended: string; readMore: string; closest: string; reading: string }> = {
  en: {
    recommended: 'Recommended',
    readMore: 'Read the full note',
    closest: 'Closest notes',
    reading: 'Read more in d2l.ai, the book the notes cite',
  },
  fr: {
    recommended: 'Recommandé',
    readMore: 'Lire la note complète',
    closest: 'Notes les plus proches',
    reading: 'Pour aller plus loin, d2l.ai, le livre que citent les notes',
  },
};

/** `titleOf` names the related topics a topic beyond the notes links to. */
export function renderHover(topic: Topic, language: Language, titleOf?: (id: TopicId) => string): string {
  const labels = LABELS[language];
  const title = `**${escapeMarkdown(topic.title[language])}** · DeepScope`;
  const parts = [
    topic.beyondNotes ? `${title} · *${BEYOND_NOTES_LABEL[language]}*` : title,
    escapeMarkdown(topic.summary[language]),
    topic.keyPoints[language].map((point) => `- ${escapeMarkdown(point)}`).join('\n'),
  ];
  if (topic.recommended) {
    parts.push(`**${labels.recommended}:** ${escapeMarkdown(topic.recommended[language])}`);
  }
  if (topic.beyondNotes) {
    if (titleOf) {
      const links = topic.related.map((id) => `[${escapeMarkdown(titleOf(id))}](${noteCommandUri(id)})`);
      parts.push(`**${labels.closest}:** ${links.join(' · ')}`);
    }
    parts.push(`${labels.reading}: [${escapeMarkdown(topic.beyondNotes.d2l)}](${topic.beyondNotes.url})`);
  }
  parts.push(`[${labels.readMore}](${noteCommandUri(topic.id)})`);
  return parts.join('\n\n');
}

/** Backslash-escapes Markdown punctuation, as VS Code's `MarkdownString.appendText` does. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-!~|<>]/g, '\\$&');
}
