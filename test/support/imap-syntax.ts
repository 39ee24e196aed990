// The bits of IMAP4rev1 syntax the scripted server needs: splitting a client's byte stream into
// commands (literals included), reading their arguments, and writing values back.

import type { Socket } from 'node:net';

/** An argument: an atom or quoted string, a literal's bytes, or a parenthesised list. */
export type ImapValue = string | Buffer | ImapValue[];

/**
 * Calls `onCommand` with each complete command line, literals included as they were sent
 * (`{n}` CRLF data). A synchronizing literal gets its "+" continuation first.
 */
export function readCommands(socket: Socket, onCommand: (command: Buffer) => void): void {
  let buffer = Buffer.alloc(0);
  let scan = 0; // start of the line not read yet; earlier lines of this command ended in a literal
  let askedAt = -1; // the literal we already sent "+" for
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const end = buffer.indexOf('\r\n', scan);
      if (end < 0) return;
      const literal = /\{(\d+)(\+?)\}$/.exec(buffer.subarray(scan, end).toString('latin1'));
      if (literal) {
        const size = Number(literal[1]);
        if (buffer.length < end + 2 + size) {
          if (!literal[2] && askedAt !== end) {
            socket.write('+ Ready for literal data\r\n');
            askedAt = end;
          }
          return;
        }
        scan = end + 2 + size;
        continue;
      }
      onCommand(buffer.subarray(0, end));
      buffer = buffer.subarray(end + 2);
      scan = 0;
      askedAt = -1;
    }
  });
}

/** Reads the arguments of one command (after tag and name) into values. */
export function parseArguments(input: Buffer): ImapValue[] {
  let pos = 0;
  const peek = () => String.fromCharCode(input[pos] ?? 0);

  function value(): ImapValue {
    const c = peek();
    if (c === '(') {
      pos++;
      const list: ImapValue[] = [];
      for (;;) {
        while (peek() === ' ') pos++;
        if (pos >= input.length) throw new Error('unterminated list');
        if (peek() === ')') {
          pos++;
          return list;
        }
        list.push(value());
      }
    }
    if (c === '"') {
      let out = '';
      pos++;
      while (pos < input.length && peek() !== '"') {
        if (peek() === '\\') pos++;
        out += peek();
        pos++;
      }
      pos++;
      return out;
    }
    if (c === '{') {
      const close = input.indexOf('}', pos);
      const size = Number(input.subarray(pos + 1, close).toString('latin1').replace('+', ''));
      const start = close + 3; // "}" CRLF
      pos = start + size;
      return input.subarray(start, start + size);
    }
    // an atom; a section such as BODY.PEEK[HEADER.FIELDS (A B)]<0.100> is one atom here
    const start = pos;
    let depth = 0;
    while (pos < input.length) {
      const ch = peek();
      if (ch === '[') depth++;
      else if (ch === ']') depth--;
      else if (depth === 0 && (ch === ' ' || ch === '(' || ch === ')')) break;
      pos++;
    }
    return input.subarray(start, pos).toString('latin1');
  }

  const values: ImapValue[] = [];
  while (pos < input.length) {
    while (peek() === ' ') pos++;
    if (pos >= input.length) break;
    values.push(value());
  }
  return values;
}

/** Splits "TAG NAME rest" (NAME may be "UID FETCH"); rest keeps any literal bytes. */
export function splitCommand(command: Buffer): { tag: string; name: string; rest: Buffer } {
  const head = /^(\S+) (\S+)(?: (\S+))?/.exec(command.subarray(0, 200).toString('latin1'));
  if (!head) return { tag: command.toString('latin1').trim() || '*', name: '', rest: Buffer.alloc(0) };
  const tag = head[1]!;
  let name = head[2]!.toUpperCase();
  let consumed = tag.length + 1 + head[2]!.length;
  if (name === 'UID' && head[3]) {
    name = `UID ${head[3].toUpperCase()}`;
    consumed += 1 + head[3].length;
  }
  return { tag, name, rest: command.subarray(Math.min(consumed + 1, command.length)) };
}

export const asText = (value: ImapValue | undefined): string =>
  typeof value === 'string' ? value : Buffer.isBuffer(value) ? value.toString('utf8') : '';

export function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** INTERNALDATE as IMAP writes it, in UTC: "05-Mar-2018 09:00:00 +0000". */
export function formatInternalDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}-${MONTHS[date.getUTCMonth()]}-${date.getUTCFullYear()} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

/** A SEARCH date ("5-Mar-2018") as the UTC midnight it names. */
export function parseSearchDate(text: string): Date {
  const m = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})$/.exec(text);
  const month = m ? MONTHS.findIndex((name) => name.toLowerCase() === m[2]!.toLowerCase()) : -1;
  if (!m || month < 0) throw new Error(`bad date ${text}`);
  return new Date(Date.UTC(Number(m[3]), month, Number(m[1])));
}

/** An APPEND date-time ("05-Mar-2018 10:00:00 +0100"). */
export function parseDateTime(text: string): Date {
  const m = /^\s*(\d{1,2})-([A-Za-z]{3})-(\d{4}) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)$/.exec(text);
  if (!m) throw new Error(`bad date-time ${text}`);
  const month = MONTHS.findIndex((name) => name.toLowerCase() === m[2]!.toLowerCase());
  const offset = (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9])) * 60_000;
  return new Date(Date.UTC(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6])) - offset);
}

/**
 * Whether `n` is in an IMAP sequence set such as "1:4,7,9:*". `*` stands for `largest`; a range
 * covers everything between its ends in either order, so "10:*" with largest 5 matches 5 (RFC 3501).
 */
export function inSequenceSet(set: string, n: number, largest: number): boolean {
  return set.split(',').some((part) => {
    const [a = 0, b = a] = part.split(':').map((end) => (end === '*' ? largest : Number(end)));
    return n >= Math.min(a, b) && n <= Math.max(a, b);
  });
}
