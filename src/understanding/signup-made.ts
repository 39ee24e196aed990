// A signup made in the mail, not only a session named (see "Every confirmation needs a signup
// made in the mail" in README.md): the sender's own, a colleague's, people listed, a request to
// us, a declaration, a session chosen over one ruled out, or the sender's own subject.
import type { Features } from './features.js';
import type { Ref } from './sessions-named.js';
import { FIRST_PERSON, sentenceTexts } from './clauses.js';
import * as cue from './cues.js';
import { boundaryOnce } from './matches.js';

const HAD_NOUN = /aanmelding|inschrijving|registratie|opgave|registration/;
const HAD = /(?<!\b(hierbij|bij deze|bij dezen|graag|hereby|here is|this is|dit is|is dit)( (alsnog|dan|toch|dus|ook|nu))? )\b(mijn|onze|zijn|haar|hun|uw|my|our|his|her|their) (aanmelding|inschrijving|registratie|opgave|registration)\w*/g;
// A subject that asks, corrects, asks after a signup ("bevestiging aanmelding collega"), or signs up
// for another event ("Aanmelding workshop").
const SUBJECT_NOT_A_SIGNUP = /\b(vraag|vragen|question|questions|info|informatie|bevestiging|ontvangstbevestiging|ontvangen|status|confirmation|correctie|wijziging|aanpassing|vervanging|update|change|correction|workshops?|webinars?|cursus\w*|training|congres\w*|seminars?|masterclass\w*|lezing\w*|symposi\w*)\b/;
export const THIRD_PERSON = /\b(zich|hij|zij|ze|himself|herself|themselves)\b/;
// "Ik kan die ochtend niet, maar kom wel graag naar Arnhem": the subject may stand in an earlier
// clause of the sentence.
const JOINED = /^(maar|en|dus|but|and|so)\b/;
export const signsUpSelf = (f: Features) => f.bodyClauses.some((c) => !c.others && !c.neg && !c.question && cue.signsUp(c.folded)
  && (SELF_OR_REQUEST.test(c.folded) || (JOINED.test(c.folded) && f.bodyClauses.some((d) => d.sentence === c.sentence && !d.others && FIRST_PERSON.test(d.folded))))
  && !signsUpAnother(c.folded));
// "Bij deze meld ik hem aan": the sender acts, but signs someone else up ("meld ik mij en haar
// aan" signs up the sender too).
const ANOTHER_SIGNED_UP = /\b(meld|melden|schrijf|schrijven|geef|geven)\b[^.?!]{0,20}\b(hem|haar|hen)\b|\b(hem|haar|hen)\b[^.?!]{0,20}\b(aanmelden|aan te melden|inschrijven|in te schrijven|opgeven|op te geven)\b/;
const SELF_SIGNED_UP = /\b(mij|me|mijzelf|mezelf|ons|onszelf|myself|us)\b/;
const signsUpAnother = (folded: string) => ANOTHER_SIGNED_UP.test(folded) && !SELF_SIGNED_UP.test(folded);
/** The sender's own signup: said ("ik meld mij aan") or asked of us ("zet u mij op de lijst?"). */
export const ownSignup = (f: Features) => signsUpSelf(f) || f.bodyClauses.some((c) => askedToAct(c.folded) && FIRST_PERSON.test(c.folded));
/** Someone else as the one a deferred signup is about ("hij meldt zich zelf aan", "meldt haar secretariaat haar aan"). */
export const aboutAnother = (text: string) => !FIRST_PERSON.test(text) && (THIRD_PERSON.test(text) || /\b(hem|haar|hen|him|her|them)\b/.test(text));

