// The decision: register, cancel, alternatives or escalate, from the features of a human
// message. A register needs one open session that follows unambiguously; anything weaker
// becomes alternatives (wants to attend) or escalate (a person must look).
import type { Intent, ThreadContext } from './types.js';
import type { CatalogueIndex } from './catalogue-index.js';
import { flatMapOf, sessionsIn } from './arrays.js';
import { withChanges, type Features } from './features.js';
import type { Ref } from './sessions-named.js';
import { collectEvidence, type ContraryKind } from './evidence.js';
import { FIRST_PERSON, THIRD_PERSON, sentenceTexts, type Clause } from './clauses.js';
import * as cue from './cues.js';
import { peopleListed } from './attendees.js';
import { aboutAnother, askedOfUs, askedToAct, askedToTakeOff, firmSignup, markRefs, ownSignup, signsUpSelf, unbrokenSentences } from './signup-made.js';
import { boundaryOnce } from './matches.js';
import { fold } from './text.js';

export interface Decision {
  intent: Intent;
  session: string | null;
  reason: string;
  confidence: number;
  requested: string | null;
  replaces: string | null;
  candidate: string | null; // for escalate: the session a signup seems to be about
  evidence: string[];
  /** For register: a question or remark a person answers after the bot confirms. */
  remark: string | null;
  /** For register: the number of people when the decision itself knows it (a substitute: 1). */
  attendees: number | null;
}

interface Choice {
  session: string | null;
  reason: string;
  from: string;
  refs: Ref[];
}

const NAMING = new Set(['city', 'venue', 'region', 'date', 'weekday']);
const naming = (r: Ref) => NAMING.has(r.kind);

function describe(r: Ref): string {
  return `${r.kind} "${r.text}"${r.sessions.length ? ` -> ${r.sessions.join('/')}` : ''} (${r.polarity})`;
}

/** One session from a set of agreeing references, or why not. */
function agree(all: Ref[], from: string): Choice {
  // A fallback ("anders Venlo", "Breda kan ook") gives way to a plain or first choice.
  const chosen = all.some((r) => r.rank !== 'fallback') ? all.filter((r) => r.rank !== 'fallback') : all;
  const refs = chosen.some((r) => r.rank === 'first' && naming(r)) ? chosen.filter((r) => r.rank === 'first' || !naming(r)) : chosen;
  const allNamed = refs.filter(naming);
  // A weak reference ("Provincie Gelderland") only counts when nothing else names a session.
  const named = allNamed.some((r) => !r.weak) ? allNamed.filter((r) => !r.weak) : allNamed;
  // A date whose weekday is wrong ("woensdag 3 juli") still counts when the city or venue
  // names the same session; on its own it is a contradiction.
  const confirmed = (c: Ref) => c.sessions.length === 1
    && refs.some((o) => !o.conflict && (o.kind === 'city' || o.kind === 'venue') && o.sessions.length === 1 && o.sessions[0] === c.sessions[0]);
  if (refs.some((r) => r.conflict && !confirmed(r))) return { session: null, reason: 'date-conflict', from, refs };
  const places = refs.filter((r) => r.kind === 'place');
  if (places.length && (named.length === 0 || places.some((p) => named.some((n) => n.clause === p.clause)))) {
    return { session: null, reason: 'no-session-there', from, refs };
  }
  const otherDates = refs.filter((r) => r.kind === 'other-date' && !r.past && !(r.weak && named.length));
  if (otherDates.length) return { session: null, reason: 'no-session-on-date', from, refs };
  if (named.length === 0) return { session: null, reason: 'no-session-named', from, refs };
  let common = new Set(named[0]!.sessions);
  for (const r of named.slice(1)) common = new Set(r.sessions.filter((s) => common.has(s)));
  if (common.size === 1) return { session: [...common][0]!, reason: 'one-session', from, refs };
  if (common.size > 1) return { session: null, reason: 'ambiguous', from, refs }; // "regio Noord", "vrijdag"
  // A city and a date of different sessions contradict each other; two cities are a choice not made.
  const dateVsPlace = named.some((r) => r.kind === 'date') && named.some((r) => r.kind !== 'date');
  return { session: null, reason: dateVsPlace ? 'date-conflict' : 'several-sessions', from, refs };
}

function usable(refs: Ref[]): Ref[] {
  return refs.filter((r) => naming(r) || r.kind === 'place' || r.kind === 'other-date');
}

/** Which session a signup means: the new text first, then the subject, then the thread. */
// Weak references and past dates ("uw mail van 31 mei") do not stop the subject from deciding.
const strong = (r: Ref) => !r.weak && !(r.kind === 'other-date' && r.past);

// The sender leaves the choice between sessions to us: no preference or fallback counts.
const LEAVES_CHOICE = /\b(kiest u maar|kies (jij|jullie|u) maar|(zet|plaats|deel) (u |jullie )?(me|mij|ons) maar (ergens|waar)|maakt (mij |me |ons )?(niet|niks|weinig) uit|(het )?mag (allebei|beide)|(allebei|beide) (is |zijn )?(goed|prima|mogelijk)|whichever (is|suits|works|fits)|either (one |session )?(is )?(fine|works)|wat (u|jullie) (het )?(beste|liefst) (uitkomt|past))\b/;
// Joining someone else who goes: "kunt u mij ook noteren?", "ik ga met haar mee", "samen".
const JOINS_THEM = /\b(ook|mee|samen|eveneens|too|as well|with (him|her|them))\b/;
const noPreference = (refs: Ref[]) => refs.map((r) => (r.rank ? { ...r, rank: null } : r));

function chooseForSignup(f: Features, thread: ThreadContext | null | undefined): Choice {
  if (LEAVES_CHOICE.test(f.bodyText)) f = withChanges(f, { bodyRefs: noPreference(f.bodyRefs) });
  // Someone else's "weet nog niet of zij kan" rules nothing out for the sender.
  const ruledOut = new Set(sessionsIn(f.bodyRefs.filter((r) => r.polarity === 'neg' && r.sessions.length === 1 && !f.bodyClauses[r.clause]?.others)));
  // A session the sender also rules out ("Breda is te ver") is no choice, if another remains.
  const named = usable(f.bodyRefs.filter((r) => r.polarity === 'pos'));
  const kept = named.filter((r) => !(naming(r) && r.sessions.length === 1 && ruledOut.has(r.sessions[0]!)));
  const pos = kept.some((r) => naming(r)) ? kept : named;
  if (pos.some(strong)) {
    const c = agree(pos, 'text');
    // "Ik kom graag donderdag" under "Uitnodiging … 14 juni Utrecht": a day that fits several
    // sessions is the one the subject names, when it names one of them.
    if (c.reason === 'ambiguous') {
      const both = agree([...usable(f.subjectRefs.filter((r) => r.polarity === 'pos')), ...pos], 'subject');
      if (both.session) return both;
    }
    return c.session || !UNSETTLED.has(c.reason) ? c : bySignupSentence(f, pos) ?? c;
  }
  // Under the bot's own confirmation its session is current; the thread's subject may be stale
  // (it still names the session someone moved away from).
  const registered = registeredSession(thread);
  if (registered) return { session: registered, reason: 'one-session', from: 'thread', refs: [] };
  const subject = usable(f.subjectRefs.filter((r) => r.polarity !== 'neg')).filter((r) => !r.sessions.some((s) => ruledOut.has(s)));
  if (subject.length) return agree([...subject, ...pos], 'subject');
  if (pos.length) return agree(pos, 'text');
  // (Not a session the sender says they missed: "Utrecht heb ik gemist; kan ik nog ergens aansluiten?".)
  const sentences = sentenceTexts(f.bodyClauses);
  const prior = usable(f.bodyRefs.filter((r) => r.polarity === 'prior' && !MISSED.test(sentences.get(f.bodyClauses[r.clause]?.sentence ?? -1) ?? '')));
  if (prior.length) return agree(prior, 'earlier signup');
  // "De burgemeester komt graag naar Utrecht": a secretary signing someone else up.
  // Never one the sender rules out, and never when the sender signs up for themselves, unless
  // to join them ("mijn collega gaat naar Venlo; kunt u mij ook noteren?").
  const theirs = usable(f.bodyRefs.filter((r) => r.polarity === 'other' && !r.sessions.some((s) => ruledOut.has(s))));
  if (theirs.length && (!ownSignup(f) || f.bodyClauses.some((c) => !c.others && JOINS_THEM.test(c.folded)))) return agree(theirs, 'someone else');
  // "Graag aanmelden" above an invitation for one session: that session. A quoted overview of
  // all sessions decides nothing (agree() finds several).
  // Only when the new text only accepts: a session it names or rules out ("maar niet in Utrecht"),
  // or another asked for ("maar dan voor een andere sessie"), is not the quoted invitation's.
  if (f.isReply && f.shortReply && !f.bodyRefs.some(naming) && !f.otherDates) {
    const quoted = usable(f.quotedRefs.filter((r) => r.polarity === 'pos' && !r.past));
    if (quoted.length) {
      const c = agree(quoted, 'quoted invitation');
      if (c.session) return c;
    }
  }
  return { session: null, reason: 'no-session-named', from: 'none', refs: [] };
}

const UNSETTLED = new Set(['several-sessions', 'date-conflict', 'no-session-on-date']);

/**
 * "Eerst dacht ik aan Utrecht, maar Arnhem komt beter uit. Meldt u mij aan voor Arnhem": where the
 * text names several sessions (or other dates), the last sentence that signs up decides when it
 * names one session and nothing is named after it. What came before is context (a first thought,
 * a reason, other engagements); a correction after it ("o nee, ik bedoel Arnhem") leaves it open.
 */
function bySignupSentence(f: Features, pos: Ref[]): Choice | null {
  const sentenceOf = (r: Ref) => f.bodyClauses[r.clause]?.sentence ?? -1;
  // The last sentence that signs up and names a session; one after it that names nothing ("ik
  // kom alleen") leaves it standing.
  let last = -1;
  const said = sentenceTexts(f.bodyClauses);
  for (const [n, t] of said) {
    const asked = f.bodyClauses.some((c) => c.sentence === n && c.question);
    if (!asked && cue.signsUp(t) && (FIRST_PERSON.test(t) || askedOfUs(t)) && pos.some((r) => sentenceOf(r) === n && naming(r))) last = n;
  }
  if (last < 0) return null;
  // After it, only a sentence that chooses, corrects or asks leaves the choice open; one that
  // tells of the sender's own business ("de raad bespreekt op 28 juni een motie") does not.
  // So does one on when the sender is free or would rather come ("ik heb alleen tijd op 19 juni").
  const opensAgain = (n: number) => f.bodyClauses.some((c) => c.sentence === n && c.question) || cue.signsUp(said.get(n) ?? '') || CHOOSES.test(said.get(n) ?? '') || cue.FREE_OR_RATHER.test(said.get(n) ?? '');
  if (f.bodyRefs.some((r) => sentenceOf(r) > last && r.polarity !== 'neg' && opensAgain(sentenceOf(r)))) return null;
  const here = pos.filter((r) => sentenceOf(r) === last);
  const c = agree(here, 'text');
  return c.session ? { ...c, reason: 'signup-sentence' } : null;
}
// Words of preferring, beside CHOOSES: "donderdag kan wel", "een donderdag zou beter uitkomen".
const PREFERS = /\b(wel|graag|beter|uitkomen|uitkomt|schikt|schikken|zou|zouden|mogelijk|prefer\w*|better|suits?)\b/;
// Words of choosing, coming or correcting: a sentence with one of them may change the choice.
const CHOOSES = /\b(kom|komen|ga|gaan|kan|kunnen|lukt|lukken|past|passen|liever|anders|bedoel\w*|correctie|sorry|oeps|excuus|vergis\w*|moet zijn|i mean|rather|instead|prefer\w*|voorkeur|kies|kiezen|keuze|wordt het|ben er|zijn er|erbij|er bij|ook (goed|prima)|of)\b/;

// A registration told of or answered to: an earlier signup, our confirmation, a subject that names
// one ("RE: Aanmelding Arnhem (2 personen)"), someone who comes "niet meer", a sender "still" coming.
const NO_LONGER = /\b(niet meer|no longer|not anymore|afmeld\w*|afgemeld|withdraw\w*|uitschrijv\w*|van de lijst)\b/;
// "Ik kom wel gewoon", "I am still coming": coming as planned, so there was a plan.
const AS_PLANNED = /\b(nog steeds|gewoon|still|as planned|zoals gepland)\b/;
const registrationToChange = (f: Features, thread: ThreadContext | null | undefined) => f.priorSignup || !!registeredSession(thread)
  || f.subjectClauses.some((c) => cue.signsUp(c.folded)) || f.othersWithdrew.some((i) => NO_LONGER.test(f.bodyClauses[i]?.folded ?? ''))
  || AS_PLANNED.test(f.contentLower);

function registeredSession(thread: ThreadContext | null | undefined): string | null {
  return thread?.session && (thread.about === 'confirmation' || thread.about === 'cancellation') ? thread.session : null;
}

function chooseForCancel(f: Features, thread: ThreadContext | null | undefined): string | null {
  const single = (refs: Ref[]) => {
    const set = new Set(sessionsIn(refs.filter((r) => naming(r) && r.sessions.length === 1)));
    return set.size === 1 ? [...set][0]! : set.size > 1 ? 'several' : null;
  };
  const own = f.bodyRefs.filter((r) => r.polarity !== 'other' && r.polarity !== 'agenda');
  for (const refs of [own, own.filter((r) => r.polarity !== 'pos')]) {
    const s = single(refs);
    if (s && s !== 'several') return s;
  }
  // The thread knows what the sender is registered for better than a reply chain's subject.
  const subject = single(f.subjectRefs);
  return registeredSession(thread) ?? (subject && subject !== 'several' ? subject : null) ?? thread?.session ?? null;
}

function result(intent: Intent, reason: string, confidence: number, evidence: string[], extra: Partial<Decision> = {}): Decision {
  return { intent, session: null, reason, confidence, requested: null, replaces: null, candidate: null, evidence, remark: null, attendees: null, ...extra };
}

