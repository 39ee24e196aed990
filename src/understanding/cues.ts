// The wordings that carry intent, in Dutch and English, matched on folded text (lower case,
// no diacritics). Each list is about how officials write, not about particular messages.

import { boundaryOnce, byFirstLetter, matchesOf, withoutCaptures } from './matches.js';

/**
 * One pattern from wordings that each start at a word boundary ("\bmeld..."), the boundary
 * tested once for them all: `\b(?:a|b|…)` matches exactly what `\ba|\bb|…` matches, but V8
 * tries every alternative at every position of the text, and most positions (inside a word)
 * fail the boundary at once. Halves the cost of the long lists below (REGISTER: 3.4 -> 1.9 µs
 * per message over the regression sets). Read only by test() and for the whole match, its
 * groups are made non-capturing (see withoutCaptures()).
 *
 * No wording opens with a look-behind: one such alternative makes V8 try the whole list at every
 * position, where it otherwise skips ahead to where some wording can start (REGISTER, with four
 * of them, ran about 6x slower). The look-behind goes after the first word instead, and looks
 * back over it too: `\bkom(?<!x kom)` for `\b(?<!x )kom`, the same matches.
 */
function wordings(alternatives: readonly string[]): RegExp {
  const notAtBoundary = alternatives.find((a) => !a.startsWith('\\b'));
  if (notAtBoundary !== undefined) throw new Error(`a wording that does not start at a word boundary: ${notAtBoundary}`);
  const lookingBack = alternatives.find((a) => a.startsWith('\\b(?<'));
  if (lookingBack !== undefined) throw new Error(`a wording that opens with a look-behind (put it after the first word): ${lookingBack}`);
  return withoutCaptures(new RegExp(`\\b(?:${alternatives.map((a) => a.slice(2)).join('|')})`));
}

// When the sender is free or would rather come: "ik heb alleen tijd op 19 juni", "19 juni zou
// beter uitkomen". After a signup, a sentence with one of these may change the choice.
export const FREE_OR_RATHER = /\b(tijd|vrij|beschikbaar|ruimte|alleen|slechts|liever|liefst|voorkeur|uitkomt|uitkomen|schikt|schikken|beter|zou|zouden|available|free|only|prefer\w*|rather|better|suits?)\b/;
// What ties a date to the sender's coming: those words, and words of coming, choosing, signing
// up, or of our sessions and their dates. A date on which no session is held, in a clause with
// none of them ("de raad vergadert op 12 juni"), tells of other business.
export const TIED_TO_COMING = boundaryOnce(new RegExp(`${FREE_OR_RATHER.source}|\\b(kom|komen|kome|ga|gaan|kan|kunnen|kun|lukt|lukken|past|passen|graag|wel|mogelijk|aanwezig|aanmeld\\w*|aan te melden|meld\\w*|inschrijv\\w*|in te schrijven|schrijf|deelne\\w*|deel te nemen|aansluit\\w*|aan te sluiten|sluit\\w*|bijwon\\w*|bij te wonen|erbij|er bij|\\w*sessies?|bijeenkomst(en)?|datum|data|dates?|sessions?|come|coming|attend\\w*|join\\w*|can|could|would|works?|instead|anders|alternatie\\w*|possible)\\b`));

/**
 * Wants to attend: signs up, accepts, asks to be noted. (A tree on the wordings' first letter,
 * see byFirstLetter(): about twice as fast. The shorter lists below gain little from it, and
 * CANCEL_STRONG and CANCEL_WEAK are joined into a larger pattern in clauses.ts, which as trees
 * would pass the 20,000 characters beyond which V8 does not optimise a pattern at all.)
 */
