// `dloket-bot replay`: the whole pipeline against the current database, rolled back. Proven to
// write nothing (every table compared row by row), send nothing (the sink stays empty) and
// mark nothing (no keyword on the message in Dovecot), and to agree with what the worker does.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { asc } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import * as schema from '../../src/db/schema.js';
import { answer, exchange } from '../e2e/conversation.js';
import { mail, startHarness, type Harness } from '../e2e/harness.js';
import { ok } from './cli.js';

const tables = {
  sessions: schema.sessions, registrations: schema.registrations, inbound: schema.inboundMessages, outbox: schema.outbox,
  mailboxState: schema.mailboxState, changeLog: schema.changeLog, digests: schema.digests,
};

/** Every row of every table, in a stable order. */
async function snapshot({ db }: Database): Promise<string> {
  const all: Record<string, unknown[]> = {};
  for (const [name, table] of Object.entries(tables)) {
    const key = Object.values(table).find((c) => (c as { primary?: boolean }).primary) as never;
    all[name] = await db.select().from(table as typeof schema.sessions).orderBy(asc(key));
  }
  return JSON.stringify(all);
}

describe('replay', () => {
  let h: Harness;
  let dir: string;
  let file: string;
  let uid: number;
  before(async () => {
    h = await startHarness();
    dir = await mkdtemp(join(tmpdir(), 'dloket-replay-'));
    const worker = h.startWorker();
    await worker.ready();
    const confirmation = await exchange(h, mail({
      from: 'w.bakker@assen.nl', name: 'Wendy Bakker', subject: 'Aanmelding ontwerpsessie 28 juni',
      text: 'Ik meld mij graag aan voor de sessie op 28 juni.\r\n\r\nMet vriendelijke groet,\r\nWendy Bakker\r\nGemeente Assen',
    }));
    await worker.stop();
    // Her cancellation arrives while the worker is stopped: in the mailbox, not handled yet.
    const raw = answer(confirmation, 'w.bakker@assen.nl', 'Het lukt mij toch niet, ik meld mij af.', 'Wendy Bakker');
    file = join(dir, 'afmelding.eml');
    await writeFile(file, raw);
    ({ uid } = await h.deliver(raw));
  });
  after(async () => {
    await h.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the verdict, the change and the full reply, and writes, sends and marks nothing', async () => {
    const before = await h.query(snapshot);
    assert.match(before, /"status":"confirmed"/, 'the snapshot holds her registration');
    const sent = h.sink.messages.length;
    const out = (await ok(['replay', file], { ...h.env, LOG_LEVEL: 'warn' })).stdout;
    assert.match(out, /^verdict: cancel assen, municipality Assen, language nl/m);
    assert.match(out, /^outcome: cancelled \(/m);
    assert.match(out, /^change: cancelled assen \(registration \d+\)$/m);
    assert.match(out, /^--- reply 1 of 1: cancelled$/m);
    assert.match(out, /^To: Wendy Bakker <w\.bakker@assen\.nl>$/m);
    assert.match(out, /^Subject: Re: Aanmelding ontwerpsessie 28 juni$/m);
    assert.match(out, /^In-Reply-To: <e2e-/m);
    assert.match(out, /^U bent afgemeld voor de ontwerpsessie in Assen/m);
    assert.match(out, /METHOD:CANCEL\]$/m);

    assert.equal(await h.query(snapshot), before, 'every table exactly as it was');
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(h.sink.messages.length, sent, 'nothing sent');
    const client = await h.dovecot.connect(h.box.user);
    try {
      await client.mailboxOpen('INBOX', { readOnly: true });
      const msg = await client.fetchOne(String(uid), { flags: true }, { uid: true });
      assert.ok(msg);
      assert.deepEqual([...(msg.flags ?? [])].filter((f) => f.startsWith('DLoket')), [], 'no keyword');
    } finally {
      await client.logout();
    }
  });

  it('agrees with the worker: the real run does what the replay showed', async () => {
    const before = h.sink.messages.length;
    const worker = h.startWorker();
    await worker.ready();
    const [reply] = (await h.sink.waitFor(before + 1, 15_000)).slice(before);
    assert.match(reply!.parsed.text ?? '', /U bent afgemeld voor de ontwerpsessie in Assen/);
    await worker.stop();
  });

  it('works on a fresh clone with no settings and leaves no files behind', async () => {
    const clone = await mkdtemp(join(tmpdir(), 'dloket-clone-'));
    try {
      const out = (await ok(['replay', '--raw', file], {}, clone)).stdout;
      // Nobody is registered in an empty database: a friendly "no registration found".
      assert.match(out, /^outcome: no-registration/m);
      assert.match(out, /^--- reply 1 of 1: no-registration$/m);
      // --raw: the MIME message byte for byte, as it would be sent.
      assert.match(out, /^From: "D-Loket" <D-Loket@vng\.nl>\r$/m);
      assert.match(out, /^To: Wendy Bakker <w\.bakker@assen\.nl>\r$/m);
      assert.match(out, /^MIME-Version: 1\.0\r$/m);
      assert.deepEqual(await readdir(clone), []);
      assert.equal(existsSync(join(clone, 'data')), false);
    } finally {
      await rm(clone, { recursive: true, force: true });
    }
  });
});
