// Everything the decision looks at, read once from the new text and the subject: clauses,
// session references, and which wordings (signup, withdrawal, questions...) occur where.
import type { InboundMail, UnderstandingContext } from './types.js';
import { clausesOf, FIRST_PERSON, sentenceTexts, type Clause } from './clauses.js';
import { sessionsIn } from './arrays.js';
import * as cue from './cues.js';
import { anyOf, boundaryOnce, withoutCaptures } from './matches.js';
import { findRefs, type Ref, type RefContext } from './sessions-named.js';
import type { SplitText } from './new-text.js';
import { fold, wordCount } from './text.js';
import { choiceAt, markRefs } from './signup-made.js';

export type QuestionKind = 'none' | 'benign' | 'real';


export interface Features {
  isReply: boolean;
  isForward: boolean; // the subject is a forward's: not the sender's own words
  content: string; // the new text without addresses, phone lines and disclaimers
  /** `content` in lower case, made once when first asked (several gates read it). */
  readonly contentLower: string;
  bodyText: string; // the new text, folded
  subjectFolded: string; // the subject without Re:/Fwd: prefixes, folded
  bodyClauses: Clause[];
  subjectClauses: Clause[];
  bodyRefs: Ref[];
  subjectRefs: Ref[];
  /** References in the quoted mail when it is one of ours (read only when asked for). */
  readonly quotedRefs: Ref[];
  register: string | null; // the signup wording found, if any
  accept: boolean;
  shortReply: boolean; // a few words only: an acceptance, not a letter
  cancelStrong: string | null;
  cancelWeak: string | null;
  priorSignup: boolean;
  otherDates: boolean;
  availability: boolean;
  question: QuestionKind;
  questionText: string | null;
  press: boolean;
  academic: boolean;
  /** Something offered: a vendor's wares, or a contribution to a session (a talk). */
  offer: 'vendor' | 'contribution' | null;
  complaint: boolean;
  substitute: boolean; // someone goes in the registered person's place
  /** A few words that name a session and ask for it ("venlo aub", "arnhem 22 juni graag"). */
  ellipticAsk: boolean;
  onBehalf: boolean; // the sender writes for someone else: a secretariat, an assistant, "namens"
  condition: boolean; // "mits", "op voorwaarde dat": the signup depends on something
  needs: boolean; // arriving late, leaving early, a wheelchair: an organiser arranges it
  attachment: boolean; // the text leans on an attachment that is there
  option: number | null; // "2", "optie 2", "de tweede"
  decline: boolean;
  empty: boolean;
  /**
   * Clauses in which someone else withdrew ("mijn collega heeft zich afgemeld") while the sender
   * signs up themselves: the withdrawal is not the sender's. Empty otherwise.
   */
  othersWithdrew: number[];
  /** Clauses telling of the sender's own earlier withdrawal, in a mail that signs up again. */
  withdrewBefore: number[];
  /** Our address is in Cc and not in To: the mail is written to others, we only read along. */
  copiedOnly: boolean;
}

const PREFIX = /^\s*((re|antw|antwoord|aw|sv|vs|fw|fwd|doorst|tr|wg|fyi)\s*(\[\d+\])?\s*:\s*|\[[^\]]{1,60}\]\s*)+/i;

export function subjectParts(subject: string): { text: string; isReply: boolean; isForward: boolean } {
  const m = PREFIX.exec(subject);
  const prefix = m ? m[0].toLowerCase() : '';
  return {
    text: subject.slice(prefix.length).trim(),
    isReply: /\b(re|antw|antwoord|aw|sv|vs)\s*(\[\d+\])?\s*:/.test(prefix),
    isForward: /\b(fw|fwd|doorst|tr|wg)\s*:/.test(prefix),
  };
}

