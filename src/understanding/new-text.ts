// Splits a body into what the sender wrote now, their closing and signature, and the quoted
// or forwarded message below (Outlook "Van:/Verzonden:/Aan:/Onderwerp:" blocks,
// "-----Oorspronkelijk bericht-----", Gmail/Thunderbird/Apple "Op ... schreef ...:" with ">"
// lines, GroupWise and Notes headers, forward separators). Only `body` decides a signup.
import { isWide, narrow, normaliseLine, lines as splitLines } from './text.js';
import { withoutCaptures } from './matches.js';

export interface SplitText {
  body: string;
  signature: string;
  quoted: string;
}

const SEPARATOR = /^[\s*]*-{2,}\s*(oorspronkelijk bericht|origineel bericht|original message|doorgestuurd bericht|forwarded message|weitergeleitete nachricht|urspr[uü]ngliche nachricht|message d'origine)\s*-{2,}[\s*]*$/i;
const BEGIN_FORWARD = /^\s*(begin (doorgestuurd|forwarded) (bericht|message)|doorgestuurd bericht|forwarded message)\s*:?\s*$/i;
const HEADER_LINE = /^[\s*>]*(van|from|verzonden|sent|aan|to|onderwerp|subject|datum|date|cc|bcc|antwoord aan|reply-to)\s*:/i;
const FROM_LINE = /^[\s*]*(van|from)\s*:/i;
const ATTRIBUTION = /^\s*(op|on|am|le|el|il)\s.{4,}\b(schreef|wrote|geschreven|schrieb|a [ée]crit|escribi[óo]|ha scritto)\b[^:]*:\s*$/i;
const ATTRIBUTION_LOOSE = /\b(schreef|wrote|geschreven|schrieb)\s*(op .{4,40})?:?\s*-*\s*$/i;
const GROUPWISE = /^>>>\s.*(\d|>>>\s*$)/;

function isHeaderBlock(ls: string[], i: number): boolean {
  if (!FROM_LINE.test(ls[i]!)) return false;
  let count = 0;
  for (let k = i + 1; k < Math.min(ls.length, i + 7); k++) if (HEADER_LINE.test(ls[k]!)) count++;
  // (A short block, "Van: D-Loket" right above "Onderwerp: …", is one as well.)
  return count >= 2 || (count === 1 && HEADER_LINE.test(ls[i + 1] ?? ''));
}

function isAttribution(ls: string[], i: number): boolean {
  const line = ls[i]!;
  if (line.length > 300) return false; // attribution lines are short; keeps the patterns linear
  if (ATTRIBUTION.test(line)) return true;
  // Long attribution lines get wrapped: "Op vr 18 mei 2018 om 11:02 schreef D-Loket <" + "D-Loket@VNG.nl>:"
  const next = ls[i + 1] ?? '';
  if (/^\s*(op|on)\s/i.test(line) && ATTRIBUTION.test(line + ' ' + next.trim())) return true;
  return ATTRIBUTION_LOOSE.test(line) && /@|\d/.test(line) && line.length < 200;
}

// What a line that starts the quoted part holds, whichever reading below finds it: the dashes of
// a separator, a forward's words, a row of underscores, "Van:"/"From:" opening a header block,
// an attribution's verb (or "Op …"/"On …" opening one wrapped onto the next line), a ">". Most
// lines hold none, and are spared the patterns one by one. (Keep in step with the readings.)
const MAY_START_QUOTE = /--|doorgestuurd|forwarded|_{8}|^[\s*]*(van|from)\s*:|schreef|wrote|geschreven|schrieb|crit|escribi|scritto|^\s*(op|on)\s|^>/i;

/**
 * Index of the first line of the quoted or forwarded part, or -1. `ready(n)` is told, before a
 * line is read, that the lines up to n (exclusive) are about to be read: the readers below look
 * up to eight lines ahead.
 */
export function quoteStart(ls: string[], ready?: (n: number) => void): number {
  for (let i = 0; i < ls.length; i++) {
    ready?.(i + 9);
    const l = ls[i]!;
    if (!MAY_START_QUOTE.test(l)) continue;
    if (SEPARATOR.test(l) || BEGIN_FORWARD.test(l) || GROUPWISE.test(l)) return i;
    if (/^\s*_{8,}\s*$/.test(l) && (isHeaderBlock(ls, i + 1) || isHeaderBlock(ls, i + 2))) return i;
    if (isHeaderBlock(ls, i) || isAttribution(ls, i)) return i;
    if (l.startsWith('>')) return i;
  }
  return -1;
}

// A closing word within the first three words: "Met vriendelijke groet", "Mei freonlike groetnis".
const CLOSING_WORDS = /^([\w'-]+[\s,]+){0,2}(groet|groeten|groetjes|groetnis|regards|sincerely|cheers)\b/i;
const CLOSING_START = /^(mvg|m\.v\.g\.?|gr\.?|grt\.?|grtz|vr\.?\s?gr\.?|vriendelijke groet|hartelijke groet|met vriendelijke|kind regards|best regards|warm regards|best wishes|yours (sincerely|faithfully)|with kind regards)([\s,.!]|$)/i;
const SHORT_THANKS = /^(thanks|thank you|many thanks|best|dank|bedankt)[!,.]?$/i;
const MOBILE = /^(verzonden|verstuurd|gestuurd) (vanaf|met|via|vanuit) |^sent (from|with|via) |^get outlook for|^download outlook/i;
const INLINE_CLOSING = /(?:^|[.!?]\s+)((?:met )?(?:vriendelijke |hartelijke |collegiale )?groet(?:en)?\b|mvg\b|kind regards\b|best regards\b)/i;

function isClosing(line: string): boolean {
  const t = line.trim();
  if (t.length === 0 || t.length > 70) return false;
  if (CLOSING_START.test(t) || SHORT_THANKS.test(t)) return true;
  return CLOSING_WORDS.test(t) && t.split(/\s+/).length <= 8 && !/\b(ik|wij|we|u|jullie)\b/i.test(t);
}

// What a line that starts the signature opens with or holds, whichever reading below finds it:
// a closing's first word or its "groet"/"regards", a mobile footer, "--", a row of underscores.
// Most lines hold none, and are spared the patterns one by one. (Keep in step with them.)
const MAY_SIGN_OFF = withoutCaptures(/^(mvg|m\.v\.g|gr|vr|vriendelijke|hartelijke|met vriendelijke|kind|best|warm|yours|with kind|thank|many thanks|dank|bedankt|verzonden|verstuurd|gestuurd|sent |get outlook|download outlook|--|_{5})|groet|regards|sincerely|cheers/i);

function isSignatureStart(line: string): boolean {
  const t = line.trim();
  if (!MAY_SIGN_OFF.test(t)) return false;
  return isClosing(t) || MOBILE.test(t) || /^--\s*$/.test(t) || /^_{5,}$/.test(t);
}

/** Lines of a reply written below the quote (bottom posting), quote and attribution removed. */
function bottomPosted(ls: string[], q: number): string[] {
  const out: string[] = [];
  for (let i = q; i < ls.length; i++) {
    const l = ls[i]!;
    if (l.startsWith('>') || isAttribution(ls, i)) continue;
    out.push(l);
  }
  return out.some((l) => l.trim()) ? out : [];
}

// No signup needs more than this much new text; longer bodies are quoted mail or noise.
const MAX_NEW_TEXT = 20_000;

/**
 * The new text, the closing with signature, and the quoted part of a plain-text body. Every
 * line has its spaces normalised first (normaliseLine); the new text is then read as
 * paragraphs (see `paragraphs`), so hard wrapping, NBSP and double spaces never change what a
 * message says.
 */
export function splitNewText(text: string): SplitText {
  const ls = splitLines(text.length > MAX_NEW_TEXT ? text.slice(0, MAX_NEW_TEXT) : text);
  // Lines are normalised as far as they are read: the quoted mail below the new text mostly is
  // not (the quoted part normalises its own lines when asked for; normaliseLine is idempotent).
  let normalised = 0;
  const ready = (n: number) => {
    for (const end = Math.min(n, ls.length); normalised < end; normalised++) ls[normalised] = normaliseLine(ls[normalised]!);
  };
  const q = quoteStart(ls, ready);
  if (q < 0) ready(ls.length);
  let own = q < 0 ? ls : ls.slice(0, q);
  if (q >= 0 && !own.some((l) => l.trim()) && ls.slice(q, q + 4).some((l) => l.startsWith('>'))) {
    ready(ls.length);
    own = bottomPosted(ls, q);
  }
  const { body, signature } = closingSplit(own);
  // From a text with a character beyond Latin-1 anywhere (a curly quote in the quoted mail), the
  // new text and signature are narrowed, so that their readers run on one-byte text (see narrow()).
  const held = isWide(text) ? narrow : (t: string) => t;
  return new Split(held(paragraphs(body).join('\n').trim()), held(signature.join('\n').trim()), ls, q);
}

// The quoted part is only read by people and tests: joined when first asked for. (A class, not
// an object literal with a getter: V8 builds those slowly and keeps them in dictionary mode.)
class Split implements SplitText {
  #quoted: string | null = null;
  constructor(readonly body: string, readonly signature: string, private readonly lines: string[], private readonly q: number) {}
  get quoted(): string {
    return (this.#quoted ??= this.q < 0 ? '' : this.lines.slice(this.q).map(normaliseLine).join('\n'));
  }
}

// --- paragraphs -----------------------------------------------------------------------
// A mail client that wraps at 30-80 columns (or a sender pressing Enter) breaks a sentence
// over lines: "Graag meld ik mij aan voor de" / "sessie in Breda op woensdag 4" / "juli.".
// The new text is read as paragraphs: a line is joined to the one before unless a blank line,
// a list item or table row, a form field, a greeting, a P.S. or a quote marker separates them,
// or the line before ends a sentence. A capital after a line without a full stop continues it
// only when the line before cannot end there ("samen met" / "Anja Roovers") or the paragraph is
// visibly wrapped at a width (the first word of the line would not have fitted on the one
// before); a capitalised word that can only start a sentence ("Ik", "Mijn", "Graag") and a
// line of capitalised words only ("Jan de Vries", "Gemeente Meppel") are never joined.

const ITEM_LINE = /^([-*+\u2022\u2013\u00b7>]|\d{1,2}[.)]|[a-z][.)])\s+\S|^(dhr|mw|mevr|mr|drs|ir|dr|de heer|mevrouw)\b\.?\s+[A-Z]|\||\S\t\S/i;
// "Naam: …", "Aantal personen: 2": a label with a capital, at most four words, then a colon.
const FIELD_LINE = /^\p{Lu}[\p{L}\d.'/()-]*(?: [\p{L}\d.'/()-]+){0,3}:(\s|$)/u;
const GREETING_LINE = /^(beste|geachte|hallo|hoi|hey|hi|hello|dear|goede(morgen|middag|navond)|goedendag|goeie(morgen|middag|navond|moarn|middei|jûn)?|moi|moin|dag|good (morning|afternoon|evening)|l\.?s\.?|sehr geehrte[rn]?|liebe[rn]?|guten (tag|morgen))\b/i;
const PS_LINE = /^p\.?\s?s\.?\b/i;
const SENTENCE_END = /[.!?;:]["')\]]*$/;
// Words a sentence does not end on: articles, most prepositions, conjunctions, possessives.
// (Not "op", "aan", "af", "in", "mee", "bij", "uit", "door": "geef ik mij op" ends a sentence.)
const DANGLING = /(^|\s)(de|het|een|van|voor|naar|met|en|of|maar|om|te|z'n|tot|als|dat|zoals|vanaf|tijdens|mijn|onze|uw|jullie|zijn|haar|hun|the|a|an|to|for|and|or|with|of|at|from|my|our|your|their|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|wednesday|thursday|friday)$/i;
// Capitalised words that only start a sentence.
const STARTER = new Set(('ik wij we mijn onze ons u uw jullie hij zij ze het de een dit dat deze die er daar hier graag hierbij namens helaas maar en dus ook wel niet '
  + 'kunt kan kunnen wilt wil willen zou zouden is zijn ben bent heb hebt hebben heeft hoe wat waar wanneer welke wie waarom alvast bedankt dank '
  + 'als omdat want zelf via voor na bij tot vanwege verder tevens daarnaast bovendien echter mocht indien ja nee oké ok '
  + 'i my our the could can is are please thanks thank would will if as this that there it we you he she they unfortunately also but so and').split(' '));
const PARTICLE = /^(van|de|der|den|ter|ten|te|het|'t|'s|in|op|aan|&|-)$/;

const firstWord = (l: string) => /^\S+/.exec(l)?.[0] ?? '';
const bareWord = (w: string) => w.replace(/^[("'\u2018\u201c]+|[)"'\u2019\u201d,.!?;:]+$/g, '');

function isGreeting(l: string): boolean {
  return GREETING_LINE.test(l) && (/[,!:]$/.test(l) || l.split(' ').length <= 4);
}

/** A line of capitalised words only, without a full stop: a name, a role, an organisation. */
function isTitleLine(l: string): boolean {
  if (SENTENCE_END.test(l) || /,$/.test(l)) return false;
  return l.split(' ').every((w) => /^[\p{Lu}\d]/u.test(w) || PARTICLE.test(w));
}

function continues(a: string, b: string, width: number): boolean {
  if (!a || !b || a.startsWith('>') || isGreeting(a) || SENTENCE_END.test(a)) return false;
  // A line that cannot end where it does ("… naar") goes on, even into what looks like a label.
  if (ITEM_LINE.test(b) || PS_LINE.test(b) || (FIELD_LINE.test(b) && !DANGLING.test(a))) return false;
  if (FIELD_LINE.test(a) && !/^\p{Ll}/u.test(b)) return false;
  const w = bareWord(firstWord(b));
  if (DANGLING.test(a)) return /^[\p{L}\d(]/u.test(b);
  // A lower-case line goes on, except a contrast typed on a line of its own: "ik kan niet naar
  // assen" / "wel naar breda" (joined, "wel" would fall under the "niet").
  if (/^\p{Ll}/u.test(b)) return !/^wel\b/.test(b);
  if (STARTER.has(w.toLowerCase()) || isTitleLine(b)) return false;
  // Wrapped at a width: the first word of this line would not have fitted on the line before.
  return /^[\p{L}\d(]/u.test(b) && width >= 24 && a.length >= 12 && a.length + 1 + firstWord(b).length > width;
}

/** Lines joined into paragraphs (see above); blank lines between paragraphs kept, one at most. */
export function paragraphs(lines: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!lines[i]) {
      if (out.length && out[out.length - 1] !== '') out.push('');
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && lines[j]) j++;
    const block = lines.slice(i, j);
    const width = block.reduce((m, l) => Math.max(m, l.length), 0);
    let cur = block[0]!;
    for (let k = 1; k < block.length; k++) {
      if (continues(block[k - 1]!, block[k]!, width)) cur += ' ' + block[k];
      else { out.push(cur); cur = block[k]!; }
    }
    out.push(cur);
    i = j;
  }
  return out;
}

// A legal disclaimer is no one's words to the bot: "Dit bericht kan informatie bevatten die niet
// voor u is bestemd …", "This e-mail and any attachments are confidential …". Its opening, with a
// disclaimer's own words in it or the two lines after, ends the new text as a closing does.
const DISCLAIMER_START = /^(disclaimer\b|dit (e-?mail|e-?mail ?bericht|bericht)\b|de (in dit|met dit) (e-?mail ?)?bericht|de informatie (verzonden )?(in|met) dit|aan (de inhoud van )?dit (e-?mail ?)?bericht|this (e-?mail|email|message)\b|the (information|contents?) (in|of) this (e-?mail|message))/i;
const DISCLAIMER_WORDS = /\b(geadresseerde|bestemd voor|vertrouwelijk\w*|aansprakelijk\w*|rechten (worden|kunnen worden) ontleend|abusievelijk|intended (solely )?for|confidential|addressee|privileged|liability)\b/i;
function disclaimerStart(lines: readonly string[]): number {
  for (let i = 1; i < lines.length; i++) {
    if (DISCLAIMER_START.test(lines[i]!.trim()) && DISCLAIMER_WORDS.test(lines.slice(i, i + 3).join(' '))) return i;
  }
  return -1;
}

function closingSplit(lines: string[]): { body: string[]; signature: string[] } {
  let own = lines;
  let cut = own.findIndex(isSignatureStart);
  const disclaimer = disclaimerStart(own);
  if (disclaimer >= 0 && (cut < 0 || disclaimer < cut)) cut = disclaimer;
  if (cut < 0) {
    // A closing on the same line as the text: "Graag aanmelden voor Breda. Groet, Jan".
    for (let i = 0; i < own.length && cut < 0; i++) {
      const m = INLINE_CLOSING.exec(own[i]!);
      if (m && m.index > 0) {
        const at = m.index + m[0].indexOf(m[1]!);
        own = [...own.slice(0, i), own[i]!.slice(0, at), own[i]!.slice(at), ...own.slice(i + 1)];
        cut = i + 1;
      }
    }
  }
  if (cut < 0) return { body: own, signature: [] };
  const sig = own.slice(cut);
  // A postscript below the name still belongs to the message.
  const ps = sig.findIndex((l) => /^\s*p\.?\s?s\.?\b/i.test(l));
  const body = own.slice(0, cut).concat(ps >= 0 ? sig.slice(ps) : []);
  return { body, signature: ps >= 0 ? sig.slice(0, ps) : sig };
}