export const REGISTER = byFirstLetter(wordings([
  /* (not registrations counted: "het aantal aanmeldingen per sessie"; the plural names registrations,
     received, listed or counted, unless the sender's own: "hierbij onze aanmeldingen", "graag 3
     aanmeldingen", or the label
     that opens a subject or line: "Aanmeldingen Breda 3 juli") */ '\\baanmeld(?<!\\b(aantal|hoeveel|stand|stand van de|overzicht van de) aanmeld)(en|ing|formulier)\\b', '\\b(hierbij|bij deze|bij dezen|onze|mijn|de volgende|graag)\\b[^.?!]{0,20}\\baanmeldingen\\b', '\\b(\\d+|twee|drie|vier|vijf|zes) (?<=(^|[.:;!?] )(\\d+|twee|drie|vier|vijf|zes) )aanmeldingen\\b', '\\baanmeldingen(?<=(^|[.:;!?] )aanmeldingen)\\b', '\\baanm\\b', '\\binschr\\b', '\\b(kom|komen)(?<![a-z0-9]\\s(kom|komen))\\b[^.?!]{0,40}?\\bnaar\\b', '\\bzet (me|mij|ons) (maar |dan |gerust |gewoon |ook |alvast )*(er (maar |dan |gewoon |ook |alvast )*(op|bij)|erop|erbij|op de lijst|neer)\\b', '\\baan te melden\\b', '\\bmeld(t|en|de|den)?\\b(?!\\s+(u|je|jullie)\\s+((nu|snel|direct|hier|vandaag|gratis|dan|ook)\\s+)*aan\\b)[^.?!]{0,110}?\\baan\\b',
  '\\binschrijv(en|ing)\\b', '\\bin te schrijven\\b', '\\bschrijf\\b(?!\\s+(u|je|jullie)\\s+((nu|snel|direct|hier|vandaag|gratis|dan|ook)\\s+)*in\\b)[^.?!]{0,40}?\\bin\\b', '\\bregistr(eer|eren|atie)\\b',
  '\\bdeel(nemen|name)\\b', '\\b(neem|neemt|nemen)\\b[^.?!]{0,40}?\\bdeel\\b', '\\bmee(doen| te doen)\\b', '\\bdoe\\b[^.?!]{0,30}?\\bmee\\b',
  '\\b(kom|komt|komen)\\b[^.?!]{0,40}?\\bgraag\\b', '\\bgraag\\b[^.?!]{0,30}?\\b(kom|komt|komen)\\b', '\\b(ik|wij|we) (kom|komen)\\b(?! (uit|vanuit|van) (een|de|het|mijn|onze)\\b)',
  '\\b(kom|komen) (ik|wij|we)\\b', '\\b(ben|zijn) (ik |wij |we )?(er )?(graag )?(ook )?(bij|erbij)\\b', '\\b(ben|zijn) (ik |wij |we )?er( (?!niet|nooit|geen|helaas)[a-z0-9]+){1,4} bij\\b', '\\berbij\\b', '\\bdoe (mij|me|ons) maar\\b', '\\bdoe (mij|me|ons) ([a-z-]+ ){1,4}maar\\b', '\\baan(haken| te haken)\\b', '\\bhaak\\b[^.?!]{0,20}?\\baan\\b', '\\b(hieronder|onderstaand|bijgaand)\\w*\\b[^.?!]{0,30}\\b(deelnemers|aanmeldingen|namen)\\b', '\\b(wil|willen|zou|zouden|graag)\\b[^.?!]{0,25}\\bbij (te )?zijn\\b',
  '\\bsluit(en)?\\b[^.?!]{0,40}?\\baan\\b', '\\baan(sluiten|schuiven)\\b', '\\baan te (sluiten|schuiven)\\b', '\\bschuif\\b[^.?!]{0,30}?\\baan\\b',
  '\\bbijwonen\\b', /* German (border municipalities) */ '\\bmelde\\b[^.?!]{0,10}\\b(mich|uns)\\b[^?!]{0,80}?\\ban\\b', '\\b(mochte|mochten|werde|werden)\\b[^?!]{0,60}?\\bteilnehmen\\b', '\\bnehme\\b[^?!]{0,40}?\\bteil\\b', '\\b(mich|uns) (gerne |hiermit )*(an)?melden\\b', /* Frisian */ '\\boanmeld(e|ing)\\b', '\\bmei(dwaan| te dwaan)\\b', '\\b(jou|jouwe) (ik|wy) (my|us)\\b[^.?!]{0,40}?\\bop\\b', '\\b(ik|wy) (jou|jouwe) (my|us)\\b[^.?!]{0,40}?\\bop\\b', /* Dutch with a German "an" */ '\\bmeld (ik )?(mij|me|ons) an\\b', '\\bmeld\\w*\\b[^.?!]{0,40}?\\boan\\b', '\\bdiel(nimme|name)\\b', '\\bgraach\\b[^.?!]{0,30}?\\b(kom|komme)\\b', '\\b(kom|komme)\\b[^.?!]{0,30}?\\bgraach\\b', '\\b(ik|wy) (bin|binne) der by\\b', '\\bskriuw\\w*\\b[^.?!]{0,20}\\b(my|us)\\b[^.?!]{0,10}\\byn\\b', '\\b(wy|ik) (komme|kom)\\b[^.?!]{0,40}\\bnei\\b', /* Limburgish */ '\\b(ich|iech) kom\\b[^.?!]{0,10}\\bnao\\b', '\\bzet mich\\b', '\\b(ich|ik|iech|veer|wy) (bin|ben|binne|zin) d\\W?r ?(gaer |ouch |ok |ook )?(bij|bie)\\b', /* Limburgish "veer kómme" (we come), as the Frisian "wy komme" */ '\\b(veer|wae|wir) (komme|kome|kommen)\\b(?![^.?!]{0,20}\\b(neet|net|nicht)\\b)', '\\b(ich|iech) kom\\b(?![^.?!]{0,20}\\bneet\\b)', /* a switch asked in English */ '\\bchange (it|that|this|my (registration|signup|sign-up|booking|place)) to\\b', /* "willen jullie dat aanpassen naar Breda?" (not "het adres wijzigen naar …") */ '\\b(dat|dit|het|die|deze)( even| graag| alsnog| dan)? (aanpassen|wijzigen|veranderen|omzetten|omboeken) (naar|in)\\b', '\\b(mijn|onze|de|zijn|haar) (aanmelding|inschrijving|registratie|reservering)\\b[^.?!]{0,20}\\b(aanpassen|wijzigen|veranderen|omzetten|omboeken) (naar|in)\\b', /* "Utrecht red ik niet, doe maar Arnhem" (not "doe maar rustig aan") */ '\\bdoe (mij |me |ons )?maar\\b(?! (een|rustig|gerust|even|het|dat|dit|wat|iets|zo|niet|geen|gewoon|normaal|voorzichtig|aan)\\b)(?=\\s*[a-z0-9])', /* either is fine: a wish to come to one of them */ '\\b(allebei|beide|beiden|both|either)\\b[^.?!]{0,25}\\b(goed|prima|mogelijk|fine|ok|okay|works?|suits?)\\b', '\\b(works|suits) (for )?(me|us)\\b', /* interest in taking part (a wish, see signup-made.ts) */ '\\b(interesse|belangstelling)\\b[^.?!]{0,15}\\b(om (deel te nemen|mee te doen|aan te sluiten|te komen)|in deelname|voor deelname)\\b', '\\binterested in (joining|attending|taking part|coming)\\b', /* "maak er Utrecht van" (not "maak er een mooie dag van") */ '\\bmaak (er|het) (maar |alsjeblieft |alstublieft |svp |dan |dus |toch )*(?!(een|wat|iets|het|de|mooi|leuk|goed|gezellig)\\b)[a-z]+( [a-z0-9]+)?( \\([^)]*\\))? van\\b', '\\b(switch|move) (me|my (registration|signup|booking|place)) to\\b', /* taking over the place of someone who withdrew */ '\\b(ik|wij|we) (neem|nemen)\\b[^.?!]{0,25}\\b(plaats|plek)\\b[^.?!]{0,10}\\b(in|over)\\b', '\\b(neem|nemen) (ik|wij|we)\\b[^.?!]{0,25}\\b(plaats|plek)\\b[^.?!]{0,10}\\b(in|over)\\b', '\\b(ik|wij|we) (kom|ga|komen|gaan)\\b[^.?!]{0,15}\\bin (haar|zijn|hun) plaats\\b', '\\b(kom|ga) ik\\b[^.?!]{0,15}\\bin (haar|zijn|hun) plaats\\b', '\\bnoteer\\b', '\\bnoteert\\b', '\\bnoteren\\b', /* declared now: "bij dezen aangemeld" */ '\\b(hierbij|bij dezen|bij deze)\\b[^.?!]{0,10}\\b(aangemeld|ingeschreven|opgegeven)\\b', /* English */ '\\bput (me|us) down\\b', '\\bcount (me|us)\\b[^.?!]{0,40}?\\bin\\b', /* German */ '\\banmeldung\\b', /* the session meant, in a reply: "ik bedoelde Venlo" */ '\\b(ik|wij|we) bedoel(de|den)?\\b', '\\breserve(er|ren)\\b', '\\b(graag|wil|willen|mag|mogen|kunnen|kan)\\b[^.?!]{0,20}\\b(\\d+|een|twee|drie|vier|vijf|zes) (plek|plekken|plaats|plaatsen|stoelen)\\b', '\\b(\\d+|twee|drie|vier|vijf|zes) (plekken|plaatsen|stoelen) (voor|in|op)\\b', '\\b(zet|zetten|plaats|plaatsen)\\b[^.?!]{0,30}?\\bop de (lijst|deelnemerslijst)\\b', '\\bop de (deelnemers)?lijst (willen |kunnen |te )?(zetten|plaatsen)\\b',
  // "Wij sturen één raadslid naar Assen": people sent are signed up.
  // (Not what is passed on: "ik stuur het door naar onze wethouder".)
  '\\b(wij|we|ik) (sturen|stuur)\\b(?! (u|jullie|je|het|dit|deze|die|dat|hem|ze|de uitnodiging|uw)\\b)[^.?!]{0,40}?(?<!\\bdoor )\\bnaar\\b', '\\b(sturen|stuur) (wij|we|ik)\\b(?! (u|jullie|je|het|dit|deze|die|dat|hem|ze|de uitnodiging|uw)\\b)[^.?!]{0,40}?(?<!\\bdoor )\\bnaar\\b',
  // "… ik kan dus toch naar Venlo. Graag weer op de lijst": coming after all, back on the list.
  '\\b(ik|wij|we) (kan|kunnen),? ((dus|nu|toch|alsnog|dan) )*(toch|alsnog) (wel )?(naar|komen|erbij|er bij)\\b', '\\b(graag|dan) (weer|alsnog|toch|opnieuw) op de (deelnemers)?lijst\\b',
  // "De raad is aanwezig met twee raadsleden".
  '\\b(is|zijn|ben) (er )?aanwezig met (\\d+|twee|drie|vier|vijf|zes|zeven|acht)\\b',
  // "Ik ga namens Midden-Drenthe": going for one's municipality (going for a person, "ik ga namens
  // hem", is standing in, read as such elsewhere).
  '\\b(ik|wij|we) (ga|gaan) namens\\b(?! (hem|haar|hen|hun|mijn|onze|de|het)\\b)',
  // "Kan ik daar nog bij?": leave to join the session named.
  '\\b(kan|kun|mag|kunnen|mogen) (ik|wij|we) (er|daar|hier) (ook )?nog bij\\b',
  // "Hierbij de namen voor 29 juni in Venlo:", "bijgaand de deelnemers": people handed in for a session.
  '\\b(hierbij|bij deze|bij dezen|hieronder|onderstaand|bijgaand)\\b,? (de |onze )?(namen|deelnemers)\\b(?! (van|uit) (de|het)\\b)',
  // "Ik had me nog niet aangemeld, bij dezen alsnog": the signup made, its verb left out.
  '\\b(hierbij|bij deze|bij dezen|bijdezen),? ((dan|toch|dus|nu) )?alsnog\\s*([.!]|$)',
  // "Kan ik nog mee naar Utrecht?", "ik neem mijn collega mee naar Venlo".
  '\\bmee naar\\b(?! (binnen|buiten|huis|voren|achteren|de zaal)\\b)',
  // "Ik neem zijn plek over", "wij nemen haar plaats in": taking someone's place is coming.
  '\\b(neem|nemen)\\b[^.?!]{0,10}?\\b(zijn|haar|diens|hun) (plek|plaats|plekje|stoel) (over|in)\\b',
  // "22 juni past mij", "Arnhem schikt ons het best": a date or place chosen (a denied one is a negative clause).
  '\\b(past|schikt) (mij|me|ons)\\b',
  // "mijn collega komt ook (mee)": someone joins, unless the sentence says not.
  '\\b(komt|gaat)\\b(?![^.?!]{0,20}\\bniet\\b)[^.?!]{0,15}?\\b(mee|ook)\\b',
  // "De volgende personen komen naar Venlo:", "onderstaande raadsleden nemen deel": a group as the subject.
  '\\b(de volgende|onderstaande|hieronder genoemde|hiernavolgende)\\b[^.?!]{0,30}?\\b(komen|gaan|nemen deel|zijn aanwezig|zijn erbij|schuiven aan|doen mee|sluiten aan)\\b',
  // "Vanuit de raad komen er drie mensen naar Venlo".
  '\\b(komen|gaan) er\\b[^.?!]{0,30}?\\b(mensen|personen|deelnemers|raadsleden|collega\'?s)\\b',
  // A separable verb written in two words, as people type it: "mee doen", "aan melden".
  '\\b(mee doen|deel nemen|aan melden|in schrijven|aan sluiten|aan schuiven)\\b',
  // "wij schuiven graag aan", "zet me er maar bij", "geef ik de volgende deelnemers door".
  '\\bschuiv?(f|en|t)\\b[^.?!]{0,30}?\\baan\\b', '\\b(zet|zetten|schrijf|noteer)\\b[^.?!]{0,20}?\\ber\\b[^.?!]{0,12}?\\bbij\\b',
  '\\b(deelnemers|namen|aanmeldingen)\\b[^.?!]{0,30}?\\bdoor\\b(?! (de|het|een)\\b)', /* not passing news on to others: "dat aan onze raadsleden doorgeven" */ '\\b(door te geven|doorgeven)(?<!\\baan (onze|mijn|de|het|hun|zijn|haar|alle|collega\\w*|raadsleden)\\b[^.?!]{0,30}(door te geven|doorgeven))\\b',
  '\\bvan de partij\\b', '\\baanwezig (zijn|zal zijn|zullen zijn)\\b', '\\b(zal|zullen|wil|willen) (graag )?(er )?(aanwezig|komen|deelnemen)\\b',
  '\\b(ik|wij|we) (ga|gaan) ((graag|zelf|dan|ook|wel|zeker) )*naar\\b', /* inverted: "nu gaan we toch naar Breda", "dan gaan mijn collega en ik naar Breda" */ '\\b(ga|gaan) ((mijn|onze) [a-z]+( [a-z]+){0,2},? en )?(ik|wij|we) ((graag|zelf|dan|ook|wel|zeker|toch|dus|alsnog) )*naar\\b(?! (een|het|de|mijn|onze) (\\w+ )?\\w*(congres|conferentie|vergadering|overleg|afspraak|training|cursus|bruiloft|begrafenis|symposium|seminar|kapper|tandarts|huisarts|vakantie)\\b)', '\\b(wil|willen|zou|zouden)\\b[^.?!]{0,20}?\\bnaar\\b', '\\b(wil|willen|zou|zouden) graag\\b[^.?!]{0,40}?\\bnaar (een|de|het) (van de )?(ontwerp|regio)?(sessies?|bijeenkomsten?)\\b', '\\bzet\\b[^.?!]{0,40}?\\bom\\b', '\\bom te zetten\\b', '\\boverzetten\\b', '\\bomzetten\\b',
  '\\bgeef\\b(?![^.?!]{0,30}?\\b(mijn|onze|de|het|zijn|haar) (plek|plekje|plaats|stoel|deelname|aanmelding|inschrijving)\\b)[^.?!]{0,40}?\\bop\\b', '\\bop(geven|gegeven)\\b', '\\bop te geven\\b', '\\breken\\b[^.?!]{0,15}?\\bop (mij|me|ons)\\b',
  '\\ber\\b[^.?!]{0,25}?\\bbij (zijn|wezen)\\b', '\\b(wil|willen|ga|gaan|kom|komen)\\b[^.?!]{0,25}?\\b(heen|naartoe|naar toe|erheen)\\b', '\\bpresent\\b',
  '\\bgraag\\b[^.?!]{0,25}?\\b(plek|plekje|plekken|plaats|plaatsen|stoel|stoelen)\\b', '\\b(plek|plekken|plaats|plaatsen) (reserveren|vrijhouden)\\b',
  '\\b(ik|wij|we) (kies|kiezen)\\b', '\\b(kies|kiezen) (ik|wij|we)\\b', '\\bmijn keuze\\b', '\\b(mijn|onze) voorkeur (gaat|is|ligt)\\b',
  '\\bwissel(en|t)?\\b', /* "liever Breda i.p.v. Venlo" */ '\\bliever\\b[^.?!]{0,30}\\b(ipv|i\\.p\\.v|in plaats van|instead of)\\b', '\\bover(stappen|stap)\\b', '\\bstap\\b[^.?!]{0,30}?\\bover\\b', '\\b(zet|zetten)\\b[^.?!]{0,30}?\\bover naar\\b', '\\bruilen\\b', '\\bverplaatsen\\b', '\\bliever naar\\b',
  '\\bswitch\\b', '\\bchange (my registration|to)\\b', '\\bmove (me|my registration)\\b',
  '\\bregister\\b', '\\bregistration\\b', '\\bsign (me |us )?up\\b', '\\bsignup\\b', '\\battend\\b', '\\bjoin\\b',
  '\\b(i|we)(\'d| would) (like|love) to (come|be there|take part|participate)\\b', '\\bcount (me|us) in\\b',
  '\\b(i|we)(\'ll| will) (be there|come|make it)\\b', '\\b(put|add) (me|us|my name|our names)\\b[^.?!]{0,20}\\b(on|to) the (\\w+ )?list\\b', '\\bbook (me|us|a seat|seats)\\b', '\\breserve\\b', '\\bparticipate\\b',
]));

