// Sentences and clauses of the new text, each with its polarity: does the clause rule
// something out ("Venlo lukt niet", "verhinderd", "afmelden"), or refer to an earlier signup
// or a past visit ("ik had mij aangemeld voor", "gisteren was ik in")?
import { CANCEL_STRONG, CANCEL_WEAK, DENIED_WITHDRAWAL, HOW_NOT } from './cues.js';
import { fixKeywordTypos, fold, isWide, maskAddresses, narrow, tokenize, type Token } from './text.js';
import { boundaryOnce, withoutCaptures } from './matches.js';

export interface Clause {
  text: string; // original
  folded: string; // folded, addresses masked; same length as text
  tokens: Token[];
  neg: boolean;
  prior: boolean;
  /** Someone else is the subject ("mijn collega gaat naar Arnhem"), not the sender. */
  others: boolean;
  /**
   * The clause is about another engagement of the sender's ("onze raad vergadert op 21 juni",
   * "werkbezoek in Arnhem", "the VNG congress"), not about our sessions: what it names is no choice.
   */
  agenda: boolean;
  /** "bij voorkeur Utrecht" is a first choice; "anders Haarlem", "Breda kan ook" a fallback. */
  rank: 'first' | 'fallback' | null;
  sentence: number;
  question: boolean; // the sentence ends with "?"
}

// Abbreviations after which a period does not end the sentence.
const ABBREV = new Set([
  'dd', 'as', 'dhr', 'mw', 'mevr', 'mvr', 'drs', 'ir', 'mr', 'dr', 'ing', 'prof', 'vr', 'do', 'di', 'wo', 'ma', 'za', 'zo',
  'ca', 'ipv', 'tav', 'oa', 'mbt', 'evt', 'incl', 'bijv', 'bv', 'nr', 'tel', 'st', 'jl', 'zsm', 'resp', 'ivm', 'gem',
  'vs', 'etc', 'eg', 'ie', 'no', 'jan', 'feb', 'mrt', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'oct', 'nov', 'dec',
  'mvg', 'gr', 'nb', 'ps', 'aanm', 'inschr', 'kl', 'cq', 'wethr', 'burg', 'ca', 'tm', 'ivm', 'mbv', 'pag', 'vlg',
]);

/** Text units: a line ends a unit unless it looks hard-wrapped. */
function units(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) { if (cur) out.push(cur); cur = ''; continue; }
    if (cur && cur.length >= 60 && !/[.!?:;,)]$/.test(cur) && /^[a-z(]/.test(line)) { cur += ' ' + line; continue; }
    if (cur) out.push(cur);
    cur = line;
  }
  if (cur) out.push(cur);
  return out;
}

const isLetterOrDot = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46;

/**
 * The letters and dots that end a text ("d.d", "J", "" after a digit): what /([A-Za-z.]+)$/
 * captures, found from the end instead of by a pattern that retries at every letter before it.
 */
function trailingWord(s: string): string {
  let i = s.length;
  while (i > 0 && isLetterOrDot(s.charCodeAt(i - 1))) i--;
  return s.slice(i);
}

function sentences(unit: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /[.!?;]+(?=\s|$)/g;
  for (let m = re.exec(unit); m; m = re.exec(unit)) {
    const end = m.index + m[0].length;
    const before = unit.slice(start, m.index);
    const word = trailingWord(before).replaceAll('.', '').toLowerCase();
    // "d.d.", "a.s.", initials ("J. Hazelaar") and dates ("22.06.") do not end a sentence.
    // A year ("op 28.06.2018. Is er …") ends a sentence when a capital follows.
    const yearEnds = /\d{4}$/.test(before) && /^\s+[A-Z]/.test(unit.slice(end));
    // "op de 28e. Weet u ...": a letter after digits is an ordinal, not an initial.
    const ordinal = /\d(e|ste|de)$/i.test(before) && /^\s+[A-Z]/.test(unit.slice(end));
    if (m[0] === '.' && !yearEnds && !ordinal && (ABBREV.has(word) || /^[a-z]$/i.test(word) || /\d\.$/.test(unit.slice(0, end)) && /\d$/.test(before))) continue;
    out.push(unit.slice(start, end).trim());
    start = end;
  }
  if (start < unit.length && unit.slice(start).trim()) out.push(unit.slice(start).trim());
  return out;
}

