// Transformations of a fixture message's new text and layout, for the metamorphic tests.
// All pure: the random choices come in as arguments (drawn by fast-check).
import { K, L, T, type Built, type Quote, type Seed } from './seeds.js';

export const CITY: Record<string, string> = { utrecht: 'Utrecht', haarlem: 'Haarlem', arnhem: 'Arnhem', assen: 'Assen', venlo: 'Venlo', breda: 'Breda' };
export const SLUGS = Object.keys(CITY);

// --- the parts of a new text ------------------------------------------------------------

export interface Parts {
  salutation: string | null; // "Beste," (its own paragraph)
  body: string[]; // the lines the sender wrote, between salutation and closing
  signature: string[]; // closing, name, role, address, disclaimer
}

const SALUTATION = /^(beste|goede(?:morgen|middag|navond)|hallo|hoi|geachte|dear|hello|hi)\b[^.!?]*,?\s*$/i;
const CLOSING = /^(met vriendelijke groet(?:en)?|vriendelijke groet(?:en)?|met hartelijke groet|hartelijke groet(?:en)?|groet(?:en)?|gr\.?|kind regards|best regards|regards|best|thanks)\b[ ,.!]*$/i;

export function split(newText: string): Parts {
  const lines = newText.replace(/\s+$/, '').split('\n');
  let start = 0;
  let salutation: string | null = null;
  if (lines.length > 1 && SALUTATION.test(lines[0]!) && lines[1]!.trim() === '') { salutation = lines[0]!; start = 2; }
  let end = lines.findIndex((l, i) => i >= start && CLOSING.test(l.trim()));
  if (end < 0) {
    // No closing: the name and role lines at the end (short, no sentence punctuation) sign it.
    end = lines.length;
    while (end > start + 1 && (lines[end - 1]!.trim() === '' || (lines[end - 1]!.length <= 45 && !/[.!?;:,]$/.test(lines[end - 1]!.trim())))) end--;
  }
  const body = lines.slice(start, end);
  while (body.length && body[body.length - 1]!.trim() === '') body.pop();
  const signature = lines.slice(end);
  while (signature.length && signature[0]!.trim() === '') signature.shift();
  return { salutation, body, signature };
}

export function join(p: Parts): string {
  const blocks: string[] = [];
  if (p.salutation) blocks.push(p.salutation);
  if (p.body.length) blocks.push(p.body.join('\n'));
  if (p.signature.length) blocks.push(p.signature.join('\n'));
  return blocks.join('\n\n') + '\n';
}

export type Place = 'new-paragraph' | 'same-line' | 'before';

/** The new text with one sentence added to what the sender wrote (not to the signature). */
export function addSentence(newText: string, sentence: string, place: Place): string {
  const p = split(newText);
  const body = [...p.body];
  if (place === 'before') body.unshift(sentence, '');
  else if (place === 'same-line' && body.length) body[body.length - 1] = `${body[body.length - 1]!.replace(/\s+$/, '')} ${sentence}`;
  else body.push(...(body.length ? [''] : []), sentence);
  return join({ ...p, body });
}

/** The new text with the sender's lines replaced. */
export function replaceBody(newText: string, lines: string[]): string {
  return join({ ...split(newText), body: lines });
}

// --- surface changes -------------------------------------------------------------------

const KEEP = new Set([
  ...Object.values(CITY).map((c) => c.toLowerCase()),
  'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december',
  'june', 'july', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag', 'donderdagmiddag', 'vrijdagmiddag',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
]);
const NEIGHBOURS: Record<string, string> = {
  a: 'sq', b: 'vn', c: 'xv', d: 'sf', e: 'wr', f: 'dg', g: 'fh', h: 'gj', i: 'uo', j: 'hk', k: 'jl', l: 'k', m: 'n', n: 'bm',
  o: 'ip', p: 'o', q: 'w', r: 'et', s: 'ad', t: 'ry', u: 'yi', v: 'cb', w: 'qe', x: 'zc', y: 'tu', z: 'x',
};

/** Words a typo may touch: lower-case words of five letters or more that are not a place, month or day. */
export function typoCandidates(line: string): { index: number; word: string }[] {
  const out: { index: number; word: string }[] = [];
  for (const m of line.matchAll(/\p{L}+/gu)) {
    const w = m[0];
    if (w.length < 5 || w !== w.toLowerCase() || KEEP.has(w)) continue;
    out.push({ index: m.index!, word: w });
  }
  return out;
}

export type TypoKind = 'drop' | 'double' | 'neighbour';
export interface Typo { pick: number; pos: number; kind: TypoKind }

/** One edit (distance 1) in one word of the body: a letter dropped, doubled or hit next to. */
export function typo(newText: string, t: Typo): { text: string; from: string; to: string } | null {
  const p = split(newText);
  const spots = p.body.flatMap((line, li) => typoCandidates(line).map((c) => ({ li, ...c })));
  if (!spots.length) return null;
  const s = spots[t.pick % spots.length]!;
  const w = s.word;
  const i = 1 + (t.pos % (w.length - 2)); // never the first or last letter
  const ch = w[i]!;
  let nw: string;
  if (t.kind === 'drop') nw = w.slice(0, i) + w.slice(i + 1);
  else if (t.kind === 'double') nw = w.slice(0, i) + ch + w.slice(i);
  else { const n = NEIGHBOURS[ch] ?? ch; nw = w.slice(0, i) + n[t.pos % n.length] + w.slice(i + 1); }
  if (nw === w) return null;
  const line = p.body[s.li]!;
  const body = [...p.body];
  body[s.li] = line.slice(0, s.index) + nw + line.slice(s.index + w.length);
  return { text: join({ ...p, body }), from: w, to: nw };
}

