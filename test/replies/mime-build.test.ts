// The replies written out at once (mime-build.ts) are byte for byte what nodemailer's own
// streaming build() makes of the same compiled message: every kind of reply in both languages,
// with and without an invite, hostile and non-ASCII values, long and dotted lines, and the digest.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import { buildInvite } from '../../src/replies/calendar.js';
import { noticeComposer, replyComposer, type ComposeInput } from '../../src/replies/compose.js';
import { buildInMemory } from '../../src/replies/mime-build.js';
import { loadTemplates, renderReply, type Templates } from '../../src/replies/render.js';
import { replyKinds } from '../../src/replies/types.js';
import { model, sessionView } from './fixtures.js';

const now = new Date('2018-05-22T09:41:07Z');
const mailbox = { name: 'D-Loket', address: 'D-Loket@VNG.nl' };

/** Both builds of one compiled message (the same boundaries); the in-memory one first, as compose.ts does. */
async function both(composer: ReturnType<typeof replyComposer>['composer']): Promise<[Buffer, Buffer]> {
  const root = composer.compile();
  const mine = buildInMemory(root);
  assert.ok(mine, 'every part is in memory');
  return [mine, await root.build()];
}

describe('replies/mime-build', () => {
  let templates: Templates;
  before(async () => {
    templates = await loadTemplates();
  });

  function input(over: Partial<ComposeInput> = {}, kind: (typeof replyKinds)[number] = 'confirmed', language: 'nl' | 'en' = 'nl'): ComposeInput {
    return {
      from: mailbox, to: { name: 'Anna de Griffier', address: 'griffie@haarlem.example' },
      originalSubject: 'Aanmelding ontwerpsessie Haarlem', rendered: renderReply(model(kind, language), templates),
      inReplyTo: '<signup-1@haarlem.example>', references: ['<invite-0@vng.nl>'], date: now, messageId: '<reply-1@vng.nl>', ...over,
    };
  }

  const invite = (method: 'REQUEST' | 'CANCEL', name = 'Anna') => ({
    method,
    ics: buildInvite({
      method, uid: 'reg-7@dloket.vng.nl', sequence: 1, session: sessionView('haarlem'), timezone: 'Europe/Amsterdam',
      summary: 'Ontwerpsessie Haarlem', organizer: { name: 'D-Loket', email: 'D-Loket@VNG.nl' },
      attendee: { name, email: 'griffie@haarlem.example' }, stamp: now,
    }),
  });

  it('writes every kind of reply, in both languages, with and without an invite, as build() does', async () => {
    for (const kind of replyKinds) {
      for (const language of ['nl', 'en'] as const) {
        for (const inv of [null, invite('REQUEST'), invite('CANCEL')]) {
          const [mine, theirs] = await both(replyComposer(input({ invite: inv }, kind, language)).composer);
          assert.equal(mine.toString('latin1'), theirs.toString('latin1'), `${kind} ${language} ${inv?.method ?? 'no invite'}`);
        }
      }
    }
  });

  it('writes hostile, non-ASCII, long and dotted values as build() does, and the result parses back', async () => {
    const text = fc.array(fc.oneof(
      fc.constantFrom('.', '..', '\n', '\n.', '\r\n', ' ', '\t', '=', 'é', 'ĳ', '€', '😀', 'From ', '--', '\u0000', '\r', 'x'.repeat(90)),
      fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 10 }),
    ), { maxLength: 60 }).map((parts) => parts.join(''));
    await fc.assert(fc.asyncProperty(text, text, text, text, async (name, subject, body, attendee) => {
      const rendered = { subject: `Bevestiging ${subject}`, text: `${body}\n`, html: `<p>${body}</p>\n` };
      const composed = replyComposer(input({
        to: { name, address: 'griffie@haarlem.example' }, originalSubject: subject, rendered,
        invite: invite('REQUEST', attendee.replace(/[\r\n]/g, ' ')),
      }));
      const [mine, theirs] = await both(composed.composer);
      assert.equal(mine.toString('latin1'), theirs.toString('latin1'));
      assert.doesNotMatch(mine.toString('latin1'), /[^\r]\n/, 'only CRLF line ends');
      const parsed = await simpleParser(mine);
      assert.equal(parsed.messageId, '<reply-1@vng.nl>');
    }), { numRuns: 150, seed: 20261206 });
  });

  it('writes the organisers\' digest with its attachments as build() does', async () => {
    const composer = noticeComposer({
      from: mailbox, to: { name: 'Organisatie', address: 'team@vng.example' }, replyTo: ['team@vng.example'],
      rendered: { subject: 'Overzicht aanmeldingen', text: 'Regel 1\n.\nRegel 3 é\n', html: '<p>Regel</p>' }, date: now,
      attachments: [
        { filename: 'aanmeldingen.csv', content: Buffer.from('naam;gemeente\nAnna;Haarlem\n'), contentType: 'text/csv' },
        { filename: 'aanmeldingen.xlsx', content: Buffer.from([0, 1, 2, 13, 10, 46, 255]), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      ],
    }).composer;
    const [mine, theirs] = await both(composer);
    assert.equal(mine.toString('latin1'), theirs.toString('latin1'));
  });

  it('leaves a part that is not in memory to build()', () => {
    const { composer } = replyComposer(input());
    const root = composer.compile();
    (root.childNodes[0] as unknown as { content: unknown }).content = { path: '/dev/null' };
    assert.equal(buildInMemory(root), null);
  });
});
