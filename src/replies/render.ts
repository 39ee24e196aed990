// Reply templates: read and checked once at start, then rendered per reply into a subject,
// a text/plain and a text/html part. One source file per kind and language, in templates/.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Mustache from 'mustache';
import type { Language } from '../understanding/types.js';
import { sampleDigestView } from './digest.js';
import { htmlDocument, markupToHtml, markupToText, slot } from './markup.js';
import { replyKinds, type RenderedReply, type ReplyKind, type ReplyModel } from './types.js';
import { buildView, sampleModel } from './view.js';

export const languages: readonly Language[] = ['nl', 'en'];

export interface Template {
  file: string;
  subject: string; // mustache source of the subject line
  body: string; // mustache source of the body, in the markup of markup.ts
}

/** Mails of the bot's own that answer nobody, each with its own placeholders. */
export const noticeKinds = ['digest'] as const;
export type NoticeKind = (typeof noticeKinds)[number];
export type TemplateKind = ReplyKind | NoticeKind;

export type Templates = Readonly<Record<Language, Readonly<Record<TemplateKind, Template>>>>;

export class TemplateError extends Error {
  constructor(
    readonly dir: string,
    readonly problems: string[],
  ) {
    super(`reply templates in ${dir} need fixing:\n  ${problems.join('\n  ')}`);
  }
}

/** templates/ of this package: ../../templates from src/replies/ and from dist/replies/ alike. */
export function defaultTemplatesDir(): string {
  return fileURLToPath(new URL('../../templates/', import.meta.url));
}

const subjectLine = /^(?:onderwerp|subject)[ \t]*:[ \t]*(.*)$/i;

// --- checking ---------------------------------------------------------------------------

/** Placeholder names by section: null for a plain value, a nested shape for objects and lists. */
type Shape = Map<string, Shape | null>;

function shapeOf(value: unknown): Shape | null {
  if (Array.isArray(value)) return shapeOf(value[0]);
  if (value === null || typeof value !== 'object') return null;
  return new Map(Object.entries(value).map(([k, v]) => [k, shapeOf(v)]));
}

// Both languages' samples fill every field, so this is the full list of placeholders.
const viewShape = shapeOf(buildView(sampleModel())) as Shape;
const shapes: Record<TemplateKind, Shape> = {
  ...(Object.fromEntries(replyKinds.map((k) => [k, viewShape])) as Record<ReplyKind, Shape>),
  digest: shapeOf(sampleDigestView()) as Shape,
};

/** Mirrors mustache's lookup: the first name part in the nearest section that has it, the rest inside. */
function resolve(name: string, scopes: Shape[]): { found: boolean; shape: Shape | null } {
  if (name === '.') return { found: true, shape: null };
  const [head = '', ...rest] = name.split('.');
  const scope = [...scopes].reverse().find((s) => s.has(head));
  if (!scope) return { found: false, shape: null };
  let shape = scope.get(head) ?? null;
  for (const part of rest) {
    if (!shape?.has(part)) return { found: false, shape: null };
    shape = shape.get(part) ?? null;
  }
  return { found: true, shape };
}

type Token = [string, string, number, number, Token[]?];

function lineOf(source: string, index: number, firstLine: number): number {
  return firstLine + source.slice(0, index).split('\n').length - 1;
}

function checkTokens(tokens: Token[], scopes: Shape[], where: (index: number) => string, problems: string[]) {
  for (const [type, name, start, , children] of tokens) {
    if (type === 'text' || type === '!' || type === '/') continue;
    if (type === '&') {
      problems.push(`${where(start)}: {{{${name}}}} or {{&${name}}} inserts a value unescaped; write {{${name}}}`);
    } else if (type === '>') {
      problems.push(`${where(start)}: partials ({{>${name}}}) are not supported`);
    } else if (type === '=') {
      problems.push(`${where(start)}: changing the {{ }} delimiters is not supported`);
    } else {
      const { found, shape } = resolve(name, scopes);
      if (!found) problems.push(`${where(start)}: unknown placeholder {{${type === 'name' ? '' : type}${name}}}`);
      if (children) checkTokens(children, type === '#' ? [...scopes, shape ?? new Map()] : scopes, where, problems);
    }
  }
}

