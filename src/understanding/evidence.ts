// What the new text says for and against the sender acting now, each item with where it was
// found. intent.ts proposes a verdict from the features; the gate at its end lets an act
// (register, cancel, alternatives) through only when this evidence supports it and nothing
// here contradicts it. Pure: features in, evidence out.
import type { ThreadContext } from './types.js';
import type { Features } from './features.js';
import { FIRST_PERSON, sentenceTexts } from './clauses.js';
import { askedOfUs, ownSignup, signsUpSelf } from './signup-made.js';
import type { Ref } from './sessions-named.js';
import * as cue from './cues.js';
import { anyOf, boundaryOnce, matchesOf } from './matches.js';

export type Where = 'text' | 'subject' | 'thread' | 'quoted';

export type ContraryKind =
  | 'hedge' // "misschien", "ik laat het nog weten", "onder voorbehoud": holds back
  | 'condition' // "als er parkeergelegenheid is, kom ik": attendance depends on an answer
  | 'elsewhere' // asks for a session in another place or on another date
  | 'transfer' // hands a place on: a person re-assigns it
  | 'mailing' // "remove me from your list": a mailing matter, not a withdrawal
  | 'deferred'; // "hij meldt zich zelf nog aan", "de aanmelding volgt": the signup is yet to come

export interface Item<K extends string = string> {
  kind: K;
  text: string;
  where: Where;
}

export interface SenderEvidence {
  /** What ties the mail to our sessions (a session named, "de bijeenkomst", our thread), or null. */
  ours: Item | null;
  /** The evidence of a kind against acting, or null. */
  contrary(kind: ContraryKind): Item<ContraryKind> | null;
}

// Words that can only be about our sessions, or about a registration for them. (Not the
// organisers' names: "VNG" in a domain-registration scam names whom it is sent to, not what about.)
const OUR_WORDS = /\b([a-z]*sessies?|sesjes?|gearkomste|(regio)?bijeenkomst(en)?|ontwerpbijeenkomst|lokale democratie|democratie in actie|d-loket|(mijn|onze|de|uw) (aanmelding|inschrijving|registratie|deelname)|aanmelding|afmelding|inschrijving|deelnemerslijst|design sessions?|local democracy|regional sessions?|(the|this|that|your|a) (design |regional )?sessions?|the ((monday|tuesday|wednesday|thursday|friday|morning|afternoon|\d{1,2}(st|nd|rd|th)) ){1,3}sessions?|my (registration|signup|place|seat))\b/;
// The sender's own signup or withdrawal, "ik meld mij af", "wilt u mij en mijn collega afmelden",
// "graag wil ik me aanmelden", "ik had me opgegeven", "ik kan toch niet komen", "ik kan er niet bij
// zijn", "ik ben verhinderd", "kan toch niet komen, wil je me van de lijst halen?", is about what
// one signs up for here: this mailbox holds nothing else to sign up for or withdraw from. (Not "van
// de lijst halen" alone: "ik ontvang de uitnodiging drie keer, kunt u mij van de lijst halen?"
// means a mailing list.) Unless
// the mail names what else it is for ("afmelden voor de nieuwsbrief", "aanmelden voor het
// webinar", "niet naar de ledenvergadering", a subject "Nieuwsbrief").
const OWN_ACT = /\b((ik|wij|we) (meld|melden) (mij|me|ons|mezelf|mijzelf) (\w+ )?(af|aan)|(mij|me|ons|mezelf|mijzelf)(,? en [^.?!,]{1,30}?)? ((graag|helaas|toch|nog|even|dus|ook|bij deze|hierbij) )*(af te melden|afmelden|aan te melden|aanmelden|opgeven|op te geven|inschrijven|in te schrijven)|(ik|wij|we) (had|heb|hadden|hebben) (mij|me|ons|mezelf|mijzelf) [^.?!]{0,30}\b(aangemeld|afgemeld|opgegeven|ingeschreven)|(ik|wij|we) (kan|kunnen) (er )?((toch|helaas|dus|echt|jammer genoeg) )*niet (bij )?(komen|aanwezig zijn|deelnemen|zijn)|(ik|wij|we) (ben|zijn) (toch |helaas |dus )*verhinderd|^(kan|kon) (er |dus )?((toch|helaas|dus|echt) )*niet (komen|bij zijn|aanwezig zijn)|(wil|wilt|kun|kunt|kan|zou|zoudt) (je|u|jullie) (me|mij|ons) ([a-z]+ ){0,3}(afmelden|uitschrijven|schrappen|van de deelnemerslijst (halen|afhalen|schrappen|verwijderen)))\b/;
const ELSE_SIGNED_FOR = /\b([a-z]*(congres|webinar|workshop|cursus|training|seminar|symposium)\w*|nieuwsbrie[fv]\w*|newsletters?|[\w-]*mailing\w*|mailinglijst|verzendlijst|abonnement\w*|(leden|raads|commissie|algemene )?vergadering\w*|alv|excursie\w*|borrel|diner|studiedag\w*|opleiding\w*)\b/;

// Holding back: a signup that is not one yet. Matched on the whole new text.
const HEDGE = boundaryOnce(/^mogelijk\b|(?<!\bmee (te )?)\b(denk|denken|dacht|overweeg|overweeg\w+)\b(?!( \w+)? mee\b)[^.?!]{0,25}\bover\b|\b(kom|komen)\b[^.?!]{0,40}\bop terug\b|\bterug(komen|kom)\b|\bnog\b[^.?!]{0,20}\bin (gesprek|overleg|beraad)\b|^(of|whether) (ik|wij|we|i)\b[^.?!]{0,60}\b(deelnemen|deel|komen|kom|aanmelden|aansluiten|attend|come|join)\b|\b((beslis|besluit|bepaal|bepalen|kijk|kijken|decide|deciding)\w*\b[^.?!]{0,25}\b(later|t\.?z\.?t|binnenkort|nog|volgende week|deze week|morgen|straks|next week|soon)\b|over (de |onze |mijn )?(deelname|aanmelding)\b[^.?!]{0,30}\b(beslis|besluit|bepa|hoort u|laat ik|laten we|volgt)\w*|reken (nog )?niet op (mij|ons)|voorlopige?(?! (agenda|programma|program|programme)\b)|zodra ik\b[^.?!]{0,30}\b(weet|zeker|bekend)|definitieve?\b[^.?!]{0,25}\bvolgt|misschien|miskien|wellicht|waarschijnlijk|vermoedelijk|wss|wsl|mss|(u |je |jullie )?(hoor|hoort|horen) (u |je |jullie )?(nog |later |snel )*van (me|mij|ons)|mogelijkerwijs|(bevestig|laat weten)\w*\b[^.?!]{0,30}\b(later|volgende week|nog|definitief)|bevestig\w* (het |dit |dat )?(zodra|nadat|wanneer|once|as soon as)\b|(de |een |mijn |onze )?(bevestiging|definitieve (aanmelding|opgave|bevestiging)|uitsluitsel)\b[^.?!]{0,20}\b(volg\w*|komt later)|uitsluitsel|onder voorbehoud|voorlopig(?! (agenda|programma)\b)|((ik|wij|we) )?(?<!\b(me|mij|ons|dat|dit|het|iemand|u|jullie) (\w+ )?)laat (het )?(u |je |jullie )?(nog )?weten|laat ik (het )?(u |je )?(nog )?weten|kom (ik )?(er )?(nog )?op terug|(nog )?niet (zeker|definitief)|onzeker|weet (ik )?(het )?nog niet|(weet|weten) (ik |wij |we )?(nog )?niet (zeker )?of (ik|wij|we|het(?! (nu )?nog (kan|mag|mogelijk)\b))\b(?:(?!\b(maar|but)\b)[^.?!,;]){0,40}\b(kan|kunnen|lukt|lukken|red|redden|haal|halen|kom|komen|vrij|mag)\b(?! (?!(komen|zijn|gaan|deelnemen|aansluiten|aanschuiven|meedoen)\b)[a-z]{2,}en\b)|(don't|do not) know (yet )?(if|whether) (i|we|it)\b[^.?!]{0,30}\b(can|will|could|work)\b|nog niet (aan)?melden|nog (even )?(niet )?aan(melden)?\b(?=[^.?!]{0,20}\b(wachten|afwachten))|twijfel\w*|overweeg\w*|denk (er )?over na|ik denk erover|in beraad|maybe|perhaps|possibly|not sure( yet)?|tentative\w*|(i'll|i will|we'll|we will|and will|shall) let you know|(i'll|i will|we'll|we will) confirm (it |this )?(later|once|when|as soon as)|(do not|don't) (put|add|register|sign) (me|us)\b[^.?!]{0,30}\byet|pencil (me|us) in|not (yet )?decided|undecided)\b/);

