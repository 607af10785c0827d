/**
 * Reads one knowledge/topics/<id>.md file: YAML front matter, then the note under `## fr` and `## en`.
 * Every problem throws a TopicFileError naming the file and the field, so a broken topic is fixed
 * from the message alone.
 */
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parsePattern } from './symbols/pattern';
import { DIALECT_OF } from './symbols/dialect';
import { API_LANGUAGES, type ApiLanguage, type Bilingual, type FurtherReading, type Topic } from './topic';
import { isBeyondNotes, TOPIC_IDS, type TopicId } from './topicIds';
import { isRecord } from '../../common/core/untrusted';

export class TopicFileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${path.basename(file)}: ${field}: ${problem}`);
    this.name = 'TopicFileError';
  }
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;
const SUMMARY_MAX_CHARS = 240;
const KNOWN_FIELDS = new Set([
  'id', 'title_en', 'title_fr', 'summary_en', 'summary_fr', 'recommended_en', 'recommended_fr',
  'key_points_en', 'key_points_fr', 'formulas', 'related', 'symbols', 'beyond_notes',
]);
const D2L_URL = /^https:\/\/d2l\.ai\/chapter_[a-z-]+\/[a-z0-9-]+\.html(#[a-z0-9-]+)?$/;

export function parseTopicFile(file: string, source: string): Topic {
  const match = FRONT_MATTER.exec(source);
  if (!match) {
    throw new TopicFileError(file, 'front matter', 'the file must start with a `---` block and close it with `---`');
  }
  let data: unknown;
  try {
    data = parseYaml(match[1]);
  } catch (error) {
    throw new TopicFileError(file, 'front matter', `invalid YAML: ${(error as Error).message}`);
  }
  if (!isRecord(data)) {
    throw new TopicFileError(file, 'front matter', 'must be a mapping of fields');
  }
  const fields = new Fields(file, data);
  const id = fields.topicId('id');
  if (path.basename(file) !== `${id}.md`) {
    throw new TopicFileError(file, 'id', `"${id}" does not match the file name (expected ${id}.md)`);
  }
  const recommendedEn = fields.optionalText('recommended_en');
  const recommendedFr = fields.optionalText('recommended_fr');
  if ((recommendedEn === undefined) !== (recommendedFr === undefined)) {
    throw new TopicFileError(file, recommendedEn ? 'recommended_fr' : 'recommended_en', 'give the recommendation in both languages');
  }
  const topic: Topic = {
    id,
    title: { en: fields.text('title_en', 1), fr: fields.text('title_fr', 1) },
    summary: { en: fields.text('summary_en', 2), fr: fields.text('summary_fr', 2) },
    keyPoints: { en: fields.textList('key_points_en', 3, 5), fr: fields.textList('key_points_fr', 3, 5) },
    recommended: recommendedEn && recommendedFr ? { en: recommendedEn, fr: recommendedFr } : undefined,
    formulas: fields.latexList('formulas'),
    related: fields.relatedIds('related', id),
    symbols: fields.symbols('symbols'),
    beyondNotes: fields.beyondNotes('beyond_notes', id),
    text: bodySections(file, match[2]),
    file,
  };
  fields.rejectUnknown();
  return topic;
}

/** The `## fr` and `## en` sections of the body, in that order, both non-empty. */
function bodySections(file: string, body: string): Bilingual {
  const headings = [...body.matchAll(/^## (\S+)[ \t]*$/gm)];
  const names = headings.map((heading) => heading[1]);
  if (names.join(',') !== 'fr,en') {
    throw new TopicFileError(file, 'body', `expected the sections "## fr" then "## en", found ${names.length ? names.map((name) => `"## ${name}"`).join(', ') : 'none'}`);
  }
  const [fr, en] = headings;
  const frText = body.slice((fr.index ?? 0) + fr[0].length, en.index).trim();
  const enText = body.slice((en.index ?? 0) + en[0].length).trim();
  if (!frText || !enText) {
    throw new TopicFileError(file, `body ## ${frText ? 'en' : 'fr'}`, 'is empty');
  }
  return { fr: frText, en: enText };
}

/** Typed, validated access to the front matter fields of one file. */
class Fields {
  constructor(
    private readonly file: string,
    private readonly data: Record<string, unknown>,
  ) {}

  private fail(field: string, problem: string): never {
    throw new TopicFileError(this.file, field, problem);
  }

  topicId(field: string): TopicId {
    const value = this.data[field];
    if (typeof value !== 'string' || !(TOPIC_IDS as readonly string[]).includes(value)) {
      this.fail(field, value === undefined ? 'is missing' : `"${String(value)}" is not an id of src/notes/core/topicIds.ts`);
    }
    return value as TopicId;
  }

  /** Plain text shown in hovers and quick picks: no LaTeX, at most `maxLines` lines. */
  text(field: string, maxLines: number): string {
    const value = this.data[field];
    if (value === undefined) {
      this.fail(field, 'is missing');
    }
    return this.checkPlain(field, value, maxLines);
  }

  optionalText(field: string): string | undefined {
    return this.data[field] === undefined ? undefined : this.checkPlain(field, this.data[field], 2);
  }

  private checkPlain(field: string, value: unknown, maxLines: number): string {
    if (isRecord(value)) {
      this.fail(field, 'must be a string, not a mapping: quote text that contains ": "');
    }
    if (typeof value !== 'string' || value.trim() === '') {
      this.fail(field, 'must be a non-empty string');
    }
    const text = value.trim();
    if (text.split('\n').length > maxLines) {
      this.fail(field, `must fit on ${maxLines === 1 ? 'one line' : `${maxLines} lines`}`);
    }
    if (maxLines > 1 && text.length > SUMMARY_MAX_CHARS) {
      this.fail(field, `is ${text.length} characters long; keep it under ${SUMMARY_MAX_CHARS}`);
    }
    if (text.includes('$')) {
      this.fail(field, 'must be plain text: hovers cannot typeset LaTeX (keep formulas in `formulas` and the body)');
    }
    return text;
  }

  textList(field: string, min: number, max: number): readonly string[] {
    const list = this.list(field);
    if (list.length < min || list.length > max) {
      this.fail(field, `must hold ${min} to ${max} items, not ${list.length}`);
    }
    return list.map((item, i) => this.checkPlain(`${field}[${i}]`, item, 2));
  }

  latexList(field: string): readonly string[] {
    return this.list(field).map((item, i) => {
      if (typeof item !== 'string' || item.trim() === '') {
        this.fail(`${field}[${i}]`, 'must be a non-empty LaTeX string');
      }
      if (item.includes('$')) {
        this.fail(`${field}[${i}]`, 'write the LaTeX without `$` delimiters');
      }
      return item.trim();
    });
  }

  relatedIds(field: string, self: TopicId): readonly TopicId[] {
    return this.list(field).map((item, i) => {
      if (typeof item !== 'string' || !(TOPIC_IDS as readonly string[]).includes(item)) {
        this.fail(`${field}[${i}]`, `"${String(item)}" is not a topic id`);
      }
      if (item === self) {
        this.fail(`${field}[${i}]`, 'a topic cannot be related to itself');
      }
      return item as TopicId;
    });
  }

  symbols(field: string): Readonly<Record<ApiLanguage, readonly string[]>> {
    const value = this.data[field];
    if (!isRecord(value)) {
      this.fail(field, 'must be a mapping with tfjs, keras and pytorch lists');
    }
    const unknown = Object.keys(value).filter((key) => !(API_LANGUAGES as readonly string[]).includes(key));
    if (unknown.length > 0) {
      this.fail(`${field}.${unknown[0]}`, `unknown API (expected ${API_LANGUAGES.join(', ')})`);
    }
    const result = { tfjs: [], keras: [], pytorch: [] } as Record<ApiLanguage, readonly string[]>;
    for (const language of API_LANGUAGES) {
      const list = value[language] ?? [];
      if (!Array.isArray(list)) {
        this.fail(`${field}.${language}`, 'must be a list (use [] when the API has none)');
      }
      result[language] = list.map((symbol: unknown, i) => {
        const where = `${field}.${language}[${i}]`;
        if (typeof symbol !== 'string') {
          this.fail(where, 'must be a string');
        }
        try {
          parsePattern(symbol, DIALECT_OF[language]);
        } catch (error) {
          this.fail(where, (error as Error).message);
        }
        return symbol;
      });
    }
    return result;
  }

  /** Required on, and only on, the topics beyond the notes; their related topics must include a note's. */
  beyondNotes(field: string, id: TopicId): FurtherReading | undefined {
    const value = this.data[field];
    if (!isBeyondNotes(id)) {
      if (value !== undefined) {
        this.fail(field, `only the topics of BEYOND_NOTES_TOPIC_IDS may set it; ${id} is from the notes`);
      }
      return undefined;
    }
    if (!isRecord(value) || typeof value.d2l !== 'string' || typeof value.url !== 'string') {
      this.fail(field, 'must be a mapping with the d2l.ai section (`d2l`) and its `url`');
    }
    if (!D2L_URL.test(value.url)) {
      this.fail(`${field}.url`, `"${value.url}" is not a d2l.ai section (https://d2l.ai/chapter_…/….html)`);
    }
    const related = this.data.related;
    if (!Array.isArray(related) || related.every((other) => typeof other !== 'string' || isBeyondNotes(other as TopicId))) {
      this.fail('related', 'a topic beyond the notes must link the closest topics of the notes');
    }
    return { d2l: value.d2l.trim(), url: value.url };
  }

  private list(field: string): readonly unknown[] {
    const value = this.data[field];
    if (value === undefined) {
      this.fail(field, 'is missing (use [] for none)');
    }
    if (!Array.isArray(value)) {
      this.fail(field, 'must be a list');
    }
    return value;
  }

  rejectUnknown(): void {
    const unknown = Object.keys(this.data).find((key) => !KNOWN_FIELDS.has(key));
    if (unknown) {
      this.fail(unknown, 'unknown field (a typo?)');
    }
  }
}