// The sender speaks: a first person, a request word, or a first-person verb with the subject
// dropped, as in phone mail ("ben erbij", "kom graag", "aanmelden voor Assen graag", "zet me erbij"),
// the Frisian "wy" and "skriuw my yn", and the Limburgish "iech", "veer" and "wae" (we). Particles
// before the request word change nothing of who speaks ("dus toch graag aanmelden").
const SELF_OR_REQUEST = /\b(ik|wij|we|mij|me|ons|ondergetekende|i|us|ich|iech|mich|wir|wy|veer|wae)\b|^((dus|toch|dan|en|maar|alsnog|nu|nou|ja|ok|oke|daarom) )*(graag|graach|gaarne|hierbij|bij deze|bij dezen|please|aanmelding|anmeldung|aanm|inschrijving|inschr|opgave|registration|signup|sign me up|count me in|aanmelden|inschrijven|opgeven|ben|kom|doe|zet|maak|skriuw)\b/;
// Asked of us: "kunt u mij aanmelden?", "willen jullie hem inschrijven?", "zet u mij op de lijst?",
// "wilt u mijn aanmelding omzetten?", and asking leave to join: "mag ik nog aanschuiven?".
// Asked of us to act: "kunt u mij aanmelden?", "noteert u mij?".
const ASKED_OF_YOU = '\\b(kunt|kun|kunnen|wilt|wil|willen|kan|zou|zoudt|zouden|could|would|can|will) (u|jullie|je|jij|you)\\b[^?]*';
const ASKED_TO_ACT = [
  `${ASKED_OF_YOU}\\b(aanmelden|aan te melden|noteren|inschrijven|in te schrijven|opgeven|op te geven|registreren|zetten|omzetten|overzetten|verplaatsen|reserveren|boeken|toevoegen|bijschrijven|sign|register|add|put|book|move|switch|change)\\b`,
  '^(zet|zett?en|schrijf|schrijft|meld|meldt|noteer|noteert|boek|boekt|reserveer|reserveert) (u|je|jij|jullie) (mij|me|ons|hem|haar|hen|ze)\\b',
  '\\b(kunt|kun|kunnen|wilt|wil|willen|kan|zou|zoudt|zouden) (u|jullie|je|jij)\\b[^?]*\\b((aanpassen|wijzigen|veranderen) (naar|in)|naar\\b[^?]{0,30}\\b(aanpassen|wijzigen|veranderen))\\b',];
const ASKED_TO_ACT_RE = new RegExp(ASKED_TO_ACT.join('|'));
const ASKED_OF_US = new RegExp([
  ...ASKED_TO_ACT,
  '(^|[:;] )mag ik\\b[^?]*\\b(aanmelden|aanschuiven|inschrijven|opgeven|meedoen|deelnemen|erbij|er bij)\\b',
  // Whether one can still sign oneself up asks for the signup itself ("kan ik me nog aanmelden?");
  // whether one may take part, or how ("kan ik via Skype meedoen?"), is for a person.
  '(^|[:;] )(kan|kun|mag) ik (me|mij) (nog |ook |dan |in plaats daarvan )*(aanmelden|inschrijven|opgeven)\\b',
  '(^|[:;] )(kan|kun|mag) ik (me |mij )?([a-z]+ )?(ook )?nog ([a-z]+ )?(aanmelden|inschrijven|opgeven|aansluiten|aanschuiven|aanhaken|meedoen|deelnemen|komen)\\b',
  // "Utrecht lijkt me het handigst, kan ik daar nog bij?": leave to join the one named.
  '(^|[:;] )(kan|kun|mag) ik (er|daar|hier) (ook )?nog bij\\b',
  '^(can|may) i (still |also )*(register|sign up|enrol)\\b',
].join('|'));
/** A request that we sign someone up, or leave to join ("wilt u mij inschrijven?", "mag ik nog aanschuiven?"). */
export const askedOfUs = (folded: string) => ASKED_OF_US.test(folded);
// "Ik ga voor Venlo", "ik pak de sessie in Venlo", "dan wordt het donderdag 28 juni in Assen",
// "Utrecht graag, 14 juni", "graag de sessie in Breda", "doe dan maar Venlo": a word of choosing or wishing
// whose object is the session itself chooses it, wherever the mail stands (not
// under our list only), also for whom it is chosen ("dan wordt het Venlo voor mij"). With anything else after it ("ik pak de trein naar Venlo", "het wordt een
// lange dag in Assen", "het wordt Venlo of Breda", "ik ga voor Venlo een presentatie maken") it
// chooses nothing; what holds it back ("als mijn agenda het toelaat") the gate reads.
const CHOICE_AT = /(^|[,.!:;] |\b(ja|ok|oke|dan|dus|nou) )((ik|wij|we) (ga|gaan) voor|(ik|wij|we) (neem|nemen|pak|pakken)|(dan |dus )?wordt het|het wordt|doe( dan| dus| toch)? maar|(dan|dus) maar|graag|gaarne)( dus| toch| dan| maar)? ((naar |voor )?(de |het )?((ontwerp|regio)?sessie|bijeenkomst) (in|op|van|te) )?§(( (in|op|om|te))?,? ?§)*( dan| dus| graag| maar)?( voor (mij|ons|mezelf|onszelf))?( met\b[^.!?;:§]*)?\s*($|[.,!;:])|(^|[.!:;] |\b(ja|ok|oke|dan|dus|nou) )()§(( (in|op|om|te))?,? ?§)*,? (graag|gaarne)(,? ?§)*( met\b[^.!?;:§]*)?\s*($|[.,!;:])/;
export function choiceAt(bodyText: string, refs: readonly Ref[]): string | null {
  if (!refs.length) return null;
  if (CHOICE_STEMS.test(bodyText)) {
    const m = CHOICE_AT.exec(markRefs(bodyText, refs));
    if (m) return m[3] || 'graag (at the session)';
  }
  // "… maar ik zag dat er ook een in Assen is. Die wordt het.": the choice points back at the one
  // session named before it (with two named, "die" could be either).
  if (POINTED_STEMS.test(bodyText) && new Set(refs.flatMap((r) => r.sessions)).size === 1) {
    const marked = markRefs(bodyText, refs);
    const p = POINTED_CHOICE.exec(marked);
    if (p && marked.slice(0, p.index).includes('§')) return p[0].replace(/^[.!:;]/, '').trim();
  }
  return null;
}
const POINTED_STEMS = /\b(wordt|word|neem|pak|kies|daar)\b/;
const POINTED_CHOICE = /[.!:;] (die|dat|deze|dit|daar) (wordt|word) het( dus| dan| maar)?\s*($|[.!])|[.!:;] (die|deze) (neem|pak|kies) (ik|we|wij)( dus| dan| maar)?\s*($|[.!])|[.!:;] daar (ga|kom|gaan|komen) (ik|we|wij)( graag| dan| dus| wel)? (heen|naartoe|naar toe)\s*($|[.!])/;
/** The text on one line with every reference's words replaced by "§": what stands around the session. */
export function markRefs(bodyText: string, refs: readonly Ref[]): string {
  let marked = bodyText.replace(/\s+/g, ' ').trim();
  for (const r of refs) marked = marked.split(r.text.toLowerCase()).join('§');
  return marked;
}
// Every CHOICE_AT match holds one of these (keep in step): most mail has none.
const CHOICE_STEMS = /\b(ga|gaan|neem|nemen|pak|pakken|wordt|doe|maar|graag|gaarne)\b/;

