// The one way the bot reads a message: understand() (pure, synchronous) decides from a parsed
// mail; classify() parses raw bytes first. The CLI and the worker both call these.
import type { Catalogue } from '../catalogue/catalogue.js';
import type { InboundMail, Understanding, UnderstandingContext } from './types.js';
import { automatedVerdict } from './automated.js';
import { countAttendees } from './attendees.js';
import { calendarReply } from './calendar.js';
import { catalogueIndex, type CatalogueIndex } from './catalogue-index.js';
import { localDate } from './dates.js';
import { readFeatures } from './features.js';
import { decide } from './intent.js';
import { detectLanguage } from './language.js';
import { findMunicipality } from './municipality.js';
import { splitNewText, type SplitText } from './new-text.js';
import { parseMail } from './parse.js';
import { placeIndex } from './places.js';
import { readWords, sessionPlaces, THRESHOLD, type SecondReading } from './second-reader.js';
import { fold, readingSlip, withdrawalSlip } from './text.js';
import type { RefContext } from './sessions-named.js';

/** Understanding plus what a reader of the verdict may want to see. */
export interface Verdict extends Understanding {
  /** For escalate: the session a signup with a question seems to be about. */
  candidate: string | null;
  /** The confirmation the rules proposed when the second reading withheld it. */
  withheld?: Omit<Verdict, 'withheld'>;
}

// The catalogue of the message before: every message of a run reads the same one.
let lastCatalogue: Catalogue | null = null;
let lastIndex: CatalogueIndex | null = null;

export function indexFor(catalogue: Catalogue): CatalogueIndex {
  if (catalogue === lastCatalogue && lastIndex) return lastIndex;
  const places = placeIndex();
  lastIndex = catalogueIndex(catalogue, (t) => places.placeWords.has(t));
  lastCatalogue = catalogue;
  return lastIndex;
}

function refContext(index: CatalogueIndex, now: Date): RefContext {
  const today = localDate(now, index.tz);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { index, now, today, isoDate: `${today.year}-${pad(today.month)}-${pad(today.day)}` };
}

function base(language: Understanding['language']): Verdict {
  return {
    intent: 'escalate', session: null, attendees: null, attendeesAdded: false, municipality: null, language, reason: '', evidence: [], confidence: 0.5,
    question: false, automated: null, calendarReply: null, requested: null, replaces: null, names: [], candidate: null,
  };
}

/** Decide what a message asks for. Pure: plain data in, a verdict out. */
export function understand(mail: InboundMail, ctx: UnderstandingContext): Verdict {
  const index = indexFor(ctx.catalogue);
  const split = splitNewText(mail.text);
  // The new text folded once, for the machine check and the reading alike.
  const folded = fold(split.body);
  const language = detectLanguage(split.body || mail.subject);
  const machine = automatedVerdict(mail, ctx.ownAddresses, split.body, split.signature, folded);
  if (machine) {
    return {
      ...base(language), intent: 'ignore', reason: machine.reason, automated: machine.kind, confidence: machine.reason.startsWith('body') ? 0.85 : 0.98,
      evidence: [`automated: ${machine.reason}`],
      calendarReply: machine.kind === 'calendar-reply' ? calendarReply(mail.calendar) : null,
    };
  }
  try {
    return decideForPerson(mail, ctx, index, split, folded, language);
  } catch (err) {
    // A fault in the reading must not lose the message: a person looks at it.
    return { ...base(language), reason: 'internal-error', confidence: 0, evidence: [`internal error: ${(err as Error).message}`] };
  }
}