function checkSource(source: string, firstLine: number, label: string, problems: string[], root: Shape) {
  const where = (index: number) => `${label} line ${lineOf(source, index, firstLine)}`;
  let tokens: Token[];
  try {
    tokens = Mustache.parse(source) as Token[];
  } catch (err) {
    const message = (err as Error).message.replace(/ at (\d+)$/, (_, i: string) => ` (${where(Number(i))})`);
    problems.push(`${label}: ${message}`);
    return;
  }
  checkTokens(tokens, [root], where, problems);
}

/** Splits a template file into subject and body, reporting what is wrong with it (placeholders of `kind`). */
export function parseTemplate(file: string, content: string, problems: string[], kind: TemplateKind = 'confirmed'): Template | null {
  const before = problems.length;
  const text = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.includes('\u0000')) problems.push(`${file}: contains a NUL character`);
  const lines = text.split('\n');
  const firstUsed = lines.findIndex((l) => l.trim() !== '');
  const subject = subjectLine.exec(lines[firstUsed] ?? '')?.[1]?.trim();
  if (!subject) {
    problems.push(`${file}: the first line must be the subject, e.g. "Onderwerp: Aanmelding bevestigd"`);
    return null;
  }
  let bodyStart = firstUsed + 1;
  while (bodyStart < lines.length && lines[bodyStart]?.trim() === '') bodyStart++;
  const body = lines.slice(bodyStart).join('\n').trimEnd();
  if (!body) problems.push(`${file}: the message text under the subject line is empty`);
  checkSource(subject, firstUsed + 1, `${file} subject,`, problems, shapes[kind]);
  checkSource(body, bodyStart + 1, file, problems, shapes[kind]);
  return problems.length === before ? { file, subject, body } : null;
}

/** Reads templates/<language>/<kind>.txt for every kind and language; one error lists every problem. */
export async function loadTemplates(dir: string = defaultTemplatesDir()): Promise<Templates> {
  const problems: string[] = [];
  const result = {} as Record<Language, Record<TemplateKind, Template>>;
  for (const language of languages) {
    result[language] = {} as Record<TemplateKind, Template>;
    for (const kind of [...replyKinds, ...noticeKinds]) {
      const file = join(language, `${kind}.txt`);
      let content: string;
      try {
        content = await readFile(join(dir, file), 'utf8');
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        problems.push(code === 'ENOENT' ? `${file}: missing` : `${file}: cannot read (${(err as Error).message})`);
        continue;
      }
      const template = parseTemplate(file, content, problems, kind);
      if (template) result[language][kind] = template;
    }
  }
  if (problems.length > 0) throw new TemplateError(dir, problems);
  return result;
}

// --- rendering --------------------------------------------------------------------------

/** Expands mustache with every string value replaced by a slot; numbers and flags go in as they are. */
function expand(source: string, view: object): { text: string; values: string[] } {
  const values: string[] = [];
  const escape = (value: unknown) => {
    if (typeof value !== 'string') return String(value);
    values.push(value);
    return slot(values.length - 1);
  };
  return { text: Mustache.render(source, view, {}, { escape }), values };
}

const needsSession: ReadonlySet<ReplyKind> = new Set([
  'confirmed', 'waitlisted', 'promoted', 'moved', 'already-registered', 'cancelled', 'session-closed', 'reminder',
]);

function checkModel(model: ReplyModel): void {
  if (needsSession.has(model.kind) && !model.session) {
    throw new Error(`a '${model.kind}' reply needs the session it is about (model.session is null)`);
  }
  if (model.kind === 'moved' && !model.previousSession) {
    throw new Error(`a 'moved' reply needs the session left (model.previousSession is null)`);
  }
}

export function renderReply(model: ReplyModel, templates: Templates): RenderedReply {
  checkModel(model);
  return renderTemplate(templates[model.language][model.kind], buildView(model), model.language);
}

/** Subject, text and HTML of one template with the values of `view` (a reply's, or a notice's). */
export function renderTemplate(template: Template, view: object, language: Language): RenderedReply {
  const subject = expand(template.subject, view);
  const subjectText = markupToText(subject.text, subject.values).replace(/\s+/g, ' ').trim();
  const body = expand(template.body, view);
  return {
    subject: subjectText,
    text: markupToText(body.text, body.values),
    html: htmlDocument(subjectText, markupToHtml(body.text, body.values), language),
  };
}
