// How many people a signup brings, and who. Read from the sentences that sign up: a stated
// total ("met z'n drieën", "met vier personen", "alle drie"), a list of names, or the sender
// plus the people they name ("mijn collega ... en ik", "wethouder X en ik", "twee raadsleden").
import type { Clause } from './clauses.js';
import { ACCEPT, signsUp } from './cues.js';
import { mayBeOneEditFrom, NUMBER_WORD, numberWord, oneEdit, perWord } from './text.js';
import { matchesOf, boundaryOnce } from './matches.js';

export interface Attendees {
  count: number;
  names: string[];
  evidence: string | null;
  /** The count is of people added to an existing registration, not a new total. */
  added: boolean;
  /** A number that may be mistyped ("met z'n dieën"): the count is not to be trusted. */
  doubt?: string | null;
}

const TOTAL_PATTERNS: RegExp[] = [
  new RegExp(`\\bmet (?:z'?n|zijn|ons|z'n allen) (${NUMBER_WORD}|tweeen|drieen|vieren|vijven|zessen)\\b`),
  new RegExp(`\\b(?:met|voor|in totaal|totaal|samen|we zijn|wij zijn|komen met) (${NUMBER_WORD}) (?:personen|mensen|deelnemers|man|plaatsen|plekken|aanmeldingen)\\b`),
  new RegExp(`\\b(${NUMBER_WORD}) (?:personen|mensen|deelnemers|plaatsen|plekken|people|persons|participants|attendees|seats|places)\\b`),
  new RegExp(`\\b(?:alle|allemaal|alle) (${NUMBER_WORD})\\b`),
  new RegExp(`\\bthe (${NUMBER_WORD}) of us\\b`),
  /\b(allebei|beiden|alle twee|both of us)\b/,
];

const ROLE = '(?:wethouder|burgemeester|raadslid|griffier|raadsgriffier|gemeentesecretaris|secretaris|fractievoorzitter|commissielid|burgerlid|steunfractielid|ambtenaar|beleidsmedewerker|beleidsadviseur|adviseur|collega|councillor|alderman|mayor|clerk|colleague)';
const PLURAL_ROLE = '(?:collega\'?s|raadsleden|wethouders|fractieleden|ambtenaren|medewerkers|commissieleden|burgerleden|collegeleden|colleagues|councillors|council members|aldermen|members)';
const COMPANIONS = new RegExp(`\\b(${NUMBER_WORD}) (?:andere |van onze |van mijn )?${PLURAL_ROLE}\\b`, 'g');
// Matched on the original text (names are capitalised); role words as written, with a
// capital, or in capitals ("WETHOUDER", "COLLEGA'S"): shouting changes no one's role.
const ci = (pattern: string) => pattern.replace(/[a-z]+/g, (w) => `(?:${w}|${w[0]!.toUpperCase()}${w.slice(1)}|${w.toUpperCase()})`);
const PARTICLES = "van|de|der|den|ter|ten|van de|van der|in 't|'t";
const NAME = `[A-Z][\\w'-]+(?: (?:${PARTICLES}|${PARTICLES.toUpperCase()}))?(?: [A-Z][\\w'-]+)?`;
// In text written in capitals every word looks like a name: "MIJN COLLEGA VOOR DE SESSIE".
const NOT_A_NAME = /^(en|of|voor|naar|met|van|de|het|een|in|op|aan|bij|uit|om|te|tot|ook|die|dat|is|zijn|komt|komen|gaat|gaan|wil|willen|graag|and|or|for|to|with|the|of|at|in|on|is|will|would|also|who|ik|wij|we|hij|zij|ze|i|he|she|they)$/i;

