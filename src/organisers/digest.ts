// The organisers' daily digest: gathered, worded and written to the outbox in one transaction
// that also claims the day, so it goes out once a day even across restarts.
import { attendeeRows } from '../db/attendees.js';
import { changesSince } from '../db/change-log.js';
import type { Tx } from '../db/client.js';
import { claimDigestDay, lastDigest } from '../db/digests.js';
import { waitingMessages } from '../db/inbound-messages.js';
import { enqueueReply, undeliveredSince } from '../db/outbox.js';
import { loadSeriesState } from '../db/sessions.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import { isMachineAddress } from '../pipeline/reply-address.js';
import { composeNotice } from '../replies/compose.js';
import { buildDigestView, localDay, type DigestData } from '../replies/digest.js';
import { renderTemplate } from '../replies/render.js';
import { closedBecause } from '../rules/availability.js';
import { attendeesCsv } from './export.js';

export interface DigestSettings {
  to: string[];
  language: 'nl' | 'en';
}

/** The changes a digest reports. */
const reported = ['registered', 'waitlisted', 'promoted', 'moved', 'cancelled', 'attendees', 'capacity', 'signups'];

/** Writes today's digest to the outbox; returns its outbox ids, none when today's was written already. */
export async function writeDigest(tx: Tx, deps: PipelineDeps, settings: DigestSettings, now: Date): Promise<number[]> {
  const { catalogue } = deps;
  // Never to a machine or to the watched mailbox itself (config refuses those too).
  const recipients = settings.to.filter((a) => !isMachineAddress(a) && !deps.mail.ownAddresses.includes(a.toLowerCase()));
  if (recipients.length === 0) return [];
  const day = localDay(now, catalogue.timezone);
  const previous = await lastDigest(tx);
  const since = previous?.createdAt ?? new Date(now.getTime() - 86_400_000);
  if (!(await claimDigestDay(tx, { day, createdAt: now, since, recipients: recipients.length }))) return [];

  const sessions = await loadSeriesState(tx, catalogue.series);
  const attachment = `aanmeldingen-${day}.csv`;
  const data: DigestData = {
    now, since, timezone: catalogue.timezone, series: catalogue.series, organiser: catalogue.organiser ?? deps.mail.from.name,
    mailbox: deps.mail.from.address, attachment,
    sessions: sessions.map((s) => ({
      city: s.city, date: s.date, start: s.start, end: s.end, capacity: s.capacity, taken: s.taken,
      waitlistPeople: s.waitlist.reduce((n, w) => n + w.attendees, 0), waitlistEntries: s.waitlist.length,
      closed: closedBecause(s, now, deps.policy),
    })),
    changes: await changesSince(tx, since, reported),
    waiting: await waitingMessages(tx),
    undelivered: await undeliveredSince(tx, since),
  };
  const rendered = renderTemplate(deps.templates[settings.language].digest, buildDigestView(data, settings.language), settings.language);
  const csv = attendeesCsv(await attendeeRows(tx, { statuses: ['confirmed', 'waitlisted'], series: catalogue.series }), catalogue.timezone);

  const ids: number[] = [];
  for (const address of recipients) {
    const composed = await composeNotice({
      from: deps.mail.from, to: { name: null, address }, replyTo: recipients, rendered, date: now,
      attachments: [{ filename: attachment, content: csv, contentType: 'text/csv; charset=utf-8' }],
    });
    ids.push(await enqueueReply(tx, {
      inboundId: null, registrationId: null, kind: 'digest', toAddress: address, fromAddress: deps.mail.from.address,
      subject: composed.subject, messageId: composed.messageId, inReplyTo: null, raw: composed.raw.toString('utf8'),
      // Not a reply: REPLIES_ENABLED=false holds replies to people, organisers still get their digest.
      thread: null, status: 'pending', createdAt: now, nextAttemptAt: now,
    }));
  }
  return ids;
}
