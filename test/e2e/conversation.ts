// Test-side mail clients: write a message, wait for the bot's answer, answer it back.
import assert from 'node:assert/strict';
import type { CapturedMail } from '../support/smtp-sink.js';
import { component, parseIcs, prop, type IcsComponent } from '../replies/ics.js';
import { mail, type Harness } from './harness.js';

/** Delivers a message and returns the bot's one answer to it. */
export async function exchange(h: Harness, raw: string, timeoutMs = 15_000): Promise<CapturedMail> {
  const before = h.sink.messages.length;
  await h.deliver(raw);
  const all = await h.sink.waitFor(before + 1, timeoutMs);
  return all[before]!;
}

/** Delivers a message, waits until the bot recorded it, and checks nothing was sent. */
export async function expectSilence(h: Harness, raw: string): Promise<void> {
  const before = h.sink.messages.length;
  const handled = recordedCount(h);
  await h.deliver(raw);
  await h.waitForRecorded(handled + 1);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(h.sink.messages.length, before, 'no reply expected');
}

export function recordedCount(h: Harness): number {
  return h.logs.filter((l) => l.event === 'message.recorded').length;
}

/** Answers the bot's mail the way Outlook does: new text on top, the bot's mail quoted below. */
export function answer(to: CapturedMail, from: string, text: string, name?: string): string {
  const p = to.parsed;
  const quoted = [
    '',
    '________________________________',
    `Van: D-Loket <${p.from?.value[0]?.address}>`,
    `Verzonden: vrijdag 1 juni 2018 12:00`,
    `Aan: ${from}`,
    `Onderwerp: ${p.subject}`,
    '',
    p.text ?? '',
  ].join('\r\n');
  return mail({
    from, name, subject: `RE: ${p.subject ?? ''}`, text: `${text}\r\n${quoted}`,
    inReplyTo: p.messageId, references: [...refs(p.references), p.messageId].join(' '),
  });
}

function refs(r: string | string[] | undefined): string[] {
  return r === undefined ? [] : Array.isArray(r) ? r : [r];
}

export function invite(m: CapturedMail): { method: string; event: IcsComponent; mimeMethod: string | null } {
  const part = m.parsed.attachments.find((a) => a.contentType === 'text/calendar' || a.filename?.endsWith('.ics'));
  assert.ok(part, 'the mail carries a calendar invite');
  const cal = parseIcs(part.content.toString('utf8'));
  const raw = m.raw.toString('utf8');
  const mimeMethod = /Content-Type: text\/calendar;[^\r\n]*method=([A-Z]+)/i.exec(raw)?.[1] ?? null;
  return { method: prop(cal, 'METHOD').value, event: component(cal, 'VEVENT'), mimeMethod };
}