/** A register for an open session, or alternatives when it has started or closed. */
function registerFor(session: string, reason: string, confidence: number, index: CatalogueIndex, now: Date, evidence: string[]): Decision {
  const facts = index.bySlug.get(session);
  if (!facts) return result('alternatives', 'unknown-session', 0.7, evidence, { requested: session });
  if (now.getTime() >= facts.closes.getTime()) {
    return result('alternatives', now.getTime() >= facts.start.getTime() ? 'started' : 'signup-closed', 0.85, evidence, { requested: session });
  }
  return result('register', reason, confidence, evidence, { session });
}

// "ipv Assen toch liever Venlo": what comes "in plaats van" is the session left.
const INSTEAD_OF = /\b(ipv|i\.p\.v\.?|in plaats van|instead of)\s/;
function replaced(f: Features, session: string): string | null {
  const instead = (r: Ref) => r.polarity === 'neg' && INSTEAD_OF.test(f.bodyClauses[r.clause]?.folded ?? '');
  const earlier = f.bodyRefs.filter((r) => (r.polarity === 'prior' || (r.polarity === 'neg' && f.priorSignup) || instead(r)) && r.sessions.length === 1 && r.sessions[0] !== session);
  const set = new Set(sessionsIn(earlier));
  return set.size === 1 ? [...set][0]! : null;
}

function fromThread(f: Features, thread: ThreadContext | null | undefined, index: CatalogueIndex, now: Date, ev: string[]): Decision | null {
  if (!thread) return null;
  const namesSession = f.bodyRefs.some((r) => naming(r) && r.polarity === 'pos');
  if (f.option !== null && thread.options.length && !namesSession) {
    const picked = thread.options[f.option - 1];
    ev.push(`option ${f.option} of ${thread.options.length}`);
    return picked ? registerFor(picked, 'thread-option', 0.9, index, now, ev) : result('alternatives', 'no-such-option', 0.8, ev);
  }
  if (thread.proposal && !namesSession && !f.cancelStrong) {
    if (f.accept || (f.register && !f.bodyRefs.length)) return registerFor(thread.proposal, 'thread-proposal', 0.85, index, now, [...ev, 'accepts the proposal']);
    if (f.decline) return result('escalate', 'declined-proposal', 0.6, [...ev, 'declines the proposal']);
  }
  return null;
}

/**
 * The intent of a message a person wrote: a verdict proposed from the features, then the gate
 * (`permitted`), which lets an act through only on uncontradicted evidence of the sender's own.
 */
export function decide(f: Features, thread: ThreadContext | null | undefined, index: CatalogueIndex, now: Date): Decision {
  const ev = [...f.bodyRefs.map((r) => `text: ${describe(r)}`), ...f.subjectRefs.map((r) => `subject: ${describe(r)}`)];
  if (f.register) ev.push(`signup wording "${f.register}"`);
  if (f.cancelStrong ?? f.cancelWeak) ev.push(`withdrawal wording "${f.cancelStrong ?? f.cancelWeak}"`);
  // "Vorige week heb ik mij afgemeld ... Wilt u mij weer aanmelden?": that withdrawal is history.
  if (f.withdrewBefore.length) f = notWithdrawing(f, f.withdrewBefore, 'prior', ev, 'an earlier withdrawal is undone');
  // "Mijn collega heeft zich afgemeld voor Breda; wilt u mij aanmelden?": the sender takes the
  // place, so the session named in the colleague's withdrawal is the one the sender means.
  // ("Mijn collega is donderdag verhinderd. Ik kom nog wel": the sender stays on the registration
  // they share, and signs up for nothing new; a person takes the colleague off. "Mijn collega kan
  // niet, maar ik kom wel. Wilt u mij noteren?" signs up.)
  if (f.othersWithdrew.length && SENDER_STAYS.test(f.contentLower)) return result('escalate', 'someone-else', 0.6, [...ev, 'someone else withdraws; the sender still comes']);
  if (f.othersWithdrew.length) f = notWithdrawing(f, f.othersWithdrew, 'pos', ev, 'someone else withdrew; the sender signs up');
  // "Ik kan niet, mijn collega komt in mijn plaats" (no registration yet): a signup of the colleague.
  // Only when the sender says they cannot come themselves; "X gaat in mijn plaats" alone may swap a registration.
  const own = flatMapOf(f.bodyClauses, (c, i) => (c.neg && !c.others && cue.withdraws(c.folded) ? [i] : []));
  // "Mijn collega kan niet en stuurde mij de uitnodiging door. Ik kom in zijn plaats": the one who
  // cannot come is the colleague whose place the sender takes.
  const theirWithdrawal = own.filter((i) => THIRD_PERSON.test(f.bodyClauses[i]!.folded) || !FIRST_PERSON.test(f.bodyClauses[i]!.folded));
  if (theirWithdrawal.length && cue.takesAPlace(f.contentLower)) {
    f = notWithdrawing(f, theirWithdrawal, 'pos', ev, 'the sender takes the place of someone who cannot come');
  }
  // "Wilt u mijn collega aanmelden? Zelf kan ik niet": the same, said without "in mijn plaats".
  // The sender sets themselves apart ("zelf", "ik ga zelf niet"); a secretary who signs up the
  // alderman and then says "ik kan die dag niet" is not clear enough to act on.
  // ("Zelf ben ik die dag op vakantie, dus ik kom niet": the sentence sets the sender apart.)
  const setsApart = own.some((i) => /\b(zelf|mijzelf|ikzelf|mezelf|myself)\b/.test(f.bodyClauses[i]!.folded)
    || f.bodyClauses.some((c) => c.sentence === f.bodyClauses[i]!.sentence && /^(zelf|ikzelf|mijzelf|myself)\b/.test(c.folded)));
  const othersSignUp = setsApart && f.bodyClauses.some((c) => c.others && !c.neg && cue.signsUp(c.folded))
    && !f.bodyClauses.some((c) => !c.others && !c.neg && FIRST_PERSON.test(c.folded) && cue.signsUp(c.folded));
  // "Namens de raad meld ik de volgende raadsleden aan … Ik ben er zelf niet bij": the sender
  // signs others up (never "mij", "ons") and sets themselves apart; they are not withdrawing.
  // Whom: named in the clause ("de volgende raadsleden"), or listed one per line below it.
  // (Read only when the sender sets themselves apart: most mail never needs it.)
  const listed = setsApart && peopleListed(f.content) >= 2;
  const signsUpOthers = setsApart && f.bodyClauses.some((c) => !c.neg && cue.signsUp(c.folded) && (OTHERS_AS_OBJECT.test(c.folded) || listed)
    && !/\b(mij|me|mijzelf|ons|onszelf|myself|us)\b/.test(c.folded))
    && !f.bodyClauses.some((c) => !c.neg && cue.signsUp(c.folded) && /\b(mij|me|mijzelf|myself)\b/.test(c.folded));
  // Asking for "de bevestiging" is no earlier signup; "ik sta ingeschreven" is (a person swaps it).
  const registeredBefore = () => /\b(?<!niet )(aangemeld|ingeschreven|geregistreerd|mijn aanmelding|registered|signed up)\b/.test(f.contentLower);
  if (signsUpOthers && !othersSignUp && !registeredSession(thread) && thread?.about !== 'confirmation' && !registeredBefore()) {
    f = notWithdrawing(f, own, 'pos', ev, 'the sender signs others up and does not come along');
  }
  // "Ik ben er niet bij; mijn plaatsvervanger komt namens ons": the same, the stand-in told as
  // coming rather than signed up.
  const standsIn = own.length > 0 && f.bodyClauses.some((c) => c.others && !c.neg && !c.question && GOES.test(c.folded) && STANDS_IN.test(c.folded));
  // "Graag meld ik mij af. Mijn collega gaat in mijn plaats": signing off undoes a registration,
  // so this swaps one, which a person does; "ik kan niet, mijn collega komt in mijn plaats" need not.
  const signsOff = own.some((i) => SIGNS_OFF.test(f.bodyClauses[i]!.folded));
  const substituteSignup = (f.substitute || othersSignUp || standsIn) && own.length > 0 && !signsOff && !f.priorSignup && !registeredSession(thread) && !TRANSFER_ASKED.test(`${f.subjectClauses.map((c) => c.folded).join(" ")}\n${f.contentLower}`);
  if (substituteSignup) {
    f = withChanges(notWithdrawing(f, own, 'pos', ev, "a colleague comes in the sender's place"), { register: f.register ?? 'in de plaats van de afzender', substitute: false });
    // The colleague's session is the one signed up for.
    const theirs = new Set(flatMapOf(f.bodyClauses, (c, i) => (c.others && !c.neg ? [i] : [])));
    f = withChanges(f, { bodyRefs: f.bodyRefs.map((r) => (theirs.has(r.clause) && r.polarity === 'other' ? { ...r, polarity: 'pos' as const } : r)) });
  }
  f = switchedFrom(f, ev);
  const d = permitted(propose(f, thread, index, now, ev), f, thread);
  if (substituteSignup && d.intent === 'register') d.attendees = 1;
  return d;
}

// "Ik sta (in)geschreven voor Breda, maar wil overstappen naar Venlo": in a sentence that
// switches, what is named before the clause that switches is the session left, whatever the
// words for the earlier signup (and however they are typed).
const TOWARDS = /\b(naar|to|voor)\b/;
const SWITCH = /\b(overstap\w*|over te stappen|stap\b[^.?!]{0,30}\bover|wissel\w*|omzetten|om te zetten|zet\w*\b[^.?!]{0,40}\bom|overzetten|verplaats\w*|switch\w*|ruilen)\b/;
// The same for a choice that overtakes the options named before it in its sentence: "Utrecht had
// ook gekund, maar ik kies voor Arnhem", "we keken naar Haarlem, maar we gaan voor Assen". Not
// when both are kept ("maar ik kom ook naar Breda"), the choice is hedged or asked, or the option
// before was itself signed up for.
const OVERTAKING_CHOICE = /^(maar|but)\b[^.?!]{0,25}\b(kies|kiezen|ga (ik )?voor|gaan (we |wij )?voor|wordt het|het wordt|doe (mij|me|ons) maar|kom|komen|meld|melden|choose|go for|take)\b/;
const NOT_ONLY_CHOICE = /\b(ook|also|too|misschien|wellicht|mogelijk|maybe|perhaps)\b/;
// "Assen wordt te krap. Wilt u mij in plaats daarvan inschrijven voor Arnhem?": what "daarvan"
// points back to, in the sentence before or earlier in the same one, is the session left.
const INSTEAD_OF_THAT = /\b(in plaats daarvan|daarvoor in de plaats|in de plaats daarvan|instead)\b/;
function switchedFrom(f: Features, ev: string[]): Features {
  const instead = f.bodyClauses.findIndex((c) => !c.neg && INSTEAD_OF_THAT.test(c.folded) && cue.signsUp(c.folded));
  if (instead >= 0) {
    const target = namedIn(f, instead);
    const sentence = f.bodyClauses[instead]!.sentence;
    const left = (r: Ref) => r.clause < instead && f.bodyClauses[r.clause]!.sentence >= sentence - 1 && r.polarity === 'pos' && naming(r) && !r.sessions.some((s) => target.has(s));
    if (target.size === 1 && f.bodyRefs.some(left)) f = leftBehind(f, left, ev, 'instead of what came before: the session left');
  }
  // (The short test first: most clauses fail it, and the long one is then not run.)
  const switching = f.bodyClauses.findIndex((c) => !c.neg && TOWARDS.test(c.folded) && SWITCH.test(c.folded));
  const choosing = switching >= 0 ? -1 : f.bodyClauses.findIndex((c) => !c.neg && !c.question && OVERTAKING_CHOICE.test(c.folded) && !NOT_ONLY_CHOICE.test(c.folded));
  const at = switching >= 0 ? switching : choosing;
  if (at < 0) return f;
  const sentence = f.bodyClauses[at]!.sentence;
  const target = namedIn(f, at);
  if (!target.size || (choosing >= 0 && target.size > 1)) return f;
  const left = (r: Ref) => r.clause < at && f.bodyClauses[r.clause]!.sentence === sentence && r.polarity === 'pos' && naming(r) && !r.sessions.some((s) => target.has(s))
    && !(choosing >= 0 && cue.signsUp(f.bodyClauses[r.clause]!.folded));
  if (!f.bodyRefs.some(left)) return f;
  return leftBehind(f, left, ev, 'switches: what comes before is the session left');
}

/** The sessions a clause names as the sender's choice. */
function namedIn(f: Features, clause: number): Set<string> {
  return new Set(sessionsIn(f.bodyRefs.filter((r) => r.clause === clause && naming(r) && r.polarity === 'pos')));
}

/** The references `left` picks out become the session left behind (an earlier signup). */
function leftBehind(f: Features, left: (r: Ref) => boolean, ev: string[], why: string): Features {
  ev.push(why);
  return withChanges(f, { bodyRefs: f.bodyRefs.map((r) => (left(r) ? { ...r, polarity: 'prior' as const } : r)) });
}

