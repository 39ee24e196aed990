// Machines never get a reply: RFC 3834 headers, list and bulk mail, reports, calendar
// responses, daemons, our own mail, and out-of-office wording without any header.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BOT, verdict, signed } from './mail.js';

const signup = signed('Graag meld ik mij aan voor de sessie in Breda op 3 juli.');

async function ignored(spec: Parameters<typeof verdict>[0], kind: string) {
  const v = await verdict(spec);
  assert.equal(v.intent, 'ignore', `${v.reason} ${v.evidence.join('; ')}`);
  assert.equal(v.automated, kind);
  return v;
}

test('Auto-Submitted with any value but "no" is a machine', async () => {
  for (const value of ['auto-replied', 'auto-generated', 'auto-notified', 'Auto-Replied; owner-email="x@y.nl"']) {
    await ignored({ text: signup, headers: { 'Auto-Submitted': value } }, 'auto-reply');
  }
});

test('Auto-Submitted: no is a person', async () => {
  const v = await verdict({ text: signup, headers: { 'Auto-Submitted': 'no' } });
  assert.equal(v.intent, 'register');
  assert.equal(v.session, 'breda');
});

test('X-Autoreply, X-Autorespond and Precedence auto_reply mark auto-replies', async () => {
  await ignored({ text: signup, headers: { 'X-Autoreply': 'yes' } }, 'auto-reply');
  await ignored({ text: signup, headers: { 'X-Autorespond': 'Thanks for your message' } }, 'auto-reply');
  await ignored({ text: signup, headers: { Precedence: 'auto_reply' } }, 'auto-reply');
});

test('Precedence bulk, junk and list, List-Id and List-Unsubscribe are list mail', async () => {
  for (const p of ['bulk', 'junk', 'list']) await ignored({ text: signup, headers: { Precedence: p } }, 'list');
  await ignored({ text: signup, headers: { 'List-Id': 'Griffiers <griffiers.lists.example.nl>' } }, 'list');
  await ignored({ text: signup, headers: { 'List-Unsubscribe': '<mailto:leave@lists.example.nl>' } }, 'list');
});

test('X-Auto-Response-Suppress alone proves nothing: Outlook puts it on human mail', async () => {
  const v = await verdict({ text: signup, headers: { 'X-Auto-Response-Suppress': 'DR, RN, NRN, OOF, AutoReply' } });
  assert.equal(v.intent, 'register');
});

test('a delivery report (multipart/report) is a bounce even when it quotes a signup', async () => {
  const raw = `--r1\r\nContent-Type: text/plain\r\n\r\nDelivery to the following recipient failed permanently:\r\n\r\n    p.devries@example.nl\r\n\r\n--r1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.nl\r\n\r\nFinal-Recipient: rfc822; p.devries@example.nl\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n--r1\r\nContent-Type: message/rfc822\r\n\r\nFrom: D-Loket <${BOT}>\r\nSubject: Bevestiging Breda\r\n\r\nU bent aangemeld voor Breda op 3 juli.\r\n--r1--\r\n`;
  await ignored({ from: 'Mail Delivery System <mailer-daemon@mx.example.nl>', subject: 'Undeliverable: Bevestiging', contentType: 'multipart/report; report-type=delivery-status; boundary="r1"', raw }, 'bounce');
});

test('a read receipt (disposition-notification) is ignored', async () => {
  const raw = `--m1\r\nContent-Type: text/plain\r\n\r\nYour message was read on Friday.\r\n--m1\r\nContent-Type: message/disposition-notification\r\n\r\nDisposition: manual-action/MDN-sent-manually; displayed\r\n--m1--\r\n`;
  await ignored({ subject: 'Read: Bevestiging aanmelding Venlo', contentType: 'multipart/report; report-type=disposition-notification; boundary="m1"', raw }, 'read-receipt');
  await ignored({ subject: 'Gelezen: Bevestiging aanmelding Venlo', text: 'Uw bericht is gelezen.' }, 'read-receipt');
});