/** A name as captured, or undefined when it is a word of a sentence in capitals. */
function nameOrNone(captured: string | undefined): string | undefined {
  if (!captured) return undefined;
  const words = captured.split(' ');
  const keep = words.findIndex((w) => NOT_A_NAME.test(w) && w === w.toUpperCase());
  const name = (keep < 0 ? words : words.slice(0, keep)).join(' ');
  return name && !NOT_A_NAME.test(name) ? name : undefined;
}
// The name may follow in brackets with a form of address: "de burgemeester (mevr. M. Willems)".
const ONE_COMPANION = new RegExp(`\\b(?:(${ci('mijn|onze|een|de|het|my|our|a|the')}) )?${ci(ROLE)}\\b(?: (${NAME})| \\(((?:dhr|mevr|mw|mevrouw|de heer|mr|drs|ir|dr)\\.?\\s[^)]{2,40})\\))?`, 'g');
// "Piet Jansen (wethouder)": a name with the role in brackets after it.
const NAME_THEN_ROLE = new RegExp(`\\b[A-Z][\\w'-]+ (?:(?:van|de|der|den) )*[A-Z][\\w'-]+ \\(${ci(ROLE)}`, 'g');
const COUNTS_AFTER = /(\b(met|en|plus|and|with|samen met|ook namens|also on behalf of|vergezeld (van|door)|in gezelschap van|accompanied by|together with)\s*|^\s*)$/i;
const DESCRIBES = /\b(als|namens|voor|van|aan|bij|door|as|on behalf of)\s*$/i;
// "Aantal personen: 2" in a form-like signup.
const FORM_COUNT = new RegExp(`^\\s*(?:aantal|number of) (?:personen|deelnemers|plaatsen|mensen|people|participants|attendees)\\s*:\\s*(${NUMBER_WORD})\\b`, 'im');
// Sentences that bring people along without a signup verb.
const BRINGS = boundaryOnce(/\b(gaan|komen|gaat|komt)\b[^.?!]{0,60}?\bnaar\b[^.?!]{0,30}\b(sessie|ontwerpsessie|bijeenkomst)\b|\bneem\b[^.?!]{0,50}?\bmee\b|\b(willen|gaan|komen|wil|gaat|komt)\b[^.?!]{0,15}?\bmee\b|\book namens\b/);

// ("Zo mogelijk met de trein" is no doubt about who comes.)
const MAYBE = /\b(misschien|wellicht|mogelijkerwijs|maybe|perhaps|possibly|not sure|niet zeker|weet (ik )?(nog )?niet)\b|(?<!\b(zo|indien|als|waar|zoveel|zo snel|zo veel|zo goed) )\bmogelijk\b/;

// "de wethouders Gerrie Hendriks en Marc van den Elzen": a plural role, then the names.
const NAMED_GROUP = new RegExp(`\\b(?:${ci('de|mijn|onze|twee|drie|vier')}) ${ci(PLURAL_ROLE)} (${NAME}(?:, ${NAME})*(?: en ${NAME}))`, 'g');


// A first name and a surname ("Jan de Vries"); a place or an office ("Gemeente Weert") is none.
const FULL_NAME = `[A-Z][a-z'-]+ (?:(?:${PARTICLES}) )?[A-Z][\\w'-]+`;
const PERSON = new RegExp(`^${FULL_NAME}$`);
const NOT_A_PERSON = /^(Gemeente|Provincie|Waterschap|Regio|Den|Het|De|Sessie|Ministerie|Stichting|Raad|College|Griffie|Hoogheemraadschap|Bergen|Sint|Nieuw|Oud|Groot|Klein)\b/;
const SELF_WORD = /^(ik|mijzelf|ikzelf|mezelf|i|myself)\b|\b(ik|mijzelf|ikzelf|mezelf|i|myself)$/i;

// "mijzelf en Ellen Mooij": the sender first, then the people named.
const SELF_AND_NAMED = new RegExp(`\\b(?:ik|mijzelf|ikzelf|mezelf|myself|I)\\s+(?:en|and|&)\\s+${FULL_NAME}(?:(?:,\\s*|,?\\s+(?:en|and|&)\\s+)${FULL_NAME})*`, 'g');
const NAMED_PEOPLE = new RegExp(`\\b${FULL_NAME}(?:,\\s*${FULL_NAME})*,?\\s+(?:en|and|&)\\s+(?:${FULL_NAME}|ik|mijzelf|ikzelf|I|myself)\\b`, 'g');