/**
 * `test(text)`, remembered per text: whether a clause signs up or withdraws is asked of the
 * same clause by several readers (features, intent, attendees). Bounded.
 */
function remembered(test: (text: string) => boolean): (text: string) => boolean {
  const seen = new Map<string, boolean>();
  return (text) => {
    let answer = seen.get(text);
    if (answer === undefined) {
      answer = test(text);
      if (seen.size >= 5_000) seen.clear();
      seen.set(text, answer);
    }
    return answer;
  };
}

export const signsUp = remembered((text) => REGISTER.test(text));

/**
 * A phone-short request: a clause that names a session and only asks for it ("venlo aub",
 * "arnhem 22 juni graag", "regio noord-oost graag, 1 persoon", "aanm. assen 28/6 👍").
 */
export const ELLIPTIC_ASK = /^[^?]{0,20}\btoch\b[^?]{0,30}\b(i\.?p\.?v\.?|in plaats van|instead of)\b[^?]{0,30}$|^[^?]{0,40}\b(graag|aub|a\.u\.b\.?|svp|please|pls)\b(?![^?]*\b(info|informatie|meer|weten|horen|programma|verslag|presentaties?|slides|sheets|stukken|materiaal|link|terugkoppeling|uitkomsten|resultaten|report|summary|ontvang\w*|toegestuurd|toesturen|doorgestuurd|doorsturen)\b)[^?]{0,40}$|^[^?]{0,40}\b(\d|een|twee|drie|vier|vijf) (pers|pers\.|personen|persoon|people|persons|personen)\b[^?]{0,20}$/;

/** A newsletter or mailing list named: its matters are not the sessions'. */
export const NEWSLETTER = /\b(nieuwsbrie[fv]\w*|newsletters?|mailinglijst\w*|verzendlijst\w*|mailingbestand|adresbestand|mailing ?lists?|distribution lists?)\b/;

/** A short yes in a reply ("Ja, graag", "Prima", "Yes please"): accepts what the thread offered. */
export const ACCEPT = /^(ja|jao|jazeker|zeker|natuurlijk|leuk|gezellig|jawel|graag|(dat|die) doe (ik|we|wij) graag|ja graag|prima|akkoord|top|goed|is goed|uitstekend|doe maar|doe (mij|me|ons) maar|klinkt goed|yes|sure|ok|oke|okay|great|fine)\b|^(👍|👌|✅)/;

/** Withdraws: said outright. */
// What a registration is called, or who is registered: the object a withdrawal verb must have.
const OURS = '(aanmelding\\w*|inschrijving\\w*|registratie\\w*|deelname|plek|plekken|plekje|plaats|plaatsen|naam|namen|mij|me|ons|mijzelf|onszelf)';

