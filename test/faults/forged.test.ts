// Forged senders, end to end: where our receiving server says DMARC failed, nothing changes and
// nobody is answered; only the registrant's own address (From) can cancel or move.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { inboundMessages, registrations } from '../../src/db/schema.js';
import { answer, exchange, expectSilence } from '../e2e/conversation.js';
import { mail, startHarness, type Harness, type Worker } from '../e2e/harness.js';
import { inboxFlags } from './helpers.js';

const AUTHSERV = 'mx.vng.nl';
const ar = (dmarc: string, domain: string, id = AUTHSERV) =>
  `${id}; spf=${dmarc === 'pass' ? 'pass' : 'softfail'} smtp.mailfrom=${domain}; dmarc=${dmarc} (p=quarantine dis=none) header.from=${domain}`;

/** A message with Authentication-Results headers, topmost first (as servers prepend them). */
function withResults(fields: Parameters<typeof mail>[0], results: string[]): string {
  const raw = mail(fields);
  return `${results.map((r) => `Authentication-Results: ${r}`).join('\r\n')}\r\n${raw}`;
}

let h: Harness;
let worker: Worker;
before(async () => {
  h = await startHarness({ env: { TRUSTED_AUTHSERV_ID: AUTHSERV } });
  worker = h.startWorker();
  await worker.ready();
});
after(async () => {
  await worker.stop();
  await h.close();
});

describe('forged senders', () => {
  const registrationOf = (email: string) => h.query(async ({ db }) => (await db.select().from(registrations).where(eq(registrations.email, email)))[0] ?? null);
  const inboundOf = (messageId: string) => h.query(async ({ db }) => (await db.select().from(inboundMessages).where(eq(inboundMessages.messageId, messageId)))[0]);

  it('a signup whose DMARC check failed at our server: no reply, no registration, left for a person', async () => {
    await expectSilence(h, withResults({
      from: 'wethouder@ede.example', subject: 'Aanmelding Arnhem', text: 'Graag meld ik mij aan voor de sessie in Arnhem.', messageId: '<forged-1@ede.example>',
    }, [ar('fail', 'ede.example')]));
    assert.equal(await registrationOf('wethouder@ede.example'), null);
    const row = await inboundOf('<forged-1@ede.example>');
    assert.equal(row?.outcome, 'dmarc-failed');
    assert.equal(row?.intent, 'register', 'what it asked for is still recorded');
    assert.match(row?.reason ?? '', /DMARC failed at mx\.vng\.nl for ede\.example: the sender may be forged/);
    assert.ok((await inboxFlags(h)).get(Number(row!.uid))?.has('DLoket-Attention'));
  });

  it('a cancellation whose DMARC check failed leaves the registration alone', async () => {
    const confirmation = await exchange(h, withResults({
      from: 'griffier@rheden.example', subject: 'Aanmelding Arnhem', text: 'Graag meld ik mij aan voor de sessie in Arnhem.',
    }, [ar('pass', 'rheden.example')]));
    assert.deepEqual(confirmation.envelope.to, ['griffier@rheden.example']);
    const forged = answer(confirmation, 'griffier@rheden.example', 'Graag afmelden, wij komen niet.');
    await expectSilence(h, `Authentication-Results: ${ar('fail', 'rheden.example')}\r\n${forged}`);
    assert.equal((await registrationOf('griffier@rheden.example'))?.status, 'confirmed');
  });

  it('trusts only the topmost headers of our own server: a look-alike further down counts for nothing', async () => {
    // The sender wrote "dmarc=pass" under our id, below another server's header: ours (at the top) says fail.
    await expectSilence(h, withResults({
      from: 'vervalst@ede.example', subject: 'Aanmelding Venlo', text: 'Graag aanmelden voor Venlo.', messageId: '<forged-2@ede.example>',
    }, [ar('fail', 'ede.example'), 'relay.ede.example; spf=pass smtp.mailfrom=ede.example', ar('pass', 'ede.example')]));
    assert.equal((await inboundOf('<forged-2@ede.example>'))?.outcome, 'dmarc-failed');
    // And the other way round: a "fail" the sender wrote far down does not stop a good signup.
    const ok = await exchange(h, withResults({
      from: 'echt@ede.example', subject: 'Aanmelding Venlo', text: 'Graag aanmelden voor Venlo.',
    }, [ar('pass', 'ede.example'), 'relay.ede.example; spf=pass smtp.mailfrom=ede.example', ar('fail', 'ede.example')]));
    assert.deepEqual(ok.envelope.to, ['echt@ede.example']);
    // Another server's verdict is not ours to act on.
    const other = await exchange(h, withResults({
      from: 'ander@ede.example', subject: 'Aanmelding Venlo', text: 'Graag aanmelden voor Venlo.',
    }, [ar('fail', 'ede.example', 'mx.elders.example')]));
    assert.deepEqual(other.envelope.to, ['ander@ede.example']);
  });

  it('without TRUSTED_AUTHSERV_ID the header changes nothing', async () => {
    await worker.stop();
    const plain = h.startWorker({ env: { TRUSTED_AUTHSERV_ID: '' } });
    await plain.ready();
    try {
      const reply = await exchange(h, withResults({
        from: 'zonder@ede.example', subject: 'Aanmelding Breda', text: 'Graag aanmelden voor Breda.',
      }, [ar('fail', 'ede.example')]));
      assert.deepEqual(reply.envelope.to, ['zonder@ede.example']);
    } finally {
      await plain.stop();
      worker = h.startWorker();
      await worker.ready();
    }
  });
});

