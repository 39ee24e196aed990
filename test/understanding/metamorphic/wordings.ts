// Sentences added to the fixture messages. Written for these tests before any of them was run
// against the understanding; several per kind, Dutch and English, none taken from a fixture.

/** Tentative interest, a decision that follows later: never a confirmation. */
export const HEDGES = {
  nl: [
    'Misschien kom ik, maar dat weet ik pas na de raadsvergadering van volgende week.',
    'Het is nog onder voorbehoud, mijn agenda is nog niet rond.',
    'Ik laat het nog weten of het definitief doorgaat.',
    'Wellicht sluit ik aan, dat hangt nog van de fractie af.',
    'Zet mij nog niet op de lijst alstublieft, ik bevestig het later.',
    'Ik weet nog niet zeker of ik kan; ik kom er nog op terug.',
    'Dit is een voorlopige aanmelding, de definitieve volgt zodra ik het zeker weet.',
    'Mogelijk kan ik erbij zijn, maar reken nog niet op mij.',
    // Holding back in the words of held-back.test.ts's principles (a promise to come back, "no
    // signup yet", a step first, still deciding whether), worded afresh.
    'Ik kom hier na het weekend nog op terug.',
    'Ik mail u begin volgende week opnieuw.',
    'U hoort na de staf van mij.',
    'Beschouw dit mailtje nog niet als aanmelding.',
    'Pas na het collegeoverleg kan ik het toezeggen.',
    'Wij moeten nog bepalen of deelname zin heeft.',
    'Noteert u mij voorlopig nog niet.',
  ],
  en: [
    'Maybe I can make it, I will let you know next week.',
    'I will get back to you after the weekend.',
    "Please don't count this as a registration yet.",
    'This is still tentative; I will confirm later.',
    "I'm not sure yet whether I can attend.",
    'Please do not put me on the list yet, I will confirm once my diary is clear.',
  ],
};

/** A withdrawal or illness on the day, after the signup: never a confirmation. */
export const WITHDRAWALS = {
  nl: [
    'Helaas ben ik die dag ziek, dus ik kan er toch niet bij zijn.',
    'Inmiddels blijkt dat ik die dag een raadsvergadering heb, dus ik moet helaas afzeggen.',
    'Update: ik ben die dag toch verhinderd, wilt u mij weer van de lijst halen?',
    'Ik lig met griep in bed en kom dus niet.',
    'Sorry, er is iets tussengekomen en ik kan die dag niet komen.',
    'Achteraf gezien lukt het mij toch niet om te komen.',
  ],
  en: [
    'Unfortunately I have fallen ill and will not be able to come on the day.',
    'Something came up and I can no longer attend that day.',
    'On second thought I cannot make it after all, sorry.',
  ],
};

/** Attendance that depends on an answer: never a confirmation. */
export const CONDITIONS = {
  nl: [
    'Als er parkeergelegenheid bij de locatie is, kom ik.',
    'Ik kom alleen als de sessie om vijf uur afgelopen is.',
    'Mits ik op tijd terug ben van een andere afspraak, ben ik erbij.',
    'Als het gebouw rolstoeltoegankelijk is, kom ik graag.',
    'Op voorwaarde dat onze wethouder ook kan, schuif ik aan.',
    'Alleen als er een oppas is voor mijn kinderen kan ik komen.',
  ],
  en: [
    'I will come only if there is parking near the venue.',
    "Provided my train gets in on time, I'll be there.",
    'If the venue is wheelchair accessible, count me in.',
  ],
};

/** A question about a session elsewhere or on another date. `{orig}`: the city asked for, or "die plek". */
export const ELSEWHERE = {
  nl: [
    'Is er ook een sessie in Zwolle? {orig} is voor mij erg ver reizen.',
    'Komt er misschien nog een sessie op een andere datum? Die dag is lastig.',
    'Kan ik in plaats daarvan ook naar {other} komen?',
    'Wordt de sessie ook nog ergens in Zeeland georganiseerd?',
    'Is er na de zomer nog een ronde, bijvoorbeeld in september?',
    'Zou er ook een avondsessie in Groningen komen? Overdag kan ik moeilijk weg.',
  ],
  en: [
    'Is there also a session in Zwolle? {orig} is quite far for me.',
    'Will there be another date? That day is difficult for me.',
    'Could I go to {other} instead?',
  ],
};

/** A practical question or remark beside a signup: the signup stands (corpus README). */
export const PRACTICAL = {
  nl: [
    'Is er parkeergelegenheid in de buurt van de locatie?',
    'Ik ben vegetariër, wilt u daar bij de lunch rekening mee houden?',
    'Ik zit in een rolstoel; is de zaal goed bereikbaar?',
    'Graag een glutenvrije lunch voor mij.',
    'Is de locatie goed bereikbaar met het openbaar vervoer?',
    'Ik ben een kwartier later, mijn trein komt pas na aanvang aan.',
    'Hoe lang ik blijf weet ik nog niet, misschien moet ik om vier uur weg.',
    'Ik kijk nog even of ik met de trein of met de auto kom.',
    'Mocht er iets veranderen, dan laat ik het u weten.',
  ],
  en: [
    'Is there parking near the venue?',
    "I'm vegetarian, could you take that into account for lunch?",
    'Is the room wheelchair accessible?',
  ],
};

/** A signup of a colleague only; the sender does not come. `{name}`, `{city}`. */
export const COLLEAGUE_ONLY = {
  nl: [
    'Wilt u mijn collega {name} aanmelden voor de sessie in {city}? Zelf kan ik helaas niet.',
    'Ik kan er zelf niet bij zijn, maar mijn collega {name} komt graag naar {city}.',
    'Graag wil ik onze beleidsmedewerker {name} opgeven voor {city}; ik ga zelf niet.',
    'Namens mijn collega {name}: zij wil graag deelnemen aan de sessie in {city}. Ik kom zelf niet.',
  ],
  en: [
    'Could you register my colleague {name} for the session in {city}? I will not attend myself.',
    "I can't come myself, but my colleague {name} would like to attend in {city}.",
  ],
};
export const COLLEAGUES = ['Pieter de Wit', 'Sanne Hoekstra', 'Youssef el Amrani', 'Marieke van Dam'];

/** Signature lines that name a municipality, a session city or a province: where the sender works. */
export const SIGNATURE_PLACES = [
  'Gemeente Venlo', 'Gemeente Utrecht', 'Gemeente Breda', 'Raadslid gemeente Arnhem', 'Gemeente Haarlemmermeer', 'Provincie Utrecht', 'Gemeente Amersfoort',
];

/** Address lines naming a session city (or another) in a signature. */
export const SIGNATURE_ADDRESSES = [
  'Stadhuis, Markt 1, Assen', 'Postbus 511 | 2003 PB Haarlem', 'Bezoekadres: Stationsplein 1, Zwolle',
];