export const CANCEL_STRONG = wordings([
  '\\bafmeld(en|ing)\\b', /* Frisian, Limburgish */ '\\b(ofmeld|aafmeld)\\w*', '\\bkin\\b[^.?!]{0,25}\\b(net|neet)\\b[^.?!]{0,20}\\b(komme|kaome|kome)\\b', '\\bsjrap\\w*\\b[^.?!]{0,10}\\bmich\\b', '\\b(ich|iech) (kin|kan)\\b[^.?!]{0,25}\\bneet\\b', /* Frisian "net by wêze" */ '\\bkin\\b[^.?!]{0,30}\\bnet\\b[^.?!]{0,10}\\bby (weze|wezen)\\b', /* formal, Flemish: send one's apologies */ '\\b(mij|me|zich|ons) (\\w+ ){0,2}verontschuldig(en|d)\\b', '\\bbericht van verhindering\\b', /* German */ '\\b(absagen|absage|abmelden|abmeldung)\\b', '\\b(anmeldung|teilnahme)\\b[^.?!]{0,60}\\b(zuruecknehmen|zurucknehmen|zurueckziehen|zuruckziehen|stornieren)\\b', '\\b(nicht|leider nicht) (teilnehmen|kommen|dabei sein)\\b', '\\bdazwischen(ge)?kommen\\b', /* "streichen Sie mich von der Teilnehmerliste", "ich sage … ab" */ '\\bstreichen\\b[^.?!]{0,40}\\b(von|aus) der (\\w+)?liste\\b', '\\bsage\\b[^.?!]{0,60}\\bab\\b', '\\baf melden\\b', '\\baf te melden\\b', '\\bmeld(t|en|de|den)?\\b[^.?!]{0,70}?\\baf\\b', '\\bafgemeld\\b',
  '\\buitschrijv(en|ing)\\b', '\\buit te schrijven\\b', /* Flemish: "forfait geven" (to give up) */ '\\bforfait (geven|gegeven|moeten geven)\\b', '\\bschrijf\\b[^.?!]{0,40}?\\buit\\b', '\\bannule(er|ren|ring)\\b', '\\b(trek|trekt|trekken|trok|trokken)\\b[^.?!]{0,50}?\\b(in|terug)\\b', '\\b(trek|trekt|trekken|trok|trokken)\\b[^.?!]{0,20}\\b(aanmelding|aanmeldingen|inschrijving|deelname)\\b[^.?!]{0,80}?\\bin\\b', '\\bteruggetrokken\\b',
  '\\bintrekken\\b', '\\bzeg(t|gen)?\\b[^.?!]{0,70}?\\baf\\b', '\\bafzeggen\\b', '\\baf te zeggen\\b', '\\bafzegging\\b', '\\bverstek\\b', '\\bcancel\\w*', '\\bwithdraw\\w*',
  '\\bunregister\\b', '\\bderegister\\b', '\\bvan de (deelnemers)?lijst\\b[^.?!]{0,20}?\\b(halen|afhalen|schrappen|verwijderen|af)\\b',
  '\\b(haal|haalt|schrap|schrapt|verwijder|verwijdert)\\b[^.?!]{0,40}?\\bvan de (deelnemers)?lijst\\b', '\\b(plek|plekken|plaats|plaatsen|stoel|stoelen)\\b[^.?!]{0,20}?\\bvrij(geven|gegeven|maken)\\b', '\\bremove (me|my name|us)\\b', '\\btake (me|my name|us|our names?) off\\b', '\\bschrap\\w*\\b', /* "ik geef mijn plek voor 14 juni op": one's place given up */ '\\b(geef|geven|gaf)\\b[^.?!]{0,10}\\b(mijn|onze) (plek|plekje|plaats|stoel|deelname|aanmelding|inschrijving)\\b[^.?!]{0,30}?\\bop\\b', '\\b(mijn|onze) (plek|plekje|plaats|deelname)\\b[^.?!]{0,30}?\\b(opgeven|op te geven)\\b',
  // "mijn aanmelding komt te vervallen", "streep mij maar door"
  '\\bkomt te vervallen\\b', '\\b(laten|laat) vervallen\\b', '\\bvervalt\\b', '\\bstreep\\b[^.?!]{0,30}?\\bdoor\\b', '\\bdoor te strepen\\b', '\\bdoorstrepen\\b',
  // A registration ended, in every form of the verb: "mogen vervallen", "kunnen geschrapt worden",
  // "graag doorhalen", "wij zien af van deelname", "drop our registration", "pull out".
  // Said of a registration, never of the sender's own meeting ("mijn overleg is geschrapt").
  `\\b${OURS}\\b[^.?!]{0,100}?\\b(mag|mogen|kan|kunnen|moet|moeten)\\b[^.?!]{0,25}?\\bvervallen\\b`, `\\b${OURS}\\b[^.?!]{0,60}?\\b(geschrapt|ingetrokken|geannuleerd|doorgehaald)\\b`,
  '\\bdoor(halen|haal)\\b', '\\bhaal\\b[^.?!]{0,40}?\\bdoor\\b', '\\b(zie|ziet|zien)\\b[^.?!]{0,30}?\\baf van (deelname|de sessie|onze|mijn|de bijeenkomst|aanmelding)\\b', /* "ik heb afgezien van deelname", not "afgezien van de lunch kom ik" (apart from) */ '\\b(heb|hebben|heeft|had|hadden|hebt)\\b[^.?!]{0,30}\\bafgezien\\b', /* a subordinate clause joins the verb: "dat ik afzie van deelname" */ '\\bafzie(n|t)?\\b[^.?!]{0,10}\\bvan\\b', 
  '\\bdrop (me|us|my|our|the)\\b', '\\b(pull|pulling|back|backing|drop|dropping) out\\b',
]);

// A "not" on how the sender travels or how long they stay, not on whether they come: "ik kom
// niet met de trein maar met de auto", "ik kan niet blijven voor de lunch", "niet de hele middag";
// nor on finding or reading something ("ik kan de presentatie niet vinden", "niet openen"), nor on
// how well something goes ("mijn Nederlands gaat nog niet zo goed").
export const HOW_NOT = String.raw`(?:(?:meer|nog|ergens|zo snel) )?(?:vinden|terugvinden|downloaden|openen|lezen|printen|uitprinten|inzien|invullen|aanklikken)\b|(?:zo |erg |heel |echt )?(?:goed|best|lekker|soepel|vlot)\b(?! (?:komen|zijn|gaan|lukken)\b)|(?:met|per|op) (?:de |het |een |eigen )*(?:fiets|auto|trein|bus|ov|openbaar vervoer|taxi|scooter|brommer|e-bike|dienstauto)\b|blijven(?! wachten\b)|de hele (?:dag|middag|ochtend|sessie|bijeenkomst|tijd)\b|het hele (?:programma|middagprogramma|ochtendprogramma)\b|tot het (?:einde|eind|slot)\b|(?:mee )?lunchen\b|mee-?eten\b|op tijd\b|vanaf het begin\b|vanaf de start\b|(?:bij|voor) (?:de lunch|het broodje)\b`;
// "niet" said of the coming itself, as the withdrawal wordings below use it.
const NIET = String.raw`niet\b(?! (?:${HOW_NOT}))`;