/** People named by role in a signup sentence: "mijn collega", "wethouder X", "met de burgemeester". */
// Every pattern companions() reads holds a role (in any case), "iemand" or "een ander", or a
// full name: a sentence with none of them (most) names no one, and is passed over at once.
const MAYBE_ROLE = new RegExp(`${ROLE}|${PLURAL_ROLE}|iemand|een ander`, 'i');
const MAYBE_FULL_NAME = new RegExp(FULL_NAME);

function companions(text: string, names: string[]): number {
  // "mijn collega-wethouder Jan Grimbergen" is one person, a wethouder.
  const original = text.replace(/\b(collega|colleague)-(?=[a-z])/gi, '');
  if (!MAYBE_ROLE.test(original) && !MAYBE_FULL_NAME.test(original)) return 0;
  let n = 0;
  const spans: [number, number][] = [];
  const counted = (at: number, end: number) => spans.some(([a, b]) => at < b && end > a);
  NAMED_GROUP.lastIndex = 0;
  for (let m = NAMED_GROUP.exec(original); m; m = NAMED_GROUP.exec(original)) {
    const group = m[1]!.split(/, | en /);
    n += group.length;
    names.push(...group);
    spans.push([m.index, m.index + m[0].length]);
  }
  ONE_COMPANION.lastIndex = 0;
  for (let m = ONE_COMPANION.exec(original); m; m = ONE_COMPANION.exec(original)) {
    const before = original.slice(Math.max(0, m.index - 30), m.index);
    const det = (m[1] ?? '').toLowerCase();
    const name = nameOrNone(m[2]) ?? m[3]?.trim();
    if (counted(m.index, m.index + m[0].length)) continue;
    // "Bert Hoving (fractievoorzitter)": a role in brackets describes the person before it.
    if (/\(\s*$/.test(before)) continue;
    if (DESCRIBES.test(before) && !/\b(ook namens|(vergezeld|in gezelschap) (van|door))\s*$/i.test(before)) continue;
    if (/^(mijn|onze|een|my|our|a)$/.test(det) || name || COUNTS_AFTER.test(before)) {
      n++;
      spans.push([m.index, m.index + m[0].length]);
      if (name) names.push(name);
    }
  }
  // "Jan de Vries en Piet Bakker", "Jan Smit en ik": people named by first name and surname,
  // joined by "en"/"and"; a place or an office ("Gemeente Weert", "Den Haag") is no person.
  // A run of names is counted only when it holds two people, or one beside the sender.
  const named = (re: RegExp, enough: (people: string[], run: string) => boolean) => {
    for (const m of matchesOf(re, original)) {
      if (counted(m.index!, m.index! + m[0].length)) continue;
      const people = m[0].split(/,?\s+(?:en|and|&)\s+|,\s*/).filter((p) => PERSON.test(p) && !NOT_A_PERSON.test(p));
      if (!enough(people, m[0])) continue;
      n += people.length;
      names.push(...people);
      spans.push([m.index!, m.index! + m[0].length]);
    }
  };
  named(NAMED_PEOPLE, (people, run) => people.length >= 2 || (people.length === 1 && SELF_WORD.test(run)));
  named(SELF_AND_NAMED, () => true);
  // "samen met iemand van de griffie", "met een raadslid": someone unnamed.
  n += (original.match(/\b(iemand|nog iemand|een ander) (van|uit|namens)\b/gi) ?? []).length;
  NAME_THEN_ROLE.lastIndex = 0;
  for (let m = NAME_THEN_ROLE.exec(original); m; m = NAME_THEN_ROLE.exec(original)) {
    const at = m.index;
    if (!spans.some(([a, b]) => at >= a && at < b)) n++; // "mijn collega Anne Vos (raadslid)" is one person
  }
  return n;
}

// The sender is among those who come: says so ("en ik", "ik kom"), accepts ("Graag!"), or is
// the subject of a formal attendance ("dat ik, vergezeld van ..., aanwezig zal zijn").
const SELF_ATTENDS = /\b(ik|wij|we)\b[^?!]{0,100}\b(aanwezig (zal|zullen) zijn|(zal|zullen) (komen|deelnemen|bijwonen|aanwezig zijn))\b/;
// "Graag!", "Ja, prima": a yes on its own, as in a reply to an invitation.
const shortAccept = (s: string) => ACCEPT.test(s) && s.split(/[\s,!.]+/).filter(Boolean).length <= 3;
// The sender as the one told, not one who comes: "de wethouder belde mij dat hij graag komt".
const TOLD_ME = /\b(belde|belt|mailde|mailt|appte|appt|liet|laat|vertelde|vertelt|schreef|schrijft|vroeg|vraagt|meldde|gaf)\b (mij|me|ons)\b/g;
const SELF = /\b(ook namens|mij|me|mijzelf|mezelf|ikzelf|ondergetekende|ik kom|kom ik|en ik|ik en|ik sluit|sluit ik|ik ben erbij|ik neem|neem ik|ik wil (graag )?(deelnemen|komen|aansluiten|meedoen)|ons|onszelf|myself|me|and i|i will|i'll|i would|i'd)\b/;

// Bullets, numbers, or rows of a table that start with a form of address ("Dhr. J. Hoekstra  FNP").
const ITEM = /^([-*\u2022\u2013]|\d{1,2}[.)])\s+(?=\S)|^(?=(dhr|mw|mevr|mr|drs|de heer|mevrouw)\b\.?\s+[A-Z])/i;
// A row of a text table whose first cell is a person ("B. (Bas) Knuijt | wethouder"), not its header.
const TABLE_ROW = /^(?!(naam|name|deelnemer|functie)\b)[A-Z][^|]*\s\|/i;