describe('only the registrant\'s own address changes a registration', () => {
  const registrationOf = (email: string) => h.query(async ({ db }) => (await db.select().from(registrations).where(eq(registrations.email, email)))[0] ?? null);
  const sessionOf = async (email: string) => {
    const reg = await registrationOf(email);
    return reg ? h.query(async ({ db }) => {
      const { sessions } = await import('../../src/db/schema.js');
      const [s] = await db.select({ slug: sessions.slug }).from(sessions).where(eq(sessions.id, reg.sessionId));
      return { status: reg.status, session: s?.slug };
    }) : null;
  };

  it('refuses a cancellation or move from another address, whatever Reply-To, Sender or thread say', async () => {
    const confirmation = await exchange(h, mail({ from: 'els@renkum.example', subject: 'Aanmelding Arnhem', text: 'Graag meld ik mij aan voor de sessie in Arnhem.' }));

    // From someone else, with Reply-To the registrant: the answer goes to Reply-To, the registration stays.
    const viaReplyTo = await exchange(h, mail({
      from: 'iemand@elders.example', subject: 'Afmelding', text: 'Graag afmelden voor de sessie in Arnhem.', headers: { 'Reply-To': 'els@renkum.example' },
    }));
    assert.deepEqual(viaReplyTo.envelope.to, ['els@renkum.example']);
    assert.match(viaReplyTo.parsed.text ?? '', /geen aanmelding/i);
    assert.deepEqual(await sessionOf('els@renkum.example'), { status: 'confirmed', session: 'arnhem' });

    // From someone else, with Sender the registrant ("on behalf of" the other way round).
    await exchange(h, mail({
      from: 'iemand@elders.example', subject: 'Wijziging', text: 'Ik wil liever naar Venlo in plaats van Arnhem.', headers: { Sender: 'els@renkum.example' },
    }));
    assert.deepEqual(await sessionOf('els@renkum.example'), { status: 'confirmed', session: 'arnhem' });

    // Someone else answering the registrant's confirmation in its thread.
    await exchange(h, answer(confirmation, 'collega@renkum.example', 'Graag afmelden, Els kan niet.'));
    assert.deepEqual(await sessionOf('els@renkum.example'), { status: 'confirmed', session: 'arnhem' });
  });

  it('lets the registrant\'s own address cancel, also when a secretary sends it on her behalf (Sender)', async () => {
    await exchange(h, mail({
      from: 'els@renkum.example', subject: 'Afmelding', text: 'Graag afmelden voor de sessie in Arnhem.', headers: { Sender: 'secretariaat@renkum.example' },
    }));
    assert.equal((await registrationOf('els@renkum.example'))?.status, 'cancelled');
  });
});