// "maar" after a pronoun or an imperative is a particle ("streep mij maar door", "doe maar Breda",
// "maak er maar Arnhem van"), not "but".
// "Assen lukt niet breda wel" (a phone's two lines joined): "… niet" and "X wel" are two clauses.
// A colon before the sender's own act ends a preamble: "Wacht u daar niet op: ik meld mij aan".
// "Ik meld me dus af": "dus" inside a separable verb, after its pronoun, splits nothing; nor
// does a "dus", "daarom" or "echter" that a negation follows: "ik kom morgen dus niet" denies
// the coming before it (a clause of its own never starts with "niet"), and "ik kom dus toch" is
// one clause (no clause is only particles).
// "Ik ben net terug van vakantie en meld me aan": a signup joined by "en" with its subject left
// out starts a clause of its own, so that what rules out the first half leaves it alone; so does
// "… afmelden voor Utrecht en aanmelden voor Haarlem", "ik meld me af voor Venlo en wil me graag
// aanmelden voor Breda", "… afmelden voor Haarlem en (mij) in plaats daarvan aanmelden voor Utrecht".
// "Mijn collega is met vakantie en vroeg mij haar aan te melden": what the colleague asked is a
// clause of its own, apart from the absence before it.
// A bracketed aside with a subject of its own that closes the sentence is a clause of its own:
// "… en raadslid V. naar Venlo op 29 juni (zij kan op 22 juni niet)" rules out the 22nd for her,
// not Venlo. (Mid-sentence, an aside stays: "als inwoner (ik zit in het wijkplatform) kom ik".)
// (Every split starts at a space, comma or colon; the lookahead up front lets the engine skip other characters.)
const CLAUSE_SPLIT = /(?=[\s,:])(?:(?<=\bniet)\s+(?=[a-z][\w-]*\s+wel\b)|,\s+(?!\d)|:\s+(?=(?:liever|maar|wel|dus|dan|graag|doe (?:mij|me|ons) maar|rather|but|ik|wij|we|noteer|noteert|zet|meld|schrijf|reken|voor nu|hierbij|bij deze|bij dezen|i|please|count|sign)\b)|\s+[-\u2013\u2014]\s+|\s+(?=maar\s)(?<!\b(?:mij|me|ons|het|dat|dit|u|je|hem|haar|ze|er|doe|meld|zet|streep|schrijf|laat|geef|noteer|reken|zeg|houd|hou)\s+)|\s+(?=(?:dus|daarom|want|omdat|echter|hoewel|terwijl|but|so|because|however|although|whereas)\s)(?!(?:dus|daarom|echter)(?:\s+(?:toch|helaas|ook|echt|zeker|gewoon|eigenlijk|nu|dan|maar|wel))*(?:\s+(?:niet|geen|nooit)\b|\s*(?:[.,;!?]|$)))(?<!\b(?:mij|me|ons|zich|mezelf|mijzelf)\s+)|\s+(?=en\s+(?:ik|wij|we|hij|zij|ze|dus|daarom|dan)\b)|\s+(?=en\s+(?:(?:meld|melden|schrijf|schrijven|geef|geven)\s+(?:me|mij|ons)|(?:kom|komen)\s+(?:graag|daarom|dus|dan|wel|naar))\b)|\s+(?=en\s+(?:[\w-]+\s+){1,3}(?:doorhalen|schrappen|afmelden|annuleren|verwijderen|uitschrijven|cancel|remove|drop)\b)|\s+(?=en\s+(?:(?:me|mij|ons)\s+)?(?:(?:in plaats daarvan|daarvoor in de plaats|weer|opnieuw|dan|graag|meteen|wel)\s+){0,2}(?:(?:voor|naar)\s+[\w-]+\s+)?(?:aanmelden|aan te melden|inschrijven|in te schrijven|opgeven|op te geven)\b)|\s+(?=en\s+(?:wil|wilde|zou|willen|zouden)\s+(?:(?:me|mij|ons|graag|dan|wel|nu|daarom|dus|liever|toch)\s+){0,3}(?:aanmelden|inschrijven|opgeven|komen|deelnemen|naar)\b)|\s+(?=dat\s+(?:hij|zij|ze)\s)|\s+(?=en\s+(?:vroeg|vraagt|vroegen|vragen|verzocht|verzoekt)\s+(?:mij|me|ons|of)\b)|\s+(?=\((?:zij|hij|ze|ik|wij|we|want|omdat|helaas)\s[^()]*\)\s*(?:[.!?;]|$)))/i;