// A line that is a person: a form of address or a first name, then a surname, then at most a
// role or a party ("Anne Wit, raadslid", "Dhr. P. Dam (wethouder)").
const PERSON_LINE = new RegExp(`^(?:(?:dhr|mw|mevr|mr|drs|de heer|mevrouw)\\.?\\s+)?(?:[A-Z]\\.\\s*)*${NAME}(?:\\s*(?:,|\\(|-|\\u2013)\\s*[^,.;:!?]{0,40})?$`);

// Every list above starts a line (spaces aside) with a bullet, a number or a form of address,
// holds a "|", or follows a line ending in a colon: a text with none of these lists no one.
const MAYBE_LIST = /^\s*([-*\u2022\u2013\d]|dhr|mw|mevr|mr|drs|de heer|mevrouw)|\||:\s*$/im;

function listItems(text: string): string[] {
  if (!MAYBE_LIST.test(text)) return [];
  const lines = text.split('\n').map((l) => l.trim());
  const items = lines.filter((l) => ITEM.test(l) || (TABLE_ROW.test(l) && /^[A-Z]/.test(l)))
    .map((l) => l.replace(ITEM, '').replace(/\s*\|.*$/, '').replace(/(\s{2,}|\t).*$/, ''));
  if (items.length >= 2) return items;
  // Names on lines of their own after a line that ends in a colon ("meld ik aan voor Venlo:").
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.endsWith(':')) continue;
    const run: string[] = [];
    for (let j = i + 1; j < lines.length && PERSON_LINE.test(lines[j]!) && !NOT_A_NAME.test(lines[j]!.split(' ')[0]!); j++) run.push(lines[j]!);
    if (run.length >= 2) return run;
  }
  return items;
}

/** How many people the body lists, one per line (bullets, table rows, or names after a colon). */
export function peopleListed(body: string): number {
  return listItems(body).filter((i) => /[A-Z]/.test(i)).length;
}

function stated(sentences: string[]): { n: number; text: string } | null {
  for (const s of sentences) {
    for (const re of TOTAL_PATTERNS) {
      const m = re.exec(s);
      if (!m) continue;
      const n = m[1] === undefined || /allebei|beiden|alle twee|both/.test(m[1]) ? 2 : numberWord(m[1]);
      if (n !== null && n >= 1 && n <= 50) return { n, text: m[0] };
    }
  }
  return null;
}

function nameOf(item: string): string {
  return item.replace(/\([^)]*\)/g, '').replace(/,.*$/, '').replace(/^(de heer|mevrouw|mw\.?|dhr\.?|drs\.?|mr\.?|ir\.?|dr\.?)\s+/i, '').trim();
}