/** Cannot come: a withdrawal when it is not followed by a choice for another session. */
export const CANCEL_WEAK = wordings([
  '\\bverhinderd\\b', '\\bterug(trekken|te trekken)\\b', /* "mijn plaats in Breda mag naar iemand anders": released, not handed to someone (not "mijn plaats in de stuurgroep") */ '\\b(mijn|onze) (plek|plaats|plekje|stoel)\\b(?! (in|bij|van|op|aan) (de|het|onze|mijn|die|dat|een) (?!(ontwerp|regio)?(sessie|bijeenkomst)))[^.?!]{0,30}?\\b(mag|kan|kunt|mogen)\\b[^.?!]{0,20}?\\b(naar|aan|voor) (iemand anders|een ander|anderen|someone else)\\b', `\\b(red|redden|haal|halen)\\b[^.?!]{0,20}?\\b${NIET}`, /* "morgen ga ik niet redden" */ `\\b(ga|gaan|zal|zullen|kan|kunnen)\\b[^.?!]{0,20}?\\b${NIET}[^.?!]{0,10}?\\bredden\\b`, '\\b(kan|kunnen|komt|komen|gaat|gaan)\\b[^.?!]{0,15}?\\b(niemand van ons|geen van (ons )?(allen|beiden|tweeen|drieen|vieren))\\b', /* "er is op dit moment niemand die namens het college kan deelnemen" */ '\\b(er (is|zijn)|(is|zijn) er)\\b[^.?!]{0,25}\\bniemand die\\b[^.?!]{0,40}?\\b(kan|kunnen)\\b', '\\b(niemand van ons|geen van ons|geen van (ons )?(allen|beiden|tweeen|drieen|vieren)|none of us|neither of us)\\b[^.?!]{0,30}?\\b(kan|kunnen|komt|komen|gaat|gaan|can|will|is able)\\b', `\\b(kan|kunnen|lukt|lukken|past)\\b[^.?!]{0,30}?\\b${NIET}`, /* "daar gaat het niet om": not what it is about */ `\\bgaat\\b[^.?!]{0,30}?\\b${NIET}(?! (om|door)\\b)`,
  /* "de excursie gaat niet door" cancels an event; only one's own taking part "gaat niet door" */ '\\b(mijn|onze) (deelname|aanmelding|komst)\\b[^.?!]{0,20}?\\bgaat\\b[^.?!]{0,20}?\\bniet door\\b', '\\b(voor|bij) (mij|ons)\\b[^.?!]{0,20}?\\bniet door\\b', '\\bniet door voor (mij|ons)\\b', '\\bniet (aanwezig|komen|meer komen|deelnemen)\\b',
  `\\b(helaas|toch) ${NIET}`, '\\blaten schieten\\b', '\\btussen(ge)?kom\\w*', '\\b(iets|wat) tussen\\b', '\\b(ben|zijn|zal|zullen)\\b[^.?!]{0,25}?\\bniet (bij|aanwezig)\\b',
  `\\b(kom|komen)\\b[^.?!,]{0,15}?\\b${NIET}`, '\\b(kom|komen)\\b,? (dus|daarom|toch|helaas|dan) niet\\b', '\\bzie\\b[^.?!]{0,30}?\\baf van\\b', '\\bafzien\\b', '\\b(moet|moeten)\\b[^.?!]{0,20}?\\bpassen\\b', '\\bverhindering\\b', '\\bmoet\\b[^.?!]{0,30}?\\bafhaken\\b', '\\bafhaken\\b', '\\bhaak\\b[^.?!]{0,20}?\\baf\\b',
  '\\bniet (mogelijk|in de gelegenheid|haalbaar)\\b', '\\b(laat|staat)\\b[^.?!]{0,30}?\\bniet toe\\b', '\\bonmogelijk\\b',
  '\\b(can\'?t|cannot|can no longer|won\'?t be able to|will not be able to|unable to|no longer able to|not able to) (make it|attend|come|join|be there|participate)\\b',
  /* "I won't make it to Arnhem after all" */ '\\b(won\'?t|will not|am not going to|\'?m not going to) (make it|be there|be attending)\\b',
]);

/** Already registered (so a "kan niet" is a withdrawal, not a wish for other dates). */
export const PRIOR_SIGNUP = boundaryOnce(/\b(?<!niet )(?<!nog niet )(aangemeld|ingeschreven|geregistreerd)\b|\b(mijn aanmelding|onze aanmelding|bevestiging|registered|signed up|my registration)\b/);

/** Asks for other dates or sessions than the ones offered. */
export const OTHER_DATES = wordings([
  '\\bandere (data|datum|datums|dag|dagen|(ontwerp|regio)?sessies?|momenten|moment|bijeenkomst|bijeenkomsten|mogelijkheden|mogelijkheid|optie|opties)\\b',
  // ("Een ander moment": the neuter form.)
  '\\bander (moment|tijdstip)\\b', /* "een sessie in een andere regio" */ '\\b(sessie|sessies|bijeenkomst|bijeenkomsten) in (een )?andere (regio|provincie|stad|plaats)\\b',
  '\\b(nieuwe|extra|meer|latere) (data|sessies|bijeenkomsten)\\b', /* "is er nog een sessie later?", "komt er later nog een sessie?" */ '\\b(is|komt|zijn|komen|wordt|worden) er\\b[^.?!]{0,12}\\b(nog )?(een |meer )?(ontwerp|regio)?(sessies?|bijeenkomsten?) (later|hierna|daarna)\\b', '\\b(is|komt|zijn|komen|wordt|worden) er later\\b[^.?!]{0,12}\\b(sessies?|bijeenkomsten?)\\b', '\\b(een )?latere (sessie|bijeenkomst|datum)\\b', '\\bna de zomer(vakantie|reces)?\\b', '\\balternatie(f|ve) (moment|momenten|datum|data|sessie|mogelijkheid)\\b', '\\b(in|na|yn) (augustus|september|septimber|oktober|novimber|november|december|desimber)\\b', '\\b(in het|dit) najaar\\b', '\\blater (in het|dit) jaar\\b',
  '\\bgeen van de\\b[^.?!]{0,30}\\b(data|sessies|datums)\\b', '\\bwanneer (is|zijn) (er )?(nog )?(een )?(volgende|andere)\\b',
  /* Frisian */ '\\boare (mooglikhe(id|den)|datum|data|datums|dagen|dei|sesjes?|gearkomste)\\b', '\\b(other|another|alternative|later) (dates?|sessions?|days?)\\b', '\\b(andere[nr]?|welche|weitere) (termine?|termin|sitzungen|daten)\\b', '\\bafter the summer\\b', '\\bnone of the (dates|sessions)\\b',
  '\\bwelke (andere )?(data|datum|datums|dagen|sessies|momenten|mogelijkheden)\\b', '\\bwhich (dates|sessions)\\b', '\\b(sessies|data|datums) (zijn|staan) er\\b',
  // "Kunt u mij het overzicht van alle sessies sturen?": the list itself asked for.
  '\\b(overzicht|lijst|overview|list)\\b[^.?!]{0,20}\\b(van|met|of) (alle|de andere|de overige|all|the other) ((ontwerp|regio)?sessies|data|datums|bijeenkomsten|sessions|dates)\\b',
  // "Kan ik nog ergens anders aansluiten?": another session, wherever.
  '\\b(ergens anders|elders|somewhere else|elsewhere)\\b[^.?!]{0,30}\\b(aansluiten|aan te sluiten|meedoen|mee te doen|deelnemen|deel te nemen|terecht|aanschuiven|aanmelden|aan te melden|inschrijven|heen|naartoe|join|attend)\\b',
]);

