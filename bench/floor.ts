// The I/O floor: per message only the I/O no worker can avoid, done with the worker's own
// libraries and nothing else: fetch the source (imapflow) and parse it (mailparser), one insert
// in one transaction (postgres.js), one send over a pooled SMTP transport (nodemailer), one
// APPEND to Sent and one keyword STORE. Message after message, as the worker decides.
import type { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import postgres from 'postgres';

export async function runFloor(opts: {
  imap: ImapFlow; databaseUrl: string; smtp: { host: string; port: number }; reply: Buffer;
}): Promise<number> {
  const { imap } = opts;
  const sql = postgres(opts.databaseUrl, { max: 2, onnotice: () => {} });
  await sql`create table if not exists floor_messages (id serial primary key, message_id text, subject text, received_at timestamptz)`;
  const transport = nodemailer.createTransport({ host: opts.smtp.host, port: opts.smtp.port, secure: false, pool: true, maxConnections: 2 });
  try {
    await imap.mailboxOpen('INBOX');
    const uids = (await imap.search({ all: true }, { uid: true })) || [];
    const started = performance.now();
    for (const uid of uids) {
      const message = await imap.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
      if (!message || !message.source) throw new Error(`floor: UID ${uid} not fetched`);
      const parsed = await simpleParser(message.source);
      await sql.begin((tx) => tx`insert into floor_messages (message_id, subject, received_at) values (${parsed.messageId ?? null}, ${parsed.subject ?? null}, ${new Date()})`);
      const to = parsed.from?.value[0]?.address ?? 'someone@example.invalid';
      await transport.sendMail({ envelope: { from: 'D-Loket@VNG.nl', to }, raw: opts.reply });
      await imap.append('Sent', opts.reply, ['\\Seen']);
      await imap.messageFlagsAdd(String(uid), ['DLoket-Handled'], { uid: true });
    }
    return performance.now() - started;
  } finally {
    transport.close();
    await sql.end({ timeout: 1 });
  }
}