/** Only a request that we act ("kunt u mij aanmelden?"), not asking leave ("mag ik als … deelnemen?"). */
export const askedToAct = (folded: string) => ASKED_TO_ACT_RE.test(folded);
/** Asked of us to take a registration off: "kunt u mij afmelden?", "wilt u haar van de lijst halen?". */
export const askedToTakeOff = (folded: string) => ASKED_OFF.test(folded);
const ASKED_OFF = new RegExp(`${ASKED_OF_YOU}\\b(afmelden|af te melden|uitschrijven|uit te schrijven|schrappen|doorhalen|verwijderen|annuleren|intrekken|in te trekken|halen|afhalen|af te halen|vervallen|remove|cancel|drop|take)\\b`);
// A wish, not a signup: "ik zou best willen", "I might", "could", interest ("ik heb interesse om
// deel te nemen").
const WISH = /\b(zou|zouden|would|could|might|interesse|belangstelling|interested)\b|'d (love|like)\b|\bwil(len)? best\b/;
// The polite form that asks for a seat: "ik zou graag komen", "graag zou ik deelnemen", "I would
// like to register". A signup on its own; beside a question it may hang on the answer (a wish).
const POLITE = boundaryOnce(/\b(zou|zouden)\b[^,.;?]{0,30}?\bgraag\b|\bgraag zou(den)?\b|\b(would|'d) like to\b/);
const FORM_NAME = /^[ \t]*(naam|name|deelnemer|participant)[ \t]*:/im;
const FORM_SESSION = /^[ \t]*(sessie|ontwerpsessie|session|bijeenkomst|locatie|gekozen sessie|voorkeur)[ \t]*:[ \t]*\S/im;
// The same asked for two, in a sentence the clauses split at "en": "kunnen mijn wethouder en ik
// nog aansluiten?", "kunnen wij nog aanschuiven?".
const SEATS_ASKED = /^(kunnen|mogen) (wij|we|mijn [a-z]+,? en ik|[a-z]+,? en ik) (ons )?(ook )?nog ([a-z]+ )?(aanmelden|inschrijven|opgeven|aansluiten|aanschuiven|aanhaken|meedoen|deelnemen|komen)\b/;
const SEAT_ASKED = boundaryOnce(/\b(kan|mag) (dat|het) (nog|ook nog)\b|\b(kan|mag) (ik|we|wij) (gewoon|zomaar) (komen|aanschuiven|aansluiten)\b|\b(hebben|heeft) (jullie|u) (nog )?(een )?(plek|plekje|plaats|plaatsje|stoel)\b|\b(is|dat|het) (dat |het )?nog mogelijk\b|\bis (that|it) still possible\b|\bnog op tijd\b|\b(is|zijn) ([\w-]+ ){0,6}nog mogelijk\b|\b(kan|mag) (ik|we|wij)( me| mij| ons)? (nog|ook nog)\b/);
// "Is aanmelden voor Breda nog mogelijk?": signing up itself as what is asked about, said of nobody else.
const SIGNING_UP_ASKED = /^(is|zijn) (aanmelden|inschrijven|deelnemen|deelname|aansluiten|meedoen)\b/;
const GENERIC = /\b(je|jij|men|you can|one can)\b/;
// A signup said without a signup verb: the sender's own ("dit is mijn aanmelding", "doe mij maar
// Haarlem"), a colleague coming in the sender's place, or people listed to come ("hieronder de
// deelnemers", "de volgende personen komen").
const DECLARED = boundaryOnce(/\b((dit|dat|deze|this) is|is (dit|dat|deze)) (mijn|onze|my|our) (aanmelding|inschrijving|opgave|registration)\b|^doe (mij|me|ons) maar\b|\b(komt|komen|gaat|gaan|comes|will come)\b[^.?!]{0,25}\b(in mijn plaats|in onze plaats|in plaats van mij|namens (mij|ons)|in my place|instead of me)\b|\b(hieronder|hierbij|onderstaand\w*|de volgende|the following)\b[^.?!]{0,20}\b(deelnemers|personen|namen|mensen|collega'?s|participants|people|persons|attendees)\b/);
// Every DECLARED wording holds one of these; most clauses hold none, and are spared the pattern.
// (Keep in step with DECLARED.)
const MAY_DECLARE = /aanmelding|inschrijving|opgave|registration|^doe |plaats|namens|in my place|instead of me|hieronder|hierbij|onderstaand|de volgende|the following/;
// A named role speaking through a secretary: "burgemeester Heijmans neemt graag deel".
// A group counted or listed as the ones who come: "vanuit de raad komen er vier raadsleden naar
// Assen: …", "de volgende personen nemen deel", "de raad is aanwezig met twee raadsleden". Told to the registry, that is the signup.
const GROUP_COMES = /\b(is|zijn) (er )?aanwezig met (\d+|twee|drie|vier|vijf|zes|zeven|acht)\b|\b(komen|gaan) er\b[^.?!]{0,30}?\b(\d+|twee|drie|vier|vijf|zes|zeven|acht) ([a-z]+ )?(mensen|personen|deelnemers|raadsleden|collega'?s|wethouders|medewerkers|fractieleden|leden)\b|\b(de volgende|onderstaande|hieronder genoemde)\b[^.?!]{0,30}?\b(komen|gaan|nemen deel|zijn aanwezig|zijn erbij|doen mee|sluiten aan)\b/;
const ROLE_GLADLY = /\b(burgemeester|wethouder|wethouders|raadslid|raadsleden|griffier|gemeentesecretaris|secretaris|directeur|collega|collega's|delegatie)\b[^?]*\b(graag|gaarne)\b/;

// What the sender asks to hear: "dan hoor ik graag hoeveel we mogen aanmelden", "laat weten wie
// we moeten aanmelden". The signup word there is asked about, not made.
// The same for what the sender wonders or must still decide: "benieuwd welke gemeenten er in Assen
// bij zijn", "ik vraag me af of de Omgevingswet erbij hoort", "dan kan ik bepalen of deelname
// zinvol is": a question, not a coming.
const ASKED_TO_HEAR = /\b(hoor|horen|weten|vernemen|benieuwd|nieuwsgierig|af|wonder|wondering|curious|bepalen|bepaal|beslissen|beslis|besluiten|afwegen|inschatten|nagaan|checken|controleren|kijk|kijken|bekijk|bekijken|decide|check)\b[^,.?!]{0,20}\b(hoeveel|wie|welke|hoe|waar|wanneer|of|whether|which|who)\b[^,.?!]*/g;
// "Kom" as part of another verb: "ik kom er later achter" (find out), "ik kom erop terug", "we
// komen er niet uit" (cannot decide). No coming is said.
const OTHER_VERB_KOM = /\b(kom|komt|komen)\b[^.?!,;]{0,40}?\b(achter|erachter|terug|uit(?=\s*($|[.?!,;]|of\b|wat\b|hoe\b|wanneer\b)))\b/g;

export function firmSignup(f: Features, besideQuestion: boolean): boolean {
  const wish = (t: string) => WISH.test(t) && (besideQuestion || !POLITE.test(t));
  // "Bij mijn aanmelding heb ik ... vermeld": a registration had, not one made.
  // (HAD only where its noun is: the pattern opens with a look back, tried at every position.)
  const firm = (t: string, others: boolean) => cue.signsUp((HAD_NOUN.test(t) ? t.replace(HAD, ' ') : t).replace(ASKED_TO_HEAR, ' ').replace(OTHER_VERB_KOM, ' ')) && (others || SELF_OR_REQUEST.test(t) || ROLE_GLADLY.test(t) || GROUP_COMES.test(t)) && !wish(t) && !GENERIC.test(t);
  // The subject may stand in an earlier clause of the sentence ("ik had me nog niet aangemeld
  // maar wil graag komen").
  const said = sentenceTexts(f.bodyClauses);
  // A colleague said to come ("mijn collega wil ook graag komen") is as firm as the sender.
  const body = f.bodyClauses.some((c) => !c.neg && ((!c.question && cue.signsUp(c.folded)
    && firm(c.folded, c.others || SELF_OR_REQUEST.test(said.get(c.sentence)!)))
    || (!c.question && MAY_DECLARE.test(c.folded) && DECLARED.test(c.folded))
    // "Ik wil graag meedoen in Haarlem, kan dat nog?": the wish to come, with only a seat asked after.
    || (c.question && SEAT_ASKED.test(said.get(c.sentence)!) && cue.signsUp(c.folded) && (firm(c.folded, c.others) || (!c.others && SIGNING_UP_ASKED.test(c.folded))))
    // "Kunt u hen ook noteren?", "Zou u mij willen aanmelden?": asked of us, and firm.
    || ASKED_OF_US.test(c.folded)
    || (c.question && SEATS_ASKED.test(said.get(c.sentence)!))));
  if (body || f.ellipticAsk) return true;
  // "Ik ga voor Venlo", "dan wordt het 28 juni in Assen": the session chosen, in so many words.
  if (choiceAt(f.bodyText, f.bodyRefs.filter((r) => r.polarity === 'pos'))) return true;
  // A form filled in ("Naam: …", "Sessie: Assen, 28 juni"), whatever words introduce it.
  if (FORM_NAME.test(f.bodyText) && FORM_SESSION.test(f.bodyText)) return true;
  // "Assen lukt niet, Breda wel", "…, dus doe maar Haarlem": the session set against one ruled out is chosen.
  const chosenOver = f.bodyClauses.some((c) => c.neg) && f.bodyRefs.some((r) => r.polarity === 'pos' && r.sessions.length === 1
    && !f.bodyClauses[r.clause]?.question && /\bwel\b|\b(doe|zet|noteer)( [a-z]+)? maar\b/.test(f.bodyClauses[r.clause]?.folded ?? ''));
  if (chosenOver) return true;
  // A signup the clause split cut in two ("meld ik mij, dus aan", "zet me er, maar bij"): read
  // the whole sentence, when none of it is denied or asked.
  if (unbrokenSentences(f).some((t) => firm(t, false))) return true;
  // "Aanmelding Venlo 29 juni" as the sender's own subject is a signup made.
  // Not a subject that asks ("Vraag over deelname Utrecht") or changes one made ("Correctie aanmelding").
  return !f.isReply && !f.isForward && f.subjectClauses.some((c) => !c.neg && !c.question && cue.signsUp(c.folded) && !SUBJECT_NOT_A_SIGNUP.test(c.folded));
}

/** Sentences none of whose clauses is denied or asked, whole: a signup the clause split cut in two reads there. */
export function unbrokenSentences(f: Features): string[] {
  const plain = sentenceTexts(f.bodyClauses, (c) => !c.neg && !c.question);
  const broken = new Set(f.bodyClauses.filter((c) => c.neg || c.question).map((c) => c.sentence));
  return [...plain].filter(([n]) => !broken.has(n)).map(([, t]) => t);
}
