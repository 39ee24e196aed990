// Changes organisers make by hand, carried out exactly as the worker carries out a mail: under
// the series lock, decided by the same rules, applied and answered by the same code, with the
// change log naming who did it. Safe while the worker runs on the same PostgreSQL database.
import type { Tx } from '../db/client.js';
import { activeRegistration, activeRegistrationById, lockSeries } from '../db/registrations.js';
import { loadSeriesState } from '../db/sessions.js';
import { findOutboxRows, type OutboxRow } from '../db/outbox.js';
import { applyChanges } from '../pipeline/apply-decision.js';
import { deliverDue, type DeliveryReport } from '../pipeline/deliver.js';
import type { PipelineDeps } from '../pipeline/deps.js';
import { domainOf } from '../pipeline/handle-message.js';
import { isMachineAddress } from '../pipeline/reply-address.js';
import { writeReplies } from '../pipeline/write-replies.js';
import { decide } from '../rules/decide.js';
import type { Decision, OrganiserCommand } from '../rules/types.js';
import type { Language } from '../understanding/types.js';

export interface ManualChange {
  command: OrganiserCommand;
  /** The registration a cancel, move or set is about: its address or its number. */
  registration?: { email: string } | { id: number };
  /** For add: who the new registration is for. */
  person?: { name: string | null; municipality: string | null; language: Language };
  /** Who did it: `--by`, else the OS user. */
  by: string;
  /** No mail to the person the change is about (people promoted from the waiting list are still told). */
  quiet: boolean;
}

export interface ManualResult {
  decision: Decision;
  /** The registration the change is about (the new one, for add). */
  registrationId: number | null;
  replies: OutboxRow[];
  delivery: DeliveryReport | null;
}

const plausibleAddress = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export async function applyManualChange(deps: PipelineDeps, change: ManualChange): Promise<ManualResult> {
  const now = deps.clock();
  const c = change.command;
  if (c.type === 'add') {
    const email = c.email.toLowerCase();
    if (!plausibleAddress.test(email) || isMachineAddress(email) || deps.mail.ownAddresses.includes(email)) {
      return refusedEarly(`${c.email} is not a person's e-mail address`);
    }
    change = { ...change, command: { ...c, email } };
  }
  const written = await deps.database.db.transaction((tx) => decideAndApply(tx, deps, change, now));
  deps.logger.info({
    event: 'organiser.change', by: change.by, command: c.type, outcome: written.decision.outcome,
    registration: written.registrationId, replies: written.outboxIds.length, quiet: change.quiet,
  }, written.decision.note);
  const delivery = written.outboxIds.length > 0 ? await deliverDue(deps, null, written.outboxIds) : null;
  return {
    decision: written.decision, registrationId: written.registrationId, delivery,
    replies: await findOutboxRows(deps.database.db, written.outboxIds),
  };
}

async function decideAndApply(tx: Tx, deps: PipelineDeps, change: ManualChange, now: Date) {
  const { series } = deps.catalogue;
  await lockSeries(tx, series);
  const sessions = await loadSeriesState(tx, series);
  const c = change.command;
  const ref = c.type === 'add' ? { email: c.email } : change.registration;
  const registration = !ref ? null
    : 'id' in ref ? await activeRegistrationById(tx, series, ref.id) : await activeRegistration(tx, series, ref.email.toLowerCase());
  const person = change.person ?? { name: null, municipality: null, language: 'nl' as const };
  const decision = decide({ command: c, now, sessions, registration, municipality: person.municipality, policy: deps.policy });
  if (decision.outcome === 'refused') return { decision, registrationId: registration?.id ?? null, outboxIds: [] };

  const { createdId } = await applyChanges(tx, decision.changes, {
    series, sessions, now, domain: domainOf(deps.mail.from.address), actor: { origin: 'organiser', name: change.by }, inboundId: null,
    registrant: { email: c.type === 'add' ? c.email : '', names: [], ...person },
  });
  const replies = change.quiet ? decision.replies.filter((r) => r.to !== 'registrant') : decision.replies;
  const outboxIds = replies.length === 0 ? [] : await writeReplies(tx, replies, {
    inboundId: null, mail: null, replyAddress: null, language: person.language, createdId, senderRegistrationId: null,
    sessions: await loadSeriesState(tx, series), catalogue: deps.catalogue, mailConfig: deps.mail, templates: deps.templates, now,
  });
  return { decision, registrationId: createdId ?? registration?.id ?? null, outboxIds };
}

function refusedEarly(note: string): ManualResult {
  return { decision: { outcome: 'refused', changes: [], replies: [], keywords: [], note }, registrationId: null, replies: [], delivery: null };
}