// "Om elkaar niet in de weg te zitten meld ik mij aan": a "niet" inside a purpose ("om … te …")
// is about the purpose; one about going or taking part ("om niet te gaan") is about coming.
const NOT_IN_PURPOSE = String.raw`\bom (?![^,.;:?!]*\b(gaan|komen|deelnemen|deel te nemen|aanwezig|aan te melden|aanmelden|mee te doen|meedoen|aan te sluiten|aansluiten|bij te wonen|bijwonen|erbij)\b)([\w'-]+ ){0,5}(niet|geen) ([\w'-]+ ){0,4}te [a-z]+\b`;
const NEG_EXCEPTIONS = withoutCaptures(boundaryOnce(new RegExp(String.raw`${NOT_IN_PURPOSE}|\bniet (?:${HOW_NOT})|${DENIED_WITHDRAWAL.source}|` + /\b(geen (voorkeur|bezwaar|probleem|idee|enkel probleem|twijfel|twijfels)|(maakt|maken) (me|mij|ons|het)? ?(\w+ )?(niet|niks|geen bal) (zoveel |zo veel |veel )?uit|(doesn't|does not) matter|niet alleen|niet eerder|niet zeker|niet te missen|(wil|willen|wilde|zou|zouden) (ik|we|wij)? ?(die|deze|dat|dit|het|hem|haar)? ?(echt |zeker |graag |absoluut )?niet (willen )?missen|niet (willen )?missen|no preference|not only|not sure|(do not|don't|wouldn't|would not) (want to )?miss|niet anders (dan|kunnen)|niet (ontbreken|wegblijven)|(toch |dus |dan |meer )*niet (meer )?verhinderd|(kan|kunnen) (bijna |haast )?niet wachten|(can't|cannot|can not) (wait|help but)|(laat\w*\b[^.?!]{0,20}\bniet|niet (aan (mij|me|ons) )?laten) (aan (mij|me|ons) )?(schieten|lopen|liggen|passeren|voorbijgaan|voorbij gaan))\b/.source, 'g')));
// A "niet" that affirms is no denial either: "ik kan niet anders dan ja zeggen", "I can't wait to
// join", "dit laat ik niet schieten".
// Every NEG_EXCEPTIONS wording holds one of these; most clauses hold none. (Keep in step.)
const MAYBE_EXCEPTION = /geen|niet|no preference|not |miss|n't|cannot/;
const NEG = boundaryOnce(/\b(niet|neet|geen|nooit|verhinderd|afwezig|vakantie|verlof|afmeld\w*|afgemeld|afzie|afziet|afzien|verstek|annuleer\w*|annuler\w*|afzeg\w*|uitschrijv\w*|cannot|can't|cant|unable|not|won't|no longer|cancel\w*|withdraw\w*|niets|niks|too far|bezet|remove (me|us|my|our)|nicht|zuruecknehmen|zurucknehmen|zurueckziehen|zuruckziehen|stornier\w*|dazwischen(ge)?kommen)\b|\b((ik|wy) kin(ne)?|kin(ne)? (ik|wy)) (dan |dus |spitigernôch )?net\b|\b(te|erg|best|nogal|heel|zo|wat) ver( weg)?\b|\bvalt (dus |daarom )?af\b|\b(valt|vallen|viel)\b[^.?!]{0,20}\bsamen met\b|\bsamen(valt|vallen) met\b|\b(botst|botsen|overlapt|overlappen|clashes|clash|conflicts with|coincides with|overlaps with)\b|\b(heb|hebben|heeft|ben|is|zijn|zit|zitten)\b[^.?!]{0,30}?\b(een|al een|inmiddels een|dan een)\s+([a-z]+\s+){0,2}[a-z]*(vergadering|afspraak|overleg|verplichting|dienstreis|congres|training|cursus|bruiloft|begrafenis|rechtszaak|zitting)\b|(vergadering|overleg|afspraak|bijeenkomst|verplichting)\s+(is |staat )?(al )?(gepland|ingepland)\b|\bal (ben |zijn )?ingepland\b|\b(agenda|week|dag)\b[^.?!]{0,25}\b(vol|bomvol|overvol|propvol|volgeboekt|volgepland)\b|\bvolgeboekt\b|\bdubbel (geboekt|gepland|ingepland)\b|\bdubbele (boeking|afspraak)\b|\bdouble[- ]booked\b|\bmeld(?:t|en|de|den)?\b[^.?!]{0,60}?\baf\b|\b(mag|mogen|kan|kunnen|moet|moeten) (dus |dan |wel |maar )?(eruit|eraf)\b|\bzeg(?:t|gen)?\b[^.?!]{0,70}?\baf\b|n't\b/);
const FIRST = /\b(voorkeur|liefst|het liefste?|eerste (keus|keuze)|prefer|preferably|first choice)\b/;
const FALLBACK = withoutCaptures(boundaryOnce(/^(maar |of )?(anders|zo niet|mocht|otherwise|or else|if not)\b|\b(als|indien|mocht|if)\b[^,]{0,40}\b(vol|volgeboekt|geen (plek|ruimte|plaats)|full|no room)\b|\b(kan|kunnen|mag) (eventueel |desnoods )?ook\b|\b(is|zou) ook (goed|prima)\b|\b(also|would also) (fine|work|be fine)\b/));

// Everything that rules something out, withdrawals included, as one pattern.
// (Only tested, and NEG_EXCEPTIONS only replaced by a space: no group of theirs is read.)
const NEGATIVE = withoutCaptures(boundaryOnce(new RegExp(`${NEG.source}|${CANCEL_STRONG.source}|${CANCEL_WEAK.source}`)));
// Every negative wording holds one of these stems; most clauses hold none, and this is cheap.
// (Only tested, never matched, so their order is free: the plain stems come first and the few
// with a word boundary last. V8 appears to merge a run of plain stems; a \b between them broke
// the run, and the test took about 1.7 times as long.)
const MAYBE_NEGATIVE = /niks|nicht|zuruck|zurueck|stornier|dazwischen|opgeven|op te geven|geef mijn|geef onze|geven mijn|geven onze|gaf mijn|eruit|eraf|afgez|kin,|forfait|iemand anders|een ander|someone else|dubbel|double|neet|sjrap|bezet|botst|botsen|overlap|clash|conflicts with|coincides with|vallen|viel|kin |ofmeld|aafmeld|absag|abmeld|verontschuldig|verhindering|niet|geen|nooit|trok|ingetrok|niemand|none|nobody|neither|vrijge|vrijma|doorhal|haal|gehaald|drop|volgeboekt|gepland|schreef|typte|vergis|ongeluk|verkeerd|verval|streep|strepen|haak|ver weg|valt|vergadering|afspraak|overleg|verplichting|dienstreis|congres|training|cursus|bruiloft|begrafenis|verhind|afwez|vakant|verlof|afmeld|afgemeld|verstek|annul|afzeg|schrijv|schrijf|n't|cannot|unable|no longer|cancel|withdraw|schrap|trek|intrek|zeg|passen|onmogelijk|afhak|schiet|tussen|unregist|dereg|remove|lijst|afhaken|verhinder|afzi|(?:out|vol|ver|far|af|not|cant|zie)\b/;
// ("Eerder had ik Arnhem gekozen": a choice told in the past perfect is history.)
// ("Ik sta voor vanmiddag in Venlo", "ik sta voor Venlo genoteerd": where the sender is registered;
// "Utrecht heb ik gemist": a session missed is history; "Utrecht blijft staan": a registration kept.)
const PRIOR = boundaryOnce(/\bmeldde\b[^.?!]{0,40}\baan\b|\b(had|hadden)\b[^.?!]{0,30}\bgekozen\b|\b(gaf|gaven)\b[^.?!]{0,20}\bop\b|\bschreef\b[^.?!]{0,20}\bin\b|\b(sta|stond|staan|stonden)\b[^.?!,]{0,40}\bop de (deelnemers)?lijst\b|\b(sta|stond|staan|stonden) (?:(?:ik|we|wij|nu|al|dus|eigenlijk) )*voor\b(?! (?:de keuze|het dilemma|open|een)\b)|\bblijft (dus |wel |gewoon |dan )?(staan|aangemeld|ingeschreven|gehandhaafd)\b|\b(aangemeld|ingeschreven|opgegeven|geregistreerd|gisteren|eergisteren|vorige week|afgelopen|al geweest|geweest|bijgewoond|gemist|was ik|ik was|waren (we|wij)|(we|wij) waren|registered|signed up|attended|yesterday|last week)\b/);

// Someone else is the subject ("mijn collega gaat naar Arnhem") and the sender is not: what
// the clause names is theirs. Good wishes ("succes vandaag!") choose nothing either.
export const THIRD_PERSON = withoutCaptures(boundaryOnce(/^collega\b|\b(mijn|onze|de|het|haar|zijn|een) (collega|collegas|wethouder|burgemeester|griffier|raadslid|secretaris|directeur|\w*voorzitter|gemeentesecretaris|leidinggevende|manager|teamleider|afdelingshoofd|portefeuillehouder|plaatsvervanger|vervanger|opvolger)\b|\b(hij|zij)\b/));
export const FIRST_PERSON = /\b(ik|wij|we|mij|me|mijzelf|ikzelf|wijzelf|mezelf|onszelf|ons|i|us|myself|ourselves)\b/;
const WISH = /\b(succes|veel plezier|fijne (sessie|bijeenkomst|dag|middag|ochtend)|good luck|have a (good|nice|great))\b/;
// "Ik zie dat ik 21 juni schreef": what one wrote by mistake.
// Another engagement of the sender's own: their council or committee meeting, a congress, a
// recess, a work visit, a paper going to the council ("het stuk gaat 3 juli naar de raad"). A clause about it that says nothing of our sessions chooses nothing.
const AGENDA = boundaryOnce(/\b((we|wij|ik) )?(organiseren|organiseer|houden|hebben) ((we|wij|ik) )?(zelf |ook |al )*\b[^.?!]{0,30}\b(een|onze|ons eigen|mijn) ([a-z-]+ )?(avond|middag|ochtend|dag|evenement|inwonersavond|bewonersavond|informatieavond)\b|\b(wordt|worden)\b[^.?!]{0,40}\b(behandeld|besproken|vastgesteld|geagendeerd)\b|\b((gemeente)?raad|commissie|fractie|college|staten) (vergadert|vergaderen|komt\b[^,]{0,20}\bbijeen)\b|\b(vergadert|vergaderen) (de|onze|ons|het|mijn) ((gemeente)?raad|commissie|fractie|college|staten)\b|\b(raads|commissie|fractie|college|staten|gemeenteraads|leden|team|afdelings|directie)?vergadering(en)?\b|\b(raads)?commissies?\b|\b(raads|fractie)overleg\b|\b\w*congres\w*|\b(zomer|kerst|herfst|voorjaars)?reces\b|\bwerkbezoek\w*|\bdienstreis\w*|\b((gemeente)?raad|commissie|staten) (stemt|besluit|beslist|behandelt)\b|\b(voor|bij|op|naar) (een|het|de) ([a-z0-9-]+ ){0,2}(overleg|symposium|seminar|evenement|(regio)?bijeenkomst over)\b|\b(for|at) (a|an|the) ([a-z0-9-]+ ){0,2}(meeting|conference|congress|visit|symposium|seminar)\b|\b(council|committee|staff|board|team) meetings?\b|\bconference\b|\b(work|site|working) visits?\b|\bbusiness trip\b|\brecess\b|\b(presenteren|presenteer) (we|wij|ik)\b|\b(we|wij|ik) (presenteren|presenteer)\b|\b(gaat|gaan|ging|gingen)\b[^.?!]{0,30}\bnaar de (gemeente)?raad\b|\b(aan|in) de (gemeente)?raad (voorgelegd|aangeboden|voorleggen|aanbieden)\b/);
// Every AGENDA wording holds one of these stems; most clauses hold none, and this is cheap.
// (Keep in step with AGENDA.)
const MAYBE_AGENDA = /organiseer|organiseren|houden|hebben|behandeld|besproken|vastgesteld|geagendeerd|vergader|bijeen|commissie|overleg|congres|reces|werkbezoek|dienstreis|stemt|besluit|beslist|behandelt|symposium|seminar|evenement|meeting|conference|visit|business trip|presente|naar de raad|naar de gemeenteraad|voorgelegd|aangeboden|voorleggen|aanbieden/;
// What makes a clause about our sessions after all.
const OURS_IN_CLAUSE = /\b((?<!\b(een|a|an) )((ontwerp|regio)?sessies?|(regio)?bijeenkomst(en)?|sessions?)(?! (over|on|about)\b)|aanmeld\w*|aan te melden|meld (ik|wij|we) (mij|me|ons)|inschrijv\w*|kom (ik|wij|we)|komen (wij|we)|ben (ik|wij|we) (er )?bij|i('ll| will) (come|attend|join)|register\w*|sign (me|us) up)\b/;
// "want op 22 juni hebben we raad", "omdat ik dan in Den Haag zit": a reason that tells of
// another engagement; its date or place is that engagement's.
const BECAUSE_BUSY = /^(want|omdat|aangezien|because|since|as)\b[^.?!]*\b(hebben (we|wij)|heb ik|zit(ten)? (ik|we|wij)|ben ik|zijn (we|wij)|moet ik|moeten (we|wij)|i have|we have|i am|we are|i'm|we're)\b/;
const SLIP = withoutCaptures(/\b(schreef|typte|vergiste|vergissing|per ongeluk|verkeerd)\b/);

// The period of an initial ("M. van Erp") or a title ("dhr.", "drs.") is no stop inside a clause:
// "meld ik mw. drs. C. Jansen aan" reads as one wording. Replaced by a space (same length);
// lower-case abbreviations ("t.z.t.", "a.u.b.") keep theirs.
const NAME_DOTS = /(?<![A-Za-z])([A-Z]|dhr|mw|mevr|mvr|drs|ir|mr|dr|ing|prof)\.(?=\s)/g;
// The same without the g flag: one plain test spares most clauses (a full stop, no initial) the replace.
const NAME_DOT = new RegExp(NAME_DOTS.source);

// What a clause says about whose and which it is (prior, agenda, rank) is read by the session
// references and a few gates, and only for some clauses: each is worked out on first reading
// and kept on the clause. (Nothing may change a clause's folded text once it is made.)
class LazyClause implements Clause {
  text: string;
  folded: string;
  tokens: Token[];
  neg: boolean;
  others: boolean;
  sentence: number;
  question: boolean;
  #cleaned: string;
  #prior: boolean | undefined;
  #agenda: boolean | undefined;
  #rank: Clause['rank'] | undefined;

  constructor(text: string, folded: string, cleaned: string, neg: boolean, others: boolean, sentence: number, question: boolean) {
    this.text = text;
    this.folded = folded;
    this.tokens = tokenize(folded);
    this.neg = neg;
    this.others = others;
    this.sentence = sentence;
    this.question = question;
    this.#cleaned = cleaned;
  }

  get prior(): boolean {
    return (this.#prior ??= PRIOR.test(this.folded) || WISH.test(this.folded));
  }

  get agenda(): boolean {
    return (this.#agenda ??= ((MAYBE_AGENDA.test(this.folded) && AGENDA.test(this.folded)) || BECAUSE_BUSY.test(this.folded)) && !OURS_IN_CLAUSE.test(this.folded));
  }

  get rank(): Clause['rank'] {
    if (this.#rank === undefined) this.#rank = FALLBACK.test(this.folded) ? 'fallback' : FIRST.test(this.#cleaned) ? 'first' : null;
    return this.#rank;
  }

  // Plain data for JSON and spreading, as a clause was before its fields were lazy.
  toJSON(): Clause {
    return { text: this.text, folded: this.folded, tokens: this.tokens, neg: this.neg, prior: this.prior, others: this.others, agenda: this.agenda, rank: this.rank, sentence: this.sentence, question: this.question };
  }
}

function makeClause(text: string, sentence: number, question: boolean): Clause {
  // (A clause without a full stop, most of them, holds no initial: the pattern is not run.)
  const named = text.includes('.') && NAME_DOT.test(text);
  const folded = fixKeywordTypos(maskAddresses(fold(named ? text.replace(NAME_DOTS, (m) => `${m.slice(0, -1)} `) : text)));
  const cleaned = MAYBE_EXCEPTION.test(folded) ? folded.replace(NEG_EXCEPTIONS, ' ') : folded;
  const neg = MAYBE_NEGATIVE.test(cleaned) && NEGATIVE.test(cleaned);
  const others = THIRD_PERSON.test(folded) && !FIRST_PERSON.test(folded);
  return new LazyClause(text, folded, cleaned, neg || SLIP.test(folded), others, sentence, question);
}

// "Op 21 juni zit ik in de raad, maar 28 juni kan ik wel": what comes before "maar ... wel"
// is what does not suit.
const BUT_YES = withoutCaptures(/^(maar|but)\b.*\b(wel|(past|passen) (er |me |mij |ons )?(mooi|goed|prima|beter|uitstekend)|does|do|works?|is fine|suits?)\b/);
// "..., maar dat wordt niets": a negative clause that points back rules out what came before.
const POINTS_BACK = /^(maar |but |en |and |dus |want |so )?(dat|die|dit|het|that|it)\b/;
// "Eerst dacht ik aan Haarlem": a first thought, given up.
const FIRST_THOUGHT = withoutCaptures(/\b(eerst|aanvankelijk|oorspronkelijk|eigenlijk|at first|originally)\b[^.?!]{0,30}\b(dacht|wilde|wou|had|was|thought|wanted|planned)\b|\b(dacht|wilde|wou|thought|wanted|planned)\b[^.?!]{0,15}\b(eerst|aanvankelijk|oorspronkelijk|at first|originally)\b/);

// "..., maar op die dag ben ik daar al": another engagement at the time or place just named.
const BUSY_THEN = /^(maar|but)\b[^.?!]*\b(daar|dan|die (\w*dag|\w*dag(ochtend|middag|avond)|ochtend|middag|avond|datum)|op die dag|then|there|that (day|morning|afternoon|date))\b/;

function contrast(parts: Clause[]): void {
  const k = parts.findIndex((c) => BUT_YES.test(c.folded));
  for (let i = 0; i < k; i++) parts[i]!.neg = true;
  parts.forEach((c, i) => {
    if (i > 0 && c.neg && POINTS_BACK.test(c.folded)) parts[i - 1]!.neg = true;
    // "Arnhem ligt voor de hand, maar op 22 juni ben ik daar al voor een werkbezoek": taken then.
    if (i > 0 && BUSY_THEN.test(c.folded) && c.agenda) parts[i - 1]!.neg = true;
    // "Eerst dacht ik aan Breda, maar ik kies toch voor Venlo": a first thought, then another choice.
    if (FIRST_THOUGHT.test(c.folded) && parts.slice(i + 1).some((n) => (n.neg && POINTS_BACK.test(n.folded)) || (!n.neg && (CHOSEN_AFTER.test(n.folded) || CHOSEN_LATER.test(n.folded))))) c.neg = true;
    // "Breda, nee, Venlo", "..., of nee, wacht": the writer takes back what came just before.
    if (i > 0 && TAKEN_BACK.test(c.folded)) parts[i - 1]!.neg = true;
  });
}

// A choice made after a first thought ("maar ik kies toch", "maar liever", "wordt het").
const CHOSEN_AFTER = /^(maar|but)\b[^.?!]*\b(toch|liever|kies|kiezen|wordt het|bij nader inzien|instead|rather|choose|on second thought)\b/;
const CHOSEN_LATER = withoutCaptures(/^(het|dat) wordt\b(?! (niets|niks|lastig|moeilijk|krap|te)\b)|^(dus |dan )?(wordt het|kies ik|ik kies)\b/);
// A self-correction on its own: "nee", "maar nee", "of nee, wacht", "correctie".
const TAKEN_BACK = /^(maar |of |oh |o )?(nee|neen|nope|no|correctie|correction)(,? (wacht|toch|sorry|wait))?[.!]?$/;

// All the sentences of a list of clauses are asked for by several readers of one message
// (features, evidence, intent, signup-made): built once per list. (A clause's sentence and
// folded text do not change once clausesOf has made it.)
const allSentences = new WeakMap<readonly Clause[], ReadonlyMap<number, string>>();

/** Each sentence's clauses (those `keep` accepts; by default all) joined again with ", ", by sentence number. */
export function sentenceTexts(clauses: readonly Clause[], keep?: (c: Clause) => boolean): ReadonlyMap<number, string> {
  if (keep) return joined(clauses, keep);
  let all = allSentences.get(clauses);
  if (!all) allSentences.set(clauses, (all = joined(clauses, () => true)));
  return all;
}

function joined(clauses: readonly Clause[], keep: (c: Clause) => boolean): Map<number, string> {
  const out = new Map<number, string>();
  for (const c of clauses) {
    if (keep(c)) out.set(c.sentence, out.has(c.sentence) ? `${out.get(c.sentence)}, ${c.folded}` : c.folded);
  }
  return out;
}

// What /\?\s*\)?\s*$/ finds in a sentence, which sentences() gives trimmed: a last "?", or a "?"
// before a closing bracket. Tested from the end instead of by a pattern tried at every "?".
const QUESTION_IN_BRACKETS = /\?\s*\)$/;
const endsAsQuestion = (trimmed: string): boolean => trimmed.endsWith('?') || (trimmed.endsWith(')') && QUESTION_IN_BRACKETS.test(trimmed));

/** Clauses of a text, in order, numbered by sentence. */
export function clausesOf(text: string): Clause[] {
  const out: Clause[] = [];
  const wide = isWide(text);
  let n = 0;
  // The clauses of the sentence before (numbered n - 1), kept at hand rather than sought among all.
  let previous: Clause[] = [];
  let before: Clause[] = [];
  for (const unit of units(text)) {
    for (const s of sentences(unit)) {
      const question = endsAsQuestion(s);
      // A comma inside brackets ("(raadslid, in de cc)") does not end a clause.
      const guarded = s.includes('(') ? s.replace(/\([^()]*\)/g, (m) => m.replaceAll(',', '\u201a')) : s;
      // (The stand-in for a comma is beyond Latin-1: the parts are narrowed again, see narrow();
      // so are those of a text with such a character elsewhere, a quoted mail's curly quote.)
      // (A text with no character beyond Latin-1 and no bracket guarded holds no stand-in to restore.)
      const restored = guarded === s && !wide ? (p: string) => p.trim() : (p: string) => narrow(p.trim().replaceAll('\u201a', ','));
      const parts = guarded.split(CLAUSE_SPLIT).filter((p) => p && p.trim()).map((p) => makeClause(restored(p), n, question));
      contrast(parts);
      // "Breda? Nee, toch liever Venlo.": a question the writer answers at once with "nee" was
      // never asked; what it named is ruled out.
      if (previous.length && previous.every((c) => c.question) && previous.length <= 2 && ANSWERED_NO.test(parts[0]?.folded ?? '')) {
        for (const c of previous) { c.neg = true; c.question = false; }
      }
      // "Ik dacht eerst aan Haarlem, maar de 21e zit ik in Brussel. Het wordt dus Utrecht.": the
      // choice may follow in a sentence of its own; the first thought is given up all the same.
      if (parts[0] && CHOSEN_LATER.test(parts[0].folded)) for (const c of [...before, ...previous]) if (FIRST_THOUGHT.test(c.folded)) c.neg = true;
      out.push(...parts);
      before = previous;
      previous = parts;
      n++;
    }
  }
  return out;
}

const ANSWERED_NO = /^(nee|neen|no)\b/;