// Holding back in other shapes: a step that must come first ("eerst toestemming vragen", "check
// with my manager first", Frisian "earst oerlizze"), an exception ("tenzij", "unless"; not "tenzij ik iets
// anders hoor", which counts on coming), an agenda not yet settled, and
// attendance only hoped for, expected or tried ("hopelijk", "ik verwacht", "I'll try").
const HELD_BACK = /\b(earst\b[^?!]{0,40}\b(freegje|oerlizze|ofstimme|neigean|besjen|ofwachtsje)|noch\b[^.?!]{0,25}\b(ofstimme|oerlizze|besprekke|neigean)|eerst\b[^?!]{0,40}\b(vragen|overleggen|checken|nagaan|navragen|afstemmen|kijken|zien|bekijken|afwachten|uitzoeken|toestemming|akkoord|bespreken)|nog\b[^.?!]{0,25}\b(afstemmen|af te stemmen|overleggen|te overleggen|bespreken|te bespreken|navragen|na te vragen|checken|beoordelen|goedkeuren|goed te keuren|fiatteren|instemmen|akkoord geven|een klap op geven|tekenen|toestemming geven)|toestemming (nodig|vragen|krijgen|van)|goedkeuring (nodig|vragen|van)|(need|have|must|got) to (check|ask|confirm|clear it)\b|check with\b|(first|before) (check|ask|confirm)\w*|need (approval|permission)|tenzij(?! (ik|we|wij) (nog )?(iets )?(anders|tegenbericht|bericht)\b| (u|jullie|je) (mij |me |ons )?(iets anders|anders) (laat|laten|laten) weten\b| ik (nog )?van (u|jullie|je) (iets anders |anders )?hoor\b)|behalve als|unless(?! (i|we) hear otherwise\b| (i'm|i am|we're|we are) told otherwise\b| you (tell|let) (me|us) know otherwise\b)|except if|(agenda|planning|schedule)\b[^?!]{0,20}\b(nog )?(niet|not)( yet)? (rond|bekend|definitief|zeker|vast|settled|final|fixed|clear)|(hopelijk|ik hoop|wij hopen|we hopen|hopefully|i hope|we hope|(ik|wij|we) verwacht(en)?|naar verwachting|(i|we) expect|(ik|wij|we) (ga|gaan|zal|zullen) (het )?proberen|(ik|wij|we) probe?er(en)?|(i|we)('ll| will) try|(i|we) (am|are) trying)\b(?! dat er\b[^.?!,]{0,30}\bkomt\b| komt er\b)[^?!]{0,30}\b(te komen|komen|kom|erbij|er bij|aanwezig|te zijn|deel te nemen|aan te sluiten|kan ik|kunnen (we|wij)|lukt|to (attend|come|join|be there|make it|take part)|(i|we) (can|will|'ll) (attend|come|join|be there|make it)))/;
// Attendance still open: a question about one's own coming left open ("het is nog de vraag of
// de fractie mij kan missen"; "de vraag is of er parkeerplek is" asks about the place), or a
// plan said to be one for now ("tenminste, dat is nu het plan", "that is the plan for now").
// Still to see whether or how it works out: "ik moet nog zien of het lukt", "nog zien hoe ik het
// combineer", "het is nog afwachten of"; "ik zie uit naar" looks forward.
const STILL_TO_SEE = /\bnog\b[^.?!]{0,12}\b(zien|bekijken|afwachten|uitzoeken)\b[^.?!]{0,12}\b(of|hoe|wat)\b/;
const STILL_OPEN = boundaryOnce(/\b(het is|is het|de vraag is) (alleen |wel |nu )?(nog )?(maar )?(de vraag )?of (?!er\b)|\bit remains to be seen\b|\b(dat|dit|het) is (nu |voorlopig |vooralsnog |op dit moment |tenminste |althans )+(het|de) (plan|bedoeling|insteek)\b|\b(tenminste|althans),? (dat|dit) is (nu )?(het|de) (plan|bedoeling)\b|\b(that|this)('s| is) the plan (for now|at least|as it stands)\b/);
// A promise to come back on it, whatever time or channel it names: "ik kom er na het weekend op
// terug", "ik mail u eind mei nog een keer", "u hoort begin juni van mij", "ik laat het jullie na
// de collegevergadering weten". Until then the mail is no decision. ("Hierbij laat ik u weten dat"
// tells now, and a courtesy about changes, "mocht er iets veranderen", is handled in find().)
const COMES_BACK = boundaryOnce(/\b(erop|daarop|hierop) terug\b|\b(ik|wij|we) (mail|mailen|schrijf|schrijven|bel|bellen|stuur|sturen|app|appen)\b[^.?!]{0,40}\b(opnieuw|nog een keer|nogmaals|nog even|terug)\b|\b(mail|mailen|schrijf|schrijven|bel|bellen|stuur|sturen) (ik|wij|we)\b[^.?!]{0,40}\b(opnieuw|nog een keer|nogmaals|terug)\b|\b(u|je|jullie) (hoort|hoor|horen)\b[^.?!]{0,30}\bvan (mij|ons)\b|\b(hoort|hoor|horen) (u|je|jullie)\b[^.?!]{0,30}\bvan (mij|ons)\b|\b(laat|laten) (ik|wij|we|het)\b[^.?!]{0,40}\bweten\b|\b(ik|wij|we) (laat|laten)\b[^.?!]{0,40}\bweten\b|\b(lit|litte) (ik|wy|it)\b[^.?!]{0,40}\bwitte\b|\b(ik|wy) (lit|litte)\b[^.?!]{0,40}\bwitte\b|\b(get|come) back to (you|u)\b|\byou('ll| will) hear from (me|us)\b/);
// A hedge on the coming itself: the word stands at the attendance verb ("ik kom mogelijk naar
// Utrecht", "wij zijn er eventueel bij", "mogelijk sluit ik aan", "I might come"). Elsewhere
// "mogelijk" and "eventueel" are about something else ("zo snel mogelijk", "indien mogelijk").
const HEDGED_COMING = /\b(ik|wij|we) (kom|komen|ben|zijn|sluit|sluiten|schuif|schuiven|doe|doen|ga|gaan)( er)? (mogelijk|eventueel|mogelijkerwijs|mss|wsl)\b|^(mogelijk|eventueel|in principe) (kom|komen|ben|zijn|sluit|sluiten|schuif|schuiven|doe|doen|ga|gaan) (ik|wij|we)\b|\b(i|we) (might|may) (come|attend|join|be there|make it)\b/;
// A signup put off until after a step: "dat kan ik pas na de fractievergadering toezeggen",
// "aanmelden doe ik pas als de begroting erdoor is". ("Ik ben er pas na de lunch" is a remark.)
const ONLY_AFTER = /\bpas\b[^.?!]{0,10}\b(na|nadat|als|wanneer|zodra|later|volgende week|after)\b[^.?!]{0,60}\b(bevestig\w*|toezeg\w*|toe te zeggen|aan te melden|aanmeld\w*|beslis\w*|besluit\w*|beslui\w*|laten weten|definitief|inschrijv\w*|in te schrijven)\b|\b(bevestig\w*|toezeg\w*|toezeggen|aanmeld\w*|beslis\w*|besluit|definitief|inschrijv\w*)\b[^.?!]{0,40}\bpas\b[^.?!]{0,10}\b(na|nadat|als|wanneer|zodra|later|volgende week)\b/;
// Still to decide whether: "dan kan ik bepalen of deelname zinvol is", "wij gaan kijken of we
// kunnen", "I still have to decide whether".
const DECIDING_WHETHER = /\b(ik|wij|we|i)\b[^.?!]{0,25}\b(bepalen|bepaal|beslissen|beslis|besluiten|besluit|afwegen|inschatten|kijken|kijk|bekijken|bekijk|decide|determine|see)\b[^.?!]{0,15}\b(of|whether|if|wie|welke|hoeveel|who|which|how many)\b|\b(bepalen|bepaal|beslissen|beslis|besluiten|besluit|afwegen|kijken|kijk) (ik|we|wij)\b[^.?!]{0,15}\b(of|whether)\b/;
// The mail says itself that it is no signup (yet): "zie dit nog niet als aanmelding", "dit is nog
// geen aanmelding", "bedoeld als vooraankondiging, niet als inschrijving", "do not treat this as a
// registration yet". ("Mijn collega had nog geen aanmelding gedaan" is about another's.)
// ("Volgens mij sta ik nog niet op de lijst" tells why the sender writes: a state, not a wish to wait.)
const NOT_A_SIGNUP_YET = boundaryOnce(/\b(niets|niet|nog niet|nog niets|voorlopig nog niet)\b[^.?!]{0,15}\b(noteren|noteert|inschrijven|vastleggen|reserveren|(?<!\b(sta|staat|staan|stond|stonden)\b[^.?!]{0,30})op de (deelnemers)?lijst)\b|\b(dit|deze|dit bericht|dit mailtje|deze mail|deze e-?mail)\b[^.?!]{0,40}\b(niet|geen)\b[^.?!]{0,25}\b(aanmelding|inschrijving|opgave|registratie)\b|\b(zie|beschouw|beschouwt|ziet|zien|beschouwen)\b[^.?!]{0,15}\b(dit|deze|het)\b[^.?!]{0,10}\b(nog )?niet als\b|\b(do not|don't|please don't)\b[^.?!]{0,10}\b(treat|see|consider|count)\b[^.?!]{0,10}\b(this|it)\b[^.?!]{0,10}\bas\b|\b(this|this e-?mail|this message)\b[^.?!]{0,20}\b(is )?not (yet )?(a|my|our) (registration|signup)\b/);
// Hope, expectation or an attempt counts only where it is about attendance ("hopelijk kan ik
// komen"), not in a closing courtesy ("ik hoop u zo voldoende te hebben geïnformeerd"),
// and not where something else is what comes ("ik hoop dat er een vervolg komt", "hopelijk komt er
// een verslag": existential, nobody's coming).

// A signup left for later or to the person themselves: "hij meldt zich zelf nog aan", "ik schrijf
// me later in", "de aanmelding volgt", "zodat we de aanmelding kunnen afronden", "she will register
// herself", "graag uw advies voordat we definitief aanmelden", "we wachten met aanmelden tot de raad
// vergaderd heeft" (not "some background before registering", said on the way to the signup).
// What this mail says is not yet the signup.
const DEFERRED = boundaryOnce(/\b(meldt|melden) (zich|zichzelf)\b[^.?!]{0,20}\bzelf\b|\b(meld|meldt|melden|schrijf|schrijft|schrijven|geef|geeft|geven)\b[^.?!]{0,25}\b(zelf( nog)?|later|straks|daarna|vervolgens|binnenkort|t\.?z\.?t\.?|te zijner tijd|apart|separaat)\b[^.?!]{0,25}\b(aan|in|op)\b|\b(aanmelding|inschrijving|opgave)\b[^.?!]{0,20}\b(volgt|volgen) (nog|later|z\.?s\.?m\.?|binnenkort|spoedig)\b|\b(aanmelding|inschrijving|opgave)\b[^.?!]{0,20}\b(af (te )?ronden|afronden|definitief (te )?maken|compleet (te )?maken|voltooien)\b|\b(will|'ll) (sign up|register|enrol+)\b[^.?!]{0,20}\b(himself|herself|themselves|later|separately)\b|\b((voordat|before|voor) (ik|we|wij|i)|alvorens)\b[^.?!]{0,30}\b(aanmeld(en|t)?|aan te melden|inschrij(ven|ft|f)|in te schrijven|opgeven|op te geven|sign up|signing up|register|registering)\b|\bwacht(en|t)?\b[^.?!]{0,20}\bmet (het )?(aanmelden|inschrijven|opgeven|registreren)\b/);
// Attendance made to depend on something a person must answer. A condition the bot answers
// itself ("als er nog plek is", "als het nog kan") is no condition. A signup promised after our
// answer ("laat u mij weten of …, dan schrijf ik me in") is one too.
// "Zonder tolk heeft deelname voor mij weinig zin", "zonder lift kan ik niet komen", "without a
// ramp I cannot attend": what is missing decides attendance.
const WITHOUT = /\b(zonder|without)\b[^.?!]{2,50}\b(heeft|is|kan|kom|ga|lukt|there is|there's|i can|i cannot|i can't|makes?)\b[^.?!]{0,40}\b(geen|weinig|minder|niet|no|not|little|cannot|can't)\b[^.?!]{0,20}\b(zin|nut|komen|deelnemen|aanwezig|mogelijk|point|attend|come|sense|use)\b/;
const CONDITION = boundaryOnce(/^provided\b|\b(als|indien|wanneer|mits|if)\b[^.?!,;]{0,30}\b(agenda|planning|rooster|schedule|diary)\b[^.?!,;]{0,20}\b(toelaat|toestaat|meewerkt|allows?|permits?)\b|\b(weten|horen|bevestigen|bevestigt),? dan (meld|melden|schrijf|schrijven|kom|komen|geef|geven) (ik|we|wij)\b|\blaat (u|je|jullie) (mij|me|ons)\b[^.?!]{0,80}?,? dan (meld|melden|schrijf|schrijven|kom|komen|geef|geven) (ik|we|wij)\b|\b(alleen|enkel|slechts|only) (dan|then)\b|\b(should|mocht|mochten) (my|our|the|it|this|that|there|i|we|mijn|onze|de|het|dit|dat|er|ik|wij|we)\b[^.?!]{0,40}\b(allow|permit|work out|fit|be possible|toelaten|toestaan|lukken|passen|uitkomen)\b|\b(heeft|is) (het|dat|dit) (voor (mij|ons) )?((helaas|dan|eigenlijk|wel) )*(minder|weinig|geen|niet veel|niet echt|nauwelijks) zin\b|\b(hangt|hangen|hing)\b[^.?!]{0,30}\baf\b|\bafhangen\b|\banders (kom ik|komen (we|wij)|ga ik|gaan (we|wij)) niet\b|\b(only if|provided (that|my|our|his|her|their|your|this|the|i|we|it|there)|alleen (als|indien|wanneer)|enkel (als|indien)|mits|op voorwaarde|onder (de )?voorwaarde|afhankelijk van|afhankelijk daarvan|daarvan afhankelijk|provided that|on condition|depending on)\b|\b(als|indien|wanneer|if) (er|het|ik|wij|we|dat|dit|u|mijn|onze|there|i|it|you|my|the)\b[^.?!]{0,100}\b(kom ik|komen we|komen wij|ben ik (er )?bij|zijn we (er )?bij|doe ik mee|doen we mee|sluit ik aan|schuif ik aan|meld ik (mij|me)|schrijf ik (mij|me)|i('ll| will) (come|attend|join|be there)|count (me|us) in)\b|\b(is (het|dat) (een )?(probleem|bezwaar)|(mag|kan) (dat|het|ik)\b[^.?!]{0,40}\b(later|eerder|halverwege))\b[^.?!]*\?/);
// The same by the sentence's shape, whatever words the condition holds: a subordinate clause
// before an inverted attendance ("als de trein rijdt, kom ik"), or one after an attendance that
// opens with a subject ("ik kom naar Venlo als de raad ..."); "als raadslid kom ik" has neither.
const ATTEND_INVERTED = String.raw`(dan |then )?(kom ik|kom ich|kome veer|koeme veer|komme veer|komen (we|wij)|ben ik|zijn (we|wij)|doe ik|doen (we|wij)|sluit ik|schuif ik|schuiven (we|wij)|meld(en)? (ik|we|wij)|schrijf (ik|we|wij)|schrijven (we|wij)|geef (ik|we|wij)|(wil|zou|kan|zal) ik|(willen|zouden|kunnen|zullen) (we|wij)|i('ll|'d| will| can| could| would)|we('ll|'d| will| can| could| would))\b`;
// The attendance said with a modal too: "ik zou naar Arnhem komen", "wij kunnen erbij zijn".
const ATTEND = String.raw`\b(ik kom|ich kom|wy komme|wij komen|we komen|ik ben (er ?bij|aanwezig|present)|ik meld (mij|me)|wij melden|we melden|ik doe mee|ik sluit aan|ik schuif aan|(ik|wij|we) (zou|zouden|kan|kunnen|wil|willen|zal|zullen)\b[^.?!,;]{0,30}?\b(komen|gaan|erbij zijn|er ?bij zijn|aanwezig zijn|deelnemen|aansluiten|aanschuiven|meedoen)|(ik|wij|we) (wil|willen|zou|zouden|ga|gaan) (graag |best |wel |heel graag )?naar|(ik|wij|we) (ga|gaan|kom|komen) in (zijn|haar|diens|hun) plaats|i('ll| will| can| would) (come|attend|join|be there|take part)|we('ll| will| can| would) (come|attend|join|be there|take part))\b`;
// The words that open a condition: "als", "indien", "wanneer", "zolang", "zodra" (as soon as).
// Limburgish "es" and Frisian "as" mean "als" before a subject ("es ich vrij krieg", "as it wurk it talit").
const IF = String.raw`(als|indien|wanneer|zolang|zodra|op het moment dat|if|as long as|as soon as|once|es(?= (ich|'t|t|het|dat|d'r|veer|ze)\b)|as(?= (ik|it|wy|der|dat)\b))`;
// A condition put as a question first: "Is dat het geval, dan zou ik er graag bij zijn", "Mocht
// het lukken, dan kom ik". A reply's "Prima, dan kom ik" starts with no verb and is no condition.
const VERB_FIRST = /^(is|zijn|kan|kunnen|mag|mogen|mocht|mochten|blijkt|blijken|lukt|lukken|wordt|worden|krijg|krijgen|past|komt|gaat|valt|heb|hebben)\b[^?!;]{2,80},\s*dan (zou|zouden|kom|komen|ben|zijn|wil|willen|meld|melden|schrijf|schuif|sluit|ga|gaan|doe|doen) (ik|we|wij)\b/;
// What follows the inverted verb may be a request or thanks, not the coming: "als u nog een
// verslag heeft, zou ik dat graag ontvangen"; "… zou ik het op prijs stellen om aan te sluiten" comes.
const NOT_COMING_AFTER = String.raw`(?!\s+(die|dat|het|deze|dit|ze|hem|it|that|this)\s+(\w+\s+){0,2}(ontvangen|krijgen|op prijs stellen|waarderen|fijn vinden|appreciate|welcome|receive)(?!\s+(om|als|dat|to|if)\b))`;
// A Dutch if-clause ends in its verb; with one there, no comma need close it ("als dat niet lukt
// kan ik niet komen"). "Als raadslid kom ik graag" has none.
const IF_CLAUSE_VERB = String.raw`(lukt|lukken|kan|kunnen|is|zijn|past|passen|gaat|gaan|heeft|hebben|wordt|worden|mag|mogen|doet|doen|rijdt|rijden|uitloopt|uitlopen|blijkt|blijken|toelaat|toestaat|verschuift|verschuiven|valt|vallen|duurt|werkt|meewerkt|meezit|tegenzit|doorgaat|staat|ligt|hoeft|moet|moeten|krijg|krijgt|krijgen|heb|ben|wil|willen|zit|zitten)`;
// After the coming too, an if-clause is told by the verb it ends in ("ik kom graag, als inwoners
// welkom zijn"); "ik kom graag, als raadslid" has none.
const CONDITION_SHAPE = boundaryOnce(new RegExp(String.raw`\b${IF}\b[^?!,;]{3,100},\s*${ATTEND_INVERTED}${NOT_COMING_AFTER}|\b${IF}\s+[^?!,;.]{2,80}?\s${IF_CLAUSE_VERB}\s+${ATTEND_INVERTED}${NOT_COMING_AFTER}|${ATTEND}[^?!;]{0,60}?\b${IF}\s+(de|het|er|ik|wij|we|dat|dit|die|deze|u|mijn|onze|jullie|zijn|haar|the|there|it|i|my|our|his|her|ich|'t|t|wy|d'r)\b|(${ATTEND}|\b${ATTEND_INVERTED})[^?!;]{0,60}?,\s*${IF}\s+[^?!,;.]{2,60}?\s${IF_CLAUSE_VERB}(\s+[a-z]+en)?(?=\s*([.!?;,]|$))`));
// ("Is het de bedoeling dat we iets meenemen of voorbereiden?" asks about the content, not leave.)
// Whether the sender may take part at all ("is dat mogelijk voor een Belgische gemeente?", "is it
// open to a non-member?") or whether coming is still worth it ("heeft het dan nog zin om aan te
// schuiven?"): attendance waits on what a person answers.
const MAY_I_AT_ALL = /\b(is het de bedoeling dat\b(?![^?]{0,40}\b(meenemen|mee te nemen|voorbereiden|voor te bereiden|lezen|inbrengen|in te brengen|presenteren|opsturen|aanleveren)\b)|(is|zijn) (de sessies?|het|die|deze|de bijeenkomst) (alleen|uitsluitend|ook) (voor|bedoeld voor)\b|(is|zijn) (dat|dit|het|die|deze|de sessies?|de bijeenkomst) (ook |wel |dan |nog |eigenlijk )*(mogelijk|toegestaan|open|toegankelijk|bedoeld) (voor|als) [a-z]+\b|(kan|mag) (dat|dit|het) (ook |wel |dan |nog |eigenlijk )*(als|voor) (een|ons|onze|iemand) (niet-?\w+|buitenlandse?|belgische?|duitse?|externe?|commerciele?|particulier\w*)\b|(is|are) (that|this|it|the sessions?) (also |even |still )*(possible|allowed|open|meant) (for|to) (a|an|us|our|someone|non)\b|(heeft|is) (het|dat|dit) (dan |nog |wel |eigenlijk |nog wel )*(zin|zinvol|nuttig|de moeite( waard)?)\b|(is it|would it be) (still |even )*(worth|useful|worthwhile|any use)\b)[^.?!]*\?/;
// "Zijn er kosten aan verbonden? Zo niet, dan meld ik mij aan": the signup waits on the answer.
// "Dan melden we ons daarna aan" right after a question also waits on its answer. ("Dan kom ik
// graag" after "Is er een sessie in Limburg?" asks where, and is answered with the list.)
const ON_THE_ANSWER = /^dan (meld|melden|schrijf|schrijven|geef|geven) (ik|we|wij)\b|\b(advies|antwoord|reactie|uitsluitsel|bericht|input)\b,? dan (meld|melden|schrijf|schrijven|geef|geven|kom|komen|zet|zetten) (ik|we|wij)\b|\bweten,? dan (meld|melden|schrijf|schrijven|geef|geven) (ik|we|wij)\b|^(dan|then) (kom|komen|ben|zijn|sluit|sluiten|schuif|schuiven|i('ll| will)|we('ll| will)) ?(ik|we|wij)?\b|^(dan|then) (wil|willen|zou|zouden|ga|gaan|kan|kunnen) (ik|we|wij)\b[^.?!]{0,30}\b(komen|deelnemen|aansluiten|aanschuiven|meedoen|erbij zijn|er ?bij zijn|aanmelden)\b|\b(zo (ja|niet|nee|neen)|indien nee|if no|in (dat|het) (eerste |laatste |andere )?geval|als dat (zo )?is|indien (ja|niet|wel)|if (so|not|yes)|if (that|this) is (so|the case)|(als|indien|wanneer) (dat|dit) (zo is|het geval is)|in that case)\b/;
// Whether a seat is still to be had ("is er nog plek?", "kan er nog iemand bij?"): the bot answers
// that by confirming or by the list of dates.
// After "zo niet": no obstacle ("geen probleem", "not a problem if not").
const REMARK_AFTER_ANSWER = /\b(geen (probleem|punt|bezwaar)|(not a|no) problem|maakt (niet|niks) uit|(doesn't|does not) matter)\b/;
const SEAT_QUESTION = boundaryOnce(new RegExp(/\b(kan|kunnen|mag|mogen|can|may) (het|dat|ik|we|wij|i)( me| mij| ons)?( (morgen|vandaag|morgenmiddag|morgenochtend|vanmiddag|tomorrow|today))? (nog|ook|still)\b|\bnog (een )?(mogelijk|open|plek|plekje|plaats|plaatsje|ruimte)\b|\bstill (possible|open)\b|\b(is|are) there (still )?(a )?(places?|seats?|room)\b/.source + '|' + cue.MORE_SEATS.source));
const POINTS_BACK_IF = /\b(als|indien|wanneer|if) (dat|dit|that|this)\b/;
// A question about seats ("is er nog plek?"), not about room for something else ("ruimte voor onze casus").
const ROOM = /^(?!.*\b(parkeer\w*|parkeren|auto|fiets|rolstoel|lift)\b).*(\b(plek|plekken|plekje|plaats|plaatsen|stoelen|vol|seats?|places?)\b|\bnog (ruimte|room|space)\b)/;
// (An aside that is itself a condition stays: "wij komen naar Venlo (als het stadhuis met de trein
// bereikbaar is)".)
const ASIDE = /\s*\((?!\s*(als|indien|mits|tenzij|alleen als|if|unless|provided)\b)[^()]*\)/g;
const withoutAsides = (t: string) => { const rest = t.replace(ASIDE, ' '); return /[a-z]{2}/.test(rest) ? rest : t.replace(/[()]/g, ' '); };
// ("Als u mij weer wilt inschrijven" asks us to act. "Als dat goed is", "if that's ok": our leave asked, which the confirmation gives; not "als het
// goed is", which hedges.)
const ANSWERED_CONDITION = /\b(als|indien|wanneer|if|es|as) (het|dat|dit|er|d'r|der|'t|there is|it is|that is) (nog )?(kan|mag|lukt|mogelijk|plek|plaats|plaatsen|ruimte|vol|room|space|possible|a (place|seat))\b|\b(als|indien|if) (dat|dit|that is|it is) (goed|oke|ok|okay|akkoord|fine|alright|in orde)( is| voor (u|jullie) is)?(?=\s*([,.;!?)]|$))|\bif (that|it)'s (ok|okay|fine|alright|possible)\b|\b(als|indien) (u|jullie|je) (mij|me|ons|haar|hem)\b[^.?!,]{0,20}\b(wilt|wil|willen|kunt|kan|kunnen)\b[^.?!,]{0,10}\b(inschrijven|aanmelden|noteren|bijschrijven|toevoegen|zetten)\b/;

// A session elsewhere or on another day: the sender wants one, but not (only) the one named.
const ELSEWHERE = /\b(sessies?|bijeenkomst(en)?|een|één|session)\b[^.?!]{0,20}\b(dichter ?bij|dichterbij|in de buurt van|closer|nearer)\b|\b(elders|ergens anders|een andere (locatie|plaats|stad|regio|plek)|(closer|nearer) to|somewhere else|another (location|city|place))\b/;

// "Roosendaal ligt een stuk dichter bij Breda": the comparison's object is a session named, so
// it says why that one suits.
function closerToChosen(t: string, f: Features): boolean {
  const m = /\b(dichter ?bij|closer to|nearer to|in de buurt van)\s+/.exec(t);
  if (!m) return false;
  const after = t.slice(m.index + m[0].length, m.index + m[0].length + 30);
  return f.bodyRefs.some((r) => r.polarity === 'pos' && r.sessions.length === 1 && (r.kind === 'city' || r.kind === 'venue') && after.startsWith(r.text.toLowerCase()));
}
// "Of de chauffeur beter ergens anders kan wachten", "hij wordt elders verwacht", "ik wil mijn tijd
// elders inzetten": what is elsewhere is no session. Only a session, a signup or the sender's
// taking part elsewhere asks for another ("kan ik ergens anders aansluiten?", "of elders in Twente?").
const ELSEWHERE_PLACE = /\b(elders|ergens anders|een andere (locatie|plaats|stad|regio|plek)|somewhere else|another (location|city|place))\b/;
const ABOUT_A_SESSION = /\b(sessie\w*|bijeenkomst\w*|sessions?|meetings?|aansluit\w*|aan te sluiten|aanmeld\w*|aan te melden|inschrijv\w*|deelne\w*|deel te nemen|meedoen|mee te doen|meedoet|terecht|kom|komen|attend|join|kan het|kan dat|is er|zijn er|is there|are there|ga|gaan|liever|voorkeur|prefer|rather)\b/;
// And "(of ik beter) ergens anders kan parkeren": what follows the place says what is done there;
// "ik kom vanuit een afspraak elders" says where the sender comes from.
const DONE_THERE = /\b(elders|ergens anders)\b( \w+){0,2} (parkeren|parkeer|wachten|wacht|eten|lunchen|overnachten|verwacht|vergader\w*|inzetten|zijn|nodig|bezig)\b|\bvanuit\b[^.?!]{0,25}\b(elders|ergens anders)\b|\b(elders|ergens anders) vandaan\b/;
const elsewhereForSomethingElse = (t: string) => !ELSEWHERE.test(t.replace(ELSEWHERE_PLACE, ' ')) && (!ABOUT_A_SESSION.test(t) || DONE_THERE.test(t));
const THAT_IS_CLOSER = /\b(dat|dit|die|het|that|this|it)( is|'s)\b[^.?!]{0,30}\b(dichterbij|dichter bij|closer|nearer)\b/;

// Hands a place on rather than giving it up. (Taking over someone's work, "zijn taken overnemen", is
// why the sender cannot come.)
// ("Wilt u dat doorgeven aan de catering?" passes on a message, not a place.)
const TRANSFER = boundaryOnce(/\b(neemt|nemen|innemen|overnemen) (mijn|onze) (plek|plaats|plekje|stoel)( in| over)?\b|\b(mijn|onze) (plek|plaats|plekje) (in|over)nemen\b|\btakes? (over )?(my|our) (place|seat|spot)\b|\b(overdragen|over te dragen|overdracht|doorgeven aan (?!(de|het) (catering|keuken|organisatie|receptie|zaal|locatie|beheerder|gastheer|gastvrouw)\b)|(?<!\b(taken|werk|werkzaamheden|diensten?|functie|rol|portefeuille|verplichtingen|afspraken|zaken) )(overnemen|overneemt)|transfer (my|our)|give my (place|seat)|(hand|pass) (over )?(my|our) (place|seat|spot|registration)|(hand|pass) (it|this) (over )?to (a|my|our) (colleague|deputy))\b|\b(mijn|onze) (plek|plaats|plekje|aanmelding|inschrijving)\b[^.?!]{0,40}\b(aan|voor) (een|mijn|onze) (collega|vervang\w*)/);

// Removal from a mailing: not a cancellation of anything of ours. An unsubscribe footer ("Afmelden
// voor deze berichten? Antwoord met STOP") is one too.
// A bare "list" is as often the list of participants ("take me off the list so someone else can
// have my seat"): only a mailing, e-mail or distribution list is a mailing matter.
const MAILING = boundaryOnce(/\b(afmeld\w*|af te melden|uitschrijv\w*|uit te schrijven|unsubscrib\w*|opt out)\b[^.?!]{0,20}\b(voor|van|from|of) (deze|onze|these|our) (berichten|mails|e-?mails|messages|nieuwsbrieven|mailings)\b|\b(antwoord|reageer|reply) met ['"]?stop\b|\bniet meer (wilt |wenst )?(te )?ontvangen\b|\b(remove|unsubscribe|take|delete)\b[^.?!]{0,25}\b(from|off)\b[^.?!]{0,25}\b((mailing|e-?mail|distribution|contact) lists?|mailings|database|newsletter)\b|["']remove me["']|\b(uit|van) (de|uw|jullie|het) (mailinglijst|verzendlijst|mailingbestand|adresbestand|nieuwsbrief|mailing)\b|\b(afmeld\w*|uitschrijv\w*|uit te schrijven|af te melden|meld\w*|schrijf\w*|unsubscrib\w*|opt out)\b[^.?!]{0,30}\b(voor|van|from|of) (de|uw|jullie|het|your|the|this) ([\w-]+ )?(nieuwsbrie[fv]\w*|mailing\w*|verzendlijst|newsletter|mailing list)\b/);

// A weekday alone ("vrijdag") is in too much other mail to tie a message to our sessions.
const NAMING = new Set(['city', 'venue', 'region', 'date']);

function firstOurs(refs: Ref[], where: Where): Item | null {
  const r = refs.find((x) => NAMING.has(x.kind) && x.sessions.length > 0 && !x.weak);
  return r ? { kind: 'session', text: r.text, where } : null;
}

function sentences(f: Features): string[] {
  return [...sentenceTexts(f.bodyClauses).values()];
}

// Another event's signup ("Aanmelding workshop: nog 3 plaatsen!", "inschrijving webinar"): the
// bare words for a signup are then not about our sessions.
export const OTHER_EVENT = /\b(workshops?|webinars?|cursus\w*|trainingen|training|congres\w*|seminars?|masterclass\w*|lezing\w*|symposi\w*|beurs|vakbeurs|demo|demos|event|events)\b/;
const BARE_SIGNUP_WORD = /^(aanmelding|afmelding|inschrijving)$/;

function wordsIn(texts: string[], where: Where, elseNamed: () => boolean): Item | null {
  for (const t of texts) {
    const m = OUR_WORDS.exec(t);
    if (m && !(BARE_SIGNUP_WORD.test(m[0]) && OTHER_EVENT.test(t))) return { kind: 'words', text: m[0], where };
    const a = OWN_ACT.exec(t);
    if (a && !elseNamed()) return { kind: 'words', text: a[0], where };
  }
  return null;
}

// A remark on how one comes, not whether: arrival and leaving times, food, access, travel. A hedge
// in such a clause ("misschien handig voor de lunch", "ik ben er waarschijnlijk pas om half tien")
// qualifies the remark, and a person reads it; the signup stands.
const PRACTICAL = /\b((wat|iets|beetje|uur|uurtje|kwartier|minuten|pas) later|later (binnen|aan)\w*|te laat|eerder weg|eerder vertrekken|pas (rond|om|tegen|na)|om \d|rond \d|om (een|twee|drie|vier|vijf|zes|half) uur|hoe lang|na afloop|direct door|blijf|blijven|half (negen|tien|elf|twaalf|een|twee|drie|vier|vijf)|inloop|opening|binnenkom\w*|aankom\w*|lunch|broodje|eten|dieet|vegetar\w*|veganist\w*|allergi\w*|gluten\w*|parkeer\w*|parkeren|trein|auto|fiets|ov|openbaar vervoer|carpool\w*|lift|rolstoel\w*|ringleiding|ingang|entrance|na (de )?aanvang|na de start|na het begin|binnenlop\w*|binnen (ben|zijn|is)|kwart (over|voor)|kwartiertje|(goed|handig|fijn) om te weten|good to know|late arrival|arrive|lunch|diet)\b/;
const ABOUT_COMING = /\b(kom|komen|erbij|er bij|aanwezig|deelnemen|deelname|aanmeld\w*|meld|inschrijv\w*|attend|come|join)\b/;

const globals = new Map<RegExp, RegExp>();
function globalOf(re: RegExp): RegExp {
  let g = globals.get(re);
  if (!g) globals.set(re, (g = new RegExp(re.source, `${re.flags}g`)));
  return g;
}

function remarkAfterAnswer(t: string): boolean {
  const m = ON_THE_ANSWER.exec(t);
  if (!m) return false;
  const rest = t.slice(m.index + m[0].length);
  return REMARK_AFTER_ANSWER.test(t) || (PRACTICAL.test(rest) && !ABOUT_COMING.test(rest));
}

// Arriving later than the start, said of the sender: "dus ik ben er pas om half drie".
const ARRIVES_LATER = /\b(pas (rond|om|tegen|na)|(wat|iets|beetje|uur|uurtje|kwartier|minuten|half uur) later|later (binnen|aan)\w*|te laat|(rond|om|tegen) (half |kwart over )?(een|twee|drie|vier|vijf|\d))\b/;
// Words of coming or of managing to come ("lukt", "haal ik"): a doubt in a clause with one of them is about the coming.
const ABOUT_MANAGING = /\b(lukt|lukken|gelukt|haal|haalt|halen|red|redden|kan|kunnen|make it|manage)\b/;

function qualifiesRemark(sentence: string, match: string): boolean {
  const clause = sentence.split(/,\s+|\s+(?=(maar|dus|want|omdat|but|so|because)\s)/).find((c) => c && c.includes(match)) ?? sentence;
  // "Ik kom misschien wat later", "of ik met de trein of de auto kom": how one comes, not whether.
  if (PRACTICAL.test(clause) && !(ABOUT_COMING.test(clause) && !/\b(later|pas|te laat|eerder|met de (trein|auto|fiets|bus)|per (trein|auto|fiets|bus))\b/.test(clause))) return true;
  // "Mijn overleg loopt waarschijnlijk uit, dus ik ben er pas om half drie": the doubt is about
  // what makes one late, and the sentence tells when one arrives. ("Misschien lukt het niet, maar
  // ik probeer er om twee uur te zijn" doubts the coming.)
  return ARRIVES_LATER.test(sentence) && !ABOUT_COMING.test(clause) && !ABOUT_MANAGING.test(clause);
}

// Someone other than the sender, as the one a sentence is about.
// (Not as the one whose approval is needed: "onder voorbehoud van akkoord van onze gemeentesecretaris".)
// "Misschien schuift er iemand van de buurgemeente aan": someone unnamed is someone else too.
const SOMEONE_ELSE = /\b(twee|drie|vier|een paar|enkele|wat|nog|two|three|some) (raadsleden|collega's|collegas|wethouders|fractieleden|commissieleden|medewerkers|councillors|colleagues)\b|(?<!\b(akkoord|toestemming|goedkeuring|fiat|instemming|approval|permission|consent) (van|door|from|of) )\b(mijn|onze|de|het|haar|zijn|een|my|our|the) (collega|collega's|collegas|wethouder|burgemeester|griffier|raadslid|secretaris|secretariaat|directeur|voorzitter|gemeentesecretaris|leidinggevende|manager|fractiegenoot|colleague|alderman|mayor)\b|\b(hij|zij|ze|hem|haar|hen|he|she|they|him|her|them|iemand|someone|somebody)\b/;
// The sender only reporting ("weet ik nog niet", "laat ik weten"): not the sender's own coming.
const REPORTING = /\b(ik|wij|we|i)\s+(weet|weten|laat|laten|hoor|horen|know)\b|\b(weet|weten|laat|laten|hoor|horen)\s+(ik|wij|we)\b/g;
const IN_MY_PLACE = /\b(in (mijn|onze) plaats|namens (mij|ons)|instead of me|in my place|vervang\w*)\b/;
// The sender's own coming named as a thing: "de wethouder moet mijn deelname nog goedkeuren".
const MY_COMING = /\b(mijn|onze) (deelname|aanwezigheid|komst|aanmelding|inschrijving)\b|\b(my|our) (attendance|participation|registration)\b/;
/** The sentence is about someone else's coming, not the sender's ("mijn collega twijfelt nog"). */
function aboutSomeoneElse(t: string): boolean {
  return SOMEONE_ELSE.test(t) && !FIRST_PERSON.test(t.replace(REPORTING, ' ')) && !IN_MY_PLACE.test(t) && !MY_COMING.test(t);
}
// "Misschien een volgende keer", "wellicht bij een andere gelegenheid": another occasion, not this one.
const ANOTHER_OCCASION = boundaryOnce(/\b(volgende|andere) (keer|gelegenheid|editie|ronde)\b|\b(next|another) (time|occasion)\b|\bin de toekomst\b|\bvolgend jaar\b/);

// What the sender wrote or said before, up to the "maar" that overtakes it.
const PAST_DOUBT = /^[^.?!]*\b((was|waren) (ik|wij|we)|(ik|wij|we) (was|waren))\b[^.?!]{0,25}\b(niet zeker|onzeker|twijfel)|^[^.?!]*\b(schreef|mailde|meldde|zei|liet|gaf)\b[^.?!]*?\b(ik|wij|we)\b[^.?!]*?\bmaar\b|^[^.?!]*\b(ik|wij|we) (twijfelde|twijfelden|aarzelde|aarzelden|wist|wisten)\b[^.?!]*?\bmaar\b|^[^.?!]*\b(ik|wij|we) (had|hadden|was|waren) ([a-z]+ ){0,3}(twijfels?|bedenkingen|aarzelingen|onzeker|niet zeker)\b[^.?!]*?\bmaar\b/;

const OWN_ABILITY = /\b(ik|wij|we|i)\b[^.?!]{0,20}\b(kan|kunnen|lukt|lukken|can|make it)\b/;
const WHATEVER = /^(maar |but )?(hoe dan ook|hoe het ook zij|in (elk|ieder) geval|sowieso|anyhow|anyway|regardless|either way|whatever the answer)\b/;
const STILL_THERE = /\bmaar (ik|wij|we) (ben|zijn|kom|komen)( er)?( (gewoon|wel|zeker|sowieso|hoe dan ook|in (elk|ieder) geval))?\s*(\)|[.!]|$)|\bmaar (ik|wij|we) (ben|zijn|kom|komen) (er )?(gewoon|wel|zeker|sowieso|hoe dan ook|in (elk|ieder) geval)\b|\bbut (i|we)( will|'ll| am| are|'m|'re) (definitely |certainly |surely |still )?(be there|come|coming|attend|attending)\b/;

// A condition before a promise to tell. It defers the decision when it is about knowing or being
// able ("als ik het zeker weet", "als mijn agenda het toelaat"); on a change, a cancellation or
// a practical matter ("mocht er iets veranderen", "mocht het niet lukken") it is a courtesy.
const TOLD_IF = /^(als|mocht|mochten|indien|wanneer|if|should)\b([^,;]*)[,;]/;
const ABOUT_DECIDING = /\b(weet|weten|zeker|duidelijk|bekend|rond|helder|besloten|beslist|toelaat|toestaat|lukt|kan|kunnen|past|know|sure|can)\b/;
const ABOUT_A_CHANGE = /\b(niet|geen|not|verander\w*|wijzig\w*|tussen\w*|change\w*)\b/;
function courtesyTell(sentence: string, at: number): boolean {
  const m = TOLD_IF.exec(sentence);
  if (!m || m[0].length > at) return false;
  return ABOUT_A_CHANGE.test(m[2]!) || PRACTICAL.test(m[2]!) || !ABOUT_DECIDING.test(m[2]!);
}

// "Ik weet nog niet zo goed wat een ontwerpsessie is": not knowing what a thing is, not whether one comes.
const KNOWS_NOT_WHAT = /^\s+((zo |precies |goed |zo goed |helemaal |echt )*)(wat|hoe)\b[^.?!,]{0,50}\b(is|inhoudt|betekent|voorstellen|voor te stellen|in zijn werk gaat|eruitziet|eruit ziet|verwachten|te verwachten)\b/;
// "Wellicht interessant om daar iets over te vertellen", "misschien een idee om …": a hedge that
// softens a suggestion. ("Wellicht leuk om te komen" doubts the coming.)
const SOFTENS_A_SUGGESTION = /^\s+((ook |wel |nog )?)(interessant|leuk|handig|nuttig|een idee|een optie|aardig|zinvol|relevant|useful|interesting|of interest|worth)\b/;
const CONTRIBUTES = /\b(presenteren|vertellen|toelichten|laten zien|delen|inbrengen|bijdragen|present|share|tell)\b/;
const BRINGS_ALONG = /\b(neem|nemen|breng|brengen)\b[^.?!]{0,30}\b(collega\w*|iemand|een|someone)\b[^.?!]{0,25}\bmee\b|\b(bring|take) (along )?(a |my |one )?(colleague|someone|other)\b/;
// The words of coming (ABOUT_COMING) and of joining in: a suggestion or contribution with one
// of them is about the coming itself.
const JOINS_IN = /\b(deel te nemen|meedoen|mee te doen|aansluiten|aan te sluiten)\b/;
const aboutComingAtAll = (t: string) => ABOUT_COMING.test(t) || JOINS_IN.test(t);

const READER_MAY_KNOW = /\b(zoals|as)\s+(u|jullie|je|jij|you)\s+(al\s+)?$/;
const NO_DOUBT_BEFORE = /\b(geen|zonder|no|without)\s+(enkele\s+|any\s+)?$/;
const NO_DOUBT_AFTER = /^\s+(is|was)\s+er\s+(\w+\s+){0,3}(niet|geen)\b/;
// A doubt overcome: "na lang twijfelen", "ondanks mijn eerdere twijfels", "mijn twijfel is weg".
const DOUBT_OVERCOME_BEFORE = /\b(na|ondanks|despite|after)\s+((lang|enig|wat|veel|mijn|onze|de|alle|my|our|some)\s+)?((eerdere|aanvankelijke|earlier|initial)\s+)?$/;
const DOUBT_OVERCOME_AFTER = /^\s+((van|from) (vorige week|gisteren|eerder|last week)\s+)?(is|zijn|was|waren|has|have)\s+(nu\s+)?(weg|voorbij|verdwenen|bewaarheid|uitgekomen|terecht|gone|come true)\b/;

// A request to move the sender's registration, said outright: "graag omzetten", "zet u mij maar om".
const DROP_THE_OLD = /\bdan\b[^.?!]{0,20}\b(mijn|onze|de) (aanmelding|inschrijving|registratie)\b[^.?!]{0,30}\b(laten vervallen|vervallen|schrappen|geschrapt|doorhalen|doorgehaald|annuleren|intrekken)\b/;
const MOVE_ME = /^((dan )?(graag|gaarne|svp|aub|a\.u\.b\.?) )?(omzetten|overzetten|omboeken|wijzigen|aanpassen)\b|\b(zet|zetten|boek|boekt|schrijf|schrijft) (u |jullie )?(mij|me|ons) (maar |dan |graag )?(om|over)\b/;
const WISHED = /\b(liever|graag|wil|willen|wilde|zou|zouden|kan|kunnen|mogelijk|misschien|wellicht|prefer\w*|rather|would|could|wish|hope|hoop|hopen|fijn|prettig|handig|beter|better|nicer)\b/;
const ANY_OR_NO_TAKER = /\b(iemand anders|een ander|anderen|(de|een|uw) wachtlijst|someone else|somebody else|anyone else|another (person|participant)|others|geen (collega|vervanger|vervanging|ander|andere)|niemand|no (one|colleague)|nobody)\b/;

interface FindOptions {
  /** Skip hedges about someone else: the sender acts for themselves (asked only where a hedge is). */
  ownAct?: () => boolean;
  /** Stems every match of the pattern holds (the sharp stems of WORDINGS): a sentence without one is passed over. */
  stems?: RegExp;
}

// A hedge that softens a request to us: "mogelijk kunt u de stukken sturen", "perhaps you could".
const SOFTENS_A_REQUEST = /^\s*,?\s*((kunt|kan|zou|zoudt|wilt|wil|could|can|would|will) (u|je|jullie|you)|(u|you) (kunt|could|can|would|might))\b/;
const ABOUT_WHO = /\b(wie (dat|het|er|dit) (wordt|worden|gaat|gaan|komt|komen|zal zijn)|wie (we|wij) (sturen|afvaardigen)|(de|zijn|haar|hun) na(a)?m(en)?\b|which (colleague|person|member)s? (will )?(come|attend|go)|who (will )?(come|attend|go)s?\b)/;
const WHETHER = /\b(of|whether|if) (en|and|er|ze|hij|zij|ik|we|wij|iemand|someone|anyone)\b/;
const ASKS_US_TO_TELL = /^(laat|laten) het\b(?=.*\b(me|mij|ons|gerust|maar|even)\b)/;
// "Dat laat ik nog weten", "dat hoort u later": a sentence that points back at the one before.
const POINTS_BACK = /^(dat|dit|that|this)\b/;

function find<K extends ContraryKind>(kind: K, texts: string[], re: RegExp, opts: FindOptions = {}): Item<K> | null {
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i]!;
    // (A plain test of the stems costs a fraction of the pattern's, and most sentences hold none.)
    if (opts.stems && !opts.stems.test(t)) continue;
    if (kind === 'hedge') {
      // A sentence without the wording gives nothing, whatever else it says: the readings of
      // its shape below are only for sentences that hold one. (Tested with the global copy the
      // matches are taken with, so that only one form of the pattern is compiled and run.)
      const all = globalOf(re);
      all.lastIndex = 0;
      if (!all.test(t)) continue;
      if (ANOTHER_OCCASION.test(t) || (opts.ownAct?.() && aboutSomeoneElse(t))) continue;
      // "Misschien neem ik nog een collega mee", "wellicht kan ik iets vertellen over ons
      // burgerpanel": beside the sender's own signup, a doubt about whom they bring or what they
      // contribute leaves their coming as firm as they said it (said in another sentence).
      if (opts.ownAct?.() && (BRINGS_ALONG.test(t) || CONTRIBUTES.test(t)) && !aboutComingAtAll(t) && !cue.signsUp(t)) continue;
      // "Wie dat wordt, bespreken we nog; de naam laat ik dan weten": who goes, not whether.
      if (ABOUT_WHO.test(t) && !WHETHER.test(t)) continue;
      // "Mogelijk komt een collega in mijn plaats, maar dat weet ik nog niet; die meldt zich dan
      // zelf": a doubt about someone else's coming, which they will see to themselves.
      if (opts.ownAct?.() && SOMEONE_ELSE.test(t) && !MY_COMING.test(t) && (cue.BY_THEMSELVES.test(t) || (/^(die|hij|zij|ze)\b/.test(texts[i + 1] ?? '') && cue.BY_THEMSELVES.test(texts[i + 1]!)))) continue;
      // "Misschien komt een collega mee; dat laat ik nog weten": the promise is about the colleague.
      if (i > 0 && POINTS_BACK.test(t) && opts.ownAct?.() && aboutSomeoneElse(texts[i - 1]!)) continue;
      // "Vorige week schreef ik nog dat ik het niet zeker wist, maar …": a doubt told as history.
      const overtaken = PAST_DOUBT.exec(t);
      // "(agendaverzoek staat op voorlopig, maar ik ben er)": the doubt is set aside.
      const setAside = STILL_THERE.exec(t);
      // "Ik weet niet zeker of de sessies voor beleidsmedewerkers zijn. Hoe dan ook: ik meld mij
      // aan": the next sentence sets the doubt aside and signs up. Not a doubt about the coming
      // itself ("of ik kan"), nor a signup made "alvast" (for now).
      if (WHATEVER.test(texts[i + 1] ?? '') && cue.signsUp(texts[i + 1]!) && !/\b(alvast|voorlopig|for now)\b/.test(texts[i + 1]!)
        && !aboutComingAtAll(t) && !OWN_ABILITY.test(t)) continue;
      // Every hedge in the sentence, not only the first: one may qualify a remark, another attendance.
      for (const m of matchesOf(all, t)) {
        // "Hierbij laat ik u weten dat …" tells now; "ik laat het nog weten" promises to tell.
        if (/weten$/.test(m[0]) && /^\s*,?\s*(dat|that)\b/.test(t.slice(m.index + m[0].length))) continue;
        // "Zoals u misschien hebt gelezen": a doubt about what the reader knows, not about coming.
        if (READER_MAY_KNOW.test(t.slice(Math.max(0, m.index - 20), m.index))) continue;
        // "Mocht er iets veranderen, dan laat ik het u weten", "als ik een dieetwens heb, laat ik het
        // nog weten": news promised on a change or a practical matter, not the decision itself.
        if (m.index > 0 && courtesyTell(t, m.index)) continue;
        const after = t.slice(m.index + m[0].length);
        if (SOFTENS_A_REQUEST.test(after.slice(0, 16))) continue;
        // "Laat het gerust weten als er iets bijzonders is", "laat het me weten": asks us to tell.
        if (ASKS_US_TO_TELL.test(m[0])) continue;
        if (/weet|nog niet/.test(m[0]) && KNOWS_NOT_WHAT.test(after)) continue;
        if (SOFTENS_A_SUGGESTION.test(after) && !aboutComingAtAll(after)) continue;
        if (overtaken && m.index < overtaken[0].length) continue;
        // "Geen twijfel", "twijfel is er niet", "zonder voorbehoud": a doubt denied is certainty.
        if (NO_DOUBT_BEFORE.test(t.slice(Math.max(0, m.index - 16), m.index)) || NO_DOUBT_AFTER.test(t.slice(m.index + m[0].length, m.index + m[0].length + 30))) continue;
        if (/^twijfel/.test(m[0]) && (DOUBT_OVERCOME_BEFORE.test(t.slice(Math.max(0, m.index - 40), m.index)) || DOUBT_OVERCOME_AFTER.test(t.slice(m.index + m[0].length, m.index + m[0].length + 40)))) continue;
        if (setAside && m.index < setAside.index) continue;
        // A decision put off or a signup disowned is never a remark on how one comes.
        if (re === ONLY_AFTER || re === NOT_A_SIGNUP_YET || !qualifiesRemark(t, m[0])) return { kind, text: m[0], where: 'text' };
      }
      continue;
    }
    // The wording first: most sentences hold none, and the readings below (whose act it is, above
    // all) are then not needed. All are pure, so the order changes nothing found.
    const m = re.exec(t);
    if (!m) continue;
    // A place left to anyone ("wellicht kan iemand anders mijn plek innemen") or that nobody takes
    // ("er is geen collega die het kan overnemen") is freed, not handed to someone a person must enter.
    if (kind === 'transfer' && ANY_OR_NO_TAKER.test(t)) continue;
    // Elsewhere is asked for only in a question or a wish; "ik heb een raadsvergadering elders"
    // tells where the sender is.
    if (kind === 'elsewhere' && !t.includes('?') && !WISHED.test(t)) continue;
    // A condition on someone else's coming ("mijn collega komt alleen als …", "zo ja, dan meldt
    // zijn secretariaat hem aan") leaves the sender's own signup standing.
    if (kind === 'condition' && opts.ownAct?.() && aboutSomeoneElse(t)) continue;
    // "Als het past, wil ik daar kort iets presenteren": the condition is on a contribution, not on coming.
    if (re === CONDITION_SHAPE && opts.ownAct?.() && CONTRIBUTES.test(t.slice(m.index)) && !aboutComingAtAll(t.slice(m.index))) continue;
    return { kind, text: m[0], where: 'text' };
  }
  return null;
}

// Every match of each pattern above holds one of its stems here. The stems are looked for once
// in the whole text; a pattern runs sentence by sentence only where they are. (Keep in step.)
const HEDGE_STEMS = /wss|wsl|mss|hoor|onzeker|over|terug|gesprek|overleg|beraad|deelnem|deel|komen|kom|aanmeld|aansluit|attend|come|join|beslis|besluit|bepa|kijk|decid|deelname|aanmelding|mogelijk|reken|voorlopig|zodra|definitie|misschien|miskien|wellicht|waarschijnlijk|vermoedelijk|bevestig|uitsluitsel|voorbehoud|weten|op terug|niet zeker|nog niet|wachten|twijfel|overweeg|denk|beraad|maybe|perhaps|possibly|not sure|tentative|let you know|confirm|yet|pencil|decided|niet of|know/;
const HELD_BACK_STEMS = /earst|noch|eerst|nog|toestemming|goedkeuring|check|ask|confirm|clear it|approval|permission|tenzij|behalve als|unless|except if|agenda|planning|schedule|hop|hoop|verwacht|expect|probe|try/;
const COMES_BACK_STEMS = /terug|mail|schrijf|schrijv|bel|stuur|app|hoor|horen|weten|witte|back|hear/;
const HEDGED_COMING_STEMS = /mogelijk|eventueel|mss|wsl|principe|might|may/;
const NOT_YET_STEMS = /niet|geen|not|don't/;
const ONLY_AFTER_STEMS = /pas/;
const STILL_OPEN_STEMS = /vraag|remains|plan|bedoeling|insteek/;
const STILL_TO_SEE_STEMS = /zien|bekijken|afwachten|uitzoeken/;
const DECIDING_STEMS = /bepa|beslis|beslu|afweg|inschat|kijk|decid|determin|see/;
const DEFERRED_STEMS = /zelf|later|straks|daarna|vervolgens|binnenkort|t\.?z\.?t|zijner tijd|apart|separa|volg|ronden|definitief|compleet|voltooi|himself|herself|themselves|voordat|alvorens|before|voor (ik|we|wij)|wacht/;
const WITHOUT_STEMS = /zonder|without/;
const CONDITION_STEMS = /toela|toesta|meewerkt|allow|permit|should|mocht|zin|anders|hang|hing|provided|only if|alleen|enkel|mits|voorwaarde|afhankelijk|on condition|depending|kom ik|komen w|ben ik|zijn we|doe ik|doen we|sluit ik|schuif ik|meld ik|schrijf ik|weten|horen|bevestig|only|slechts|i'll|i will|count|\?/;
const QUESTION_MARK = /\?/;
const DAN_STEM = /, dan /;
// Every CONDITION_SHAPE match holds one of the words that open a condition (IF), as a word.
const CONDITION_SHAPE_STEMS = new RegExp(String.raw`\b${IF}\b`);
const ELSEWHERE_STEMS = /dichter|in de buurt van|closer|nearer|elders|ergens anders|een andere|somewhere else|another/;
const TRANSFER_STEMS = /neemt|nemen|take|overdr|over te dragen|doorgeven aan|transfer|give my|hand|pass|collega|vervang/;
const MAILING_STEMS = /list|mailing|database|newsletter|distribution|remove me|verzendlijst|adresbestand|nieuwsbrie|berichten|mails|messages|stop|ontvangen/;


// Sharper stems for the costliest patterns, tested on each sentence before the pattern runs
// there: every match holds one of them, alternative by alternative (keep in step). The stems
// above stay the test on the whole text, as they were: a few are no such guarantee (HEDGE's
// "kom" and "over" are in most mail; COMES_BACK_STEMS lacks "horen"), so that they decide
// whether a pattern runs at all, and these only spare the sentences that cannot match.
// (HEDGE: "^of " for "of ik … kom" at a sentence's start.)
const HEDGE_SHARP = /wss|wsl|mss|hoor|mogelijk|denk|dacht|overweeg|op terug|terugkom|in gesprek|in overleg|in beraad|^of |^whether |beslis|besluit|bepa|kijk|decid|over (?:de |onze |mijn )?(?:deelname|aanmelding)|reken|voorlopig|zodra|definitie|misschien|miskien|wellicht|waarschijnlijk|vermoedelijk|bevestig|laat weten|laat (?:ik )?(?:het )?(?:u |je |jullie )?(?:nog )?weten|uitsluitsel|voorbehoud|niet zeker|niet definitief|onzeker|nog niet|niet of|know|wachten|twijfel|maybe|perhaps|possibly|not sure|tentative|let you know|confirm|yet|pencil|decided/;
const HELD_BACK_SHARP = /earst|noch|eerst|afstem|af te stem|overleg|bespre|navrag|na te vrag|checken|beoordel|goedkeur|goed te keur|fiatter|instem|akkoord geven|klap op geven|tekenen|toestemming|to check|to ask|to confirm|to clear it|check with|(?:first|before) (?:check|ask|confirm)|approval|permission|tenzij|behalve als|unless|except if|(?:niet|not)(?: yet)? (?:rond|bekend|definitief|zeker|vast|settled|final|fixed|clear)|hop|hoop|verwacht|expect|probe|try/;
const COMES_BACK_SHARP = /terug|opnieuw|nog een keer|nogmaals|nog even|van mij|van ons|weten|witte|back to|hear from/;
const NOT_YET_SHARP = /noter|inschrijven|vastleggen|reserveren|op de lijst|op de deelnemerslijst|(?:niet|geen)\b(?=[^.?!]{0,25}\b(?:aanmelding|inschrijving|opgave|registratie))|niet als|do not|don't|not (?:yet )?(?:a|my|our) /;
const CONDITION_SHARP = /toela|toesta|meewerkt|allow|permit|dan (?:meld|schrij|kom|geef|geven)|(?:alleen|enkel|slechts|only) (?:dan|then)|should|mocht|(?:minder|weinig|geen|niet veel|niet echt|nauwelijks) zin|hang|hing|anders |only if|provided|alleen als|alleen indien|alleen wanneer|enkel als|enkel indien|mits|voorwaarde|afhankelijk|on condition|depending on|kom ik|komen w|ben ik|zijn we|doe ik|doen we|sluit ik|schuif ik|meld ik|schrijf ik|i'll|i will|count|(?:probleem|bezwaar|later|eerder|halverwege)[^.?!]*\?/;
const TRANSFER_SHARP = /mijn pl|onze pl|mijn stoel|onze stoel|take|overdr|over te dragen|doorgeven aan|overne|transfer|give my|hand|pass|(?:een|mijn|onze) (?:collega|vervang)/;

// Each kind by its wordings, then by its shapes; the first found stands for the kind.
const WORDINGS: Record<ContraryKind, [stems: RegExp, re: RegExp, sharp?: RegExp][]> = {
  hedge: [[HEDGE_STEMS, HEDGE, HEDGE_SHARP], [HELD_BACK_STEMS, HELD_BACK, HELD_BACK_SHARP], [COMES_BACK_STEMS, COMES_BACK, COMES_BACK_SHARP], [HEDGED_COMING_STEMS, HEDGED_COMING], [NOT_YET_STEMS, NOT_A_SIGNUP_YET, NOT_YET_SHARP], [ONLY_AFTER_STEMS, ONLY_AFTER], [DECIDING_STEMS, DECIDING_WHETHER], [STILL_OPEN_STEMS, STILL_OPEN], [STILL_TO_SEE_STEMS, STILL_TO_SEE]],
  deferred: [[DEFERRED_STEMS, DEFERRED, DEFERRED_STEMS]],
  condition: [[WITHOUT_STEMS, WITHOUT], [CONDITION_STEMS, CONDITION, CONDITION_SHARP], [QUESTION_MARK, MAY_I_AT_ALL], [CONDITION_SHAPE_STEMS, CONDITION_SHAPE], [DAN_STEM, VERB_FIRST]],
  elsewhere: [[ELSEWHERE_STEMS, ELSEWHERE]],
  transfer: [[TRANSFER_STEMS, TRANSFER, TRANSFER_SHARP]],
  mailing: [[MAILING_STEMS, MAILING]],
};

// Stems that few texts hold (each in a few per cent of the regression sets): for each kind,
// one test of them all spares most texts a pass of each over the whole text. Only whether any
// is there is asked; each is still tested alone, in its turn, when one is.
const SELDOM = new Set([HEDGED_COMING_STEMS, ONLY_AFTER_STEMS, DECIDING_STEMS, STILL_OPEN_STEMS, STILL_TO_SEE_STEMS, WITHOUT_STEMS, CONDITION_SHAPE_STEMS, DAN_STEM]);
const SELDOM_ANY = new Map((Object.keys(WORDINGS) as ContraryKind[]).flatMap((kind) => {
  const seldom = WORDINGS[kind].map(([stems]) => stems).filter((stems) => SELDOM.has(stems));
  return seldom.length >= 2 ? [[kind, anyOf(seldom)] as const] : [];
}));
// The same, worked out once per kind rather than looked up in those tables on every reading.
interface Wording { stems: RegExp; re: RegExp; sharp: RegExp | undefined; seldom: boolean }
const READINGS = Object.fromEntries((Object.keys(WORDINGS) as ContraryKind[]).map((kind) => {
  const seldomAny = SELDOM_ANY.get(kind) ?? null;
  const wordings: Wording[] = WORDINGS[kind].map(([stems, re, sharp]) => ({ stems, re, sharp, seldom: seldomAny !== null && SELDOM.has(stems) }));
  return [kind, { seldomAny, wordings }];
})) as Record<ContraryKind, { seldomAny: RegExp | null; wordings: Wording[] }>;

function contraryOf(kind: ContraryKind, f: Features, said: string[], whole: string): Item<ContraryKind> | null {
  // "Als het nog kan" is for the bot to answer (a seat); "Is parkeren mogelijk? Als dat kan, kom ik"
  // points back at a question only a person can answer. "Breda, dat is voor mij een stuk
  // dichterbij" says why the choice suits and asks for nothing else.
  // (The sentences to read, and whose act it is, are worked out only once a stem is found.)
  let texts: string[] | null = null;
  const textsOf = (): string[] => {
    if (texts) return texts;
    if (kind === 'condition') {
      const askedElse = f.question === 'real' && !ROOM.test(f.questionText ?? '');
      // A bracketed aside is no part of the condition's shape: "als er parkeerplek is voor een busje
    // (wij komen met een groep mindervaliden), dan kom ik".
    // (A sentence wholly in brackets is no aside: "(Kort: wij komen als het stadhuis met de trein
    // bereikbaar is.)".)
    return (texts = said.filter((t) => !ANSWERED_CONDITION.test(t) || (askedElse && POINTS_BACK_IF.test(t))).map((t) => (t.includes('(') ? withoutAsides(t) : t)));
    }
    return (texts = kind === 'elsewhere' ? said.filter((t) => !THAT_IS_CLOSER.test(t) && !closerToChosen(t, f) && !elsewhereForSomethingElse(t)) : said);
  };
  // Someone else's doubt leaves the sender's own signup or withdrawal standing.
  let ownAct: boolean | undefined;
  const isOwnAct = () => (ownAct ??= (kind === 'hedge' && (signsUpSelf(f) || f.bodyClauses.some((c) => c.neg && !c.others && FIRST_PERSON.test(c.folded) && cue.withdraws(c.folded))))
    || (kind === 'condition' && ownSignup(f)));
  const { seldomAny, wordings } = READINGS[kind];
  let anySeldom: boolean | undefined;
  for (const { stems, re, sharp, seldom } of wordings) {
    if (seldom && !(anySeldom ??= seldomAny!.test(whole))) continue;
    const item = stems.test(whole) ? find(kind, textsOf(), re, { ownAct: isOwnAct, stems: sharp }) : null;
    if (item) return item;
  }
  // "Zo ja", "if so" wait on the answer to any question but one the bot answers by acting: whether
  // a seat is still free ("Kan het nog? Zo ja, graag"). What follows "zo niet" may be a remark
  // ("zo niet, dan hoor ik graag waar de ingang is", "not a problem if not"), not attendance.
  if (kind === 'condition' && (f.question === 'real' || (f.question === 'benign' && !SEAT_QUESTION.test(f.questionText ?? '')))) {
    // "Dan kom ik", "zo ja" point back: only at a question asked before them ("Eindhoven heeft
    // geen sessie. Dan kom ik naar Venlo. Rijdt er een bus?" chose before it asked).
    const asked = said.findIndex((t) => t.includes('?'));
    return find('condition', said.slice(Math.max(asked, 0)).filter((t) => !remarkAfterAnswer(t)), ON_THE_ANSWER, { ownAct: isOwnAct });
  }
  // "Is er ook een sessie in Groningen?", "zijn er andere data?": a wish for another session.
  if (kind === 'elsewhere') {
    // "Kan ik in plaats daarvan ook naar Utrecht komen?": asks whether another is possible, does not choose it.
    // "Wilt u mij in plaats daarvan inschrijven voor Arnhem?" asks us to act: a signup made.
    // "Kan ik in plaats daarvan naar Breda komen? Graag omzetten": the question, then the request to move.
    // (Read only for a question that is not itself asked of us: most mail has none.)
    let moved: boolean | undefined;
    // "Dan graag mijn aanmelding voor Utrecht laten vervallen" after it: the old one given up for it.
    const moveAsked = () => (moved ??= f.bodyClauses.some((c) => !c.question && ((!c.neg && MOVE_ME.test(c.folded)) || (c.neg && DROP_THE_OLD.test(c.folded)))));
    const asked = f.bodyClauses.find((c, i) => c.question && !((askedOfUs(c.folded) || moveAsked()) && f.bodyRefs.some((r) => r.clause === i && r.polarity === 'pos' && r.sessions.length === 1)) && (cue.OTHER_DATES.test(c.folded) || /\b(in plaats daarvan|daarvoor in de plaats|instead)\b/.test(c.folded) || /\b(is|komt|zijn|komen) er (ook |nog )?(een |geen )?(ontwerp|regio)?(sessies?|bijeenkomsten?) (in|bij|voor)\b|\b(is|komt) der (ek |noch )?(in |gjin )?(untwerp)?(sesje|gearkomste) (yn|by|foar)\b/.test(c.folded)));
    // "Is er ook een sessie in Limburg?" (whatever the word for the session): asks where, does not
    // choose. "Is er nog plek in Venlo?" (or "is er morgen in Venlo nog plek?") asks for a seat,
    // which the bot answers by confirming.
    const place = f.bodyRefs.find((r) => (r.kind === 'place' || ((r.kind === 'region' || r.kind === 'city') && /\b(is|komt|zijn|komen) er (ook |nog )?(een |geen )?(?!(plek|plekje|plekken|plaats|plaatsen|ruimte|morgen|vandaag|overmorgen|dan|nu|straks|vanmiddag|morgenochtend|morgenmiddag)\b)\w+ (in|bij|voor)\b/.test(f.bodyClauses[r.clause]?.folded ?? '')))
      && f.bodyClauses[r.clause]?.question);
    if (asked) return { kind: 'elsewhere', text: asked.text, where: 'text' };
    if (place) return { kind: 'elsewhere', text: place.text, where: 'text' };
  }
  return null;
}

/**
 * Everything the new text and subject say for and against the sender acting now. Each kind of
 * contrary evidence is looked for when the gate first asks for it: most acts need only a few.
 */
export function collectEvidence(f: Features, thread: ThreadContext | null | undefined, subjectFolded: string): SenderEvidence {
  const said = sentences(f);
  // (The own act is read as ours only where nothing else to sign up for is named, in text or subject.)
  let elsewhere: boolean | undefined;
  const elseNamed = () => (elsewhere ??= [...said, subjectFolded].some((t) => OTHER_EVENT.test(t) || ELSE_SIGNED_FOR.test(t)));
  const ours = firstOurs(f.bodyRefs, 'text') ?? firstOurs(f.subjectRefs, 'subject') ?? wordsIn(said, 'text', elseNamed)
    ?? wordsIn([subjectFolded], 'subject', elseNamed) ?? (thread ? { kind: 'thread', text: thread.about, where: 'thread' as const } : null)
    ?? (f.quotedRefs.length ? { kind: 'session', text: f.quotedRefs[0]!.text, where: 'quoted' as const } : null);
  const found = new Map<ContraryKind, Item<ContraryKind> | null>();
  const whole = said.join('\n');
  const contrary = (kind: ContraryKind) => {
    // (One lookup: undefined is not asked yet, null is nothing found.)
    const known = found.get(kind);
    if (known !== undefined) return known;
    const item = contraryOf(kind, f, said, whole);
    found.set(kind, item);
    return item;
  };
  return { ours, contrary };
}
