// Which failures are the world's fault and which are the message's. A transient one (the
// database or the IMAP server went away, a timeout, a deadlock) keeps the cursor where it is:
// the mailbox loop backs off and tries the same message again, as often as it takes. Only
// other failures count towards setting a message aside for organisers (poison.ts), so a
// server restart never turns good mail into "error".

// postgres.js's own codes, Node's socket and DNS codes, and imapflow's connection codes.
const TRANSIENT_CODES = new Set([
  'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT',
  'ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'EHOSTDOWN', 'ENETUNREACH',
  'ENETDOWN', 'EAI_AGAIN', 'ENOTFOUND', 'EADDRNOTAVAIL',
  'NoConnection', 'EConnectionClosed', 'StateLogout', 'ClosedAfterConnectText', 'ClosedAfterConnectTLS',
  'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT', 'ETIMEOUT', 'LockTimeout', 'ETHROTTLE',
]);

// SQLSTATEs: connection exceptions (08), the server shutting down or starting (57P01-57P03),
// too many connections (53300), out of resources (53xxx), and conflicts that a retry resolves
// (40001 serialization failure, 40P01 deadlock, 55P03 lock not available).
function transientSqlState(code: string): boolean {
  return /^08/.test(code) || /^57P0[123]$/.test(code) || /^53/.test(code) || ['40001', '40P01', '55P03'].includes(code);
}

/** True when `err`, or an error it wraps (drizzle wraps the driver's), is a passing fault. */
export function isTransient(err: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e: unknown = err; e && typeof e === 'object' && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    if (TRANSIENT_CODES.has(code)) return true;
    // PostgresError carries the SQLSTATE in `code`; five characters, digits and capitals.
    if ((e as { name?: unknown }).name === 'PostgresError' && transientSqlState(code)) return true;
  }
  return false;
}

/**
 * A failure's message without what a query carried: Drizzle's "Failed query: … params: …"
 * would put a message's subject and quoted text in the log. The driver's own message says what
 * went wrong.
 */
export function failureText(err: unknown): string {
  const e = err as { message?: unknown; cause?: unknown };
  const cause = e?.cause as { message?: unknown } | undefined;
  const own = typeof e?.message === 'string' ? e.message : String(err);
  if (own.startsWith('Failed query:') && typeof cause?.message === 'string') return `database: ${cause.message}`.slice(0, 500);
  return own.split('\nparams:')[0]!.slice(0, 500);
}