// People's roles as they are mistyped ("wethouers", "burgemeesteer", "cllega"): one letter
// dropped, doubled, wrong or two swapped, in words of five letters or more. Words that are
// themselves words at that distance are never read as a role: "college" (of B&W), "griffie"
// (the office), "niemand" (nobody).
const ROLE_WORDS = ['collega', "collega's", 'collegas', 'wethouder', 'wethouders', 'burgemeester', 'raadslid', 'raadsleden', 'griffier',
  'raadsgriffier', 'gemeentesecretaris', 'fractievoorzitter', 'beleidsmedewerker', 'beleidsadviseur', 'commissielid', 'fractieleden',
  'steunfractielid', 'medewerkers', 'ambtenaar', 'ambtenaren', 'colleague', 'colleagues', 'councillor', 'councillors', 'iemand'];
const ROLE_SET = new Set(ROLE_WORDS);
const NOT_A_SLIP = new Set(['college', 'colleges', 'griffie', 'niemand', 'iemands', 'medewerker', 'ambtenaars']);

const mayBeRole = mayBeOneEditFrom(ROLE_WORDS);
const asRole = perWord((word): string | null => {
  const w = word.toLowerCase();
  if (w.length < 5 || ROLE_SET.has(w) || NOT_A_SLIP.has(w)) return null;
  const near = ROLE_WORDS.filter((r) => oneEdit(w, r));
  // "wethoudes" is one letter from "wethouder" and from "wethouders": the one it ends like.
  return near.find((r) => r.at(-1) === w.at(-1)) ?? near[0] ?? null;
});

const LETTER = /\p{L}/u;
/** A code point of a word as /[\p{L}']/u reads it: a letter or an apostrophe. */
const isWordPart = (cp: number) => cp === 39 || (cp < 128 ? (cp | 32) >= 97 && (cp | 32) <= 122 : LETTER.test(String.fromCodePoint(cp)));

/**
 * A sentence with mistyped role words written as the role, in the case they were typed: each
 * run of /[\p{L}']{5,}/u, found by a loop (a pattern with a callback per word cost more), and
 * the text itself when nothing changes.
 */
function fixRoleSlips(text: string): string {
  let out: string | null = null;
  let done = 0;
  for (let i = 0; i < text.length;) {
    const s = i;
    let n = 0; // code points in the run
    for (let cp = text.codePointAt(i)!; i < text.length && isWordPart(cp); cp = text.codePointAt(i)!) {
      i += cp > 0xffff ? 2 : 1;
      n++;
    }
    if (n === 0) { i++; continue; }
    if (n < 5 || !mayBeRole(text, s, i)) continue;
    const w = text.slice(s, i);
    const role = asRole(w);
    if (!role) continue;
    const cased = w === w.toUpperCase() ? role.toUpperCase() : w[0] === w[0]!.toUpperCase() ? role[0]!.toUpperCase() + role.slice(1) : role;
    out = (out ?? '') + text.slice(done, s) + cased;
    done = i;
  }
  return out === null ? text : out + text.slice(done);
}

// "met z'n dieën", "met vijv personen": a word one letter from a number word where a number
// belongs. Read as that number it might be the wrong one; not read, the count is too low.
const NUMBER_WORDS = ['twee', 'drie', 'vier', 'vijf', 'zeven', 'acht', 'negen', 'tien', 'twaalf', 'tweeen', 'drieen', 'vieren', 'vijven', 'zessen',
  'zevenen', 'achten', 'negenen', 'tienen', 'three', 'four', 'five', 'seven', 'eight', 'nine'];