// Postal addresses, phone numbers, web addresses and disclaimers name no session.
const NOISE_LINE = withoutCaptures(/^\s*(postbus|bezoekadres|postadres|correspondentieadres)\b|^\s*(t|tel|telefoon|m|mob|mobiel|f|fax|e|phone)\.?\s*[:.]?\s*[+(]?\d|^\s*(www\.|https?:)|geadresseerde|aansprakelijkheid|rechten (worden|kunnen worden) ontleend|print deze e-?mail|disclaimer/i);
const POSTCODE_PLACE = /\b\d{4}\s?[A-Z]{2}\b(\s+('s[- ])?[A-Z][\w'-]*(\s(aan|op|en|de|den|a\/d)?\s?[A-Z][\w'-]*)?)?/g;

// A short line holding a street and house number ("Stadhuis, Markt 1, Assen") is a postal address.
const STREET_LINE = /^[^.!?]{0,60}\b([A-Z][a-z]*(straat|weg|plein|laan|singel|kade|gracht|dijk|hof|plateau|boulevard|steeg|dreef|park)|Markt|Plein|Grote Markt|Stationsplein)\s\d{1,4}[a-z]?\b[^.!?]{0,40}$/;

// "21 juni | 09:30 – 12:30 | Seinwezen, Kinderhuissingel 1, Haarlem" is an invitation's line with an address, not an address alone.
const WHEN = /\b\d{1,2}[:.]\d{2}\b|\b\d{1,2} (jan|feb|maa|apr|mei|jun|jul|aug|sep|okt|nov|dec)[a-z]*\b/i;

// Whether a body may hold any of the lines or postcodes above: each pattern once on the whole
// body (the line patterns with the m flag, so that ^ and $ hold at every line), sparing most
// bodies, which hold none, a test per line. A line's match is also one in the whole body.
const NOISE_LINE_ANYWHERE = new RegExp(NOISE_LINE.source, `${NOISE_LINE.flags}m`);
const STREET_LINE_ANYWHERE = new RegExp(STREET_LINE.source, `${STREET_LINE.flags}m`);
// Every STREET_LINE holds a street word right before its house number; most bodies hold none,
// and this plain test is a fraction of the line pattern's cost. (Keep in step with STREET_LINE.)
const STREET_NUMBER = withoutCaptures(/(straat|weg|plein|laan|singel|kade|gracht|dijk|hof|plateau|boulevard|steeg|dreef|park|Markt|Plein)\s\d/);
const POSTCODE_ANYWHERE = new RegExp(POSTCODE_PLACE.source, POSTCODE_PLACE.flags.replace('g', ''));

export function contentOf(body: string): string {
  if (!NOISE_LINE_ANYWHERE.test(body) && !(STREET_NUMBER.test(body) && STREET_LINE_ANYWHERE.test(body)) && !POSTCODE_ANYWHERE.test(body)) return body;
  return body.split('\n').filter((l) => !NOISE_LINE.test(l) && !(l.length <= 100 && STREET_LINE.test(l) && !WHEN.test(l))).map((l) => l.replace(POSTCODE_PLACE, (m) => ' '.repeat(m.length))).join('\n');
}

// The head of a quoted mail names our mailbox: the bot's or an organiser's own mail.
function fromUs(head: string, own: readonly string[]): boolean {
  return own.some((a) => head.includes(a)) || /\bd-loket\b/.test(head);
}

/** The first `max` characters of a quoted mail, its lines without their ">". */
const unquoted = (quoted: string, max: number): string[] => quoted.slice(0, max).split('\n').map((l) => l.replace(/^(>\s?)+/, ''));

// A quoted mail of the bot itself (the invitation it answers).
function quotedRefsOf(quoted: string, own: readonly string[], refCtx: RefContext): Ref[] {
  const head = quoted.slice(0, 600).toLowerCase();
  if (!fromUs(head, own)) return [];
  const text = unquoted(quoted, 6000).join('\n');
  return findRefs([clausesOf(contentOf(text))], refCtx)[0] ?? [];
}

// Our own mail asking which session or date ("Kunt u aangeven welke sessie uw voorkeur heeft?",
// "Bedoelt u Venlo of Breda?", "... missen we nog de sessie die u wilt bijwonen"): a short reply
// naming one ("Assen graag, 28 juni", "Breda bedoel ik") answers it with a choice.
const ASKS_WHICH = boundaryOnce(/\b(welke|which) (ontwerp)?(sessie|datum|bijeenkomst|session|date)\b|\bvoor welke\b|\b(de|which) (sessie|session|datum|date) (die|that|which) (u|you)\b|\b(bedoelt|kiest|wilt|mean|prefer) (u|you)\b[^?]{0,80}\b(of|or)\b[^?]{0,60}\?/);
function asksWhich(quoted: string, ctx: UnderstandingContext): boolean {
  const head = fold(quoted.slice(0, 1500));
  return fromUs(head, ctx.ownAddresses) && ASKS_WHICH.test(head);
}

// A correction under the sender's own quoted signup ("Sorry, dat moest Utrecht zijn", "3 juli
// natuurlijk, niet 3 juni"): the signup quoted is carried over to the session the new text names.
const CORRECTS = /\b(natuurlijk|(dat|het|dit) (moet|moest)|(moet|moest) ([a-z0-9-]+ ){0,2}zijn|vergissing|vergist|bedoel\w*|correctie|excuus|sorry|oeps|typfout|tikfout|verkeerd\w*|foutje|fout|should be|meant|mistake)\b/;
function correctsOwnSignup(mail: InboundMail, quoted: string, bodyText: string): boolean {
  const from = mail.from;
  if (!from || !CORRECTS.test(bodyText)) return false;
  const head = fold(quoted.slice(0, 400));
  const name = from.name ? fold(from.name) : null;
  if (!head.includes(from.address.toLowerCase()) && !(name && name.length > 4 && head.includes(name))) return false;
  const text = fold(unquoted(quoted, 1500).join(' '));
  return cue.REGISTER.test(text) && FIRST_PERSON.test(text);
}

// Our own list of sessions with room, or a reminder of them ("Hieronder het overzicht van de
// sessies waarvoor nog plaatsen beschikbaar zijn … geef aan in welke stad u aansluit"): it asks
// which, as much as "welke sessie?" does. ("Dan wordt het Venlo", "Breda dan maar" choose.)
function offersSessions(quoted: string, ctx: UnderstandingContext): boolean {
  const head = fold(quoted.slice(0, 1500));
  return fromUs(head, ctx.ownAddresses) && OUR_OFFER.test(head);
}
const OUR_OFFER = /\b(plaatsen beschikbaar|nog plaats|nog plek|kies een|welke sessie|in welke stad|volgende sessies|met het nummer|with the number|choose a)\b/;

// Under our list a reply that only names a session ("Op 21 juni ben ik al in Haarlem", "Breda
// wordt te laat", "dan wordt het lastig, Assen is ver") has not chosen it. It chooses by a word of
// choosing or accepting that stands at the session ("Breda dan maar", "dan wordt het Venlo", "graag
// Arnhem", "21 juni in Haarlem lijkt me prima"), or by naming nothing but the session and who comes
// ("Arnhem.", "Arnhem 22 juni, met z'n tweeën").
const AT_THE_SESSION = /(^|[,.!:;] ?|\b(ja|ok|oke|dan|dus|toch|en) )(graag|graach|gaarne|prima|akkoord|doe (mij |me |ons )?maar|(ik )?kies( ik)?( voor)?|(dan )?wordt het( dus| toch| dan| maar)?) §|§([,;:]? ?§)*[,;:]?( dan maar| ?graag| ?prima| ?akkoord| lijkt (me|mij|ons) (prima|goed|het best|het beste|het handigst)| past (mij|me|ons) (het )?(best|beste|prima|goed)| is (prima|goed|akkoord) voor (mij|ons)| wordt het)\b/;
const ONLY_WHO_AND_WHEN = /\b(met|z'?n|zn|zijn|tweeen|drieen|vieren|vijven|twee|drie|vier|vijf|personen|persoon|mensen|en|ik|wij|we|de|sessie|op|in|om|uur|dank|bedankt|groet|groeten|hallo|hoi|beste|goedemorgen|goedemiddag|juni|juli|\d+)\b|[^a-z§]+/g;
function choosesOne(bodyText: string, refs: readonly Ref[]): boolean {
  const marked = markRefs(bodyText, refs);
  return AT_THE_SESSION.test(marked) || marked.replace(ONLY_WHO_AND_WHEN, '').replace(/§/g, '').length === 0;
}

function answersOffer(subject: string, quoted: string, ctx: UnderstandingContext): boolean {
  if (ctx.thread) return ctx.thread.about === 'alternatives' || ctx.thread.proposal !== null;
  const invitation = /\b(uitnodiging|invitation|nog plaatsen vrij|herinnering)\b/;
  const head = fold(quoted.slice(0, 1500));
  // The bot's (or an organiser's) own list of sessions with room is an offer too.
  const ourList = fromUs(head, ctx.ownAddresses)
    && OUR_OFFER.test(head);
  // An overview of the sessions with how to sign up, forwarded by anyone, offers them too.
  const overview = /\b(ontwerp)?sessies\b/.test(head) && /\b(aanmelden|aanmelding|meld (u|je) aan|aansluit\w*|sign up|register)\b/.test(head);
  return invitation.test(fold(subject)) || /\b(nodigen (we|wij) u|uitnodiging)\b/.test(head) || ourList || overview;
}

// Sentences rebuilt from their clauses, joined by " . " so that no pattern reaches from one
// sentence into the next: one regex run per wording instead of one per sentence.
function sentencesOf(clauses: readonly Clause[], keepNegated: boolean): string {
  return [...(keepNegated ? sentenceTexts(clauses) : sentenceTexts(clauses, (c) => !c.neg)).values()].join(' . ');
}

// Where a signup word names what is made possible or asked about, not what the sender does: a
// purpose ("zodat zij zich kunnen aanmelden", "om mee te kunnen doen"), a whether ("of het zin
// heeft om me aan te melden") or a question word ("hoe
// kom ik van het station bij de zaal?"). Those parts are left out when looking for a signup.
const ENABLING = boundaryOnce(/\b(zodat|opdat|so that)\b[^,.?!]*|\b(of|whether)\b (het|ik|wij|we|i|it|dat)\b[^,.?!]*|\bom\b[^,.?!]{0,40}?\bte (kunnen|mogen)\b[^,.?!]*|\b(hoe|waar|wanneer|how|where|when)\b[^,.?!]*\?/g);
function notDoing(text: string): string {
  return text.replace(ENABLING, ' ');
}

function firstMatch(text: string, re: RegExp): string | null {
  return re.exec(text)?.[0] ?? null;
}

// "Hoe kom ik van het station naar de zaal?": a question word asks for something a person
// answers, unless it asks how to sign up or off, or when and where the sessions are.
const WH = /^(maar |en |of |and |but |or )?(hoe|waar|waarom|wat|wie|welk|welke|wanneer|hoelang|hoeveel|how|where|why|what|who|which|when)\b/;
const WH_ANSWERED = boundaryOnce(/\b(aan|af)mel\w*|\binschrijv\w*|\bregist\w*|\b(welke|which) (ontwerp)?(sessie|sessies|data|datum|datums|dates?|sessions?|regio)\b|\b(wanneer|waar|when|where) (is|zijn|vindt|vinden|are|was) (die|deze|dat|het|de (ontwerp)?sessie|ze|it|the session)\b|\b(is|zijn|are) (er|there)\b/);

const ASKED_ELSEWHERE = /\b(stuur|stel|vraag|leg|mail)\b[^.?!]{0,30}\b(apart|later|los|elders|via|een andere keer)\b|\b(separately|elsewhere|another time|some other time)\b/;

function questions(clauses: readonly Clause[]): { kind: QuestionKind; text: string | null } {
  const wh = clauses.find((c) => c.question && WH.test(c.folded) && !WH_ANSWERED.test(c.folded)
    && !cue.AVAILABILITY.test(c.folded) && !cue.OTHER_DATES.test(c.folded));
  if (wh) return { kind: 'real', text: wh.folded };
  const asked = new Map<number, string>();
  for (const c of clauses) {
    if (c.question || cue.INDIRECT_QUESTION.test(c.folded)) asked.set(c.sentence, (asked.get(c.sentence) ?? '') + ' ' + c.folded);
  }
  let kind: QuestionKind = 'none';
  let text: string | null = null;
  // "Ik heb ook nog een vraag over X, maar die stuur ik via de gewone weg": not asked here.
  const announced = clauses.find((c) => cue.HAS_QUESTION.test(c.folded)
    && !clauses.some((d) => d.sentence === c.sentence && ASKED_ELSEWHERE.test(d.folded)));
  if (announced) return { kind: 'real', text: announced.folded };
  for (const s of asked.values()) {
    // A question that only asks to be signed up or off ("meldt u mij aan?") is answered by doing it;
    // whether others may take part is not.
    const benign = !cue.TOPIC.test(s) && !(cue.ELIGIBILITY.test(s) && ((!cue.ASKS_OF_SELF.test(s) && !cue.STILL_ASKED.test(s)) || cue.ELIGIBILITY_SELF.test(s))) && (cue.BENIGN_QUESTION.test(s) || cue.MORE_SEATS.test(s) || cue.OTHER_DATES.test(s) || cue.AVAILABILITY.test(s)
      || cue.REGISTER.test(s) || cue.CANCEL_STRONG.test(s));
    if (!benign) return { kind: 'real', text: s.trim() };
    kind = 'benign';
    text = s.trim();
  }
  return { kind, text };
}

// "heb ik mij afgemeld", "vorige week meldde ik mij af" (told, past) next to "weer aanmelden",
// "toch graag", "ik kom wel": a signup again. So is a withdrawal the sender undoes ("mijn
// afmelding mag u vergeten", "dat trek ik in" right after one told).
const PAST_WITHDRAWAL = /\b(heb|hebben|had|hadden)\b[^.?!]{0,40}\b(afgemeld|uitgeschreven|afgezegd|geannuleerd)\b|\b(meldde|meldden|zegde|zegden)\b[^.?!]{0,20}\baf\b|\b(moest|moesten)\b[^.?!]{0,40}\b(afzeggen|afmelden|annuleren|af te zeggen|af te melden)\b/;
// A withdrawal told in the past ("had me eerst afgemeld", "bij de vorige bijeenkomst moest ik
// afzeggen") beside a signup the sender makes now in the first person: the signup is what holds.
const PAST_ONLY = /\b(had|hadden|moest|moesten|meldde|meldden|zegde|zegden|eerst|eerder|eerdere|vorige)\b/;
const UNDONE = /\b(afmelding|afzegging)\b[^.?!]{0,30}\b(was|is)\b[^.?!]{0,10}\b(een )?(vergissing|fout|foutje|per ongeluk|niet de bedoeling)\b|\b(afmelding|afzegging)\b[^.?!]{0,30}\b(vergeten|negeren|laten vervallen|vervallen|intrekken|ingetrokken|schrappen|niet meer (nodig|geldig))\b|\b(vergeet|negeer)\b[^.?!]{0,20}\b(afmelding|afzegging)\b|\b(afmelding|afzegging)\b[^.?!]{0,30}\btrek(t|ken)? (ik|we|wij)( hierbij| bij deze| bij dezen| dus)? in\b|\b(afmelding|afzegging)\b[^.?!]{0,40}\bals (niet verzonden|niet verstuurd|vervallen|ongedaan|niet gedaan)\b/;
const WITHDRAWAL_NOUN = /afmelding|afzegging/;
const TAKEN_BACK = /^(dat|die|deze|this|that) (trek|trekken) (ik|we|wij) (weer |hierbij )?in\b/;
const AGAIN = /\b(weer|opnieuw|alsnog|toch|wel|gewoon|again|after all)\b/;

/**
 * The withdrawal clauses, when every one of them is `notNow` and the sender signs up in
 * another clause (`signsUp`); else none: then the withdrawal is the sender's, now.
 */
function withdrawalsNotNow(clauses: readonly Clause[], notNow: (c: Clause, i: number) => boolean, signsUp: (c: Clause) => boolean): number[] {
  const withdrawing = clauses.map((c, i) => ({ c, i })).filter(({ c }) => c.neg && cue.withdraws(c.folded));
  if (!withdrawing.length || !withdrawing.every(({ c, i }) => notNow(c, i))) return [];
  return clauses.some((c) => !c.neg && signsUp(c)) ? withdrawing.map(({ i }) => i) : [];
}

function withdrewBefore(clauses: readonly Clause[]): number[] {
  // Every UNDONE match holds a withdrawal noun of one clause: most mail has none, and is spared
  // the pattern on every clause and the one after it.
  const mayBeUndone = clauses.some((c) => WITHDRAWAL_NOUN.test(c.folded));
  // (With the next clause: "mijn afmelding mag u | dus vergeten" is split at "dus".)
  const takenBack = (c: Clause, i: number) => (mayBeUndone && UNDONE.test(`${c.folded} ${clauses[i + 1]?.folded ?? ''}`)) || (TAKEN_BACK.test(c.folded.trim()) && clauses.slice(0, i).some((p) => PAST_WITHDRAWAL.test(p.folded)));
  const undone = clauses.some(takenBack);
  // (Read with the rest of its sentence that denies nothing: "nu gaan mijn collega en | ik toch naar
  // Breda" is cut at "en".)
  let said: ReadonlyMap<number, string> | null = null;
  // (Worked out only when a signup clause asks for it: most mail has none beside a withdrawal.)
  let pastOnly: boolean | undefined;
  const onlyPast = () => (pastOnly ??= clauses.every((c) => !(c.neg && cue.withdraws(c.folded)) || (PAST_WITHDRAWAL.test(c.folded) && PAST_ONLY.test(c.folded))));
  const again = (c: Clause) => {
    if ((undone || AGAIN.test(c.folded)) && (cue.signsUp(c.folded) || cue.ACCEPT.test(c.folded))) return true;
    if (!c.question && FIRST_PERSON.test(c.folded) && (cue.signsUp(c.folded) || cue.ACCEPT.test(c.folded)) && onlyPast()) return true;
    if (c.neg) return false;
    const t = (said ??= sentenceTexts(clauses, (d) => !d.neg)).get(c.sentence) ?? c.folded;
    return t !== c.folded && (undone || AGAIN.test(t)) && cue.signsUp(t);
  };
  const notNow = withdrawalsNotNow(clauses, (c, i) => PAST_WITHDRAWAL.test(c.folded) || takenBack(c, i), again);
  // "De afmelding van vanochtend was een vergissing, ik kom gewoon": the withdrawal undone may be
  // named only by its noun (and the subject, "Afmelding Breda"); with a signup again, none stands.
  if (notNow.length || !undone || !clauses.some((c) => !c.neg && again(c))) return notNow;
  return clauses.flatMap((c, i) => (takenBack(c, i) ? [i] : []));
}
// Someone else withdrew (the clause is about them) while the sender signs up in the first person.
const othersWithdrew = (clauses: readonly Clause[]) => withdrawalsNotNow(clauses, (c) => c.others,
  (c) => FIRST_PERSON.test(c.folded) && cue.signsUp(c.folded));

// (Also the informal and Frisian forms: "goeie", "goeiemorgen", "goeiemoarn", "moi".)
const GREETING = /^(beste|geachte|hallo|hoi|hey|moi|moin|goede(morgen|middag|navond|ndag)|goeie(morgen|middag|navond|moarn|middei|jûn)?|dag|hi|hello|dear)\b/;

// "Graag ontvang ik het verslag", "graag de presentatie achteraf", "prima overzicht, dank", "prima,
// ik stuur het door": the yes is to something else than coming.
const SOMETHING_ELSE = /\b(ontvang\w*|stuur\w*|zend\w*|doorgestuurd|doorgegeven|doorsturen|doorgeven|verslag|presentaties?|slides|sheets|overzicht|informatie|stukken|materiaal|link|terugkoppeling|uitkomsten|resultaten|report|summary)\b/;

/** The first line of the text that is not empty and no greeting, trimmed; "" when there is none. */
function firstLineOf(text: string): string {
  for (let at = 0; at <= text.length;) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end < 0 ? text.length : end).trim();
    if (line && !GREETING.test(line)) return line;
    if (end < 0) break;
    at = end + 1;
  }
  return '';
}

function optionNumber(firstLine: string): number | null {
  const m = cue.OPTION_NUMBER.exec(firstLine);
  if (!m) return null;
  if (m[1] ?? m[2]) return Number(m[1] ?? m[2]);
  return cue.ORDINALS[m[3] ?? ''] ?? null;
}

const ASIDES = anyOf([cue.PRESS, cue.ACADEMIC, cue.VENDOR_OFFER, cue.CONTRIBUTION, cue.COMPLAINT]);

/** The features of a mail; `bodyText` is split.body folded. */
export function readFeatures(mail: InboundMail, split: SplitText, bodyText: string, ctx: UnderstandingContext, refCtx: RefContext): Features {
  const subject = subjectParts(mail.subject);
  const isReply = subject.isReply || !!ctx.thread;
  const content = contentOf(split.body);
  const bodyClauses = clausesOf(content);
  const subjectClauses = clausesOf(subject.text);
  const [subjectRefs, bodyRefs] = findRefs([subjectClauses, bodyClauses], refCtx) as [Ref[], Ref[]];
  const positive = sentencesOf(bodyClauses, false);
  const all = sentencesOf(bodyClauses, true);
  // A subject of one's own ("Aanmelding Venlo 29 juni") speaks for the sender; a reply's does not.
  // ("Uw aanmelding bevestigd" speaks to the reader about their registration: no signup of the sender's.)
  const ownSubject = !subject.isReply && !subject.isForward ? [subjectClauses.filter((c) => !c.neg && !cue.THE_READERS.test(c.folded)).map((c) => c.folded).join(' ')] : [];
  // The subject and the signature folded once, for the several wordings looked for in them.
  const subjectFolded = fold(subject.text);
  let signatureFolded: string | undefined;
  const signature = () => (signatureFolded ??= fold(split.signature));
  const subjectAll = !subject.isReply && !subject.isForward ? [subjectFolded] : [];
  const firstLine = firstLineOf(bodyText);
  const words = wordCount(bodyText, 30);
  // Phone-short: a clause of its own that names one session and asks for it, in a mail of a few words.
  // ("Ik hoor graag of Utrecht doorgaat" asks something, in a sentence that ends without "?".)
  const ellipticAsk = words <= 15 && bodyClauses.some((c, i) => !c.neg && !c.question && !c.others
    && (cue.ELLIPTIC_ASK.test(c.folded) || /\u{1F44D}/u.test(c.text)) && !cue.INDIRECT_QUESTION.test(c.folded)
    && bodyRefs.some((r) => r.clause === i && r.polarity === 'pos' && r.sessions.length === 1 && r.kind !== 'weekday'));
  const q = questions(bodyClauses);
  // Whether the new text holds any wording of the press, a study, an offer or a complaint: most
  // mail holds none, and one test of them all spares it five (4.5 -> 2.8 µs per message).
  const aside = ASIDES.test(bodyText);
  // (A business card, text/vcard or .vcf, tells who the sender is, as the signature does: no signup leans on it.)
  const realAttachments = mail.attachments.filter((a) => !a.inline && !/calendar|ics|pgp|pkcs7|delivery-status|rfc822|disposition|vcard/.test(a.contentType) && !/\.vcf$/i.test(a.filename ?? ''));
  return new MailFeatures(
    isReply,
    subject.isForward,
    content,
    bodyText,
    subjectFolded,
    bodyClauses,
    subjectClauses,
    bodyRefs,
    subjectRefs,
    firstMatch(`${notDoing(positive)} . ${ownSubject.join(' . ')}`, cue.REGISTER) ?? (ellipticAsk ? 'graag (kort)' : null) ?? choiceAt(bodyText, bodyRefs.filter((r) => r.polarity === 'pos')),
    ellipticAsk,
    // A yes only accepts an invitation or an offer; under a confirmation it is a thank-you.
    // A line on top of a forwarded invitation accepts it as much as a reply does.
    (isReply || subject.isForward) && words <= 25 && ((cue.ACCEPT.test(firstLine) && !SOMETHING_ELSE.test(firstLine.split(/[.!?]/, 1)[0]!) && answersOffer(subject.text, split.quoted, ctx))
      || (bodyRefs.some((r) => r.polarity === 'pos') && !bodyClauses.some((c) => c.neg || c.question) && (asksWhich(split.quoted, ctx) || (offersSessions(split.quoted, ctx) && choosesOne(bodyText, bodyRefs))))
      || (isReply && new Set(sessionsIn(bodyRefs.filter((r) => r.polarity === 'pos'))).size === 1 && !bodyClauses.some((c) => c.question || (c.neg && cue.withdraws(c.folded)))
        && correctsOwnSignup(mail, split.quoted, bodyText))),
    words <= 25,
    // (Not a withdrawal denied: "ik wil me niet afmelden hoor, maar mijn naam is verkeerd gespeld".)
    firstMatch(`${all.includes('afmeld') ? all.replace(cue.DENIED_WITHDRAWAL, ' ') : all} . ${subjectAll.join(' . ')}`, cue.CANCEL_STRONG),
    firstMatch(all, cue.CANCEL_WEAK),
    q.kind,
    q.text,
    (aside && cue.PRESS.test(bodyText)) || cue.PRESS.test(signature()) || /\(pers\)|(?<!\d\s?)\bpers\b/.test(subjectAll[0] ?? ''),
    (aside && cue.ACADEMIC.test(bodyText)) || cue.ACADEMIC.test(signature()),
    !aside ? null : cue.VENDOR_OFFER.test(bodyText) ? 'vendor' : cue.CONTRIBUTION.test(bodyText) ? 'contribution' : null,
    aside && cue.COMPLAINT.test(bodyText),
    cue.substituteSaid(bodyText),
    (realAttachments.length > 0 && (cue.ATTACHMENT_REF.test(bodyText) || cue.ATTACHMENT_REF.test(subjectAll[0] ?? '')))
      // "Zie bijgaande lijst voor de overige namen" with nothing attached: what the text leans on is
      // missing, and only a person can ask for it.
      || cue.LEANS_ON_ENCLOSED.test(bodyText),
    words <= 12 ? optionNumber(firstLine) : null,
    isReply && words <= 25 && /^(nee|neen|liever niet|no|nope)\b/.test(firstLine),
    words === 0,
    othersWithdrew(bodyClauses),
    withdrewBefore(bodyClauses),
    new LazyReadings(mail, split, ctx, refCtx, bodyText, subjectFolded, all, signatureFolded),
  );
}

/**
 * What only some decisions ask about (a condition or a need beside a signup, a withdrawal on
 * someone's behalf, our address only in Cc, the quoted mail's references, ...): each looked
 * for when first asked, once. Shared by a features object and the copies made of it.
 */
class LazyReadings {
  quotedRefs: Ref[] | undefined = undefined;
  condition: boolean | undefined = undefined;
  needs: boolean | undefined = undefined;
  onBehalf: boolean | undefined = undefined;
  copied: boolean | undefined = undefined;
  otherDates: boolean | undefined = undefined;
  availability: boolean | undefined = undefined;
  priorSignup: boolean | undefined = undefined;
  contentLower: string | undefined = undefined;
  constructor(
    readonly mail: InboundMail,
    readonly split: SplitText,
    readonly ctx: UnderstandingContext,
    readonly refCtx: RefContext,
    readonly bodyText: string,
    readonly subjectFolded: string,
    readonly all: string,
    public signatureFolded: string | undefined,
  ) {}

  signature(): string {
    return (this.signatureFolded ??= fold(this.split.signature));
  }
}

/**
 * The features of a mail: a class rather than an object literal with getters, which V8 builds
 * slowly (microseconds) and keeps in dictionary mode, so that every read of a feature was slow.
 * Copies with changes are made with `withChanges()`, never by spreading (which would lose the
 * getters, they are on the prototype).
 */
class MailFeatures implements Features {
  constructor(
    public isReply: boolean,
    public isForward: boolean,
    public content: string,
    public bodyText: string,
    public subjectFolded: string,
    public bodyClauses: Clause[],
    public subjectClauses: Clause[],
    public bodyRefs: Ref[],
    public subjectRefs: Ref[],
    public register: string | null,
    public ellipticAsk: boolean,
    public accept: boolean,
    public shortReply: boolean,
    public cancelStrong: string | null,
    public cancelWeak: string | null,
    public question: QuestionKind,
    public questionText: string | null,
    public press: boolean,
    public academic: boolean,
    public offer: 'vendor' | 'contribution' | null,
    public complaint: boolean,
    public substitute: boolean,
    public attachment: boolean,
    public option: number | null,
    public decline: boolean,
    public empty: boolean,
    public othersWithdrew: number[],
    public withdrewBefore: number[],
    public lazy: LazyReadings,
  ) {}

  get contentLower(): string {
    // (Copies share the content: withChanges() never changes it.)
    return (this.lazy.contentLower ??= this.content.toLowerCase());
  }
  get quotedRefs(): Ref[] {
    const l = this.lazy;
    return (l.quotedRefs ??= quotedRefsOf(l.split.quoted, l.ctx.ownAddresses, l.refCtx));
  }
  get priorSignup(): boolean {
    const l = this.lazy;
    return (l.priorSignup ??= cue.PRIOR_SIGNUP.test(l.bodyText) || /\bbevestiging\b/.test(l.subjectFolded) || l.ctx.thread?.about === 'confirmation');
  }
  get otherDates(): boolean {
    const l = this.lazy;
    return (l.otherDates ??= cue.OTHER_DATES.test(l.all));
  }
  get availability(): boolean {
    const l = this.lazy;
    return (l.availability ??= cue.AVAILABILITY.test(l.all));
  }
  get onBehalf(): boolean {
    const l = this.lazy;
    return (l.onBehalf ??= cue.ON_BEHALF.test(l.bodyText) || cue.ON_BEHALF.test(l.signature()));
  }
  get condition(): boolean {
    const l = this.lazy;
    return (l.condition ??= cue.CONDITION.test(l.bodyText));
  }
  get needs(): boolean {
    const l = this.lazy;
    return (l.needs ??= cue.NEEDS.test(l.bodyText));
  }
  get copiedOnly(): boolean {
    const l = this.lazy;
    return (l.copied ??= copiedOnly(l.mail, l.ctx.ownAddresses) && !SPEAKS_TO_US.test(l.bodyText));
  }
}

/** A copy of the features with some of them changed (the lazy ones read as the original's). */
export function withChanges(f: Features, changes: Partial<Pick<Features, 'bodyRefs' | 'cancelStrong' | 'cancelWeak' | 'register' | 'substitute'>>): Features {
  const g = f as MailFeatures;
  return new MailFeatures(g.isReply, g.isForward, g.content, g.bodyText, g.subjectFolded, g.bodyClauses, g.subjectClauses,
    changes.bodyRefs ?? g.bodyRefs, g.subjectRefs, 'register' in changes ? changes.register! : g.register, g.ellipticAsk, g.accept, g.shortReply,
    'cancelStrong' in changes ? changes.cancelStrong! : g.cancelStrong, 'cancelWeak' in changes ? changes.cancelWeak! : g.cancelWeak,
    g.question, g.questionText, g.press, g.academic, g.offer, g.complaint, 'substitute' in changes ? changes.substitute! : g.substitute,
    g.attachment, g.option, g.decline, g.empty, g.othersWithdrew, g.withdrewBefore, g.lazy);
}

// Words to us by name, however the mail is addressed: "D-Loket, wilt u Jan aanmelden?", "Beste D-Loket".
// Or to us in Cc, pointed at ("D-Loket staat in de cc, dus …") or by a signup performed in so many
// words ("bij deze meld ik me aan"), which only the registry is told.
const SPEAKS_TO_US = /\b(d-loket|vng)\b[^.?!]{0,30}\b(cc|kopie)\b|\b(cc|kopie)\b[^.?!]{0,20}\b(d-loket|vng)\b|\b(hierbij|bij deze|bijdeze|bij dezen) (meld|melden) (ik|wij|we) (mij|me|ons|mijzelf|mezelf)\b|\b(beste|geacht\w*|hallo|dear)\s+(d-loket|vng)\b|\b(d-loket|vng)\s*[,:]\s*(wilt|kunt|kan|zou|zouden|graag|willen|mag|please|could|would|can)\b/;

function copiedOnly(mail: InboundMail, own: readonly string[]): boolean {
  const ours = (list: InboundMail['to']) => list.some((a) => own.includes(a.address.toLowerCase()));
  return mail.to.length > 0 && !ours(mail.to) && ours(mail.cc);
}
