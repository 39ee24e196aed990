// Where an answer may go. RFC 3834: one recipient, never a null path, our own mailbox,
// or an address that belongs to a machine.
import type { InboundMail } from '../understanding/types.js';

const machine = /^(mailer-daemon|postmaster|no[-_.]?reply|do[-_.]?not[-_.]?reply|bounces?|owner-|.*-request$)/i;

export function replyAddressOf(mail: InboundMail, ownAddresses: string[]): string | null {
  if (mail.returnPath === '') return null; // a null envelope sender: a delivery report
  const candidate = (mail.replyTo?.address || mail.from?.address || '').trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(candidate)) return null;
  if (ownAddresses.includes(candidate)) return null;
  return isMachineAddress(candidate) ? null : candidate;
}

/** mailer-daemon@, postmaster@, noreply@, bounces@, owner-…@, …-request@: a machine, never a person. */
export function isMachineAddress(address: string): boolean {
  return machine.test(address.split('@')[0] ?? '');
}
