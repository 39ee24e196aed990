// Shared by the fault tests: deliver many messages at once, read the organisers' view of the
// mailbox, and wait on the worker's log.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Harness } from '../e2e/harness.js';

/** Appends every message over one IMAP connection (quicker than one login each); returns their UIDs. */
export async function deliverAll(h: Harness, raws: (string | Buffer)[]): Promise<number[]> {
  const client = await h.dovecot.connect(h.box.user);
  try {
    const uids: number[] = [];
    for (const raw of raws) {
      const result = await client.append('INBOX', raw, []);
      if (!result || typeof result.uid !== 'number') throw new Error('APPEND returned no UID');
      uids.push(result.uid);
    }
    return uids;
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** Flags and keywords of every message in INBOX, by UID. */
export async function inboxFlags(h: Harness): Promise<Map<number, Set<string>>> {
  const client = await h.dovecot.connect(h.box.user);
  try {
    const lock = await client.getMailboxLock('INBOX');
    try {
      const flags = new Map<number, Set<string>>();
      for (const m of await client.fetchAll('1:*', { uid: true, flags: true }, { uid: true })) flags.set(m.uid, m.flags ?? new Set());
      return flags;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}

export function logCount(h: Harness, event: string): number {
  return h.logs.filter((l) => l.event === event).length;
}

export async function waitFor(what: string, cond: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** A plain signup from a distinct address, for backlogs. */
export function signupFrom(i: number, city: string, prefix = 'p'): string {
  return [
    `From: "Raadslid ${i}" <${prefix}${i}@gemeente-${i % 7}.nl>`, 'To: D-Loket <D-Loket@VNG.nl>', `Subject: Aanmelding ${city}`,
    'Date: Fri, 01 Jun 2018 11:00:00 +0200', `Message-ID: <${prefix}-${i}-${process.pid}@gemeente.example>`, 'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8', '', `Graag meld ik mij aan voor de ontwerpsessie in ${city}.`, '',
    'Met vriendelijke groet,', `Raadslid ${i}`, '',
  ].join('\r\n');
}

export const CITIES = ['Utrecht', 'Haarlem', 'Arnhem', 'Assen', 'Venlo', 'Breda'];

/** Waits for `promise`; on failure prints the worker's last log lines (as TAP comments) first. */
export async function orShowLogs<T>(h: Harness, promise: Promise<T>, lines = 40): Promise<T> {
  try {
    return await promise;
  } catch (err) {
    for (const l of h.logs.slice(-lines)) {
      if (l.component === 'imapflow') continue;
      process.stdout.write(`# ${JSON.stringify(l).slice(0, 300)}\n`);
    }
    throw err;
  }
}