/** Asks where there is room, or says either would do ("Utrecht of Arnhem zou allebei kunnen"): wants to attend, has not picked. */
export const AVAILABILITY = withoutCaptures(/\b((is|komt|zijn|komen) er (ook |nog )?(een |geen )?((ontwerp|regio)?(sessies?|bijeenkomsten?) )?(dichter ?bij|dichterbij|in de buurt)|(zou|zouden) (voor (mij|ons) )?(allebei|alle twee|beide) (kunnen|passen)\b|(passen|past) (mij |ons )?(allebei|alle twee|beide)\b|(is|zijn) er (ook |nog )?(een |geen )?(ochtend|middag|avond)(sessies?|bijeenkomsten?)\b|(is|komt) der (ek |noch )?(in |gjin )?(untwerp)?(sesje|gearkomste) (yn|by|foar)\b|is er (ook |nog )?een (in|bij)\b|(which|what) of the\b[^?]*\bsessions?\b|\b(sessions?|sessies)\b[^.?]{0,25}\b(still open|nog open)\b|(al|nog niet) (vol|volgeboekt)\b|nog (plekken|plaatsen) (over|vrij|beschikbaar)|(is|komt|zijn|komen) er (ook |nog )?(een |geen )?(ontwerp|regio)?(sessies?|bijeenkomsten?) (in|bij|voor)\b|welke (sessie|bijeenkomst|regio)\b[^.?]*\?|welke\b[^.?]{0,30}\b(dichtst|dichtstbij|dichtbij|in de buurt)\b|(is|zijn) er (nog )?(plek|plaats|plaatsen|ruimte)|waar (is|zijn) (er )?(nog )?(plek|plaats|ruimte)|nog (plek|plaats|plaatsen|ruimte)( vrij)?\b[^.]*\?|(any|still) (seats|places|room) (left|available)|\bwhere (there is|there's) (still )?(room|space|a (place|seat))\b|\b(waar|die) (er )?(de )?(meeste|nog) (ruimte|plek|plaats|plaatsen)\b|\bwaar (er )?nog (plek|plaats|ruimte) is\b|\b(is|are) there (also |still )?(any |a )?(sessions?|meetings?|events?) (in|near|for)\b|\b(which|what) (one|session)s?\b[^.?]*\?|\b(has|have|is there) (still )?(room|space|a place|seats))/);

/** Questions about what only a person can settle: venue, access, programme, timing, costs, press. */
export const TOPIC = withoutCaptures(boundaryOnce(new RegExp([
  'parkeer', '\\bparkeren\\b', 'parking', 'rolstoel', 'toegankelijk', 'drempel', '\\blift\\b', 'gehandicapt', 'invalide', 'mindervalide',
  'bereikbaar', 'openbaar vervoer', '\\bov\\b', '\\btrein\\b', '\\broute\\b', '\\bpresentatie', 'presenter', '\\bsheets?\\b', '\\bslides?\\b',
  '\\bverslag', 'uitkomsten', 'resultaten', 'doelgroep', 'bedoeld voor', 'voorbereid', '\\bverwacht', '\\bcasus\\b', '\\bprogramma\\b',
  '\\bagenda\\b', '\\blater (komen|aansluiten|aanschuiven|binnenlopen|arriveren|beginnen)\\b', '\\b(iets|wat|half uur|uur|kwartier) later\\b', '\\bpas (om|rond|na|tegen)\\b', '\\beerder weg\\b', '\\beerder (vertrekken|weggaan)\\b', '\\bte laat\\b',
  '\\bhalverwege\\b', '\\bkosten\\b', '\\bkost\\b', '\\bbetalen\\b', '\\bgratis\\b', '\\bfactuur\\b', '\\bprijs\\b', '\\bpers\\b', 'journalist',
  '\\bartikel\\b', 'fotogra', '\\bfilm', '\\bopnemen\\b', '\\bbijdrage\\b', '\\binbreng\\b', '\\bpitch', '\\bspreker', '\\bworkshop',
  'certificaat', 'accreditatie', '\\blunch\\b', '\\beten\\b', '\\bdieet', '\\bcontact\\b', '\\bafstemmen\\b', '\\bwie\\b', '\\bhoe laat\\b',
  '\\btot hoe laat\\b', '\\bwaar precies\\b', '\\bvergoed', '\\bmateriaal\\b', '\\bdocumenten\\b', '\\bstukken\\b', '\\bwifi\\b',
  'digitaal', '\\bonline\\b', 'livestream', '\\bstream\\w*', '\\bgestreamd\\b', '\\bopname\\b', '\\bterug (te )?kijken\\b', '\\bterugkijken\\b', '\\brecord(ed|ing)\\b', '\\bwebcast\\b', '\\bop afstand\\b', '\\bvideo\\w*', '\\bbeeldbel\\w*', '\\binbel\\w*', '\\bremote\\w*', '\\bdial in\\b', 'hybride', '\\bteams\\b', '\\bzoom\\b', '\\bmeenemen\\b',
  '\\bproject\\w*', '\\bwat houdt\\b', '\\bwhat does\\b[^?]*\\binvolve\\b',
  '\\bcost\\b', '\\bfee\\b', '\\bpress\\b', '\\baccessib', '\\bwheelchair\\b', '\\bpresent\\b', '\\bagenda\\b', '\\blate\\b', '\\bleave early\\b',
].join('|'))));

/** Room for more people ("kan er nog iemand bij?", "kunnen er nog twee collega's bij?"): the registration answers it. */
export const MORE_SEATS = /\b(kan|kunnen|mag|mogen|past|passen) er\b[^.?!]{0,30}\b(nog|ook) (iemand|een (persoon|collega|deelnemer)|(twee|drie|vier|2|3|4)( (mensen|personen|collega'?s|deelnemers))?|mensen|personen|collega'?s|deelnemers)\b[^.?!]{0,20}\bbij\b/;
/** Questions the registration itself answers, or that ask for the list of sessions. */
export const BENIGN_QUESTION = withoutCaptures(/\b((is|was) (dat|dit|het) (zo |nu |hiermee |zo wel )?(gelukt|voldoende|genoeg)|(is|was) (dat|dit|het) (zo|hiermee) (goed|in orde|duidelijk)|(het|een) overzicht|the (list|overview)|van de (deelnemers)?lijst|aanmeld\w*|afmeld\w*|uitschrijv\w*|annule\w*|afzeg\w*|wissel\w*|omzet\w*|aan te melden|af te melden|aansluiten|aan te sluiten|aanschuiven|aan te schuiven|noteren|noteer|inschrijv\w*|in te schrijven|deelnemen|deel te nemen|mee te doen|plek|plaats|plaatsen|ruimte|bevestig\w*|ontvang ik|andere data|sessies|data zijn|nog mogelijk|mogelijk om|plekjes?|plak|aanhaken|aan te haken|(kunt|kan|wilt|zou|willen|kunnen|zouden) (u|jullie) (dat|dit|het|mij|me|ons|die|deze)?\b[^?]{0,30}\b(regelen|verwerken|doorvoeren|aanpassen|wijzigen|noteren|bevestigen|doorgeven|in orde maken|omzetten|corrigeren|rechtzetten|herstellen)|lukt (dat|dit|het)|(kan|is) (dat|dit|het) (nog )?(mogelijk|lukken|nog)|wanneer (is|zijn|vindt|vinden) (die|deze|dat|het|ze|de sessie)\b[^?]*|when is (it|that|the session)|kan ik (nog |gewoon |zomaar )?(komen|aansluiten|deelnemen|meedoen|aanschuiven)|(hoef|moet) ik (nog |verder )?(nog )?iets (te doen|anders)|(sta|staat) ik (er )?(dan )?(op|bij)|(kan|mag) ik (er|daar) (ook )?nog bij|register\w*|sign (me )?up|attend|join|seats?|places?)\b/);

/**
 * A question the list of open sessions answers: where or when a session is, whether there is one
 * somewhere, which one suits ("hoe laat begint die?", "is er ook een sessie in Zwolle?", "komt
 * der ek in sessy yn Fryslân?", "welke zijn er nog?", "wat raadt u aan?", "what is possible").
 */
// Whether one can still join ("ben ik nog op tijd?", "kan ik nog ergens anders aansluiten?"): of a
// session that has passed, the list of open ones is the answer.
const STILL_TO_JOIN = String.raw`\b(nog|still)\b[^?]{0,40}\b(op tijd|mogelijk|mee|meekomen|mee te komen|aanmelden|aan te melden|inschrijven|in te schrijven|aansluiten|aan te sluiten|meedoen|mee te doen|deelnemen|deel te nemen|innemen|in time|possible|register|sign up|join)\b`;
// "Haarlem of Utrecht, wat komt u het best uit?", "wat is het handigst?": the choice left to us.
const WHICH_SUITS = String.raw`\bwhichever (suits|works for|is best for) you\b|\bwat (u|jullie) (het )?(best|beste|handigst) uitkomt\b|\bwat (komt|past) (u|jullie|het) (het )?(best|beste|handigst|handigste)\b|\bwat is (het )?(handigst|handigste|beste|best|verstandigst)\b|\bwhich (is|would be) (best|better|easier)\b`;
export const LIST_ANSWERS = boundaryOnce(new RegExp(`${STILL_TO_JOIN}|${WHICH_SUITS}|` + /\b(wat|welke) (zijn|is) (precies |nu |dan |eigenlijk )?(de|alle) (data|datums|locaties|plaatsen|tijden|tijdstippen)\b|\bwaar (kan|kun|kunnen|moet|moeten|mag|mogen) (ik|wij|we)\b[^?]{0,25}\b(heen|naartoe|naar toe|terecht)\b|\b(hoe laat|wanneer|wannear|waar|wêr|what time|when|where)\b[^?]{0,40}\b(die|deze|ze|de sessie|sessie|sessies|sesje|sesjes|it|the session|one)\b|\bwelke (sessie |bijeenkomst |locatie )?(raadt|raden|adviseert|adviseren)\b|\b(is|komt|zijn|komen|will) (er|der|there)\b[^?]{0,30}\b(een|in|ien|one|geen|sessie|sessy|session|mogelijkheid)\b|\b(wordt|worden) (er|der)\b[^?]{0,30}\b(sessies?|bijeenkomst)\b|\b(is|komt|zijn|komen|wordt|worden) daar\b[^?]{0,20}\b(sessies?|bijeenkomst(en)?)\b|\bwelke\b[^?]{0,30}\b(kiezen|kunnen|kan|mag|mogen)\b|\bklopt het dat\b[^?]{0,30}\b(er|die)\b|\bwelke (zijn er|past|raadt|is|kan)\b|\b(wat|welke) (is|zijn) (voor (ons|mij) )?de (handigste|beste|dichtstbijzijnde|dichtstbije) (locatie|sessie|plek|plaats)\b|\bwat raadt u (ons |mij )?aan\b|\bwhich ones?\b|\bwhat is possible\b|\bwat (er )?mogelijk is\b|\bwat (er )?nog (kan|open is|vrij is)\b|\b(de|het) ([a-z]+ )?(tijd|tijden|tijdstip|datum|data|datums|locatie|locaties|adres|adressen|lijst|lijstje|overzicht|mogelijkheden|opties)\b[^?]{0,40}\b(laten weten|doorgeven|sturen|toesturen|mailen|geven)\b|\bwelke\b[^?]{0,25}\b(ruimte|plek|plekken|plaats|plaatsen|vrij)\b|\b(send|mail|give|tell) (me|us) (the|your|all the)( available| possible| other| remaining)? (dates|list|locations|times|options)\b|\bwhich\b[^?]{0,30}\b(room|space|seats|available)\b|\bhow (to|do (i|we)|can (i|we)|should (i|we)) (proceed|sign up|register|enrol|join)\b/.source));

// About the choice of session, asked by someone who named where or when but whose choice yields
// no single session: which is meant or best, where it is, what the possibilities are, or just
// "let me know" (with nothing else asked). The list of open sessions is the answer.
export const ABOUT_THE_CHOICE = /\b(welke|which)\b|\b(voorkeur|bedoeling|bedoeld|bestemd|makkelijkst\w*|handigst\w*|dichtstbij\w*|bereikbaar|adres|locatie|locaties|details|lijst|mogelijkheden|opties|options|possibilities|ergens)\b|\b(organiseert|organiseren|houdt|houden) (u|jullie) (ook )?(iets|een sessie|er een)\b|\bis dat (in|op)\b|\b(laten weten|let (me|us) know)\s*\??\s*$/;

/** Asks whether others may take part (when the sender is not the subject): an organiser decides who is welcome. */
// Put as a permission too: "is het mogelijk dat ook een Vlaamse gemeente deelneemt?".
export const ELIGIBILITY = /\b(kan|kunnen|mag|mogen|zou|zouden|can|could|may|might|darf|durfen|kann|konnen|(is|zou) het (ook |wel |dan |eigenlijk )*(mogelijk|toegestaan|de bedoeling)|is it (also |even )?(possible|allowed))\b[^?]*\b(teilnehmen|deelnemen|deelneemt|deel te nemen|meedoen|meedoet|mee te doen|aansluiten|aansluit|aan te sluiten|aanschuiven|aanschuift|aan te schuiven|meekomen|meekomt|mee te komen|komen|komt|aanwezig zijn|aanwezig is|bijwonen|bijwoont|welkom|attend|join|participate|take part|come)\b/;

/**
 * Whether the one asked about is the sender: "mag ik", "kunnen wij", "may we". A possessive or an
 * object ("inwoners van ons dorpsplatform", "iemand van ons") asks about others.
 */
export const ASKS_OF_SELF = /\b(ik|wij|we|ikzelf|wijzelf|i|ich|wir|wy)\b/;

/**
 * Whether one can still come ("kan mijn collega alsnog aansluiten?"): time or room, which the list
 * or a confirmation answers; "kan er nog iemand mee?" asks for one more, a person's call.
 */
export const STILL_ASKED = /\b(kan|kunnen|mag|mogen|can|could)\b[^?]{0,40}\b(nog|alsnog|still)\b(?! (meer|een|iemand|anderen|more|another)\b)/;

/**
 * Asks whether the sender may take part in a capacity of their own ("zou ik als Belgische
 * collega mogen aansluiten?", "may I, as a student, attend?"): who is welcome is an organiser's call.
 */
export const ELIGIBILITY_SELF = boundaryOnce(/\b(mag|mogen|may|kan|kunnen|can|could|darf|durfen|kann|konnen|toegestaan|mogelijk|de bedoeling|allowed|possible)\b[^?]{0,40}\b(als|as an?)\s+(?!(dat|het|er|that|it|ob)\b)[a-z]|\b(als|as an?)\s+(?!(dat|het|er|that|it|ob)\b)[a-z][^?,]{0,40}\b(mag|mogen|may|kan|kunnen|can|could|darf|durfen|kann|konnen)\b/);

/** Sentences that ask without a question mark. */
export const INDIRECT_QUESTION = withoutCaptures(/\b(graag hoor ik|ik hoor graag|ik vroeg me af|ik vraag me af|laat (u|je) (mij|me|ons) weten|kunt u (mij|me|ons) (laten weten|vertellen|informeren)|graag zou ik weten|ik wil graag weten|wie kan ik|met wie kan ik|i was wondering|could you let me know|please let me know)\b/);

/** Announces a question without asking it in that sentence: always for a person. */
export const HAS_QUESTION = withoutCaptures(/\b((ik|wij|we) (heb|hebben) (nog )?(een|twee|enkele|wat|een paar) vra(a)?g(en)?|(een|mijn|onze) vraag (over|bij|aan)|i have (a|some) questions?)\b/);

/** Press, and those who come to watch, or to study the session for their own research: always for a person. */
export const PRESS = withoutCaptures(/\b(journalist|journaliste|verslaggever|redacteur|redactie|persbureau|persvertegenwoordiger|als pers|namens de pers|freelance schrijver|fotograaf|cameraman|reporter|press|toehoorder|waarnemer|observer|observeren|als gast|(voor|for) (mijn|haar|zijn|onze|ons|my|her|his|our) (scriptie|afstudeer\w*|onderzoek|thesis|research|dissertation|study))\b/);
/** Students and researchers (writing a thesis is who they are, not why they come): participants when they sign up outright, else for a person. */
export const ACADEMIC = withoutCaptures(/\b(student|studente|onderzoeker|promovendus|researcher|universitair (hoofd)?docent|hoogleraar|lector|doe onderzoek|onderzoek doe|scriptie|afstudeer\w*|thesis)\b/);

/** A signup made to depend on something a person must settle. */
export const CONDITION = /\b(mits|op voorwaarde dat|onder (de )?voorwaarde|afhankelijk van|provided that|on condition that|as long as)\b/;

/** Arriving late, leaving early, or needs the venue must meet: an organiser arranges it. */
export const NEEDS = /\b(pas (om|rond|vanaf|na|tegen) \d+|later (aansluiten|aanschuiven|komen|binnen)|eerder (weg|vertrekken|weggaan)(?! (van|bij|uit) (mijn|ons|het|een|de)\b)|(moet|moeten) (om|rond) \d[^?!]{0,25}\b(weg|vertrekken)|halverwege|rolstoel|slechtziend|slechthorend|doof|gebarentolk|tolk|mindervalide|invalide|scootmobiel|arrive late|leave early|wheelchair)\b/;

/** The sender writes for someone else: a secretariat or assistant, or "namens de burgemeester". */
export const ON_BEHALF = /\b(namens|secretariaat|secretaresse|(management|directie|bestuurs)?assistent(e)?|bestuursondersteun\w*|office ?manager|on behalf of|personal assistant)\b/;

/** Someone else goes instead of the registered person: a person sorts out the swap. */
export const SUBSTITUTE = /\b(in (mijn|zijn|haar|diens) plaats|in plaats van mij|vervang(t|en|er|ster)?\b|mijn vervang|instead of me|in my place|replace me)\b/;
const SUBSTITUTE_G = new RegExp(SUBSTITUTE.source, 'g');
// "Er komt geen vervanger", "niemand in mijn plaats", "laat zich niet vervangen": no one goes instead.
const NONE_BEFORE = /\b(geen|niemand|niet|no|not|nobody|without|zonder)\s+(\w+\s+)?$/;
// "omdat ik een zieke collega moet vervangen": the sender replaces someone elsewhere; that is
// why they cannot come, not who comes instead. ("Ik laat me vervangen" still is a substitute.)
const SENDER_REPLACES = /\b(ik|wij|we)\b(?![^,.;:!?]*\b(me|mij|ons|laat|laten)\b)[^,.;:!?]*$/;

// "Ik ga in zijn plaats", "ik wil graag in haar plaats komen", "u kunt hem vervangen door mij":
// the sender is the one who takes the place, and so the one who signs up.
// ("Ik neem zijn plek over", "wij nemen haar plaats in": the same, said of the place.)
const SENDER_TAKES_IT = /\b(ik|wij|we)\b[^.?!]{0,40}?\b(neem|nemen) (zijn|haar|diens|hun) (plek|plaats|plekje|stoel) (over|in)\b|\b(neem|nemen) (ik|wij|we) (zijn|haar|diens|hun) (plek|plaats|plekje|stoel) (over|in)\b/;
const SENDER_IN_THEIR_PLACE = /\b(ik|wij|we)\b[^,.;:!?]*$/;
const BY_THE_SENDER = /^\s+door (mij|ons|mijzelf|ondergetekende)\b/;
const takenBySender = (text: string, m: RegExpMatchArray, before: string) =>
  (/^in (zijn|haar|diens) plaats/.test(m[0]) && SENDER_IN_THEIR_PLACE.test(before))
  || (/^vervang/.test(m[0]) && BY_THE_SENDER.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 30)));

const A_PLACE_TAKEN = /plek|plaats|stoel|vervang/;

// "Wilt u de aanmelding op mijn naam zetten?", "omzetten naar mijn naam": a registration to be
// swapped, which presupposes one exists: a person swaps it, however the sender words their coming.
const ONTO_MY_NAME = /\b(op|naar|onder) (mijn|onze) na(a)?m(en)?\b/;

/** Someone goes in the sender's (or registrant's) place: the first SUBSTITUTE wording that says so. */
export function substituteSaid(text: string): boolean {
  for (const m of matchesOf(SUBSTITUTE_G, text)) {
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    if (NONE_BEFORE.test(before)) continue;
    if (/^vervang/.test(m[0]) && SENDER_REPLACES.test(before)) continue;
    if (takenBySender(text, m, before) && !ONTO_MY_NAME.test(text)) continue;
    return true;
  }
  return false;
}

/**
 * `test(text)`, remembered for the last text only: for a test asked of a whole mail's text a
 * few times in a row (the same string: `Features.contentLower`), which no other mail repeats.
 * A table of such texts would hash and compare each whole text on every call.
 */
function rememberedLast(test: (text: string) => boolean): (text: string) => boolean {
  let last: string | undefined;
  let answer = false;
  return (text) => {
    if (text !== last) {
      answer = test(text);
      last = text;
    }
    return answer;
  };
}

/**
 * The sender takes someone else's place ("ik kom in haar plaats"): a swap a person may need to
 * tidy. (The decision asks it of one mail's text up to three times.)
 */
export const takesAPlace = rememberedLast((text) => {
  // Either way below the place is named or replaced ("plek", "plaats", "stoel", "vervang…"): most
  // mail has none of those words, and is spared the three patterns.
  if (!A_PLACE_TAKEN.test(text)) return false;
  if (ONTO_MY_NAME.test(text)) return false;
  if (SENDER_TAKES_IT.test(text)) return true;
  for (const m of matchesOf(SUBSTITUTE_G, text)) {
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    // ("Ik kom zelf ook niet in haar plaats": a place not taken.)
    if (NONE_BEFORE.test(before)) continue;
    if (takenBySender(text, m, before)) return true;
  }
  return false;
});
// A vendor showing its wares: never a participant's signup, whatever else the mail says.
export const VENDOR_OFFER = withoutCaptures(/\b((ons|onze|mijn) (platform|product|producten|software|applicatie|app|tool|oplossing|aanbod|diensten)\b[^.?!]{0,40}\b(laten zien|tonen|demonstreren|presenteren|pitchen)|(demo|demonstratie) (geven|verzorgen|houden)|(show|demo|demonstrate|present) (our|my) (platform|product|products|software|app|tool|solution|services)|pitchen)\b/);
// A contribution offered (a talk, a presentation, a speaker): beside a firm signup of the
// sender's own a remark for a person, as a practical question is; alone, for a person.
export const CONTRIBUTION = withoutCaptures(/\b(presenteren|presentatie (geven|verzorgen|houden)|(een )?bijdrage (leveren|geven)|workshop (geven|verzorgen)|spreker|to present|give a (talk|presentation))\b/);
export const COMPLAINT = withoutCaptures(/\b(klacht|klagen|beklag|teleurgesteld|ontevreden|onacceptabel|schandalig|boos|geirriteerd|complaint|disappointed|unacceptable)\b/);

// The text points at an enclosed list or form for who comes, whether or not one is attached ("zie
// bijgaande lijst voor de overige namen"); an enclosure for other business ("in de bijlage vindt u
// de jaarplanning") is not what a signup leans on.
export const LEANS_ON_ENCLOSED = withoutCaptures(/\b(zie (de )?(bijlage|bijgaande|bijgevoegde)|bijgaande|bijgevoegde|bijgesloten|in de bijlage|attached|enclosed)\b[^.?!]{0,40}\b(namen|deelnemers|delegatie|aanmelding|aanmeldformulier|inschrijfformulier|names|participants|delegation|registration form)\b|\b(namen|deelnemers|delegatie|names|participants|delegation)\b[^.?!]{0,40}\b(in de bijlage|bijgevoegd|bijgaand|attached|enclosed)\b/);
// The reader's registration, spoken of to them: "uw aanmelding bevestigd", "your registration".
export const THE_READERS = /\b(uw|je|jouw|your) (aanmelding|inschrijving|registratie|deelname|registration|booking)\b/;
/** The body refers to an attachment for what it says. */
export const ATTACHMENT_REF = withoutCaptures(/\b(zie (de )?bijlage|in de bijlage|als bijlage|bijgevoegde?|bijgaande?|bijgesloten|bijlagen?|aanmeldformulier|formulier|attached|attachments?|enclosed|see the file|anhang|anbei)\b/);

/** A bare choice from a numbered list: "2", "optie 2", "nummer 2", "de tweede". */
export const OPTION_NUMBER = /^(?:(?:ik kies|ik neem|doe maar|dan|graag|kies|i choose|i'll take)\s+)?(?:(?:optie|nummer|nr\.?|keuze|sessie|option|number|#)\s*)?(\d)\s*[.!)]?\s*(?:graag|please|aub|a\.u\.b\.)?[.!]?$|\b(?:optie|nummer|nr\.?|keuze|option|number)\s*(\d)\b|^(?:(?:doe maar|graag|dan)\s+)?de (eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste)\b/;
export const ORDINALS: Record<string, number> = { eerste: 1, tweede: 2, derde: 3, vierde: 4, vijfde: 5, zesde: 6, zevende: 7, achtste: 8 };

/** Withdraws, outright or by not coming (remembered per text, see signsUp). */
export const withdraws = remembered((text) => CANCEL_STRONG.test(text) || CANCEL_WEAK.test(text));

/**
 * Someone else's going arranged by them, in so many words: "die meldt zich zelf aan", "hij laat
 * het zelf weten", "zij neemt zelf contact op", "dat hoort u van hem" (not the sender's "ik laat
 * het zelf nog weten", which holds back).
 */
export const BY_THEMSELVES = /\b(regelt|regelen|mailt|mailen|doet|doen|meldt|melden)\b[^.?!]{0,30}\bzelf\b|\b(?<!\bik )(laat|laten)\b[^.?!]{0,30}\bzelf\b|\bzelf contact\b|\b(hoort|horen) (u|jullie|je)\b[^.?!]{0,20}\b(van )?(hem|haar|hen|hemzelf|haarzelf)\b/;

/** A withdrawal denied in so many words: "ik wil me niet afmelden hoor, maar …", "dit is geen afmelding". */
export const DENIED_WITHDRAWAL = /\b((wil|ga|hoef) (me|mij|ons|mijzelf) (hoor |echt |zeker |helemaal |juist |absoluut |beslist )?niet (af (te )?melden|afmelden)|(dit|het|deze mail) is (hoor |echt )?geen afmelding|geen afmelding(,)? (hoor|maar))\b/g;