export type Caps = 'all' | 'body' | 'first-line';
export function capitals(newText: string, how: Caps): string {
  if (how === 'all') return newText.toUpperCase();
  const p = split(newText);
  if (how === 'body') return join({ ...p, body: p.body.map((l) => l.toUpperCase()) });
  const body = [...p.body];
  const i = body.findIndex((l) => l.trim() !== '');
  if (i >= 0) body[i] = body[i]!.toUpperCase();
  return join({ ...p, body });
}

export type Diacritics = 'strip' | 'decomposed' | 'add';
export function diacritics(newText: string, how: Diacritics): string {
  if (how === 'strip') return newText.normalize('NFD').replace(/\p{M}/gu, '');
  if (how === 'decomposed') return newText.normalize('NFD');
  // emphasis as people write it: "één", "dé sessie"
  return newText.replace(/\been\b/g, 'één').replace(/\bde sessie\b/g, 'dé sessie').replace(/\bEen\b/g, 'Één');
}

export type Space = 'double-spaces' | 'trailing' | 'nbsp' | 'blank-lines' | 'indent' | 'wrap';
export function whitespace(newText: string, how: Space, width: number): string {
  switch (how) {
    case 'double-spaces': return newText.replace(/ /g, '  ');
    case 'trailing': return newText.replace(/\n/g, '   \n');
    case 'nbsp': return newText.replace(/ (?=\S)/g, (_m, off: number) => (off % 3 === 0 ? '\u00a0' : ' '));
    case 'blank-lines': return newText.replace(/\n\n/g, '\n\n\n\n');
    case 'indent': return newText.replace(/^(?=\S)/gm, '\t');
    case 'wrap': {
      const p = split(newText);
      const body = p.body.flatMap((line) => {
        const out: string[] = [];
        let cur = '';
        for (const w of line.split(' ')) {
          if (cur && (cur + ' ' + w).length > width) { out.push(cur); cur = w; } else cur = cur ? cur + ' ' + w : w;
        }
        out.push(cur);
        return out;
      });
      return join({ ...p, body });
    }
  }
}

/** A signature that names a place: a session city, a municipality, a province. */
export function otherSignature(newText: string, line: string, english: boolean): string {
  const p = split(newText);
  if (p.signature.length === 0) {
    return join({ ...p, signature: [english ? 'Kind regards,' : 'Met vriendelijke groet,', '', 'Pieter Bakker', line] });
  }
  return join({ ...p, signature: [...p.signature, line] });
}

// --- layouts ---------------------------------------------------------------------------

/** 'YYYY-MM-DD HH:MM' in Dutch summer time, the kit's date spec. */
export function spec(d: Date): string {
  const l = new Date(d.getTime() + 2 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${l.getUTCFullYear()}-${pad(l.getUTCMonth() + 1)}-${pad(l.getUTCDate())} ${pad(l.getUTCHours())}:${pad(l.getUTCMinutes())}`;
}

const displayName = (from: string) => from.replace(/^\s*"?([^"<]*?)"?\s*<.*$/, '$1').trim() || from;

export type Wrap = 'outlook-html-only' | 'forward-invitation' | 'reply-above-overview' | 'reply-above-confirmation';

/** The seed's (changed) message moved into another layout. */
export function wrap(seed: Seed, newText: string, how: Wrap, style: 'oorspronkelijk' | 'van' = 'van'): Built {
  const base: Built = { from: seed.from, subject: seed.subject, date: seed.date, headers: seed.headers, attachments: seed.attachments, cc: seed.cc };
  const name = displayName(seed.from);
  if (how === 'outlook-html-only') {
    return { ...base, inReplyTo: seed.inReplyTo, references: seed.references, html: L.outlookHtml(newText, { quote: seed.recipe.quote ?? undefined }) };
  }
  if (how === 'forward-invitation') {
    // The sender forwards D-Loket's invitation to D-Loket with their text on top (Outlook 2010's
    // "-----Oorspronkelijk bericht-----" or 2016's Van: block). Not an answer: no In-Reply-To.
    const q: Quote = K.qInvite(seed.label.session!, name);
    return { ...base, subject: `FW: ${T.INVITE_SUBJECT[seed.label.session!]}`, ...K.outlookForward(newText, q, style) };
  }
  const quote: Quote = how === 'reply-above-overview'
    ? K.qReminder(name)
    : K.qConfirmation(seed.label.session!, `Beste ${name}`, spec(new Date(seed.date.getTime() - 3 * 86400_000)), name);
  return { ...base, ...K.replyTo(quote), ...K.outlook(newText, quote) };
}

export { T };