function decideForPerson(mail: InboundMail, ctx: UnderstandingContext, index: CatalogueIndex, split: SplitText, folded: string, language: Understanding['language']): Verdict {
  const refCtx = refContext(index, ctx.now);
  const features = readFeatures(mail, split, folded, ctx, refCtx);
  let decision = decide(features, ctx.thread, index, ctx.now);
  // Noise may only make the bot more cautious (issue 7): a signup whose text holds a word one
  // letter from a withdrawal ("afmeden", "no linger") goes to a person; so does any act whose
  // text holds a slip of a word the reading turns on ("igeschreven", "aanstsande").
  const body = features.bodyText;
  const slip = decision.intent === 'register' ? withdrawalSlip(body) : null;
  const reading = !slip && ['register', 'cancel', 'alternatives'].includes(decision.intent) ? readingSlip(body) : null;
  if (slip || reading) {
    decision = {
      ...decision, intent: 'escalate', reason: 'doubtful-wording', confidence: Math.min(decision.confidence, 0.5), candidate: decision.session, session: null,
      evidence: [...decision.evidence, slip ? `"${slip}" may be a mistyped withdrawal` : `"${reading}" may be a mistyped word the reading turns on`],
    };
  }
  const municipality = findMunicipality(mail, split.body, split.signature, refCtx.isoDate);
  const verdict: Verdict = {
    ...base(language),
    intent: decision.intent,
    session: decision.intent === 'register' || decision.intent === 'cancel' ? decision.session : null,
    municipality: municipality.name,
    reason: decision.reason,
    confidence: decision.confidence,
    evidence: [...decision.evidence, ...(municipality.evidence ? [`municipality from ${municipality.evidence}`] : [])],
    question: decision.intent === 'register' ? decision.remark !== null : features.question === 'real' || decision.remark !== null,
    requested: decision.requested,
    replaces: decision.replaces,
    candidate: decision.candidate,
  };
  if (decision.intent === 'register') {
    const who = countAttendees(features.content, features.bodyClauses, features.priorSignup, features.subjectClauses);
    if (who.doubt) {
      // A mistyped number ("met z'n dieën"): how many come is for a person to read.
      return {
        ...verdict, intent: 'escalate', session: null, reason: 'doubtful-wording', candidate: decision.session, confidence: Math.min(verdict.confidence, 0.5),
        evidence: [...verdict.evidence, `"${who.doubt}" may be a mistyped number`],
      };
    }
    verdict.attendees = decision.attendees ?? who.count;
    verdict.names = who.names;
    verdict.attendeesAdded = who.added;
    if (who.evidence) verdict.evidence.push(`attendees: ${who.evidence}`);
  }
  return verdict.intent === 'register'
    ? secondLook(verdict, readWords(features.subjectFolded, body, sessionPlaces(ctx.catalogue)))
    : verdict;
}

/**
 * Two readers must agree before a confirmation goes out: the rules above, and the second
 * reader's weighing of the words (second-reader.ts), which only withholds. Withheld, the mail
 * goes to a person with what the rules proposed; a lukewarm second reading lowers the
 * confidence, so that REVIEW=uncertain holds such a reply.
 */
export function secondLook(verdict: Verdict, second: SecondReading): Verdict {
  if (verdict.intent !== 'register') return verdict;
  if (second.p >= THRESHOLD) return { ...verdict, confidence: Math.min(verdict.confidence, 0.5 + second.p / 2) };
  const against = second.against.map((f) => `"${f.replace(/^s:/, 'subject: ')}"`).join(', ');
  return {
    ...verdict, intent: 'escalate', session: null, attendees: null, names: [], attendeesAdded: false,
    reason: 'second-reading', confidence: Math.min(verdict.confidence, second.p), candidate: verdict.session, withheld: verdict,
    evidence: [...verdict.evidence,
      `the rules read a signup for ${verdict.session} (${verdict.attendees ?? 1} ${verdict.attendees === 1 ? 'person' : 'people'}), but the words do not read as a firm signup (second reading ${second.p.toFixed(2)}${against ? `; against: ${against}` : ''})`],
  };
}

export interface ClassifyContext extends Omit<UnderstandingContext, 'now'> {
  /** Judge as of this instant; by default the message's Date header, else `clock()`. */
  now?: Date | null;
  clock?: () => Date;
}

export type Classified = Verdict & { messageId: string | null; date: string | null };

function judge(mail: InboundMail, ctx: ClassifyContext): Classified {
  const now = ctx.now ?? mail.date ?? (ctx.clock ?? (() => new Date()))();
  const verdict = understand(mail, { ...ctx, now });
  return { ...verdict, messageId: mail.messageId, date: mail.date ? mail.date.toISOString() : null };
}

/** Parse raw bytes and understand them. Rejects (ParseError) when they are not a message. */
export async function classify(raw: Buffer, ctx: ClassifyContext): Promise<Classified> {
  return judge(await parseMail(raw), ctx);
}

/**
 * Classify several messages: all parsed first (a few at a time), then all understood. The same
 * verdicts as classify() one by one, faster, because parsing and reading do not evict each
 * other's code and data from the processor caches after every message. An unparsable one gives
 * its error.
 */
export async function classifyBatch(raws: readonly Buffer[], ctx: ClassifyContext): Promise<(Classified | Error)[]> {
  const mails: (InboundMail | Error)[] = new Array<InboundMail | Error>(raws.length);
  let next = 0;
  const parseNext = async (): Promise<void> => {
    while (next < raws.length) {
      const i = next++;
      mails[i] = await parseMail(raws[i]!).catch((err: Error) => err);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARSED_AT_ONCE, raws.length) }, parseNext));
  return mails.map((m) => (m instanceof Error ? m : judge(m, ctx)));
}

// mailparser hands each message on through several turns of the event loop; with a few in
// flight, one's turns fill the others' waits (parsing about 15% faster on one core), while no
// more than a few large messages are held in memory at once.
const PARSED_AT_ONCE = 8;