test('a calendar response (METHOD:REPLY) is ignored and its answer kept for the worker', async () => {
  const ics = ['BEGIN:VCALENDAR', 'METHOD:REPLY', 'VERSION:2.0', 'BEGIN:VEVENT',
    'ATTENDEE;PARTSTAT=DECLINED;CN=Els Mulder:mailto:e.mulder@example.nl', 'UID:abc-123-', ' def@example.nl',
    'SUMMARY:Afgewezen: Ontwerpsessie Assen', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
  const v = await ignored({ subject: 'Afgewezen: Ontwerpsessie Assen', text: 'Ik kan helaas niet.', calendar: ics }, 'calendar-reply');
  assert.deepEqual(v.calendarReply, { uid: 'abc-123-def@example.nl', partstat: 'DECLINED', attendee: 'e.mulder@example.nl' });
});

test('MAILER-DAEMON, postmaster and a null Return-Path are machines', async () => {
  await ignored({ from: 'MAILER-DAEMON@mail.example.nl', text: signup }, 'bounce');
  await ignored({ from: 'Postmaster <postmaster@gemeente.example.nl>', text: signup }, 'bounce');
  await ignored({ text: signup, headers: { 'Return-Path': '<>' } }, 'bounce');
});

test("the bot's own mail is never answered", async () => {
  await ignored({ from: `D-Loket <${BOT}>`, text: 'Meld u af via dit adres als u verhinderd bent voor Venlo.' }, 'own');
  await ignored({ from: `d-loket@vng.nl`, text: signup }, 'own');
});

test('out-of-office subjects in Dutch and English, without any header', async () => {
  for (const subject of ['Automatisch antwoord: Uitnodiging Arnhem', 'Out of Office: Ontwerpsessie', 'Automatic reply: Uitnodiging',
    'Afwezigheidsbericht: Bevestiging Assen', 'Afwezig: RE: Uitnodiging', 'AutoReply: ontwerpsessie']) {
    await ignored({ subject, text: 'Ik ben er niet.' }, 'auto-reply');
  }
});

test('out-of-office bodies are recognised without header or subject', async () => {
  await ignored({ subject: 'RE: Bevestiging aanmelding Haarlem', text: 'Goedemiddag,\n\nIk ben tot en met vrijdag 15 juni niet op kantoor. Uw e-mail wordt niet doorgestuurd; voor dringende zaken kunt u bellen met 14 020.\n\nGroet, Pieter' }, 'auto-reply');
  await ignored({ subject: 'Re: Invitation', text: 'I am currently out of the office with limited access to email until 2 July. For urgent matters please contact my colleague.' }, 'auto-reply');
});

test('a person mentioning their holiday in a signup is not an out-of-office', async () => {
  const v = await verdict({ subject: 'Aanmelding', text: signed('Ik ben tot 20 juni op vakantie, maar meld mij graag aan voor de sessie in Venlo.') });
  assert.equal(v.intent, 'register');
  assert.equal(v.session, 'venlo');
});

test('spam flagged by the gateway is ignored', async () => {
  await ignored({ from: 'Zalen BV <info@zalen.example.com>', subject: 'Zaal in Utrecht?', text: 'Huur onze zaal voor uw ontwerpsessie!', headers: { 'X-Spam-Flag': 'YES' } }, 'spam');
});

test('a mailing without list headers is known by its unsubscribe footer', async () => {
  await ignored({ from: 'Zaalverhuur <info@zalen.example.com>', subject: 'Zomeractie', text: 'Organiseert u een ontwerpsessie in Breda? 20% korting!\n\nGeen berichten meer ontvangen? Afmelden: https://zalen.example.com/uit' }, 'list');
  await ignored({ subject: 'Nieuws', text: 'Lees het laatste nieuws.\n\nU ontvangt deze nieuwsbrief omdat u lid bent. Uitschrijven: www.example.nl/uit' }, 'list');
});

test('a person forwarding a newsletter with a signup is a person', async () => {
  const v = await verdict({ subject: 'FW: Nieuwsbrief juni', text: 'Graag aanmelden voor Breda.\n\nGroet, Els\n\n---------- Forwarded message ---------\nFrom: Nieuwsbrief <news@example.nl>\nSubject: juni\n\nSessies in Breda.\n\nAfmelden: https://example.nl/uit' });
  assert.equal(`${v.intent}/${v.session}`, 'register/breda');
});

test('no-reply senders and contact-centre acknowledgements are machines', async () => {
  await ignored({ from: 'Gemeente Zwolle <noreply@zwolle.example.nl>', subject: 'Uw bericht', text: signup }, 'auto-reply');
  await ignored({ from: 'KCC <kcc@example.nl>', subject: 'Ontvangstbevestiging: Aanmelding Breda', text: 'Wij hebben uw bericht ontvangen.' }, 'auto-reply');
});

test('an unsubscribe line with words before its link is a mailing footer', async () => {
  await ignored({ from: 'Nieuws <nieuws@example.nl>', subject: 'Nieuwsbrief', text: 'Meld u aan voor de sessie in Breda.\n\nAfmelden voor deze nieuwsbrief: https://example.nl/afmelden' }, 'list');
});

test('an out-of-office that mentions signups is still an out-of-office', async () => {
  await ignored({ subject: 'RE: Uitnodiging ontwerpsessie 3 juli Breda', text: 'Ik ben tot en met 15 juni afwezig. Voor aanmeldingen voor de ontwerpsessie kunt u terecht bij mijn collega; uw e-mail wordt niet doorgestuurd.' }, 'auto-reply');
});

// ---- list managers, bulk senders, spam tags, notifications, reports ----

test('list-manager headers of every kind make list mail', async () => {
  const headers: [string, string][] = [['List-Subscribe', '<mailto:join@lists.example.nl>'], ['List-Help', '<mailto:help@lists.example.nl>'],
    ['List-Post', '<mailto:griffiers@lists.example.nl>'], ['List-Owner', '<mailto:owner@lists.example.nl>'], ['List-Archive', '<https://lists.example.nl/archief>'],
    ['Mailing-List', 'contact griffiers-help@example.nl; run by ezmlm'], ['X-Mailing-List', 'griffiers@example.nl'], ['X-MLServer', 'LISTSERV 16.5'],
    ['X-Mailman-Version', '2.1.29'], ['X-BeenThere', 'griffiers@lists.example.nl'], ['Feedback-ID', '123:campagne:mailer'], ['X-CSA-Complaints', 'csa-complaints@eco.de']];
  for (const [name, value] of headers) {
    const v = await verdict({ text: signup, headers: { [name]: value } });
    assert.equal(`${v.intent}/${v.automated}`, 'ignore/list', name);
  }
  // Loop protection of responders and ticket systems, whatever its value.
  await ignored({ text: signup, headers: { 'X-Loop': 'helpdesk@example.nl' } }, 'auto-reply');
});

test('spam tags in the subject are spam; the word spam in a person\'s text is not', async () => {
  for (const subject of ['[SPAM] Uitnodiging ontwerpsessie', '***SPAM*** Aanmelding Breda', '{Spam?} Breda 3 juli', '[Possible Spam] Ontwerpsessie',
    'SPAM: ontwerpsessie Breda', 'ADV: zaalhuur voor uw ontwerpsessie', 'Re: Aanmelding Breda [SPAM]']) {
    await ignored({ subject, text: signup }, 'spam');
  }
  const v = await verdict({ subject: 'Aanmelding (zat in mijn spam)', text: signed('Uw uitnodiging zat in mijn spamfilter. Graag meld ik mij aan voor Breda op 3 juli.') });
  assert.equal(`${v.intent}/${v.session}`, 'register/breda');
});

test('spam verdicts of other gateways count; a low Exchange spam level does not', async () => {
  const verdicts: Record<string, string>[] = [{ 'X-Spam': 'Yes' }, { 'X-Barracuda-Spam-Status': 'Yes, score=9.1' }, { 'X-MS-Exchange-Organization-SCL': '6' },
    { 'X-Forefront-Antispam-Report': 'CIP:1.2.3.4;CTRY:;LANG:nl;SCL:9;SRV:;IPV:NLI;SFV:SPM;H:mx;PTR:;CAT:SPM;' }];
  for (const headers of verdicts) {
    await ignored({ text: signup, headers }, 'spam');
  }
  const v = await verdict({ text: signup, headers: { 'X-MS-Exchange-Organization-SCL': '1', 'X-Forefront-Antispam-Report': 'CIP:1.2.3.4;SFV:NSPM;SCL:1' } });
  assert.equal(v.intent, 'register');
});

test('notifications of cron, monitors, ticket systems and trackers are machines', async () => {
  await ignored({ from: 'root@srv01.example.nl (Cron Daemon)', subject: 'Cron <root@srv01> /usr/local/bin/aanmeldingen-export', text: 'Breda: 12 aanmeldingen\nVenlo: 9 aanmeldingen', headers: { 'X-Cron-Env': '<SHELL=/bin/sh>' } }, 'notification');
  await ignored({ from: 'Cron Daemon <beheer@example.nl>', subject: 'Cron <beheer@srv01> backup', text: 'afgemeld: 0' }, 'notification');
  await ignored({ subject: '** PROBLEM Service Alert: mail.example.nl/IMAP is CRITICAL **', text: 'Notification Type: PROBLEM' }, 'notification');
  const notifiers: [string, string][] = [['X-OTRS-Queue', 'Raw'], ['X-Zammad-Ticket-Number', '80012'], ['X-Zendesk-From-Account-Id', 'a1b2'],
    ['X-JIRA-FingerPrint', 'f00'], ['RT-Ticket', 'example.nl #1234'], ['X-Freshdesk-Ticket-Id', '77'], ['X-GitHub-Reason', 'mention'],
    ['X-Notifications', '0c4f'], ['X-Redmine-Project', 'ontwerpsessies'], ['X-Bugzilla-Product', 'D-Loket']];
  for (const [name, value] of notifiers) {
    await ignored({ subject: 'Aanmelding Breda', text: 'Nieuwe melding: aanmelding voor Breda op 3 juli door j.jansen@example.nl.', headers: { [name]: value } }, 'notification');
  }
  for (const from of ['notifications@github.example', 'jira@issues.example.nl', 'wordpress@gemeente.example.nl', 'nagios@monitor.example.nl', 'alerts@status.example.nl']) {
    await ignored({ from, subject: 'Aanmelding Breda', text: 'Aanmelding voor Breda op 3 juli ontvangen.' }, 'notification');
  }
});

test('ticket acknowledgements ("your request #N has been received") are machines; an agent\'s own signup is not', async () => {
  await ignored({ from: 'Servicedesk <servicedesk@example.nl>', subject: 'Your request #48213 has been received', text: 'Thank you. A member of our team will respond shortly.' }, 'auto-reply');
  await ignored({ from: 'KCC <kcc@example.nl>', subject: '[Ticket#2018060510000123] Re: Uitnodiging ontwerpsessie Breda', text: 'Geachte heer/mevrouw,\n\nUw bericht is in goede orde ontvangen en geregistreerd onder het genoemde nummer. Wij nemen binnen vijf werkdagen contact met u op.' }, 'auto-reply');
  await ignored({ from: 'Bürgerservice <service@example.de>', subject: 'Ihre Anfrage Nr. 20180605-117 ist eingegangen', text: 'Vielen Dank für Ihre Nachricht.' }, 'auto-reply');
  const agent = await verdict({ from: 'KCC <kcc@example.nl>', subject: '[Ticket#2018060510000123] Uitnodiging ontwerpsessie', text: signed('Wij hebben uw uitnodiging ontvangen. Graag meld ik mij aan voor de sessie in Breda op 3 juli.') });
  assert.equal(`${agent.intent}/${agent.session}`, 'register/breda');
});

const arfRaw = (outer: string) => `--f1\r\nContent-Type: text/plain\r\n\r\nThis is an email abuse report for an email message received from IP 192.0.2.1.\r\n\r\n--f1\r\nContent-Type: message/feedback-report\r\n\r\nFeedback-Type: abuse\r\nUser-Agent: SomeGenerator/1.0\r\nVersion: 1\r\nOriginal-Mail-From: <d-loket@vng.nl>\r\nSource-IP: 192.0.2.1\r\n\r\n--f1\r\nContent-Type: message/rfc822\r\n\r\nFrom: D-Loket <D-Loket@VNG.nl>\r\nSubject: Bevestiging Breda\r\n\r\nU bent aangemeld voor Breda op 3 juli.\r\n--f1--\r\n${outer}`;

test('complaint reports are machines whatever their MIME type', async () => {
  await ignored({ from: 'Abuse Desk <fbl@isp.example>', subject: 'Abuse report', contentType: 'multipart/report; report-type=feedback-report; boundary="f1"', raw: arfRaw('') }, 'report');
  await ignored({ from: 'FBL <feedback@isp.example>', subject: 'Email Feedback Report for IP 192.0.2.1', contentType: 'multipart/mixed; boundary="f1"', raw: arfRaw('') }, 'report');
  const attached = `--a1\r\nContent-Type: text/plain\r\n\r\nWe received a complaint about the message below (aanmelding Breda).\r\n\r\n--a1\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\nFrom: D-Loket <D-Loket@VNG.nl>\r\nSubject: Bevestiging Breda\r\n\r\nU bent aangemeld voor Breda op 3 juli.\r\n--a1--\r\n`;
  await ignored({ from: 'Hotmail Staff <staff@hotmail.example>', subject: 'complaint about message from 192.0.2.1', contentType: 'multipart/mixed; boundary="a1"', raw: attached }, 'report');
  await ignored({ from: 'abuse@isp.example', subject: 'Uw mail', contentType: 'multipart/mixed; boundary="a1"', raw: attached }, 'report');
  await ignored({ from: 'Reports <reports@spamcop.example>', subject: '[SpamCop (https://www.spamcop.example/) id:7140312345]aanmelding Breda', contentType: 'multipart/mixed; boundary="a1"', raw: attached }, 'report');
  // The complained-about message inline: its header lines stand in the text.
  const inline = `--a1\r\nContent-Type: message/rfc822\r\nContent-Disposition: inline\r\n\r\nFrom: D-Loket <D-Loket@VNG.nl>\r\nTo: p.devries@example.nl\r\nSubject: Bevestiging Breda\r\n\r\nU bent aangemeld voor Breda op 3 juli.\r\n--a1--\r\n`;
  await ignored({ from: 'staff@hotmail.example', subject: 'complaint about message from 192.0.2.222', contentType: 'multipart/mixed; boundary="a1"', raw: inline }, 'report');
  // ARF fields in the text of a plain message.
  await ignored({ subject: 'report', text: 'Feedback-Type: abuse\nUser-Agent: Mailer/2.0\nVersion: 1\nOriginal-Rcpt-To: <x@example.nl>\n\nAanmelding Breda' }, 'report');
});

test('a person forwarding a mail as an attachment is still a person', async () => {
  const raw = `--a1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nGraag meld ik mij aan voor de sessie in Breda op 3 juli; de uitnodiging zit als bijlage.\r\n\r\nMet vriendelijke groet,\r\nJan Jansen\r\n--a1\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\nFrom: VNG <info@vng.example>\r\nSubject: Uitnodiging\r\n\r\nUitnodiging ontwerpsessies.\r\n--a1--\r\n`;
  const v = await verdict({ subject: 'Fw: klacht over de uitnodiging? Nee, aanmelding', contentType: 'multipart/mixed; boundary="a1"', raw });
  assert.equal(`${v.intent}/${v.session}`, 'register/breda');
});

test('bounces without a report part: delivery-status fields, daemon Return-Path, subjects and words in other languages', async () => {
  const dsn = `--d1\r\nContent-Type: text/plain\r\n\r\nThis message was created automatically by mail delivery software.\r\n--d1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.nl\r\n\r\nFinal-Recipient: rfc822; p.devries@example.nl\r\nAction: failed\r\nStatus: 5.1.1\r\n--d1--\r\n`;
  await ignored({ from: 'Gateway <gw@example.nl>', subject: 'Bericht', contentType: 'multipart/mixed; boundary="d1"', raw: dsn }, 'bounce');
  await ignored({ from: 'imss@example.be', subject: 'Bericht', text: 'Aanmelding Breda', headers: { 'Return-Path': '<MAILER-DAEMON@mx.example.be>' } }, 'bounce');
  for (const subject of ['Mail could not be delivered', 'Delivery Failure', 'Mail Delivery Warning', 'Unzustellbar: Aanmelding Breda', 'Non remis : Aanmelding', 'Delivery Notification: Delivery has failed']) {
    await ignored({ from: 'Gateway <gw@example.nl>', subject, text: 'Aanmelding voor Breda.' }, 'bounce');
  }
  await ignored({ from: 'Gateway <gw@example.nl>', subject: 'RE: Your message to griffiers awaits approval', text: '*****\nYour message could not be delivered to\np.devries@example.nl\n*****' }, 'bounce');
  await ignored({ from: 'Gateway <gw@example.de>', subject: 'Fehler', text: 'Ihre Nachricht konnte nicht zugestellt werden an: p.devries@example.de' }, 'bounce');
});

test('the envelope of a mass mailer (a VERP bounce address, a mailing service) marks bulk mail', async () => {
  await ignored({ from: 'Zaalverhuur <info@zalen.example.com>', subject: 'Zomeractie', text: 'Organiseert u een ontwerpsessie in Breda?', headers: { 'Return-Path': '<bounce-mc.us5_123.456-j.jansen=example.nl@mail45.suw11.mcdlv.net>' } }, 'list');
  await ignored({ from: 'Events <events@example.com>', subject: 'Nieuws', text: 'Nieuw: sessies in Breda.', headers: { 'Return-Path': '<0102016fd-8a5b@eu-west-1.amazonses.com>' } }, 'list');
  await ignored({ from: 'Events <events@example.com>', subject: 'Nieuws', text: 'Nieuw: sessies in Breda.', headers: { 'Errors-To': 'rhn-bounce+1358455-1917980@rhn.example.com' } }, 'list');
  const v = await verdict({ text: signup, headers: { 'Return-Path': '<j.jansen@example.nl>' } });
  assert.equal(v.intent, 'register');
});

// ---- words: German out-of-office, mailing footers in three languages, automatic notices ----

test('Frisian out-of-office replies are machines, by subject or by words', async () => {
  await ignored({ subject: 'Automatysk antwurd: Bevestiging aanmelding Assen', text: 'Tank foar jo berjocht.' }, 'auto-reply');
  await ignored({ subject: 'RE: Bevestiging aanmelding Assen 28 juni', text: 'Tank foar jo berjocht. Ik bin oant en mei 22 juny net op it wurk. Jo mail wurdt net trochstjoerd. Foar driuwende saken kinne jo skilje nei 14 0512.' }, 'auto-reply');
});

test('German out-of-office replies are machines', async () => {
  await ignored({ subject: 'Abwesenheitsnotiz: Uitnodiging ontwerpsessie', text: 'Ich bin nicht da.' }, 'auto-reply');
  await ignored({ subject: 'Automatische Antwort: Einladung', text: 'Danke.' }, 'auto-reply');
  await ignored({ subject: 'RE: Einladung Venlo', text: 'Sehr geehrte Damen und Herren,\n\nich bin bis zum 15. Juni nicht im Büro. Ihre E-Mail wird nicht weitergeleitet. In dringenden Fällen wenden Sie sich bitte an Frau Schmidt.\n\nMit freundlichen Grüßen\nK. Müller' }, 'auto-reply');
  await ignored({ subject: 'Re: Einladung', text: 'Vielen Dank für Ihre Nachricht. Ich bin bis 2. Juli im Urlaub und habe keinen Zugriff auf meine E-Mails.' }, 'auto-reply');
  await ignored({ subject: 'Re: Einladung', text: 'Dies ist eine automatische Antwort. Ihre Nachricht ist eingegangen.' }, 'auto-reply');
});

test('newsletters are known by their footers in Dutch, English and German', async () => {
  // The German newsletter of the issue: "Noise-Cancelling" is no cancellation.
  await ignored({ from: 'Technik-Shop <info@shop.example.de>', subject: 'Noise-Cancelling-Kopfhörer: jetzt 30 % günstiger',
    text: 'Die besten Noise-Cancelling-Kopfhörer des Jahres – nur bis Sonntag.\n\nJetzt entdecken\n\nNewsletter abbestellen | Impressum | Datenschutz' }, 'list');
  await ignored({ from: 'Verlag <news@verlag.example.de>', subject: 'Ihre Neuigkeiten im Juni', text: 'Neue Termine im Juni, auch in Venlo.\n\nSie erhalten diese E-Mail, weil Sie sich für unseren Newsletter angemeldet haben.' }, 'list');
  await ignored({ from: 'Verlag <news@verlag.example.de>', subject: 'Juni', text: 'Neue Termine.\n\nWenn Sie diesen Newsletter nicht mehr erhalten möchten, klicken Sie bitte hier.' }, 'list');
  await ignored({ from: 'Events <events@example.com>', subject: 'June events', text: 'Join our design sessions in Utrecht!\n\nView in browser | Unsubscribe | Manage preferences' }, 'list');
  await ignored({ from: 'Events <events@example.com>', subject: 'June', text: 'Register today.\n\nYou are receiving this email because you signed up at example.com.' }, 'list');
  await ignored({ from: 'Redactie <redactie@example.nl>', subject: 'Nieuwsbrief juni', text: 'Bekijk deze e-mail in je browser\n\nOntwerpsessies in Breda en Venlo.\n\nMet vriendelijke groet,\nDe redactie\n\nAfmelden: https://example.nl/uit' }, 'list');
  await ignored({ from: 'Redactie <redactie@example.nl>', subject: 'Nieuws', text: 'De sessie in Arnhem is bijna vol.\n\nAls u deze nieuwsbrief niet meer wilt ontvangen, kunt u zich hier afmelden.' }, 'list');
  // Old-style bulk mail: "to be removed from our mailing list".
  await ignored({ from: 'Offers <offers@example.com>', subject: 'Register today', text: 'Register your domain today for $14.95.\n\nTo be removed from our mailing list, reply with REMOVE in the subject.' }, 'list');
  await ignored({ from: 'Offers <offers@example.com>', subject: 'Deal', text: 'Accept credit cards today!\n\nto be removed : http://example.com/removeme.html' }, 'list');
  await ignored({ from: 'Links <admin@links.example.cn>', subject: 'Traffic', text: 'Generate traffic to your web site.\n\nUnsubscribe:\nhttp://links.example.cn/u?id=5' }, 'list');
  await ignored({ from: 'Verein <info@verein.example.de>', subject: 'Kampagne', text: 'Neue Termine.\n\nWenn du keine weiteren Kampagnen erhalten möchtest, nutze diesen direkten Abmeldelink.' }, 'list');
  await ignored({ from: 'Redactie <redactie@example.nl>', subject: 'Nieuws', text: 'Nieuwe data voor Assen.\n\nWil je deze e-mails niet meer ontvangen? Meld je dan hier af.' }, 'list');
  await ignored({ from: 'Events <events@example.com>', subject: 'News', text: 'New sessions in Venlo.\n\nWant to change how you receive these emails? You can update your preferences or unsubscribe from this list.' }, 'list');
});

test('a person is never a mailing because of a footer: a signature with a newsletter plug, a bare "afmelden"', async () => {
  const plug = 'Met vriendelijke groet,\n\nJan Jansen\nGemeente Tilburg\nwww.tilburg.nl | Nieuwsbrief | Afmelden\nAfmelden voor onze nieuwsbrief? Ga naar https://www.tilburg.nl/nieuwsbrief\n\u00a9 Gemeente Tilburg';
  const v1 = await verdict({ subject: 'Aanmelding', text: `Ik kom graag naar de sessie in Breda op 3 juli.\n\n${plug}` });
  assert.notEqual(v1.intent, 'ignore', v1.reason);
  const v2 = await verdict({ subject: 'Vraag', text: `Is er parkeergelegenheid bij de sessie in Breda?\n\n${plug}` });
  assert.notEqual(v2.intent, 'ignore', v2.reason);
  for (const text of ['Afmelden', 'Afmelden voor Breda.', 'Unsubscribe', 'Please unsubscribe me, I cannot come to Breda.']) {
    const v = await verdict({ subject: 'Re: Bevestiging aanmelding Breda', text, headers: { 'In-Reply-To': '<bevestiging-1@vng.example>' } });
    assert.notEqual(v.intent, 'ignore', `${text}: ${v.reason}`);
    const w = await verdict({ subject: 'Breda', text });
    assert.notEqual(w.intent, 'ignore', `${text}: ${w.reason}`);
  }
  // A signup is a person's whatever the footer under it says.
  const v3 = await verdict({ subject: 'Aanmelding', text: 'Graag meld ik mij aan voor Breda op 3 juli.\n\nU ontvangt deze e-mail omdat u op de lijst staat. Afmelden: https://example.nl/uit' });
  assert.equal(`${v3.intent}/${v3.session}`, 'register/breda');
});

test('messages that say a machine sent them, in three languages', async () => {
  await ignored({ from: 'Gemeente <info@gemeente.example.nl>', subject: 'Uw aanmelding', text: 'Dit is een automatisch gegenereerd bericht. U kunt niet reageren op deze e-mail.' }, 'auto-reply');
  await ignored({ from: 'Portal <portal@example.nl>', subject: 'Breda', text: 'Uw formulier voor Breda is verwerkt.\n\nGelieve niet te antwoorden op dit bericht.' }, 'auto-reply');
  await ignored({ from: 'Portal <portal@example.com>', subject: 'Registration', text: 'Your registration for Breda was processed.\n\nPlease do not reply to this email.' }, 'auto-reply');
  await ignored({ from: 'Portal <portal@example.de>', subject: 'Anmeldung', text: 'Ihre Anmeldung für Venlo wurde bearbeitet.\n\nBitte antworten Sie nicht auf diese E-Mail.' }, 'auto-reply');
});

test('advance-fee fraud and search-engine pitches are spam', async () => {
  await ignored({ from: 'Dr. A. Maredi <a.maredi@example.com>', subject: 'URGENT ASSISTANCE', text: 'I am a highly placed official. We seek your assistance to transfer the sum of US$25.5m into your bank account. You will receive 25% of the total sum. Treat this transaction with utmost confidentiality. Kindly respond by 3 July.' }, 'spam');
  await ignored({ from: 'Mark <mark@seo.example.com>', subject: 'Quick question about your site', text: 'Hi, I was on your website the other day and noticed it is not on the first page of Google. Our SEO team can bring your website more traffic and leads. Are you open to a quick call this week?' }, 'spam');
  // The same pitches in Dutch words: a place in Google, a price or discount, urgency, a greeting to a role.
  await ignored({ from: 'Webbureau <info@vindbaar.example.biz>', subject: 'Bovenaan in Google?', text: 'Geachte webmaster,\n\nUw gemeente kan bovenaan in Google staan. Voor maar EUR 149 per maand regelen wij dat.\n\nMet vriendelijke groet,\nWebbureau' }, 'spam');
  await ignored({ from: 'Zalen <verhuur@zalen.example.biz>', subject: 'Vergaderzaal nodig?', text: 'Beste evenementenorganisator,\n\nHuur deze maand een zaal met 25% korting, lunch inbegrepen. Boek nu via onze site.' }, 'spam');
});

test('a pitch that asks for a one-word reply, or promises page one of Google, is spam', async () => {
  await ignored({ from: 'Growth <hello@toprank.example.biz>', subject: 'Re: uw website', text: 'Hi there,\n\nYour site is not on page one of Google yet. We can fix that within a month.\n\nReply YES and we send you a free website audit.\n\nTom' }, 'spam');
  await ignored({ from: 'Rank <hi@rankup.example.biz>', subject: 'Quick idea', text: 'Hello,\n\nI looked at gemeente.nl and you do not rank on page 1 for "citizen participation". Shall I send you a free audit?\n\nBest,\nLisa' }, 'spam');
  await ignored({ from: 'Online Groei <info@groei.example.biz>', subject: 'Re: uw aanmelding', text: 'Beste,\n\nWist u dat uw gemeentesite niet op pagina 1 van Google staat? Antwoord JA op deze mail voor een gratis analyse.\n\nGroet,\nSanne' }, 'spam');
});

test('a person who names Google, a price or a discount once is no pitch', async () => {
  // A reply "ja" asked of a colleague, or a yes said to us, is no pitch.
  const y = await verdict({ subject: 'Aanmelding Assen', text: 'Ik meld me aan voor Assen op 28 juni. Mijn collega vroeg of ik "ja" wilde antwoorden op de uitnodiging, bij deze dus.\n\nGroet,\nAnne Mulder\nGemeente Emmen' });
  assert.equal(`${y.intent}/${y.session}`, 'register/assen');
  const v = await verdict({ subject: 'Aanmelding Venlo', text: 'Ik meld me aan voor Venlo op 29 juni. Onze burgerbegroting staat inmiddels op plek 1 in Google, leuk om daar iets over te vertellen.\n\nGroet,\nAnouk Vos\nGemeente Venray' });
  assert.equal(`${v.intent}/${v.session}`, 'register/venlo');
  const w = await verdict({ subject: 'Breda', text: 'Graag aanmelden voor Breda. Reageer gerust als er nog iets nodig is; wij reizen met 50% korting via ons OV-abonnement.\n\nGroet,\nTim Bos\nGemeente Etten-Leur' });
  assert.equal(`${w.intent}/${w.session}`, 'register/breda');
});

// Every person's message of the fixture set, its signature replaced by the footers people
// really have (newsletter plugs, link menus, disclaimers, a holiday aside): never machine mail.
test('no person becomes machine mail because of the footer under their message', async () => {
  const { readFileSync } = await import('node:fs');
  const { parseMail } = await import('../../src/understanding/parse.js');
  const { splitNewText } = await import('../../src/understanding/new-text.js');
  const dir = new URL('../fixtures/mail/', import.meta.url);
  const footers = [
    'Met vriendelijke groet,\n\nPetra de Boer\nGriffier\nGemeente Zeist\nT 030 698 7911 | www.zeist.nl\nTwitter | Facebook | LinkedIn | Nieuwsbrief\nAfmelden voor de nieuwsbrief? Ga naar www.zeist.nl/nieuwsbrief\n\nDit bericht is uitsluitend bestemd voor de geadresseerde. Aan dit bericht kunnen geen rechten worden ontleend.',
    'Groet,\nKees\n\n--\nGemeente Venlo | Postbus 3434 | 5902 RK Venlo\nAbonneer u op onze digitale nieuwsbrief: www.venlo.nl/nieuwsbrief | Uitschrijven\nLees onze privacyverklaring op www.venlo.nl/privacy\n\u00a9 Gemeente Venlo, alle rechten voorbehouden',
    'Kind regards,\nAnna\n\nThis e-mail and any attachments are confidential. If you received this e-mail in error, please notify the sender. If you are receiving this email in error, delete it.\nUnsubscribe from our newsletter: https://example.nl/nl',
    'Mit freundlichen Grüßen\nK. Schmidt\nStadt Kleve\nNewsletter abonnieren | Newsletter abbestellen | Impressum | Datenschutz\nDiese E-Mail wurde auf Viren geprüft.',
    'Met vriendelijke groet,\nJan\n\nP.S. Ik ben volgende week op vakantie; mijn mail wordt niet doorgestuurd.',
  ];
  const labels = readFileSync(new URL('expected.jsonl', dir), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { file: string; intent: string });
  const wrong: string[] = [];
  let n = 0;
  for (const l of labels.filter((x) => x.intent !== 'ignore')) {
    const mail = await parseMail(readFileSync(new URL(`cases/${l.file}`, dir)));
    const own = splitNewText(mail.text).body;
    for (const [i, footer] of footers.entries()) {
      const v = await verdict({ subject: mail.subject, text: `${own}\n\n${footer}`, from: `${mail.from?.name || 'Jan Jansen'} <${mail.from?.address ?? 'j.jansen@example.nl'}>` });
      n++;
      if (v.intent === 'ignore') wrong.push(`${l.file} + footer ${i}: ${v.reason}`);
    }
  }
  assert.ok(n >= 250, `only ${n} messages`);
  assert.deepEqual(wrong, []);
});

test('a fake mailbox warning is machine mail however it says the mailbox is full', async () => {
  for (const [subject, text] of [
    ['Uw postvak is bijna vol', 'Beste gebruiker,\n\nUw postvak heeft 97% van de opslag bereikt. Klik hier om uw account te verifiëren, anders gaan nieuwe aanmeldingen voor de sessies verloren.\n\nHelpdesk'],
    ['Mailbox quota', 'Dear user,\n\nYour inbox is almost full and incoming registrations will bounce. Click here to upgrade your storage within 24 hours.\n\nIT Service Desk'],
    // A compound for the limit and a click put off by a time limit: "opslaglimiet", "klik binnen 24 uur op".
    ['Opslag bijna bereikt', 'Geachte gebruiker,\n\nUw postbus zit op 95% van de opslagcapaciteit. Klik vandaag nog op de link hieronder om uw account te valideren.\n\nServicedesk'],
  ] as const) {
    const v = await verdict({ from: 'IT Helpdesk <support@mail-beheer.example>', subject, text });
    assert.equal(v.intent, 'ignore', subject);
  }
  // A person who mentions their own full mailbox and signs up is a person.
  const person = await verdict({ subject: 'Aanmelding Assen', text: 'Beste,\n\nMijn mailbox zat vol, daarom reageer ik pas nu. Ik meld mij aan voor de sessie in Assen.\n\nGroet,\nJan Jansen\nGemeente Tynaarlo' });
  assert.equal(`${person.intent}/${person.session}`, 'register/assen');
});
