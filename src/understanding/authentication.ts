// What the receiving mail server found about the sender (RFC 8601 Authentication-Results).
// Pure. Only the server we trust counts: anybody can write an Authentication-Results header,
// so a header counts only when its authserv-id is a configured one, and only in the topmost
// block of such headers (the one our server added last; RFC 8601 section 5 asks it to remove
// look-alikes further down, which not every server does). Without a trusted id nothing counts.
// As Discourse does it (lib/email/authentication_results.rb); mailauth has a parser of this
// grammar but only inside its internals, not as part of its API.

export interface ResultInfo {
  /** Lower case: dmarc, dkim, spf, arc, iprev... */
  method: string;
  /** Lower case: pass, fail, none, softfail, neutral, temperror, permerror, policy... */
  result: string;
  reason: string | null;
  /** ptype.property -> value, e.g. "header.from" -> "ede.nl" (property names lower case). */
  props: Record<string, string>;
}

export interface AuthenticationResults {
  /** Lower case; null when the header starts without one (Exchange Online writes it that way). */
  authservId: string | null;
  results: ResultInfo[];
}

export interface DmarcVerdict {
  /** Of the trusted server's DMARC checks: fail if any failed, else the first result. */
  result: string;
  authservId: string;
  /** The domain of the From header the check was about, when the header names it. */
  fromDomain: string | null;
}

// Splits a header value into parts at top-level semicolons, with RFC 5322 comments (nested,
// with quoted-pairs) removed and quoted strings kept whole (unquoted).
function lex(value: string): string[][] {
  const parts: string[][] = [];
  let words: string[] = [];
  let word = '';
  const endWord = () => {
    if (word) words.push(word);
    word = '';
  };
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '(') {
      let depth = 1;
      for (i++; i < value.length && depth > 0; i++) {
        if (value[i] === '\\') i++;
        else if (value[i] === '(') depth++;
        else if (value[i] === ')') depth--;
      }
      i--;
      endWord();
    } else if (c === '"') {
      let text = '';
      for (i++; i < value.length && value[i] !== '"'; i++) text += value[i] === '\\' ? value[++i] ?? '' : value[i];
      word += text;
    } else if (c === ';') {
      endWord();
      parts.push(words);
      words = [];
    } else if (/\s/.test(c)) {
      endWord();
    } else if (c === '=') {
      // Between method and result, ptype.property and value; CFWS may surround it.
      endWord();
      words.push(c);
    } else {
      word += c;
    }
  }
  endWord();
  parts.push(words);
  return parts;
}

// "header . from" (CFWS around the dot is allowed, if rare) becomes "header.from".
function joinDots(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (words[i] === '.' && out.length && words[i + 1] !== undefined) out.push(`${out.pop()}.${words[++i]}`);
    else out.push(words[i]!);
  }
  return out;
}

function resinfo(raw: string[]): ResultInfo | null {
  // method [ "/" version ] "=" result, then reason= and ptype.property= values
  const words = joinDots(raw);
  if (words.length < 3 || words[1] !== '=' || words[0] === '=' || words[2] === '=') return null;
  const method = words[0]!.split('/')[0]!.toLowerCase();
  const result = words[2]!.toLowerCase();
  let reason: string | null = null;
  const props: Record<string, string> = {};
  for (let i = 3; i + 2 < words.length; i++) {
    if (words[i + 1] !== '=' || words[i + 2] === undefined) continue;
    const key = words[i]!.toLowerCase();
    if (key === 'reason') reason = words[i + 2]!;
    else if (key.includes('.')) props[key] = words[i + 2]!;
    // other key=value pairs (action=none, compauth=...) are not ours to read
    i += 2;
  }
  return { method, result, reason, props };
}

/** Parses one Authentication-Results value; null when it is not one at all. */
export function parseAuthenticationResults(value: string): AuthenticationResults | null {
  const [head = [], ...rest] = lex(value);
  if (head.length === 0) return null;
  // "authserv-id [version]", or a resinfo straight away when a server leaves the id out.
  const withoutId = head.includes('=');
  const authservId = withoutId ? null : head[0]!.toLowerCase();
  const results: ResultInfo[] = [];
  for (const words of withoutId ? [head, ...rest] : rest) {
    if (words.length === 1 && words[0]!.toLowerCase() === 'none') continue; // no-result
    const info = words.length ? resinfo(words) : null;
    if (info) results.push(info);
  }
  return { authservId, results };
}

/**
 * The DMARC verdict of our own receiving server, from the message's Authentication-Results
 * headers (top first, as in the message). Null when no trusted id is configured, when the
 * trusted server left no header, or when it did not check DMARC.
 */
export function trustedDmarc(headers: readonly string[], trustedIds: readonly string[]): DmarcVerdict | null {
  const trusted = new Set(trustedIds.map((id) => id.trim().toLowerCase()).filter(Boolean));
  if (trusted.size === 0) return null;
  const block: AuthenticationResults[] = [];
  for (const value of headers) {
    const parsed = parseAuthenticationResults(value);
    const ours = parsed?.authservId !== null && parsed?.authservId !== undefined && trusted.has(parsed.authservId);
    if (ours) block.push(parsed!);
    else if (block.length > 0) break; // below the topmost block of our server: not trusted
  }
  const dmarc = block.flatMap((ar) => ar.results.filter((r) => r.method === 'dmarc').map((r) => ({ ar, r })));
  if (dmarc.length === 0) return null;
  const pick = dmarc.find(({ r }) => r.result === 'fail') ?? dmarc[0]!;
  return { result: pick.r.result, authservId: pick.ar.authservId!, fromDomain: pick.r.props['header.from'] ?? null };
}
