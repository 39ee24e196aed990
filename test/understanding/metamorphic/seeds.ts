// The team's own labelled fixture messages (test/fixtures/mail), as recipes that can be
// rebuilt with a changed new text or another layout. The case files in
// test/fixtures/mail/build are loaded with the corpus kit's client builders wrapped, so each
// case remembers which client laid it out, its new text and what it quotes; the messages are
// then composed as RFC 5322 with nodemailer's MailComposer, as build.cjs does.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const buildDir = join(root, 'test/fixtures/mail/build');

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;
export const K: Any = require(resolve(root, '../shared/corpus/dev/build/kit.js'));
export const L: Any = K.L;
export const T: Any = K.T;

export type Layout = 'plain' | 'outlook' | 'gmail' | 'apple' | 'thunderbird' | 'outlookForward' | 'simpleHtml' | 'outlookHtml';

/** A quoted D-Loket mail as the kit describes it ({ from, sent, to, subject, body, spec, id }). */
export type Quote = { from: string; sent: string; to: string; subject: string; body: string; spec: string; id: string; cc?: string };

export interface Recipe {
  layout: Layout;
  newText: string;
  quote: Quote | null;
  extra: unknown[]; // the builder's further arguments (forward style, device)
}

export interface Label { intent: string; session: string | null; attendees?: number; municipality?: string | null }

export interface Seed {
  file: string;
  from: string;
  subject: string;
  date: Date;
  headers: Record<string, string>;
  inReplyTo?: string;
  references?: string[];
  attachments?: unknown[];
  cc?: string;
  recipe: Recipe;
  label: Label;
  /** English new text (the added sentences are then English too). */
  english: boolean;
}

const RECIPE = Symbol('recipe');

function wrapClient(layout: Layout, fn: (...a: Any[]) => Any) {
  return (newText: string, quote?: Quote, ...extra: unknown[]) => {
    const out = fn(newText, quote, ...extra);
    return { ...out, [RECIPE]: { layout, newText, quote: quote ?? null, extra } satisfies Recipe };
  };
}

/** Rebuild a client's { text, html } for a (changed) new text. */
export function layOut(layout: Layout, newText: string, quote: Quote | null, extra: unknown[] = []): { text?: string; html?: string } {
  switch (layout) {
    case 'plain': return { text: newText };
    case 'simpleHtml': return { html: L.simpleHtml(newText) };
    case 'outlookHtml': return { html: L.outlookHtml(newText, { quote: quote ?? undefined }) };
    default: return K[layout](newText, quote ?? undefined, ...extra);
  }
}

let cached: { seeds: Seed[]; skipped: string[] } | null = null;

/** Every fixture case whose new text the kit laid out (the others are listed in `skipped`). */
export function loadSeeds(): { seeds: Seed[]; skipped: string[] } {
  if (cached) return cached;
  const htmlInputs = new Map<string, Recipe>();
  const K2 = { ...K };
  for (const l of ['outlook', 'gmail', 'apple', 'thunderbird', 'outlookForward'] as const) K2[l] = wrapClient(l, K[l]);
  const L2 = { ...L };
  L2.simpleHtml = (text: string, ...rest: unknown[]) => {
    const html = L.simpleHtml(text, ...rest) as string;
    htmlInputs.set(html, { layout: 'simpleHtml', newText: text, quote: null, extra: [] });
    return html;
  };
  L2.outlookHtml = (text: string, opts: { quote?: Quote } = {}) => {
    const html = L.outlookHtml(text, opts) as string;
    htmlInputs.set(html, { layout: 'outlookHtml', newText: text, quote: opts.quote ?? null, extra: [] });
    return html;
  };
  K2.L = L2;
  const files = ['messages-a.cjs', 'messages-b.cjs', 'messages-c.cjs', 'messages-d.cjs'];
  const cases: Any[] = files.flatMap((f) => require(join(buildDir, f))(K2, L2, T));
  const labels = readFileSync(join(root, 'test/fixtures/mail/expected.jsonl'), 'utf8').split('\n').filter(Boolean)
    .map((l) => JSON.parse(l) as Label & { file: string });
  const seeds: Seed[] = [];
  const skipped: string[] = [];
  cases.forEach((c: Any, i: number) => {
    const file = `${String(i + 1).padStart(3, '0')}-${c.slug}.eml`;
    const label = labels[i];
    if (!label || label.file !== file) throw new Error(`fixture order changed: ${file} vs ${label?.file}`);
    // A text-only case without a quote of its own is its new text; one that quotes by hand is not rebuilt.
    const plain: Recipe | undefined = typeof c.text === 'string' && !c.html && !/schreef:|^Van:|^>/m.test(c.text)
      ? { layout: 'plain', newText: c.text, quote: null, extra: [] } : undefined;
    const recipe: Recipe | undefined = c[RECIPE] ?? (c.html && !c.text ? htmlInputs.get(c.html) : plain);
    if (!recipe || c.raw) { skipped.push(file); return; }
    const { file: _f, ...rest } = label;
    seeds.push({
      file, from: c.from, subject: c.subject, date: new Date(L.epoch(c.date, file)), headers: c.headers ?? {},
      inReplyTo: c.inReplyTo, references: c.references, attachments: c.attachments, cc: c.cc, recipe, label: rest,
      english: /\b(I|I'm|I'll|the|please|would|could|attend|register)\b/.test(recipe.newText.split(/\n(?:Kind regards|Best regards|Regards)/)[0]!),
    });
  });
  cached = { seeds, skipped };
  return cached;
}

export interface Built {
  from: string;
  subject: string;
  date: Date;
  headers: Record<string, string>;
  text?: string;
  html?: string;
  inReplyTo?: string;
  references?: string[];
  attachments?: unknown[];
  cc?: string;
}

/** The seed as its client laid it out, with another new text (or the same). */
export function rebuild(seed: Seed, newText = seed.recipe.newText): Built {
  return {
    from: seed.from, subject: seed.subject, date: seed.date, headers: seed.headers, inReplyTo: seed.inReplyTo,
    references: seed.references, attachments: seed.attachments, cc: seed.cc,
    ...layOut(seed.recipe.layout, newText, seed.recipe.quote, seed.recipe.extra),
  };
}

/** RFC 5322 bytes, as build.cjs writes the fixtures (nodemailer, CRLF). */
export async function compose(m: Built, id: string): Promise<Buffer> {
  const composer = new MailComposer({
    from: m.from, to: 'D-Loket <D-Loket@VNG.nl>', cc: m.cc, subject: m.subject, date: m.date, text: m.text, html: m.html,
    headers: m.headers, messageId: `<${id}@metamorphic.test>`, attachments: m.attachments as Any,
    ...(m.inReplyTo ? { inReplyTo: m.inReplyTo, references: m.references } : {}),
    newline: 'windows',
  } as Any);
  return composer.compile().build();
}
