// The list of open sessions as an answer (session of 2026-12-07, tenth). A sender who wants to
// come to a session, in words of their own, and has named where or when, but for whom no single
// open session follows (two named without a choice, a city without a session, a date that fits
// none), gets the list when they ask which session that is: which one is meant or best, where it
// is, what the possibilities are, or just "let me know". A question about anything else (the
// language, the costs, the programme, both sessions at once) is for a person, as is a question
// beside no choice at all. Only the sender's own wish to come earns the list: an invitation to the
// reader or a wish for some other event stays with a person. Fresh messages written for the
// principle before any rule was changed; the narrowing to questions about the choice came from
// the labelled messages a first, wider reading broke (verdict-diff: questions on language,
// costs, content and both sessions, labelled escalate).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actedOn, fromWeert, mismatchedCases } from './mail.js';

test('a sender who wants to come and asks which session their choice is gets the list', async () => {
  assert.deepEqual(await mismatchedCases([
    ['alternatives/null', 'Session in Rotterdam?', 'I\'d love to join one of the design sessions. Is there one in Rotterdam? That would be easiest for me.'],
    ['alternatives/null', 'Aanmelding Zwolle', 'Graag meld ik mij aan voor de sessie in Zwolle. Kunt u mij het adres sturen?'],
    ['alternatives/null', 'Deelname', 'Wij willen graag deelnemen. Utrecht of Haarlem kan allebei; welke heeft uw voorkeur?'],
    ['alternatives/null', 'Registration', 'I would like to attend one of the sessions, Arnhem or Venlo. Which one is closest to Eindhoven?'],
    ['alternatives/null', 'Aanmelding', 'Ik wil graag meedoen, het liefst in Zeeland. Organiseert u ook iets in Middelburg?'],
  ]), []);
  // A question that asks for the list itself, whatever was named.
  assert.deepEqual(await mismatchedCases([
    ['alternatives/null', 'Re: Uitnodiging ontwerpsessie lokale democratie 21 juni Haarlem', 'Haarlem is te ver voor ons. Ik wil graag naar een sessie dichter bij Deventer, welke is dat?'],
    ['alternatives/null', 'Design sessions', 'I would like to attend one of the sessions. Could you send me the possible dates?'],
    ['alternatives/null', 'Oanmelding', 'Wy wolle graach meidwaan. Wannear binne de sesjes?'],
    ['alternatives/null', 'Ontwerpsessie', 'Ik wil graag deelnemen. Welke sessie raden jullie aan voor een gemeente in de Achterhoek?'],
  ]), []);
  // Whether one may still join a session that has passed: the open ones are the answer.
  const late = await fromWeert('Aanmelding Utrecht', 'Mag ik me nog aanmelden voor de sessie in Utrecht op 14 juni?', { date: 'Fri, 15 Jun 2018 09:00:00 +0200' });
  assert.equal(`${late.intent}/${late.session}`, 'alternatives/null');
});

test('no list for a question on something else, an invitation to the reader, or a wish for another event', async () => {
  assert.deepEqual(await actedOn([
    // Named where, but the question is on something else: a person answers it.
    ['alternatives/*', 'Aanmelding Zwolle', 'Graag meld ik mij aan voor de sessie in Zwolle. Kunt u mij het programma sturen?'],
    ['alternatives/*', 'Deelname', 'Wij willen graag deelnemen in Utrecht of Haarlem. Wordt er Engels gesproken?'],
    ['alternatives/*', 'Deelname', 'Ik wil graag naar Utrecht en naar Haarlem. Kan dat?'],
    ['alternatives/*', 'Advies', 'Wij komen graag, Haarlem of Breda. Welke raadt u aan als het ons vooral om jongerenparticipatie gaat?'],
    // Nothing named, and the question is about something else.
    ['alternatives/*', 'Aanmelding', 'Ik wil graag deelnemen aan een ontwerpsessie. Wat kost het?'],
    ['alternatives/*', 'Deelname', 'Wij willen graag meedoen aan een sessie. Mogen er ook inwoners mee?'],
    // Not the sender's own wish to come to a session.
    ['alternatives/*', 'Save the date', 'We would love you to join our webinar on local democracy. Where do we send the link?'],
    ['alternatives/*', 'Webinar', 'I would like to join your webinar on democracy. Where do I find the link?'],
    ['alternatives/*', 'Aanmelding', 'Ik wil me aanmelden, maar eerst: is de zaal rolstoeltoegankelijk? Anders kom ik niet.'],
    ['alternatives/*', 'Language', 'Before I sign up: will the sessions in Utrecht or Haarlem be held in Dutch only?'],
  ]), []);
});