const NUMBER_SLOT = boundaryOnce(/\bmet (?:z'?n|zijn|ons) ([a-z]{3,8})\b|\b([a-z]{3,8}) (?:personen|deelnemers|mensen|people|persons)\b|\balle ([a-z]{3,8})\b/g);

function doubtfulNumber(sentences: readonly string[]): string | null {
  for (const s of sentences) {
    NUMBER_SLOT.lastIndex = 0;
    for (let m = NUMBER_SLOT.exec(s); m; m = NUMBER_SLOT.exec(s)) {
      const w = m[1] ?? m[2] ?? m[3]!;
      if (numberWord(w) === null && w.length >= 4 && NUMBER_WORDS.some((n) => oneEdit(w, n))) return m[0];
    }
  }
  return null;
}

/** Count attendees from the body's clauses, and its raw text for lists of names. */
export function countAttendees(body: string, clauses: readonly Clause[], alreadyRegistered = false, subject: readonly Clause[] = []): Attendees {
  // Sentences that sign someone up, read without their negated clauses.
  const bySentence = new Map<number, Clause[]>();
  for (const c of clauses) if (!c.neg) bySentence.set(c.sentence, [...(bySentence.get(c.sentence) ?? []), c]);
  const sentences: string[] = [];
  const sentenceOriginals: string[] = [];
  const read = (cs: Clause[]) => {
    sentences.push(fixRoleSlips(cs.map((c) => c.folded).join(', ')));
    sentenceOriginals.push(fixRoleSlips(cs.map((c) => c.text).join(', ')));
  };
  // "Ik kom zeker. Misschien neem ik nog een collega mee": someone who may come is not counted.
  // (A signup that is itself in doubt is for a person anyway; then its sentence is read.)
  const maybes: Clause[][] = [];
  for (const cs of bySentence.values()) {
    const folded = cs.map((c) => c.folded).join(', ');
    if (signsUp(folded) || BRINGS.test(folded) || shortAccept(folded)) {
      if (MAYBE.test(folded)) maybes.push(cs); else read(cs);
    }
  }
  if (sentences.length === 0) maybes.forEach(read);
  // The signup was read elsewhere (the subject, the thread) or its verb is mistyped ("komeen
  // we met z'n drieën"): then every plain statement of the sender's own says who comes, never
  // a question, an earlier signup or someone else's plans.
  if (sentences.length === 0) {
    for (const cs of bySentence.values()) if (cs.every((c) => !c.question && !c.prior) && cs.some((c) => !c.others)) read(cs);
  }
  // Nothing in the body says who comes ("Aanmelding Venlo: Jan de Vries en Piet Bakker" as the
  // whole mail): the subject does.
  if (sentences.length === 0 && subject.length && subject.every((c) => !c.neg && !c.question)) read([...subject]);
  const doubt = doubtfulNumber(sentences);
  const counted = countFrom(body, sentences, sentenceOriginals, alreadyRegistered);
  return doubt ? { ...counted, doubt } : counted;
}

function countFrom(body: string, sentences: string[], sentenceOriginals: string[], alreadyRegistered: boolean): Attendees {
  const items = listItems(body).filter((i) => /[A-Z]/.test(i) || /\b(ik|ikzelf|mijzelf|ondergetekende|mezelf|myself)\b/i.test(i));
  const field = FORM_COUNT.exec(body);
  const total = stated(sentences) ?? (field ? { n: numberWord(field[1]!.toLowerCase()) ?? 0, text: field[0] } : null);
  if (items.length >= 2) {
    const names = items.map(nameOf);
    if (!total || total.n <= items.length) return { count: items.length, names, evidence: `list of ${items.length}`, added: false };
  }
  if (total) return { count: total.n, names: [], evidence: total.text, added: false };
  let others = 0;
  const names: string[] = [];
  sentences.forEach((s, k) => {
    let counted = 0;
    COMPANIONS.lastIndex = 0;
    for (let m = COMPANIONS.exec(s); m; m = COMPANIONS.exec(s)) counted += numberWord(m[1]!) ?? 0;
    if (counted === 0) counted = companions(sentenceOriginals[k]!, names);
    others += counted;
  });
  // Someone already registered who adds people signs up only those people.
  const self = others === 0 || (!alreadyRegistered && sentences.some((s) => SELF.test(s.replace(TOLD_ME, ' ')) || SELF_ATTENDS.test(s) || shortAccept(s)));
  const count = Math.max(1, (self ? 1 : 0) + others);
  return { count, names, evidence: others ? `${self ? 'sender + ' : ''}${others} named` : null, added: alreadyRegistered && !self };
}