// Whom a sender signs up when it is not themselves: "de volgende raadsleden", "onze wethouder".
const OTHERS_AS_OBJECT = boundaryOnce(/\b(meld|melden|schrijf|schrijven|geef|geven)\b[^.?!]{0,20}\b(hem|haar|hen)\b|\b(hem|haar|hen)\b[^.?!]{0,20}\b(aanmelden|aan te melden|inschrijven|in te schrijven|opgeven|op te geven)\b|\b(meld|melden|schrijf|schrijven|geef|geven)\b[^.?!]{0,30}\b(burgemeester|wethouders?|raadsleden|griffiers?|gemeentesecretaris|medewerkers?|fractieleden|commissieleden)\b|\b(de volgende|onderstaande|volgende|onze|mijn|de|twee|drie|vier|vijf|zes|enkele) ([a-z-]+ )?(raadsleden|raadslid|collega'?s?|wethouders?|burgemeester|griffiers?|medewerkers?|personen|deelnemers|fractieleden|commissieleden|steunfractieleden|burgerleden|council members|colleagues)\b/);

// "Kan ik mijn plek overdragen?": a transfer asked for, which a person arranges.
// A swap asked for ("overdragen", "kunt u dit aanpassen?", "Vervanging aanmelding") presupposes a
// registration to change: a person swaps it.
const TRANSFER_ASKED = /\b(overdragen|over te dragen|overnemen|transfer|aanpassen|aan te passen|wijzigen|te wijzigen|vervanging|vervangen|omzetten|replace|replacement|substitut\w*)\b/;

function propose(f: Features, thread: ThreadContext | null | undefined, index: CatalogueIndex, now: Date, ev: string[]): Decision {
  if (f.empty && !f.register && !f.subjectRefs.length) return result('escalate', 'empty', 0.5, ev);
  // A student or researcher who signs up outright takes part like anyone (municipality none);
  // one who asks whether they may, or signs up someone else, is for a person, as the press is.
  if (f.press || (f.academic && !signsUpSelf(f))) return result('escalate', 'press', 0.8, ev);
  if (f.offer === 'vendor' || (f.offer && !signsUpSelf(f))) return result('escalate', 'offer', 0.75, ev);
  if (f.complaint) return result('escalate', 'complaint', 0.7, ev);
  // (One who will take the place and says so themselves is their own affair: "een collega komt
  // misschien in mijn plaats, die meldt zich zelf": the sender's withdrawal stands.)
  // ("Utrecht graag vervangen door Haarlem" swaps a session, not a person.)
  if (f.substitute && !cue.BY_THEMSELVES.test(f.contentLower) && !sessionSwapped(f)) return result('escalate', 'substitution', 0.7, [...ev, 'someone else goes instead']);
  if (f.attachment) return result('escalate', 'attachment', 0.8, [...ev, 'refers to an attachment']);
  const threaded = fromThread(f, thread, index, now, ev);
  if (threaded) return threaded;
  const signsUp = !!(f.register || f.accept);
  // A signup asked as the question itself ("kan ik ook online deelnemen?") is no signup yet.
  const firm = () => f.accept || (!!f.register && (f.bodyClauses.some((c) => !c.neg && !cue.HAS_QUESTION.test(c.folded) && cue.signsUp(c.folded)
    // "Kunt u mij noteren?" asks only to be signed up; "kan ik online deelnemen?" is the real question.
    && (!c.question || !(f.questionText ?? '').includes(c.folded.trim())))
    // "Noteert u mij voor de ochtend?", "kunt u mij er ook bij zetten?": asked of us, a signup made.
    || f.bodyClauses.some((c) => !c.neg && askedToAct(c.folded))
    // "Ik meld mij en onze griffier, mevr. Mutsaers, aan": a signup the clause split cut in two.
    || unbrokenSentences(f).some((t) => cue.signsUp(t))
    || !f.bodyClauses.some((c) => cue.signsUp(c.folded))));
  // "Ik kan niet bij de sessie zijn. Wilt u mij ook van de verzendlijst halen?": a newsletter
  // asked about beside a withdrawal is a remark on it, read by the gate (a mailing matter).
  const mailingBeside = !signsUp && !!(f.cancelStrong || f.cancelWeak) && cue.NEWSLETTER.test(f.questionText ?? '');
  // "Ik meld mij af voor Assen. Kunt u mij het verslag sturen?": what follows the session asked
  // for beside a withdrawal is a remark on it, as a practical question is beside a signup; so is
  // other business asked about ("PS: ik kan donderdag niet; graag hoor ik hoe onze aanvraag loopt",
  // five writers of round 33 labelled it so), but not a question that bears on taking part.
  // Only a withdrawal from a session (named, or "de sessie"), and one to come: "ik kon niet bij de
  // sessie zijn; is er een verslag?" tells of an absence, and "ik kan bij geen van de sessies
  // zijn" declines them all; in both the request is what the mail is for, and a person answers it.
  const followUp = !signsUp && !!(f.cancelStrong || f.cancelWeak) && f.question !== 'none' && asksNothingOfTakingPart(f) && !absenceTold(f);
  if (followUp) {
    const d = proposeAct(f, thread, index, now, [...ev]);
    // With no session named, "ik kan zelf niet komen; komt er een verslag?" tells why the sender
    // asks, from someone who may never have signed up: a withdrawal needs something to withdraw
    // (words of withdrawing, "verhinderd", a registration mentioned, "toch", or our thread).
    // So too where the session is named only in what someone else does ("mijn collega heeft zich
    // aangemeld voor Arnhem. Ik ben die dag op vakantie, dus ik kom niet. Kunt u haar de route
    // sturen?"): the sender's absence is told, not a registration of theirs withdrawn.
    const ownSession = d.session !== null && [...f.bodyRefs.filter((r) => !f.bodyClauses[r.clause]?.others), ...f.subjectRefs].some((r) => r.polarity !== 'other' && r.sessions.includes(d.session!));
    if (d.intent === 'cancel' && ((d.session && (ownSession || somethingToWithdraw(f, thread))) || (!allDeclined(f) && withdrawsFromComing(f) && somethingToWithdraw(f, thread)))) return { ...d, remark: f.questionText, evidence: [...d.evidence, `for a person: ${f.questionText}`] };
  }
  if (f.question === 'real' && !firm() && !mailingBeside) {
    const c = signsUp ? chooseForSignup(f, thread) : null;
    // "Ik wil graag naar de sessie in Zwolle. Hoe laat begint die?": no session follows, and the
    // question is one the list of open sessions answers; the gate still checks the list is wanted.
    // (A session named that has started: "mag ik me nog aanmelden voor 14 juni?" is answered so too.)
    const listed = c ? answeredByList(proposeAct(f, thread, index, now, ev), f.questionText, wantsToCome(f), f.needs) : null;
    if (listed) return listed;
    const another = anotherAskedFor(f, thread, index, now, ev);
    if (another) return another;
    // "Venlo heb ik gemist. Is er nog een sessie waar ik bij kan aansluiten?": the question itself
    // asks where the sender can still go; the list answers it (the gate checks the wish).
    const whereTo = !signsUp && !f.cancelStrong ? whereToGoAsked(f) : undefined;
    if (whereTo) return result('alternatives', 'where-to-go', 0.7, [...ev, `asks where they can go: ${whereTo.text}`]);
    return result('escalate', 'question', 0.75, [...ev, `question: ${f.questionText}`], { candidate: c?.session ?? null });
  }
  if (signsUp && f.condition) {
    const c = chooseForSignup(f, thread);
    return result('escalate', 'condition', 0.7, [...ev, 'signup with a condition'], { candidate: c.session });
  }
  // A signup that also asks something or needs something arranged: confirmed when it stands on
  // its own (the gate checks that nothing holds it back), and the question stays for a person.
  const remark = !signsUp ? null : f.question === 'real' ? f.questionText : f.needs ? 'something to arrange (arriving late, leaving early, access)'
    : f.offer ? 'offers a contribution (a talk, a presentation)'
    // Whose registration the sender takes over, if any, a person sees and tidies.
    : cue.takesAPlace(f.contentLower) ? "takes someone else's place (a registration may need to be swapped)" : null;
  const d = proposeAct(f, thread, index, now, ev);
  if (remark && signsUp) {
    if (d.intent === 'register') return { ...d, remark, evidence: [...d.evidence, `for a person: ${remark}`] };
    const listed = f.question === 'real' ? answeredByList(d, remark, wantsToCome(f), f.needs) : null;
    if (listed) return listed;
    const another = f.question === 'real' ? anotherAskedFor(f, thread, index, now, ev) : null;
    if (another) return another;
    return result('escalate', f.question === 'real' ? 'question' : f.needs ? 'needs' : 'offer', 0.7, [...ev, `question: ${remark}`], { candidate: d.session ?? d.requested });
  }
  return d;
}

// "Utrecht gaat mij niet lukken, maar ik wil graag naar een andere sessie. Welke zijn er nog
// meer?": a withdrawal whose question asks for the other sessions, from someone who wants to
// come: the list answers it.
function anotherAskedFor(f: Features, thread: ThreadContext | null | undefined, index: CatalogueIndex, now: Date, ev: string[]): Decision | null {
  const q = f.questionText ?? '';
  if (!(f.cancelStrong || f.cancelWeak) || !(cue.OTHER_DATES.test(q) || cue.LIST_ANSWERS.test(q)) || !wantsToCome(f)) return null;
  const other = otherAsked(f);
  if (!other || proposeAct(f, thread, index, now, [...ev]).intent !== 'cancel') return null;
  return result('alternatives', 'elsewhere', 0.7, [...ev, `withdraws, and asks for another session: "${other}"`]);
}

// A question that bears on taking part after all: another date or way to join, a stand-in, a
// condition. It holds the withdrawal back.
const TAKING_PART = /\b(ik|wij|we|i)\b[^.?!]{0,40}\b(terecht|kom|komen|deelnemen|deel te nemen|aansluiten|aan te sluiten|meekijken|mee te kijken|meedoen|mee te doen|bijwonen|bij te wonen|aanwezig|inbellen|come|join|attend|participate)\b|\b(online|digitaal|op afstand|livestream|remote|volgende sessie|andere (datum|data|dag|sessie|bijeenkomst)|vervang\w*|in (mijn|zijn|haar) plaats|collega\w*|tenzij|mits|unless)\b/;
// An absence told in the past: "ik kon niet bij de sessie zijn", "ik was er niet bij", "ik was
// verhinderd in Haarlem".
const ABSENCE_TOLD = /\b(kon|konden|was|waren|had|hadden|heb|hebben)\b[^.?!]{0,40}\b(niet|gemist|afgemeld|verhinderd|afwezig)\b|\bgemist\b/;
// All sessions declined, by someone who never chose one: "bij (geen) een van de sessies".
const ALL_DECLINED = /\b(een|geen|elk\w*|any|none|either) (van|of) (de|deze|die|the) (\w+ )?(sessies|bijeenkomsten|sessions)\b|\b(geen enkele|no) (sessie|session)\b/;
// With no session named, only words of withdrawing or of not coming say what is withdrawn from
// ("ik kan hem niet vinden op de website" is no withdrawal).
const NOT_COMING = /\b(kom|komen|aanwezig|deelnemen|deel te nemen|erbij|er bij|verhinderd|attend|come|make it|komme)\b/;
const CHANGE_OF_PLAN = /\b(toch|meer|alsnog|verhinderd|verhindering|afzeggen|no longer|after all)\b/;
const somethingToWithdraw = (f: Features, thread: ThreadContext | null | undefined) => !!f.cancelStrong || !!thread
  || f.bodyClauses.some((c) => (!c.others && cue.PRIOR_SIGNUP.test(c.folded)) || (c.neg && CHANGE_OF_PLAN.test(c.folded)));
const withdrawsFromComing = (f: Features) => !!f.cancelStrong || f.bodyClauses.some((c) => c.neg && NOT_COMING.test(c.folded) && cue.withdraws(c.folded));
const allDeclined = (f: Features) => f.bodyClauses.some((c) => c.neg && ALL_DECLINED.test(c.folded));
const absenceTold = (f: Features) => f.bodyClauses.some((c) => c.neg && cue.withdraws(c.folded) && ABSENCE_TOLD.test(c.folded));
/**
 * Every sentence that asks, asks nothing that bears on taking part: what follows the session (the
 * report, the slides), the withdrawal itself ("wilt u haar afmelden?"), or other business ("could
 * you forward this to the right person?", "zijn de slides van Den Bosch al beschikbaar?"). Not
 * another date or place, a way to join, a stand-in, a seat, whether one may come, or a signup.
 */
function asksNothingOfTakingPart(f: Features): boolean {
  const asked = new Set(f.bodyClauses.filter((c) => c.question || cue.INDIRECT_QUESTION.test(c.folded) || cue.HAS_QUESTION.test(c.folded)).map((c) => c.sentence));
  if (!asked.size) return false;
  const said = sentenceTexts(f.bodyClauses);
  return [...asked].every((s) => {
    const t = said.get(s) ?? '';
    if (asksTakingPart(t) || cue.OTHER_DATES.test(t)) return false;
    return WHAT_FOLLOWS.test(t) || (!cue.AVAILABILITY.test(t) && !cue.LIST_ANSWERS.test(t) && (cue.withdraws(t) || !(cue.signsUp(t) || cue.ELIGIBILITY.test(t))));
  });
}

// What follows a session, for someone who will not be there: its report, slides or results, or
// being kept informed. Asking for them does not doubt the withdrawal.
// "Komt het verslag online?": where what follows the session is found, not a way of taking part.
const asksTakingPart = (t: string) => TAKING_PART.test(WHAT_FOLLOWS.test(t) ? t.replace(ONLINE, ' ') : t);
const ONLINE = /\b(online|digitaal|op afstand)\b/g;
const WHAT_FOLLOWS = /\b(verslag\w*|uitkomst(en)?|resultaten|opbrengst(en)?|presentaties?|sheets|slides|dia'?s|terugkoppeling|op de hoogte|informeren|geinformeerd|vervolg\w*|nasturen|nagestuurd|toesturen|toegestuurd|achteraf|notulen|report|results|minutes|keep me (posted|informed|updated)|hoe het (is )?(gegaan|geweest|verlopen|afgelopen)|how it went)\b/;

/**
 * The list of dates, when that is what the sender's question asks for ("hoe laat begint die?"),
 * or when the sender wants to come, named where or when, and asks which session that is ("welke
 * heeft uw voorkeur?"). A question about anything else (the language, the costs, the programme,
 * both sessions at once) is for a person.
 */
function answeredByList(d: Decision, question: string | null, wantsToCome: boolean, needs: boolean): Decision | null {
  if (d.intent !== 'alternatives') return null;
  // "Wat zijn de mogelijkheden?" from someone who wants to come and needs nothing arranged asks
  // which sessions there are; beside a wheelchair or an interpreter it asks how they can come.
  if (wantsToCome && !needs && OPTIONS_ASKED.test(question ?? '')) return { ...d, evidence: [...d.evidence, `the list answers: ${question}`] };
  // "Graag meld ik mij aan voor Utrecht op 14 juni. Kan ik daar parkeren?" after the 14th: the
  // session is over, and the way there is moot; the list answers.
  if (wantsToCome && NO_SESSION.has(d.reason) && WAY_THERE.test(question ?? '') && !BY_CONTENT.test(question ?? '')) return { ...d, evidence: [...d.evidence, `the list answers; the way there is moot: ${question}`] };
  // "Ik zou graag nog aanschuiven in Arnhem vanmiddag. Kan dat?" after it began: whether the
  // signup can be made, which the list answers (it tells the session has begun).
  if (wantsToCome && (d.reason === 'started' || d.reason === 'signup-closed') && CAN_THAT.test(question ?? '')) return { ...d, evidence: [...d.evidence, `the list answers: ${question}`] };
  // Which one by what it is about ("welke raadt u aan als het ons vooral om het sociaal domein
  // gaat?") takes someone who knows the programme.
  if (BY_CONTENT.test(question ?? '')) return null;
  // "Zijn er andere data waarop zij kan aansluiten?" asks for the list itself.
  if (cue.LIST_ANSWERS.test(question ?? '') || cue.OTHER_DATES.test(question ?? '')) return { ...d, evidence: [...d.evidence, `the list answers: ${question}`] };
  // "Welke heeft uw voorkeur?", "kunt u mij het adres laten weten?", "organiseert u ook iets in
  // Goes?": about the choice of session, from someone who named where or when and wants to come.
  if (wantsToCome && d.reason !== 'no-session-named' && cue.ABOUT_THE_CHOICE.test(question ?? '') && !cue.TOPIC.test(question ?? '')) {
    return { ...d, evidence: [...d.evidence, `the list answers: ${question}`] };
  }
  return null;
}

// Asked to send the overview or list of the sessions or their dates ("kunt u mij nog eens het
// overzicht sturen?", "stuur me de data van de sessies"), not of who signed up ("het overzicht van
// de aanmeldingen", "de deelnemerslijst").
// (Also "zo ja, dan graag de data".)
const LIST_ASKED = /(^|\b(dan|zo ja,?) )graag (de|alle) (data|datums|mogelijkheden)\s*[.!]?$|\b(het|de|een) ([a-z]+ )?(overzicht|lijst|lijstje|data|datums)( (van|met) (de |alle )?(sessies|data|datums|bijeenkomsten|locaties|mogelijkheden))?\b[^.?!]{0,30}\b(sturen|toesturen|nasturen|mailen|doorsturen|geven)\b|^(stuur|mail)\b[^.?!]{0,20}\b(het|de|een) ([a-z]+ )?(overzicht|lijst|data|datums)\b/;
const REGISTRATIONS = /\b(aanmeldingen|inschrijvingen|deelnemers\w*|aantal\w*|aanwezig\w*|namen)\b/;
const listAsked = (f: Features) => f.bodyClauses.some((c) => !c.neg && LIST_ASKED.test(c.folded) && !REGISTRATIONS.test(c.folded));
const OPTIONS_ASKED = /^(en |maar |dus )?(wat|welke) (zijn|zijn er|heb ik|hebben we|hebben wij) (dan |nu |nog |er )*(de |mijn |onze )?(mogelijkheden|opties)\s*\??$/;
const BY_CONTENT = /\b(als|indien|if)\b[^?]{0,20}\b(om|about)\b|\b(qua inhoud|inhoudelijk\w*|thema\w*|onderwerp\w*|focus|topic)\b/;

// The sender wants to come to a session, in words of their own ("ik wil graag naar de sessie",
// "I'd love to join one of the sessions"), with nothing put as a condition: someone to whom the
// list of open sessions is an answer. Not someone who invites the reader ("we would love you to
// join our webinar"), nor a wish for some other event.
const SECOND_PERSON = /\b(u|you|jij|je|jullie)\b/;
const NOT_YET = /^(voordat|voor|before|als|indien|if|zodra|once|wanneer|when)\b/;
const A_SESSION = /\b(\w*sessies?|sessions?|\w*bijeenkomst(en)?)\b/;
const wantsToCome = (f: Features) => !f.condition && (f.bodyRefs.some((r) => naming(r) || r.kind === 'place') || A_SESSION.test(f.contentLower))
  // (The wish may open a sentence that ends in the question: "Ik wil graag naar een sessie dichter
  // bij Apeldoorn, welke is dat?". A signup put off to later is none: "before I sign up: …".)
  && f.bodyClauses.some((c, i) => (!c.others && !c.neg && !c.text.includes('?') && !NOT_YET.test(c.folded) && cue.signsUp(c.folded) && (FIRST_PERSON.test(c.folded) || DROPPED_I.test(c.folded)) && !SECOND_PERSON.test(c.folded))
    // "Kan ik dan naar een van de andere sessies?": asking leave to go to another is wanting to come;
    // so is asking where one can still go ("is er nog een sessie waar ik bij kan aansluiten?").
    // "Kan ik dan in plaats daarvan naar Haarlem?": asking leave to go to a session named.
    || (c.question && !c.neg && ((ASKS_TO_GO.test(c.folded) && cue.OTHER_DATES.test(c.folded))
      || (!c.others && (asksWhereToGo(c.folded) || (ASKS_TO_GO.test(c.folded) && f.bodyRefs.some((r) => r.clause === i && r.polarity === 'pos' && naming(r))))))));
// Where the sender can still go, asked in the first person: the list of open sessions answers it.
const WHERE_I_GO = /\b(ik|wij|we)\b[^?]{0,25}\b(kan|kun|kunnen|mag|mogen)\b[^?]{0,25}\b(aansluiten|aanschuiven|meedoen|deelnemen|heen|naartoe|terecht)\b|\b(kan|kun|kunnen|mag|mogen) (ik|wij|we)\b[^?]{0,30}\b(aansluiten|aanschuiven|meedoen|deelnemen|heen|naartoe|terecht)\b/;
const whereToGoAsked = (f: Features) => f.bodyClauses.find((q) => q.question && !q.neg && !q.others && asksWhereToGo(q.folded));
const asksWhereToGo = (t: string) => WHERE_I_GO.test(t) && (cue.LIST_ANSWERS.test(t) || cue.OTHER_DATES.test(t)) && !cue.TOPIC.test(t);
const ASKS_TO_GO = /^(en |dan |maar )?(kan|kun|mag|kunnen|mogen) (ik|wij|we)\b[^?]{0,30}\b(naar|aansluiten|aanschuiven|meedoen|deelnemen|komen|terecht)\b/;
// Phone mail drops the "ik": "Wil graag komen", "kom graag"; so does a clause split off at "en"
// ("ik ben nieuw raadslid | en wil graag naar een sessie").
const DROPPED_I = /^(en )?(wil|wilde|kom|zou|ben) (ook |heel |erg )*graag\b/;

function proposeAct(f: Features, thread: ThreadContext | null | undefined, index: CatalogueIndex, now: Date, ev: string[]): Decision {
  // A session named in the very sentence that withdraws from it ("ik meld mij daarom af voor de
  // sessie in Assen", cut in two by the clause split) is what is withdrawn, not another choice.
  // Only a mail with a withdrawal wording needs its sentences rebuilt for this.
  let said: ReadonlyMap<number, string> | null = null;
  const withdrawnHere = (r: Ref) => {
    if (!f.cancelStrong) return false;
    const t = (said ??= sentenceTexts(f.bodyClauses)).get(f.bodyClauses[r.clause]?.sentence ?? -1) ?? '';
    // ("Utrecht heb ik laten schieten, maar Haarlem pakken we graag mee": what "maar" sets against
    // the withdrawal is not withdrawn.)
    return cue.CANCEL_STRONG.test(t) && !cue.signsUp(t) && !/\bwel\b/.test(t) && !/^(maar|but) /.test(f.bodyClauses[r.clause]?.folded ?? '');
  };
  // A day that fits several sessions chooses only in words of choosing ("donderdag kan wel"), not
  // in the sender's other business ("ik zit donderdag in het AB van de veiligheidsregio").
  const chooses = (r: Ref) => r.sessions.length === 1 || CHOOSES.test(f.bodyClauses[r.clause]?.folded ?? '') || PREFERS.test(f.bodyClauses[r.clause]?.folded ?? '');
  const choosesAnother = f.bodyRefs.some((r) => naming(r) && r.polarity === 'pos' && !withdrawnHere(r) && chooses(r));
  // "Mijn collega gaat naar Haarlem, ik kan niet": whose plans change is for a person to sort out.
  if (f.cancelWeak && !f.cancelStrong && !f.register && f.bodyRefs.some((r) => naming(r) && r.polarity === 'other')) {
    return result('escalate', 'mixed', 0.6, [...ev, 'someone else goes, the sender cannot']);
  }
  if ((f.cancelStrong || f.cancelWeak) && !choosesAnother) {
    if (!f.cancelStrong && f.otherDates && !f.priorSignup) return result('alternatives', 'other-dates', 0.8, ev);
    const session = chooseForCancel(f, thread);
    return result('cancel', session ? 'cancel-session' : 'cancel-unnamed', session ? 0.9 : 0.8, ev, { session });
  }
  // "Venlo lukt niet, Breda wel": ruling one out and naming another is a choice, when the
  // sender speaks for themselves; "mijn collega gaat naar Breda, ik kan niet" is for a person.
  const withdrawal = !!(f.cancelWeak || f.cancelStrong);
  if (withdrawal && !f.register && !choosesOwnSession(f)) return result('escalate', 'mixed', 0.6, ev);
  const wants = f.register || f.accept || withdrawal;
  if (wants) {
    if (f.otherDates && !choosesAnother) return result('alternatives', 'other-dates', 0.8, ev);
    const c = chooseForSignup(f, thread);
    ev.push(`session from ${c.from}: ${c.reason}`);
    if (!c.session) return result('alternatives', c.reason, 0.8, ev);
    const conflict = subjectConflict(f, c);
    if (conflict) return result('alternatives', 'subject-conflict', 0.7, [...ev, conflict]);
    // "Een sessie in Groningen, begin juli": the place asked for has no session; a date that
    // happens to fit another session's does not choose that one.
    const choosing = c.refs.filter((r) => r.sessions.length > 0);
    const byDateOnly = choosing.length > 0 && choosing.every((r) => r.kind === 'date' || r.kind === 'weekday');
    const place = byDateOnly && f.bodyRefs.find((r) => r.kind === 'place' && r.polarity === 'pos');
    if (place) return result('alternatives', 'place-not-offered', 0.75, [...ev, `no session in ${place.text}`], { candidate: c.session });
    // "Ik wil mij aanmelden voor de sessie in Maastricht. Is daar een broodje, zoals bij de sessie in
    // Haarlem?": the signup's own sentence names a place with no session; a session named elsewhere
    // (a comparison, a question) does not take its place.
    // (The place where the session is sought, "de sessie in Maastricht", not where the sender works
    // or travels: "ik werk hier in Zeist en wil graag meedoen".)
    const placeSigned = f.bodyRefs.find((r) => r.kind === 'place' && r.polarity === 'pos' && signupClause(f.bodyClauses[r.clause]) && sessionSoughtIn(f.bodyClauses[r.clause]!.folded, r.text));
    if (placeSigned && !c.refs.some((r) => r.sessions.length > 0 && f.bodyClauses[r.clause]?.sentence === f.bodyClauses[placeSigned.clause]?.sentence)) {
      return result('alternatives', 'place-not-offered', 0.75, [...ev, `signs up for ${placeSigned.text}, which has no session`], { candidate: c.session });
    }
    // "Ik meld mij aan voor Utrecht, en mijn collega voor Haarlem": one mail, two people, two
    // sessions. The bot keeps one registration per address: a person handles it.
    const sentences = new Set(c.refs.map((r) => f.bodyClauses[r.clause]?.sentence));
    const elsewhere = f.bodyRefs.find((r) => r.polarity === 'other' && naming(r) && r.sessions.length === 1
      && r.sessions[0] !== c.session && sentences.has(f.bodyClauses[r.clause]?.sentence));
    if (elsewhere) return result('escalate', 'several-people', 0.7, [...ev, `someone else for ${elsewhere.sessions[0]}`], { candidate: c.session });
    const confidence = c.from === 'text' ? (c.refs.filter(naming).length > 1 ? 0.95 : 0.9) : 0.8;
    const d = registerFor(c.session, c.reason, confidence, index, now, ev);
    if (d.intent === 'register') d.replaces = replaced(f, c.session);
    return d;
  }
  if (f.otherDates || f.availability) return result('alternatives', f.otherDates ? 'other-dates' : 'availability', 0.75, ev);
  const whereTo = whereToGoAsked(f);
  if (whereTo) return result('alternatives', 'where-to-go', 0.7, [...ev, `asks where they can go: ${whereTo.text}`]);
  if (f.question === 'benign') return result('escalate', 'question', 0.6, ev);
  return result('escalate', 'unclear', 0.5, ev);
}

/** Reads withdrawal clauses that are not the sender's withdrawal now: no cancel, their sessions as `as`. */
function notWithdrawing(f: Features, clauses: number[], as: Ref['polarity'], ev: string[], why: string): Features {
  const set = new Set(clauses);
  ev.push(why);
  return withChanges(f, {
    cancelStrong: null, cancelWeak: null,
    bodyRefs: f.bodyRefs.map((r) => (set.has(r.clause) && r.polarity === 'neg' ? { ...r, polarity: as } : r)),
  });
}

// A withdrawal said of the session itself ("afmelden voor de ontwerpsessie", "ik kan niet bij de
// bijeenkomst zijn waarvoor ik mij had opgegeven", a session named) in a sentence that is not
// about a newsletter. A "kan niet" with no registration said ("zelf kan ik niet, maar ik blijf
// graag op de hoogte") only leads up to the newsletter asked for.
const REGISTERED = /\b(aangemeld|opgegeven|ingeschreven|aanmelding|inschrijving|registered|registration)\b/;
const OF_THE_SESSION = /\b((ontwerp|regio)?sessies?|bijeenkomst(en)?|session|meeting|workshop)\b/;
function newsletterSaid(f: Features): { text: string } | null {
  if (!cue.NEWSLETTER.test(f.bodyText)) return null;
  for (const t of sentenceTexts(f.bodyClauses).values()) if (cue.NEWSLETTER.test(t)) return { text: t };
  return null;
}
function withdrawsFromSessionApart(f: Features): boolean {
  const said = sentenceTexts(f.bodyClauses);
  return [...said].some(([n, t]) => !cue.NEWSLETTER.test(t) && (cue.CANCEL_STRONG.test(t) || (cue.CANCEL_WEAK.test(t) && REGISTERED.test(t)))
    && f.bodyClauses.some((c) => c.sentence === n && c.neg) && (OF_THE_SESSION.test(t) || f.bodyRefs.some((r) => naming(r) && f.bodyClauses[r.clause]?.sentence === n)));
}

// A person named in a clause without the sender in it: "Ruud de Bruin", "mevrouw A. Visser".
// (Not the place a session is in: "Graag Arnhem" names a session.)
const NAMED_PERSON = boundaryOnce(/\b(mevrouw|mevr|mw|meneer|mijnheer|de heer|dhr)\b|\b([A-Z]\.\s?)+[A-Z][a-z]+|\b(?!(Graag|Hierbij|Wilt|Kunt|Zou|Please)\b)[A-Z][a-z]+ ((van|de|der|den|ter|te|el|van der|van de|van den) )*[A-Z][a-z]{2,}\b/);
const namesAnother = (c: Clause, f: Features) => {
  if (FIRST_PERSON.test(c.folded)) return false;
  const m = NAMED_PERSON.exec(c.text);
  const i = f.bodyClauses.indexOf(c);
  return !!m && !f.bodyRefs.some((r) => r.clause === i && m[0].includes(r.text));
};

function choosesOwnSession(f: Features): boolean {
  return f.bodyRefs.some((r) => naming(r) && r.polarity === 'pos'
    && /\b(ik|wij|we|mij|me|ons|wel|graag|liever)\b|\b(doe|zet|noteer|wordt het)( [a-z]+)? maar\b|^(dus |dan )?(doe|zet|noteer) maar\b/.test(f.bodyClauses[r.clause]?.folded ?? ''));
}

// The sender's own subject names a different session than the text chose.
function subjectConflict(f: Features, c: Choice): string | null {
  if (f.isReply || f.isForward || c.from !== 'text' || !c.session) return null;
  const subject = f.subjectRefs.filter((r) => naming(r) && r.polarity === 'pos');
  if (!subject.length || subject.some((r) => r.sessions.includes(c.session!))) return null;
  const ruledOut = new Set(sessionsIn(f.bodyRefs.filter((r) => r.polarity !== 'pos')));
  if (subject.every((r) => r.sessions.some((s) => ruledOut.has(s)))) return null;
  return `subject names ${subject.map((r) => r.text).join(', ')}`;
}

// A newsletter's way out, or a label before a (masked) link ("Afmelden: https://…"): a mailing's footer.
const MAILING_MATTER = /\b(nieuwsbrief|newsletter|mailing\w*|verzendlijst|abonnement\w*|subscri\w*)\b|^\W*(afmelden|uitschrijven|unsubscribe|abmelden)\s*:\s*$/;

// Wordings that ask to be signed up, as against telling that one comes ("ik kom wel").
const ASKS = /\b(aanmeld\w*|oanmeld\w*|meld\w*\b.*\boan|aan te melden|meld\w*\b.*\baan|inschrijv\w*|in te schrijven|schrijf\b.*\bin|noteer|noteren|registr\w*|opgeven|op te geven|geef\b.*\bop|reserve\w*|(plek|plekken|plaats|plaatsen|stoelen)|sign (me |us )?up|register)\b/;

/**
 * The sender's own withdrawal beside a signup: null when there is none (or it rules out another
 * session, "Venlo lukt niet, Breda wel"); true when it names the very session chosen; false
 * when it names none.
 */
// A colleague who may go: "overweegt te gaan", "denkt erover om te gaan" (one who goes, "mijn
// collega gaat wel", leaves the sender's withdrawal standing).
const MAY = /\b(overweeg\w*|denkt erover|denken erover|misschien|wellicht|twijfel\w*|mogelijk)\b/;
const ON_ANOTHERS_NAME = /\b(op|onder|naar) (zijn|haar|de) naam\b|\bop naam van\b/;
const GROUP_STAYS = /\b(aanpassen|wijzigen|bijstellen|terugbrengen|verlagen|veranderen) (naar|tot|in) (\d+|een|twee|drie|vier|vijf|zes|zeven|acht) (personen|deelnemers|mensen|plaatsen)\b/;
// ("Mijn collega komt wel" is someone already signed up who still comes: the withdrawal stands.)
// ("Namens wethouder Koster: hij neemt deel" is a secretary acting for the alderman, no stand-in.)
const STANDS_IN = /\b(plaatsvervang\w*|vervanger|opvolger|in (mijn|zijn|haar) plaats|in plaats van mij|instead)\b/;
const TO_THE_SESSION = /\bnaar (de|die|deze|het|the) (ontwerp)?(sessie|bijeenkomst|session|meeting)\b/;
const GOES = /\b(gaat|gaan|komt|komen|goes|go|attends?|neemt|nemen|schuift|schuiven|sluit|sluiten)\b/;
const LIST_OFF = /\b(haal|haalt|schrap|schrapt|verwijder|verwijdert)\b[^.?!]{0,40}?\bvan de (deelnemers)?lijst\b|\bvan de (deelnemers)?lijst\b[^.?!]{0,20}?\b(halen|afhalen|schrappen|verwijderen|af)\b/;
const ONLY_MYSELF = /\b(zelf|ikzelf|mijzelf|myself)\b/;
// Who withdraws is who the clause names before its words of withdrawing: "de fractievoorzitter kan
// zelf niet en vroeg of ik wilde gaan" withdraws the chairman, though the sender is in the clause.
function withdrawnByOthers(c: Clause): boolean {
  if (c.others) return true;
  const m = cue.CANCEL_STRONG.exec(c.folded) ?? cue.CANCEL_WEAK.exec(c.folded);
  if (!m) return false;
  const upTo = c.folded.slice(0, m.index + m[0].length);
  return THIRD_PERSON.test(upTo) && !FIRST_PERSON.test(upTo);
}
function ownWithdrawalBeside(f: Features, session: string | null): boolean | null {
  if (!f.cancelStrong && !f.cancelWeak) return null;
  let found: boolean | null = null;
  const sessionsOf = (refs: Ref[]) => new Set(sessionsIn(refs.filter((r) => naming(r) && r.sessions.length === 1)));
  // Read per sentence: "ik zal er dus niet bij zijn" is split into clauses at "dus".
  const bySentence = new Map<number, number[]>();
  f.bodyClauses.forEach((c, i) => bySentence.set(c.sentence, [...(bySentence.get(c.sentence) ?? []), i]));
  for (const all of bySentence.values()) {
    // "Haal mij dus maar van de lijst voor Venlo": taking oneself off the list withdraws, however
    // the clause split cut the sentence.
    const listOff = LIST_OFF.test(all.map((i) => f.bodyClauses[i]!.folded).join(' ')) && !all.some((i) => f.bodyClauses[i]!.question || f.bodyClauses[i]!.others);
    const idx = listOff ? all : all.filter((i) => f.bodyClauses[i]!.neg);
    const clauses = idx.map((i) => f.bodyClauses[i]!);
    const said = all.map((i) => f.bodyClauses[i]!.folded).join(', ');
    // ("Mocht ik onverhoopt niet kunnen, dan laat ik het weten", "mocht ik me later moeten afmelden,
    // kan dat per mail?": the sender's own withdrawal supposed; "als dat niet kan, moet ik afhaken"
    // waits on an answer, a condition, and stays.)
    if (SUPPOSED.test(said) || (IF_WITHDRAWING.test(said) && all.some((i) => f.bodyClauses[i]!.question))) continue;
    if (!clauses.length || clauses.every(withdrawnByOthers) || MAILING_MATTER.test(said) || !(cue.CANCEL_STRONG.test(said) || cue.CANCEL_WEAK.test(said))) continue;
    // "Burgemeester A en wethouder B komen graag naar Assen. Zelf ben ik er niet bij": who signs
    // others up says who does not come; that is no withdrawal (what-is-asked.test.ts).
    // (Also when the others are signed up by a request to us: "kun je wethouder K. aanmelden? Ik kom zelf niet mee".)
    if (ONLY_MYSELF.test(said) && f.bodyClauses.some((c, i) => !all.includes(i) && !c.neg && (!c.question || askedToAct(c.folded)) && (c.others || namesAnother(c, f)) && cue.signsUp(c.folded))) continue;
    // What the negative clauses name; a positive clause beside them is the choice ("Venlo lukt niet, Breda wel").
    let named = sessionsOf(f.bodyRefs.filter((r) => idx.includes(r.clause)));
    // "Het congres kan ik niet bijwonen, Utrecht wel": declining another engagement is no withdrawal.
    if (!named.size && clauses.every((c) => c.agenda)) continue;
    // "Arnhem leek handig, maar dat wordt niets", "die datum past niet": what it points back to.
    // The nearest session named before it, not every one: "Graag overstappen naar Utrecht. …
    // Haarlem dus graag laten vervallen" withdraws from Haarlem.
    if (!named.size) {
      const before = f.bodyRefs.filter((r) => r.clause < idx[0]! && naming(r) && r.sessions.length === 1);
      const nearest = before.reduce((m, r) => Math.max(m, r.clause), -1);
      named = sessionsOf(before.filter((r) => r.clause === nearest));
      // "Arnhem past beter dan Venlo. Die kunt u dus laten vervallen": which one is for a person.
      if (named.size > 1) { found = found ?? false; continue; }
    }
    // The subject only when the same sentence makes the choice ("Die datum past niet, ik kom graag naar Arnhem").
    if (!named.size && all.some((i) => f.bodyRefs.some((r) => r.clause === i && r.polarity === 'pos' && naming(r)))) named = sessionsOf(f.subjectRefs);
    if (named.size && !(session && named.has(session))) continue; // rules out another session
    found = named.size > 0 ? true : found ?? false;
  }
  return found;
}

// A withdrawal is the sender's own when some clause that withdraws has the sender (or nobody
// named) as its subject; "mijn collega kan niet" alone is someone else's.
function ownWithdrawal(f: Features): boolean {
  const withdrawing = f.bodyClauses.filter((c) => c.neg && cue.withdraws(c.folded));
  if (!withdrawing.length) return true; // from the subject ("Afmelding")
  // A withdrawal asked about is none: "de sessie in Venlo gaat toch niet door?", "hoe horen
  // gemeenten die niet aanwezig konden zijn de uitkomsten?" ask something of us. A question
  // withdraws the sender when the sender is in it ("ik kan niet komen, is dat erg?") or when it
  // asks us to take a registration off ("kunt u de aanmelding voor Venlo schrappen?").
  // The sender's own organisation withdrawing is the sender's withdrawal: "wegens ziekte van onze
  // griffier meldt de gemeente Roosendaal zich af".
  // "Ik moet mij en mijn collega afmelden", "wij (ik en Kees) kunnen niet": the sender among those
  // withdrawn, however the clause split cut the sentence.
  const said = sentenceTexts(f.bodyClauses);
  // "Ik begreep van de griffier dat hun delegatie zich heeft afgemeld", "ik las dat mijn collega
  // zich heeft afgemeld": news heard of others' withdrawal, not the sender's.
  // "Veel raadsleden hebben een baan en kunnen daardoor niet deelnemen": people in general.
  return withdrawing.some((c) => !heardOfOthers(said.get(c.sentence) ?? c.folded) && !(PEOPLE_IN_GENERAL.test(c.folded) && !FIRST_PERSON.test(c.folded))
    && (!c.others || FIRST_PERSON.test(c.folded) || ORGANISATION_WITHDRAWS.test(c.folded) || SELF_AND_OTHERS_OFF.test(said.get(c.sentence) ?? ''))
    && (!c.question || FIRST_PERSON.test(c.folded) || POSSESSIVE.test(c.folded) || askedToTakeOff(c.folded)));
}
const HEARD_THAT = /\b((ik|wij|we)\b[^.?!]{0,10}\b(begreep|begrepen|begrijp|hoorde|hoorden|hoor|las|lazen|lees|zag|zagen|vernam|vernamen|kreeg te horen|kregen te horen)|(begreep|begrepen|hoorde|hoorden|las|lazen|vernam|vernamen|zag|zagen) (ik|wij|we))\b[^.?!]{0,60}?\bdat\b/;
const PEOPLE_IN_GENERAL = /\b(veel|sommige|de meeste|meerdere|enkele|alle|andere|veel andere|zulke|die) (raadsleden|collega'?s|mensen|ambtenaren|wethouders|gemeenten|deelnemers|bestuurders|griffiers|burgemeesters|medewerkers)\b/;
function heardOfOthers(sentence: string): boolean {
  const m = HEARD_THAT.exec(sentence);
  return m !== null && !FIRST_PERSON.test(sentence.slice(m.index + m[0].length));
}
const SELF_AND_OTHERS_OFF = /\b(mij|me|mijzelf|mezelf|ons|onszelf)(,)? (en|&) [^.?!]{1,40}\b(afmelden|af te melden|af|uitschrijven|uit te schrijven|schrappen)\b|\b(ik|ikzelf|wij|we)(,)? (en|&) (mijn|onze|m'n) [^.?!]{1,30}\b(kunnen|komen|zijn)\b[^.?!]{0,20}\bniet\b/;
// The words the gate reads a withdrawal by (permitted(), below).
// Another engagement the sender attends instead. (A compound ends in its noun:
// "bestuurdersconferentie", "raadsvergadering".)
const ANOTHER_ENGAGEMENT = /(conferentie|congres|vergadering|overleg|afspraak|training|cursus|bruiloft|begrafenis|werkbezoek|dienstreis|hoorzitting|symposium|seminar)\b/;
// No one of them: "er kan niemand aanwezig zijn" signs no one up.
const NO_ONE = /\b(niemand|nobody|no one|none|neither|geen van)\b/;
// Words that undo a registration, so that there was one: "meld mij af", "annuleren". (Narrower
// than CANCEL_STRONG: "van de lijst halen" may take off someone else.)
const SIGNS_OFF = /\b(meld\w*|melden)\b[^.?!]{0,30}\baf\b|\b(afmelden|afmelding|afgemeld|uitschrijven|uit te schrijven|uitgeschreven|annuleer|annuleren|intrekken|in te trekken|cancel my|withdraw my)\b/;
// Someone else who still comes: "mijn collega komt wel", "but my colleague will".
const OTHER_COMES = /\b(komt|gaat|komen|gaan)\b[^.?!]{0,20}\bwel\b|\bwel\b (komt|gaat|komen|gaan)\b|\b(he|she|they) (will|'ll)\b|\b(my|our) (colleague|colleagues|alderman|mayor)\b[^.?!]{0,20}\b(will|is coming|comes)\b/;
// THIRD_PERSON's roles, in English.
const ANOTHER_IN_ENGLISH = /\b(my|our) (colleague|colleagues|alderman|mayor|deputy)\b|\b(he|she|they)\b/;
// Words that say that someone else stays on their registration: "gewoon", "blijft aangemeld",
// "die zich zelf heeft aangemeld", "uit de groep", "dat was al geregeld".
const STAYS_AS_PLANNED = /\b(gewoon|nog steeds|nog altijd|nog wel|wel nog|zoals gepland|zoals afgesproken|as planned|still)\b|\bblijft\b[^.?!]{0,20}\b(aangemeld|ingeschreven|staan|genoteerd)\b|\b(waren|zijn|stonden|staan) (wij |we )?met z'?n\b|\b(uit|van) (de|onze|ons|het) (groep|delegatie|team|gezelschap)\b|\bzich(zelf)?\b[^.?!]{0,25}\b(aangemeld|ingeschreven|opgegeven)\b|\b(was|is|waren|zijn|staat|stond) (al|reeds) (geregeld|afgesproken|rond)\b/;
// The sender's organisation withdrawing itself: "meldt de gemeente Roosendaal zich af".
const ORGANISATION_WITHDRAWS = /\b(meldt|melden|trekt|trekken) (de|onze|ons) (gemeente|griffie|raad|gemeenteraad|college)( [a-z'-]+){0,3} zich\b|\b(de|onze|ons) (gemeente|griffie|raad|gemeenteraad|college)( [a-z'-]+){0,3} (meldt|melden|trekt|trekken) zich\b/;
// The sender asking after their own registration: "voor welke sessie sta ik?", "ben ik aangemeld?".
const OWN_STATUS = /\b(sta|staan) (ik|we|wij)\b|\b(ben|zijn) (ik|we|wij) (al |nu |wel |eigenlijk |nou )*(aangemeld|ingeschreven|geregistreerd|genoteerd)\b|\b(am|are) (i|we) (already |actually )?(registered|signed up|on the list)\b/;
// What is the sender's: "mijn aanmelding", "our registration" (FIRST_PERSON names the sender).
const POSSESSIVE = /\b(mijn|onze|my|our)\b/;

// The sender comes whatever the answer: "ik kom in ieder geval", "sowieso kom ik", "I'll come either way".
const COMES_ANYWAY = /\b(ik|wij|we) (kom|komen|ben|zijn)\b[^.?!]{0,15}\b(in ieder geval|in elk geval|sowieso|hoe dan ook)\b|\b(in ieder geval|in elk geval|sowieso|hoe dan ook) (kom|komen|ben|zijn) (ik|wij|we)\b|\b(i|we)('ll| will) (come|be there|attend) (either way|regardless|anyway)\b/;

// How many of the sender's group still come: "we komen met z'n tweeën", "wij zijn dan met drie"
// (not "wij komen met z'n tweeën niet": none of them comes).
// (In English: "so it'll just be the two of us", "we will be three", "two of us will still come".)
const GROUP_NOW = /\b(we|wij) (komen|zijn|gaan)\b(?![^.?!]*\bniet\b)[^.?!]{0,25}\bmet (z'?n|zijn|ons|\d+|twee|drie|vier|vijf|zes)\b|\b(it('ll| will) (just |only )?be|(we|we'll|we will) (just |only )?be) (the )?(two|three|four|five|\d)( of us)?\b|\b(two|three|four|\d) of us (will )?(still )?(come|attend|be there)\b/;

// The sender staying as they were: "ik kom nog wel", "wij komen gewoon", "ik blijf aangemeld".
const SENDER_STAYS = /\b(ik|wij|we) (kom|komen|ben|zijn|ga|gaan)\b[^.?!]{0,20}\b(nog wel|wel nog|nog steeds|nog altijd|gewoon|zoals gepland|zoals afgesproken)\b|\b(ik|wij|we) (blijf|blijven)\b[^.?!]{0,15}\b(aangemeld|ingeschreven|staan|komen)\b/;

// After one session, someone else sent to another: "… voor Haarlem en mij voor Utrecht", "… naar
// Arnhem, de raadsleden naar Venlo" (§ marks a session named).
// (Someone is any words that are not a way of going: "… naar Utrecht en daarna naar Haarlem" sends no one.)
const EACH_THEIR_OWN = /§[^.?!§]{0,6}(\ben\b|,)\s*((?!(daarna|anders|eventueel|misschien|ook|dan|of|en|liever|evt|eerst|later|verder|vervolgens|wel|niet|graag|zelf|zo|nog|dus|maar)\b)[a-z'-]+\s+){1,4}?(voor|naar)\s+(de sessie (in|op|van)\s+)?§/;

// Someone else's going is their own affair, told in passing: arranged by them ("dat regelt zijn
// secretariaat zelf", "zij mailt zelf", "hij heeft zich daar al zelf voor gemeld") or news heard
// from them ("mijn buurman vertelde dat hij naar Venlo gaat").
// Or already arranged: "mijn collega gaat al naar Venlo", "zij staat al ingeschreven".
// Arranged by them, in so many words: cue.BY_THEMSELVES.
const ARRANGES_OWN = boundaryOnce(new RegExp(`${cue.BY_THEMSELVES.source}|` + /\b(gaat|gaan|komt|komen) (al|reeds)\b|\b(is|zijn|staat|staan) (al|reeds) (aangemeld|ingeschreven|genoteerd|opgegeven)\b|\b(heeft|hebben) zich\b[^.?!]{0,30}\b(gemeld|aangemeld|ingeschreven|opgegeven)\b|\b(vertelde|vertelt|zei|zegt|hoorde|begreep)\b[^.?!]{0,12}\bdat\b/.source));

/**
 * The gate every act passes (see "When the bot may act" in README.md). An act needs to be
 * about our sessions and the sender's own; contrary evidence turns a register into escalate
 * or alternatives, never into a confirmation.
 */
const LURE = /\b(claim (uw|je|jouw)|te claimen|gratis (cadeau|tablet|iphone|prijs|proefperiode|geschenk)|(u|je) bent (geselecteerd|uitgekozen|uitverkoren)|(u|je) heeft gewonnen|klik hier (om|voor) (uw|je|jouw|de) (prijs|cadeau|beloning|tablet)|you have been selected|claim your (free |prize|gift|reward))/;

function permitted(d: Decision, f: Features, thread: ThreadContext | null | undefined): Decision {
  if (d.intent === 'escalate' || d.intent === 'ignore') return d;
  const e = collectEvidence(f, thread, f.subjectClauses.map((c) => c.folded).join(' '));
  const stop = (intent: Intent, reason: string, why: string): Decision => result(intent, reason, 0.6, [...d.evidence, why], {
    candidate: d.session ?? d.requested ?? d.candidate, requested: intent === 'alternatives' ? d.session ?? d.requested : null,
  });
  const contrary = (k: ContraryKind) => e.contrary(k);
  if (!e.ours) return stop('escalate', 'not-about-the-sessions', 'names nothing of the sessions, no thread of ours');
  // A lure ("u bent geselecteerd", "claim uw gratis cadeau", "klik hier om …") is an advertisement,
  // whatever signup words it borrows ("Uw aanmelding is bevestigd! Aanmelden duurt 1 minuut").
  const lure = LURE.exec(f.contentLower);
  if (lure) return stop('escalate', 'offer', `a lure: "${lure[0]}"`);
  // Written to others with us in Cc ("ter informatie"): whatever it says, it does not ask us to act.
  if (f.copiedOnly) return stop('escalate', 'copied-only', 'addressed to others; D-Loket only in Cc');
  d.evidence.push(`about the sessions: ${e.ours.where} "${e.ours.text}"`);
  const transfer = contrary('transfer');
  // (A withdrawal beside a place the other will claim themselves stands: "… mijn collega wil mijn
  // plaats innemen, maar dat hoort u van hem".)
  if (transfer && d.intent !== 'alternatives' && !(d.intent === 'cancel' && cue.BY_THEMSELVES.test(f.contentLower))) return stop('escalate', 'transfer', `hands a place on: "${transfer.text}"`);
  // The list of dates goes to someone who wants to come: a signup made, an acceptance, or a
  // request for dates. "Register today and receive 30% discount" is an advertisement.
  // An answer in a thread of ours (to our list of dates, say) is answered again with the list.
  // (A wish to come earns the list when the sender named where or when, or asks for the list; one
  // who names nothing and asks whether they may come, or who should call, is for a person.)
  // "Wil je collega Roel aanmelden voor Haarlem en mij voor Utrecht?": a session chosen for each,
  // not several left open; one registration cannot hold both, a person enters them.
  if (d.intent === 'alternatives' && (d.reason === 'several-sessions' || d.reason === 'date-conflict') && EACH_THEIR_OWN.test(markRefs(f.bodyText, f.bodyRefs.filter((r) => r.polarity === 'pos' || r.polarity === 'other')))) {
    return stop('escalate', 'split', 'people for two sessions, one each');
  }
  // "In de bijlage treft u onze aanmeldingen aan", whether the file came or not: which session may
  // stand in it, and the list answers nothing of it.
  if (d.intent === 'alternatives' && d.reason === 'no-session-named' && cue.ATTACHMENT_REF.test(f.bodyText)) return stop('escalate', 'attachment', 'leans on an attachment for the signup');
  // "Misschien kom ik naar Venlo; kunt u mij voorlopig noteren?": the session is named and only the
  // holding back leaves none chosen. The list answers nothing of it; a person does.
  if (d.intent === 'alternatives' && d.reason === 'no-session-named' && [...f.bodyRefs, ...f.subjectRefs].some((r) => naming(r) && r.sessions.length === 1)) {
    const hedge = contrary('hedge');
    if (hedge) return stop('escalate', 'hedged', `holds back: "${hedge.text}"`);
  }
  // "Wij kunnen bij geen van de sessies aanwezig zijn. Hoe kunnen we op een andere manier
  // meedoen?": every session declined, and the question asks how to take part otherwise; the
  // list is no answer to it.
  if (d.intent === 'alternatives' && allDeclined(f)) {
    const asked = questionAsked(f);
    if (asked && !cue.OTHER_DATES.test(asked) && !cue.LIST_ANSWERS.test(asked) && (cue.signsUp(asked) || asksTakingPart(asked) || OTHER_WAY.test(asked))) return stop('escalate', 'question', `declines every session, asks about taking part otherwise: ${asked}`);
  }
  const listWanted = () => wantsToCome(f) && (d.reason !== 'no-session-named' || cue.LIST_ANSWERS.test(f.questionText ?? ''));
  // ("Kunt u mij nog eens het overzicht sturen?" asks for the list itself: it is the answer.)
  if (d.intent === 'alternatives' && !thread && !f.accept && !f.otherDates && !f.availability && !firmSignup(f, false) && !listWanted() && !listAsked(f)) {
    return stop('escalate', 'question', 'no signup made and no dates asked for');
  }
  // "Voor welke sessie sta ik eigenlijk?", "ben ik al aangemeld?": the sender asks after their own
  // registration; a person looks it up. The list of dates answers nothing of it.
  const status = d.intent === 'alternatives' ? f.bodyClauses.find((c) => c.question && OWN_STATUS.test(c.folded)) : undefined;
  if (status) return stop('escalate', 'status', `asks after their own registration: "${status.text}"`);
  if (d.intent === 'cancel') {
    // A mailing matter beside a withdrawal from the session, said in a sentence of its own, is a
    // remark for a person; alone (or as the only thing withdrawn from) it withdraws nothing of ours.
    const mailing = contrary('mailing') ?? newsletterSaid(f);
    if (mailing) {
      if (!withdrawsFromSessionApart(f)) return stop('escalate', 'mailing', `a mailing matter: "${mailing.text}"`);
      d = { ...d, remark: `a mailing matter: ${mailing.text}`, evidence: [...d.evidence, `for a person: a mailing matter ("${mailing.text}")`] };
    }
    // A withdrawal the sender did not make: reported to them ("ik kreeg een bericht dat mijn
    // aanmelding is geannuleerd", "volgens jullie lijst ben ik afgemeld") or disputed ("daar heb ik
    // nooit om gevraagd", "waarom ben ik afgemeld?"). A person looks into what happened.
    // "Ik kan niet naar Breda reizen; kan ik online meekijken?": who asks how to take part from
    // afar has not given up taking part.
    const notMade = withdrawalNotMade(f);
    if (notMade) return stop('escalate', notMade.reason, notMade.why);
    // "Ik kan zelf niet bij de sessies zijn, maar wilde dit toch meegeven": with no session named,
    // a withdrawal needs something to withdraw (words of withdrawing, "verhinderd", a registration
    // told of, "toch", our thread); without, the sender tells why they write, and a person answers.
    // (A reply declines what it answers: "RE: Overzicht ontwerpsessies — ik kan helaas niet komen".)
    if (d.session === null && !f.onBehalf && !f.isReply && !somethingToWithdraw(f, thread)) return stop('escalate', 'nothing-to-withdraw', 'cannot come, with no registration told of to withdraw');
    // A secretariat withdrawing the person it writes for withdraws the registration it made; a
    // colleague's absence told by a peer is not the sender's ("mijn collega kan niet").
    if (!ownWithdrawal(f) && !f.onBehalf) return stop('escalate', 'someone-else', 'the withdrawal is someone else\'s, or only asked about');
    // "Mijn collega kan niet meer. Ik kom wel gewoon": the sender stays; a person changes the group.
    if (STILL_COMING.test(f.contentLower)) return stop('escalate', 'someone-else', 'the sender still comes');
    // "Roelof gaat toch niet mee, dus we komen met z'n tweeën": one of a group drops out and the
    // sender says how many still come. A cancellation cancels the whole registration, so this is a
    // registration to change, for a person. (Read by sentence: the clause split cuts at "dus".)
    const groupNow = [...sentenceTexts(f.bodyClauses).values()].find((t) => GROUP_NOW.test(t) && !/\?/.test(t));
    if (groupNow) return stop('escalate', 'someone-else', `the sender says who still comes: "${groupNow.trim()}"`);
    // "Wilt u mijn collega aanmelden? Zelf kan ik niet" from someone registered: a person swaps them.
    // Someone named counts as someone else ("Graag Ruud de Bruin aanmelden. Ikzelf kom niet").
    // ("Mijn collega gaat namens het team naar de sessie. Ik zelf kan niet": someone goes, whatever
    // the words; a person sees who.)
    const sentences = sentenceTexts(f.bodyClauses);
    if (f.bodyClauses.some((c) => (c.others || namesAnother(c, f)) && !c.neg && !c.question && !cue.BY_THEMSELVES.test(sentences.get(c.sentence) ?? c.folded) && (cue.signsUp(c.folded) || (c.others && GOES.test(c.folded) && TO_THE_SESSION.test(c.folded))))) return stop('escalate', 'substitution', 'someone else signs up in the sender\'s place');
    // "Ik kom niet naar Assen, mijn collega komt wel": the colleague stays on a registration shared
    // with the sender, or goes in the sender's place. Which, only the registration tells: a person
    // looks, unless the words say it ("komt wel gewoon", "nog steeds", "die zich zelf heeft
    // aangemeld", "blijft aangemeld": they stay, and the sender's withdrawal is just that).
    const stillComes = f.bodyClauses.find((c) => (c.others || namesAnother(c, f) || ANOTHER_IN_ENGLISH.test(c.folded)) && !c.neg && !c.question && OTHER_COMES.test(c.folded));
    // (Only beside the sender's own withdrawal: a griffie that signs two of its group off and
    // writes "wethouder K. komt wel" tells who stays on the registration it made.)
    const selfOff = () => f.bodyClauses.some((c) => c.neg && FIRST_PERSON.test(c.folded) && cue.withdraws(c.folded));
    if (stillComes && !STAYS_AS_PLANNED.test(f.contentLower) && !ARRANGES_OWN.test(f.contentLower) && selfOff()) {
      return stop('escalate', 'substitution', `someone else still comes ("${stillComes.text.trim()}"): on the same registration, or in the sender's place`);
    }
    // "Mijn collega denkt erover om te gaan; kan de aanmelding op zijn naam blijven staan?": a
    // colleague who may take the place; a person re-assigns it.
    // ("Mogelijk schuift een collega aan; die meldt zich dan zelf" leaves it to the colleague.)
    const mayGo = f.bodyClauses.find((c) => c.others && !c.neg && GOES.test(c.folded) && MAY.test(c.folded));
    const theirOwn = contrary('deferred');
    // ("Een collega gaat misschien wel, die mailt zelf": arranged by the colleague, as above.)
    if (((mayGo && !ARRANGES_OWN.test(f.contentLower)) || ON_ANOTHERS_NAME.test(f.contentLower)) && !(theirOwn && aboutAnother(theirOwn.text))) return stop('escalate', 'substitution', 'a colleague may take the place');
    // "Utrecht lukt niet meer; welke andere data zijn er nog?": wants to attend, on another date.
    // Asked for, not "een andere datum hoeft niet" nor "ik moet naar een andere bijeenkomst".
    const other = otherAsked(f, true);
    if (other) return stop('alternatives', 'elsewhere', `withdraws, and asks for another session: "${other}"`);
    // "Wij kunnen niet bij de sessies zijn, maar willen wel meedoen aan Democratie in Actie. Hoe
    // melden we ons daarvoor aan?": a question about taking part in something else, beside the
    // withdrawal. Whatever the answer, the sender wants in somewhere; a person answers. (Asking to
    // be taken off is no such question: "kunt u mijn aanmelding intrekken?"; asking for other dates
    // is answered with the list, above.)
    const asked = questionAsked(f);
    if (asked && !cue.withdraws(asked) && !cue.OTHER_DATES.test(asked) && (cue.signsUp(asked) || asksTakingPart(asked))) return stop('escalate', 'question', `asks about taking part: ${asked}`);
    // "Wilt u de aanmelding aanpassen naar twee personen?": a registration changed, not given up;
    // a person changes it. (One of a group who drops out is that one's withdrawal, as labelled.)
    const rest = GROUP_STAYS.exec(f.contentLower);
    if (rest) return stop('escalate', 'change', `the registration changed, not given up: "${rest[0]}"`);
    // (A doubt about some later occasion does not doubt the withdrawal: "ik kijk wel of er in het
    // najaar iets komt".)
    const laterOn = (t: string) => { const said = sentenceHolding(f, t); return LATER_ON.test(said) && !cue.signsUp(said.replace(LATER_ON, ' ')); };
    const hedge = [contrary('hedge'), contrary('condition')].find((h) => h && !laterOn(h.text));
    if (hedge) return stop('escalate', 'hedged', `holds back: "${hedge.text}"`);
    // "Als het de sessie op 28 juni is, moet ik me afmelden": a withdrawal that waits on a fact.
    const iff = IF_WITHDRAWING.exec(f.contentLower);
    if (iff) return stop('escalate', 'condition', `withdraws only if: "${iff[0]}"`);
    // "Ik heb me nergens voor opgegeven": nothing of the sender's to withdraw; a mailing matter.
    const never = NEVER_SIGNED_UP.exec(f.contentLower);
    if (never) return stop('escalate', 'mailing', `never signed up: "${never[0]}"`);
    return d;
  }
  if (d.intent === 'register') {
    // "Mijn collega komt niet mee, ik wel": a change to a shared registration, for a person.
    // ("Zij kan niet; ik kom in haar plaats" takes the place: a signup, the swap a remark.)
    // Only where there is a registration to change: "Helaas kan onze wethouder niet, maar ik kom
    // zelf graag" with none told is why the sender comes, and their signup stands.
    if (f.othersWithdrew.length && !ASKS.test(f.register ?? '') && !cue.takesAPlace(f.contentLower) && registrationToChange(f, thread)) return stop('escalate', 'someone-else', 'someone else withdraws; the sender still comes');
    const hedge = contrary('hedge');
    if (hedge) return stop('escalate', 'hedged', `holds back: "${hedge.text}"`);
    // "Ik kom graag naar een van de sessies, de datum maakt me niet uit" under an invitation to
    // Haarlem: any session will do, so the one the subject or the quoted mail names is not chosen.
    const anySession = ANY_SESSION.exec(f.contentLower);
    if (anySession && !f.bodyRefs.some((r) => r.polarity === 'pos' && r.sessions.length === 1 && r.sessions[0] === d.session)) return stop('alternatives', 'any-session', `any session will do: "${anySession[0]}"`);
    // A hedge in the sender's subject ("Venlo 29 juni (voorlopig)", "Aanmelding onder voorbehoud").
    const subjectHedge = f.subjectClauses.map((c) => SUBJECT_HEDGE.exec(c.folded)).find((m) => m);
    if (subjectHedge) return stop('escalate', 'hedged', `holds back in the subject: "${subjectHedge[0]}"`);
    // "Mag ik als inwoner ook komen?" in the subject: whether the sender may come at all.
    const subjectAsks = f.subjectClauses.find((c) => c.question && cue.ELIGIBILITY_SELF.test(c.folded));
    if (subjectAsks) return stop('escalate', 'condition', `asks whether they may come: "${subjectAsks.text}"`);
    // The same asked in the text, in any of the languages it comes in ("Dürfen wir als deutsche
    // Kommune an der Sitzung teilnehmen?"), whatever the subject says; and whether others may come
    // ("Dürfen auch Kollegen aus Aachen teilnehmen?") when only the subject signs anyone up.
    const asked = questionAsked(f);
    if (cue.ELIGIBILITY.test(asked) && (cue.ELIGIBILITY_SELF.test(asked)
      || (!cue.ASKS_OF_SELF.test(asked) && !cue.STILL_ASKED.test(asked) && !f.bodyClauses.some((c) => !c.neg && !c.question && cue.signsUp(c.folded))))) {
      return stop('escalate', 'condition', `asks whether they may come: "${asked}"`);
    }
    // A session elsewhere asked for first: "Is er een sessie in Limburg? Dan kom ik graag" is
    // answered by the list, whatever condition it puts.
    const elsewhere = contrary('elsewhere');
    if (elsewhere) return stop('alternatives', 'elsewhere', `asks for another session: "${elsewhere.text}"`);
    // A question the sender's coming does not wait on: "is de sessie alleen voor ambtenaren? Ik kom
    // in ieder geval zelf" (an "als …, kom ik" still waits).
    const condition = contrary('condition');
    // ("Ik kom sowieso, maar het zou helpen als er een schrijftolk is": coming whatever the answer,
    // with a wish, not a condition, after it.)
    // ("Ik kom hoe dan ook, maar … zijn er kosten, en zo ja, …": said in the condition's own sentence.)
    if (condition && !comesWhateverTheAnswer(f, condition.text)) return stop('escalate', 'condition', `attendance depends on: "${condition.text}"`);
    // "Hij meldt zich zelf nog aan", "de aanmelding volgt": a signup yet to come. Someone else's
    // leaves the sender's own signup standing ("wij melden ons aan; de wethouder meldt zich
    // eventueel later zelf aan").
    const deferred = contrary('deferred');
    if (deferred && !(aboutAnother(deferred.text) && ownSignup(f))) return stop('escalate', 'hedged', `a signup yet to come: "${deferred.text}"`);
    // People sent to two sessions in one mail ("de wethouder gaat naar Arnhem, de raadsleden naar
    // Venlo; graag alle drie noteren"): one registration cannot hold both, a person enters them.
    // Not when the other one signs up for themselves ("hij meldt zich daar zelf voor aan", "dat
    // regelt zijn secretariaat zelf", "zij mailt zelf", "heeft zich al zelf gemeld").
    const split = f.bodyRefs.find((r) => r.polarity === 'other' && naming(r) && r.sessions.length === 1 && r.sessions[0] !== d.session
      && !f.bodyClauses[r.clause]?.neg && (GOES.test(f.bodyClauses[r.clause]?.folded ?? '') || WANTS_TO_GO.test(f.bodyClauses[r.clause]?.folded ?? '')));
    // Also when the sender goes to one ("ik meld mij aan voor Haarlem; mijn collega gaat naar
    // Venlo"): confirming the sender's alone would leave the colleague's unhandled (five writers
    // of rounds 21-23 labelled it so).
    if (split && !(deferred && aboutAnother(deferred.text)) && !ARRANGES_OWN.test(f.contentLower)) return stop('escalate', 'split', `people for two sessions: "${split.text}"`);
    // "1. Jan meldt zich af voor Haarlem. 2. Petra meldt zich aan voor Arnhem": someone else taken off
    // another session beside the signup; changes for several people, for a person.
    const theirsOff = f.bodyClauses.find((c, i) => c.neg && cue.withdraws(c.folded) && (REFLEXIVE.test(c.folded) || withdrawnByOthers(c))
      && f.bodyRefs.some((r) => r.clause === i && naming(r) && r.sessions.length === 1 && r.sessions[0] !== d.session));
    if (theirsOff) return stop('escalate', 'split', `someone else off another session: "${theirsOff.text}"`);
    const withdrawal = ownWithdrawalBeside(f, d.session);
    if (withdrawal !== null) {
      // Named the session and says they cannot come, without asking to be signed up: that is a withdrawal.
      // Not when a clause of the sender's says they come ("ik had me afgemeld …, ik kom dus gewoon"):
      // a withdrawal contradicted is no withdrawal to act on.
      // (Not a clause about another engagement, an earlier signup, or no one: "ik moet die dag bij de
      // bestuurdersconferentie aanwezig zijn", "ik had mij aangemeld", "er kan niemand aanwezig zijn".)
      const comes = f.bodyClauses.some((c) => !c.neg && !c.question && !c.others && !c.agenda && !c.prior && !NO_ONE.test(c.folded) && !ANOTHER_ENGAGEMENT.test(c.folded) && cue.signsUp(c.folded));
      if (withdrawal && !ASKS.test(f.register ?? '') && !comes) {
        // "Mocht ik niet kunnen, kan ik me dan kosteloos afmelden?": a withdrawal supposed, not made.
        const iff = IF_WITHDRAWING.exec(f.contentLower);
        if (iff) return stop('escalate', 'condition', `withdraws only if: "${iff[0]}"`);
        const notMade = withdrawalNotMade(f);
        if (notMade) return stop('escalate', notMade.reason, notMade.why);
        return { ...result('cancel', 'cancel-session', 0.7, [...d.evidence, 'withdraws from the session named']), session: d.session };
      }
      // "Mijn afmelding van vorige week was voorbarig; ik kom toch wel naar Arnhem": a withdrawal
      // that names no session, beside the sender's own coming after all, is taken back.
      const takenBack = withdrawal === false && comes && f.bodyClauses.some((c) => !c.neg && !c.question && !c.others && AFTER_ALL.test(c.folded) && cue.signsUp(c.folded));
      if (!takenBack) return stop('escalate', 'mixed', 'signs up and withdraws in the same mail');
      d.evidence.push('a withdrawal taken back: the sender comes after all');
    }
    // "Graag mijn adres van uw verzendlijst halen" under an invitation asks for something else.
    const mailing = contrary('mailing');
    if (mailing) return stop('escalate', 'mailing', `a mailing matter: "${mailing.text}"`);
    // "Graag aanmelden, maar dan voor een andere sessie: op 21 juni vergadert onze raad": another
    // session asked for in the very sentence that names this one.
    const other = f.otherDates ? otherAskedBeside(f, d.session) : null;
    if (other) return stop('alternatives', 'elsewhere', `asks for another session than the one named: "${other}"`);
    // "Mijn aanmelding voor Assen wil ik omzetten naar een andere sessie": another session asked
    // for, and no clause signs up for the one named.
    const moved = f.otherDates ? otherAsked(f) : null;
    if (moved && !f.bodyRefs.some((r) => r.polarity === 'pos' && r.sessions.length === 1 && r.sessions[0] === d.session && cue.signsUp(f.bodyClauses[r.clause]?.folded ?? '') && !cue.OTHER_DATES.test(f.bodyClauses[r.clause]?.folded ?? ''))) {
      return stop('alternatives', 'elsewhere', `asks for another session, signs up for none: "${moved}"`);
    }
    // "Ik heb me vorige week al aangemeld voor Assen. Hoe kom ik ...?": the signup is told of, not
    // made; what the mail asks is for a person.
    const told = ALREADY_SIGNED_UP.exec(f.contentLower);
    if (told && !/\b(niet|not|never|nooit)\b/.test(told[0]) && d.remark && !d.replaces) return stop('escalate', 'question', `already signed up ("${told[0]}"), asks: ${d.remark}`);
    // Beside a question, only a signup made firmly is confirmed: the sender's or a colleague's ("ik
    // meld mij aan", "wij komen", "graag een plek", "mijn collega komt ook"), not a wish ("ik zou
    // best willen", "zij zouden graag meegaan", "I would like to") or what "je" can do. A wish
    // with a question is the question's to answer.
    // Every confirmation needs a signup made, not only one beside a question: "het lijkt me
    // interessant", "onze burgemeester wil naar Venlo, heeft u zijn aanmelding?" name a session
    // without anyone asking for a seat.
    // An option picked from our own list of dates answers our question: that is a signup made.
    if (!f.accept && !d.replaces && d.reason !== 'thread-option' && !firmSignup(f, d.remark !== null)) {
      return stop('escalate', 'question', d.remark ? `a wish beside a question, no signup made: ${d.remark}` : 'no signup made, only a session named');
    }
  }
  return d;
}

// What the sender asks, if anything.
const questionAsked = (f: Features) => (f.question !== 'none' ? f.questionText ?? '' : '');
/** The sentence of the new text that holds `text` (a contrary item's words), or "". */
const sentenceHolding = (f: Features, text: string) => [...sentenceTexts(f.bodyClauses).values()].find((t) => t.includes(fold(text))) ?? '';
/** The sender comes whatever the answer: said in the condition's own sentence, or anywhere beside a condition that asks or wishes. */
function comesWhateverTheAnswer(f: Features, conditionText: string): boolean {
  if (COMES_ANYWAY.test(sentenceHolding(f, conditionText))) return true;
  return (conditionText.includes('?') || WISH_IF.test(fold(conditionText))) && COMES_ANYWAY.test(f.contentLower);
}
const IF_WITHDRAWING = /\b(als|indien|mocht|mochten|stel dat|in case|if)\b[^.?!,]{0,50},?\s(moet|moeten|zal|zullen|meld|melden|zeg|zeggen|haak|haken|zie|zien|kan|kunnen|mag|mogen|hoe|must|will|i'll|can|could|may|how)\b[^.?!]{0,30}\b(af|afmelden|afzeggen|afhaken|afzien|withdraw|cancel)\b/;
// A withdrawal told as news the sender received or read, of their own registration.
const REPORTED_WITHDRAWAL = /\b((kreeg|kregen|krijg|krijgen|ontving|ontvingen|ontvang|ontvangen|gekregen)\b[^.?!]{0,30}\b(bericht|berichtje|mail|e-mail|email|melding|bevestiging|brief)\b[^.?!]{0,10}\bdat|(zie|zag|zagen|zien|lees|las|lazen|lezen)\b[^.?!]{0,40}\bdat (ik|wij|we|mijn|onze)|volgens (jullie|uw|het|de)\b[^.?!]{0,20}\b(systeem|lijst|deelnemerslijst|administratie|bevestiging|bericht|mail|registratie|overzicht)|(received|got) (a|an|your) (message|mail|e-?mail|notification|confirmation)\b[^.?!]{0,10}\bthat)\b[^.?!]{0,60}\b(afgemeld|geannuleerd|uitgeschreven|geschrapt|verwijderd|afgezegd|doorgehaald|cancell?ed|removed|withdrawn)\b/;
// A withdrawal denied or complained of.
const DISPUTED_WITHDRAWAL = /\b((nooit|niet|never) (om )?(gevraagd|verzocht|asked)|(heb|hebben) (ik |we |wij )?(mij |me |ons )?(nooit|helemaal niet) (af)?gemeld|(per abuis|ten onrechte|onterecht|abusievelijk|per ongeluk|by mistake|in error)\b[^.?!]{0,20}\b(afgemeld|geannuleerd|uitgeschreven|geschrapt|verwijderd|cancell?ed|removed)|(afgemeld|geannuleerd|uitgeschreven|geschrapt|verwijderd)\b[^.?!]{0,20}\b(per abuis|ten onrechte|onterecht|abusievelijk|per ongeluk)|waarom (ben|zijn|is|heeft|hebben|werd|word|wordt)\b[^.?!]{0,40}\b(afgemeld|geannuleerd|uitgeschreven|geschrapt|verwijderd))\b/;
// Taking part from afar: a live connection, not the report or the slides afterwards.
const FROM_AFAR = /\b(online|digitaal|op afstand|livestream|live stream|stream\w*|gestreamd|uitgezonden|remote\w*|inbellen|in te bellen|inbelnummer|meekijken|mee te kijken|videoverbinding|beeldbellen|hybride|via (teams|zoom|skype|webex|video))\b/;
const OTHER_WAY = /\b(op een andere manier|anders(om)? (bijdragen|meedoen|betrokken)|zonder (naar )?(een |de )?(sessie|bijeenkomst)|in another way|otherwise)\b/;
const AFTER_ALL = /\b(toch|alsnog|after all)\b/;
// A withdrawal offered as a question to us: "is that OK or would you rather I cancel?", "of zal ik
// me dan maar afmelden?". We are asked to decide; the sender has not withdrawn.
const OFFERED = /\b(should i|shall i|would you (rather|prefer|like)( that)? i|do you want me to|zal ik|moet ik|kan ik (dan )?(beter|maar)|wilt u dat ik|liever dat ik)\b[^?]{0,30}\b(cancel|withdraw|afmelden|af te melden|afzeggen|af te zeggen|meld\w*)\b/;
function withdrawalNotMade(f: Features): { reason: string; why: string } | null {
  const disputed = REPORTED_WITHDRAWAL.exec(f.contentLower) ?? DISPUTED_WITHDRAWAL.exec(f.contentLower);
  if (disputed) return { reason: 'disputed', why: `a withdrawal reported or disputed, not made: "${disputed[0]}"` };
  // (Unless the sender withdraws elsewhere in so many words: "Moet ik me nog formeel afmelden? Ik
  // kan in ieder geval niet naar Breda".)
  const offered = f.bodyClauses.find((c) => c.question && OFFERED.test(c.folded));
  if (offered && !f.bodyClauses.some((c) => c !== offered && c.neg && !c.question && !withdrawnByOthers(c) && cue.withdraws(c.folded))) return { reason: 'offered', why: `asks whether to withdraw: "${offered.text}"` };
  const remote = f.bodyClauses.find((c) => (c.question || cue.INDIRECT_QUESTION.test(c.folded)) && FROM_AFAR.test(c.folded) && !WHAT_FOLLOWS.test(c.folded));
  if (remote) return { reason: 'remote', why: `asks to take part from afar: "${remote.text}"` };
  return null;
}
const MISSED = /\b(gemist|misgelopen|missed)\b/;
// One session replaced by another (§ marks a session named): "Utrecht graag vervangen door
// Haarlem", "vervang Venlo door de sessie in Arnhem".
const SESSION_SWAPPED = /§[^.?!§]{0,20}\bvervang\w*\b[^.?!§]{0,10}\b(door|voor)\s+(de sessie (in|op|van)\s+|die (in|op|van)\s+)?§|\bvervang\w*\s+(de sessie (in|op|van)\s+)?§[^.?!§]{0,10}\b(door|voor)\s+(de sessie (in|op|van)\s+)?§/g;
function sessionSwapped(f: Features): boolean {
  const marked = markRefs(f.bodyText, f.bodyRefs.filter(naming));
  const rest = marked.replace(SESSION_SWAPPED, ' ');
  return rest !== marked && !cue.substituteSaid(rest);
}
const LATER_ON = /\b(in het najaar|dit najaar|na de zomer\w*|volgend jaar|later dit jaar|een volgende (keer|gelegenheid|ronde|editie|bijeenkomst)|in (september|oktober|november|december))\b/;
const CAN_THAT = /^(en |maar )?(kan|mag|lukt|is) (dat|dit|het)( nog| wel| nog wel)?( mogelijk)?\s*\??$|^(is that|would that be) (ok|okay|possible|fine)\s*\??$/;
const SUPPOSED = /^(mocht|mochten|stel dat|in case|should) (ik|wij|we|i)\b/;
const signupClause = (c: Clause | undefined) => !!c && !c.neg && !c.question && !c.others && cue.signsUp(c.folded);
// (Only a session begun or closed: for a town or day without one, "is er parkeergelegenheid?" stays
// a question for a person, whose-it-is.test.ts.)
const NO_SESSION = new Set(['started', 'signup-closed']);
const WAY_THERE = /\b(parkeer\w*|parkeren|parking|park|route\w*|trein|train|station|bewegwijzering|signage|bus|ov|openbaar vervoer|public transport|lunch|koffie|coffee|broodje)\b/;
const sessionSoughtIn = (folded: string, place: string) => ['sessie', 'bijeenkomst', 'session'].some((w) => folded.includes(`${w} in ${fold(place)}`));
const WISH_IF = /\b(zou|zou het) (\w+ )?(helpen|fijn zijn|prettig zijn|mooi zijn|handig zijn|welkom zijn)\b[^.?!]{0,5}\b(als|indien|wanneer)\b/;
// Someone who wants to go: "hij wil graag naar Assen".
// A third person's own act, by its reflexive: "Jan meldt zich af".
const REFLEXIVE = /\bzich\b/;
const WANTS_TO_GO = /\b(wil|willen|wilt|wilde|zou|zouden)\b[^.?!]{0,20}\bnaar\b/;
const NEVER_SIGNED_UP = /\b(nergens|nooit|never)\b[^.?!]{0,20}\b(voor )?(opgegeven|aangemeld|ingeschreven|signed up|registered|subscribed)\b/;
const ASKING = /\?|\b(graag|wil|willen|zou|zouden|liever|welke|is er|zijn er|hoor|horen|kan ik|kunnen (we|wij)|please|would)\b/;
const NOT_NEEDED = /\b(hoeft|hoeven|niet nodig|no need)\b/;
// "In september", "dit najaar", "na de zomer" name only a time: it asks for another session only
// in a clause about a session or one's coming, or in a question ("komt er in het najaar nog een
// ronde?"); "onze ontmoetingsdag in september" is the sender's own business.
const ONLY_A_TIME = /^(in|na|dit|in het|later|after) /;
const ABOUT_A_SESSION = /\b(sessies?|bijeenkomst\w*|sessions?|ronde|editie|meedoen|deelnemen|deel te nemen|aansluiten|aan te sluiten|komen|kom|aanmeld\w*|inschrijv\w*|attend|join|come)\b/;
const asksAnother = (c: Clause, m: RegExpExecArray | null): m is RegExpExecArray =>
  !!m && (!ONLY_A_TIME.test(m[0]) || c.question || ABOUT_A_SESSION.test(c.folded));

function otherAsked(f: Features, asking = false): string | null {
  for (const c of f.bodyClauses) {
    const m = c.neg || NOT_NEEDED.test(c.folded) || (asking && !c.question && !ASKING.test(c.folded)) ? null : cue.OTHER_DATES.exec(c.folded);
    if (asksAnother(c, m)) return m[0];
  }
  return null;
}

// A hedge word in a subject; "voorlopige agenda" is the programme's, not the sender's.
const SUBJECT_HEDGE = /\b(voorlopige?|onder voorbehoud|misschien|wellicht|optie|tentative|tentatively|provisional|provisionally|maybe)\b(?! (agenda|programma|program|programme)\b)/;

function otherAskedBeside(f: Features, session: string | null): string | null {
  // Not where it is denied: "een andere sessie zit er niet in".
  for (const c of f.bodyClauses) {
    const m = c.neg ? null : cue.OTHER_DATES.exec(c.folded);
    if (asksAnother(c, m) && f.bodyRefs.some((r) => f.bodyClauses[r.clause]?.sentence === c.sentence && r.sessions.includes(session ?? ''))) return m[0];
  }
  return null;
}

const STILL_COMING = boundaryOnce(/\b(ik|wij|we) (kom|komen|ben|zijn|blijf|blijven)\b[^.?!]{0,20}\b(wel|nog steeds|gewoon)\b|\b(ik|wij|we) (wel|nog steeds|gewoon) (kom|komen)\b|\b(i am|i'm|we are|we're) still (coming|attending)\b|\bi (will|'ll) still (come|attend|be there)\b/);
// The sender or a colleague is already signed up: "ik heb me al aangemeld", "heeft zich vorige week aangemeld".
// (Also on the list already: "ik sta al op de lijst", "already on the list".)
const ANY_SESSION = /\b(een|één|one) (van de|of the) (ontwerp)?(sessies|sessions|bijeenkomsten|data)\b|\b(datum|plaats|locatie|sessie|stad|date|place|location) maakt (me |mij |ons )?(eigenlijk |verder )?(niet|niks|niets) uit\b|\bwaar (er )?(nog )?(plek|ruimte|plaats) is\b/;
const ALREADY_SIGNED_UP = boundaryOnce(/\b(al|reeds|inmiddels) (aangemeld|ingeschreven|opgegeven|geregistreerd)\b|\b(sta|staat|staan|stond|stonden)\b[^.?!]{0,10}\b(al|reeds|inmiddels)\b[^.?!]{0,10}\bop de (deelnemers)?lijst\b|\balready on the (list|participants list)\b|\b(heb|hebben|heeft|had|hadden|ben|zijn|is|staat|sta|staan)\b[^.?!]{0,30}\b(me|mij|ons|zich)?\s?((al|vorige week|eerder|reeds|gisteren|inmiddels|onlangs) )*(aangemeld|ingeschreven|opgegeven|geregistreerd)\b|\b(already|have) (registered|signed up)\b/);
