// Command handlers of the scripted IMAP server (test/support/scripted-imap.ts). Each answers
// from the in-memory folders the way RFC 3501 describes, for the subset imapflow uses.

import {
  type ImapValue, asText, formatInternalDate, inSequenceSet, parseDateTime, parseSearchDate, quote,
} from './imap-syntax.js';
import type { ScriptedSession } from './scripted-imap.js';

export interface ScriptedMessage {
  uid: number;
  flags: Set<string>;
  internalDate: Date;
  raw: Buffer;
}

export interface ScriptedFolder {
  path: string;
  specialUse: string | undefined;
  uidValidity: number;
  uidNext: number;
  messages: ScriptedMessage[];
}

type Handler = (session: ScriptedSession, tag: string, args: ImapValue[], uid: boolean) => void | Promise<void>;

const SYSTEM_FLAGS = ['\\Answered', '\\Flagged', '\\Deleted', '\\Seen', '\\Draft'];
const UNAUTHENTICATED = new Set(['CAPABILITY', 'NOOP', 'LOGOUT', 'ID', 'LOGIN', 'AUTHENTICATE']);
const NEEDS_SELECTED = new Set(['FETCH', 'SEARCH', 'STORE', 'CLOSE', 'UNSELECT']);

export async function handleCommand(session: ScriptedSession, tag: string, name: string, args: ImapValue[]): Promise<void> {
  const uid = name.startsWith('UID ');
  const base = uid ? name.slice(4) : name;
  const handler = handlers[base];
  if (!handler) return session.tagged(tag, 'BAD', `Unknown command ${name}`);
  if (!session.authenticated && !UNAUTHENTICATED.has(base)) return session.tagged(tag, 'BAD', 'Log in first');
  if (NEEDS_SELECTED.has(base) && !session.selected) return session.tagged(tag, 'BAD', 'No mailbox selected');
  try {
    await handler(session, tag, args, uid);
  } catch (err) {
    // an unsupported item must fail loudly in the test, not hang it
    session.tagged(tag, 'BAD', (err as Error).message);
  }
}

function findFolder(session: ScriptedSession, path: string): ScriptedFolder | undefined {
  return session.server.folders.get(path.toUpperCase() === 'INBOX' ? 'INBOX' : path);
}

/** Keywords are dropped when the server does not keep them (no "\*" in PERMANENTFLAGS). */
function keptFlags(session: ScriptedSession, flags: string[]): string[] {
  return flags.filter((flag) => flag !== '\\Recent' && (session.server.knobs.keywords || flag.startsWith('\\')));
}

function flagList(flags: Iterable<string>): string {
  return `(${[...flags].join(' ')})`;
}

/** The messages a sequence set names, with their sequence numbers. */
function selectMessages(session: ScriptedSession, set: string, uid: boolean): Array<{ seq: number; message: ScriptedMessage }> {
  const messages = session.selected?.messages ?? [];
  const largest = uid ? (messages.at(-1)?.uid ?? 0) : messages.length;
  const strict = !session.server.knobs.starIncludesLast;
  return messages
    .map((message, index) => ({ seq: index + 1, message }))
    .filter(({ seq, message }) => {
      const n = uid ? message.uid : seq;
      if (!inSequenceSet(set, n, largest)) return false;
      // A server without the RFC 3501 "n:*" rule: the lower end of every range is a hard limit.
      return !strict || set.split(',').some((part) => {
        const [a, b = a] = part.split(':');
        const low = a === '*' ? largest : Number(a);
        const high = b === '*' ? largest : Number(b);
        return n >= low && n <= high;
      });
    });
}

function sectionOf(raw: Buffer, section: string): Buffer {
  const split = raw.indexOf('\r\n\r\n');
  const headerEnd = split < 0 ? raw.length : split + 4;
  switch (section.toUpperCase()) {
    case '':
      return raw;
    case 'HEADER':
      return raw.subarray(0, headerEnd);
    case 'TEXT':
      return raw.subarray(headerEnd);
    default:
      throw new Error(`unsupported section ${section}`);
  }
}

/** One FETCH response for `items`; returns the pieces to write (literals as Buffers). */
function fetchResponse(session: ScriptedSession, seq: number, message: ScriptedMessage, items: string[], uid: boolean): Array<string | Buffer> {
  const parts: Array<string | Buffer> = [];
  const add = (text: string) => parts.push(parts.length ? ` ${text}` : text);
  let flagsWanted = false;
  if (uid && !items.includes('UID')) items = ['UID', ...items];
  for (const item of items) {
    const body = /^(BODY(?:\.PEEK)?|BINARY(?:\.PEEK)?)\[([^\]]*)\](?:<(\d+)(?:\.(\d+))?>)?$/i.exec(item);
    if (body) {
      const full = sectionOf(message.raw, body[2]!);
      const start = body[3] ? Number(body[3]) : 0;
      const data = body[4] ? full.subarray(start, start + Number(body[4])) : full.subarray(start);
      add(`BODY[${body[2]!.toUpperCase()}]${body[3] ? `<${start}>` : ''} {${data.length}}\r\n`);
      parts.push(data);
      if (!/PEEK/i.test(body[1]!) && !session.readOnly && !message.flags.has('\\Seen')) {
        message.flags.add('\\Seen'); // a plain BODY[] marks the message read, as on a real server
        flagsWanted = true;
      }
      continue;
    }
    switch (item.toUpperCase()) {
      case 'UID': add(`UID ${message.uid}`); break;
      case 'FLAGS': flagsWanted = true; break;
      case 'RFC822.SIZE': add(`RFC822.SIZE ${message.raw.length}`); break;
      case 'INTERNALDATE': add(`INTERNALDATE ${quote(formatInternalDate(message.internalDate))}`); break;
      default: throw new Error(`unsupported FETCH item ${item}`);
    }
  }
  if (flagsWanted) add(`FLAGS ${flagList(message.flags)}`);
  return [`* ${seq} FETCH (`, ...parts, ')\r\n'];
}

function matchesSearch(message: ScriptedMessage, seq: number, criteria: ImapValue[], session: ScriptedSession): boolean {
  const messages = session.selected?.messages ?? [];
  const day = (date: Date) => Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  for (let i = 0; i < criteria.length; i++) {
    const key = asText(criteria[i]).toUpperCase();
    const next = () => asText(criteria[++i]);
    if (key === 'ALL') continue;
    if (key === 'UID') {
      if (!inSequenceSet(next(), message.uid, messages.at(-1)?.uid ?? 0)) return false;
    } else if (key === 'SINCE') {
      if (day(message.internalDate) < parseSearchDate(next()).getTime()) return false;
    } else if (key === 'BEFORE') {
      if (day(message.internalDate) >= parseSearchDate(next()).getTime()) return false;
    } else if (key === 'SEEN' || key === 'UNSEEN') {
      if (message.flags.has('\\Seen') !== (key === 'SEEN')) return false;
    } else if (key === 'KEYWORD' || key === 'UNKEYWORD') {
      if (message.flags.has(next()) !== (key === 'KEYWORD')) return false;
    } else if (/^[\d*:,]+$/.test(key)) {
      if (!inSequenceSet(key, seq, messages.length)) return false;
    } else {
      throw new Error(`unsupported SEARCH key ${key}`);
    }
  }
  return true;
}

function listLine(kind: 'LIST' | 'LSUB', folder: ScriptedFolder): string {
  const attributes = ['\\HasNoChildren', ...(folder.specialUse ? [folder.specialUse] : [])];
  return `* ${kind} (${attributes.join(' ')}) "/" ${quote(folder.path)}`;
}

function listFolders(session: ScriptedSession, tag: string, args: ImapValue[], kind: 'LIST' | 'LSUB'): void {
  // LIST [(selection options)] reference pattern [RETURN (...)]: options are accepted and ignored
  const strings = args.filter((arg) => !Array.isArray(arg)).map(asText);
  const pattern = strings[1] ?? '*';
  const regex = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/%/g, '[^/]*')}$`, 'i');
  for (const folder of session.server.folders.values()) if (regex.test(folder.path)) session.line(listLine(kind, folder));
  session.tagged(tag, 'OK', `${kind} completed`);
}

function checkLogin(session: ScriptedSession, user: string, password: string): boolean {
  const login = session.server.login;
  return !login || (login.user === user && login.password === password);
}

function loggedIn(session: ScriptedSession, tag: string, ok: boolean): void {
  if (!ok) return session.tagged(tag, 'NO', '[AUTHENTICATIONFAILED] Invalid credentials');
  session.authenticated = true;
  session.tagged(tag, 'OK', `[CAPABILITY ${session.server.capabilities()}] Logged in`);
}

function selectFolder(session: ScriptedSession, tag: string, args: ImapValue[], readOnly: boolean): void {
  const folder = findFolder(session, asText(args[0]));
  session.selected = null;
  if (!folder) return session.tagged(tag, 'NO', '[NONEXISTENT] No such mailbox');
  const { keywords } = session.server.knobs;
  session.line(`* FLAGS (${SYSTEM_FLAGS.join(' ')})`);
  session.line(`* OK [PERMANENTFLAGS (${SYSTEM_FLAGS.join(' ')}${keywords ? ' \\*' : ''})] Flags permitted`);
  session.line(`* ${folder.messages.length} EXISTS`);
  session.line('* 0 RECENT');
  session.line(`* OK [UIDVALIDITY ${folder.uidValidity}] UIDs valid`);
  session.line(`* OK [UIDNEXT ${folder.uidNext}] Predicted next UID`);
  session.selected = folder;
  session.readOnly = readOnly;
  session.knownExists = folder.messages.length;
  session.tagged(tag, 'OK', `[${readOnly ? 'READ-ONLY' : 'READ-WRITE'}] Select completed`);
}

const handlers: Record<string, Handler> = {
  CAPABILITY(session, tag) {
    session.line(`* CAPABILITY ${session.server.capabilities()}`);
    session.tagged(tag, 'OK', 'CAPABILITY completed');
  },
  NOOP: (session, tag) => session.tagged(tag, 'OK', 'NOOP completed'),
  LOGOUT(session, tag) {
    session.line('* BYE Logging out');
    session.tagged(tag, 'OK', 'LOGOUT completed');
    session.socket.end();
  },
  ID(session, tag) {
    session.line('* ID ("name" "scripted-imap")');
    session.tagged(tag, 'OK', 'ID completed');
  },
  ENABLE(session, tag) {
    session.line('* ENABLED');
    session.tagged(tag, 'OK', 'ENABLE completed');
  },
  NAMESPACE(session, tag) {
    session.line('* NAMESPACE (("" "/")) NIL NIL');
    session.tagged(tag, 'OK', 'NAMESPACE completed');
  },
  LOGIN: (session, tag, args) => loggedIn(session, tag, checkLogin(session, asText(args[0]), asText(args[1]))),
  AUTHENTICATE(session, tag, args) {
    if (asText(args[0]).toUpperCase() !== 'PLAIN') return session.tagged(tag, 'NO', 'Unsupported mechanism');
    const finish = (response: string) => {
      const [, user = '', password = ''] = Buffer.from(response, 'base64').toString('utf8').split('\0');
      loggedIn(session, tag, checkLogin(session, user, password));
    };
    if (args[1] !== undefined) return finish(asText(args[1]));
    session.continuation = (line) => {
      session.continuation = null;
      finish(line);
    };
    session.line('+ ');
  },
  LIST: (session, tag, args) => listFolders(session, tag, args, 'LIST'),
  LSUB: (session, tag, args) => listFolders(session, tag, args, 'LSUB'),
  SELECT: (session, tag, args) => selectFolder(session, tag, args, false),
  EXAMINE: (session, tag, args) => selectFolder(session, tag, args, true),
  CLOSE(session, tag) {
    session.selected = null;
    session.tagged(tag, 'OK', 'CLOSE completed');
  },
  UNSELECT(session, tag) {
    session.selected = null;
    session.tagged(tag, 'OK', 'UNSELECT completed');
  },
  STATUS(session, tag, args) {
    const folder = findFolder(session, asText(args[0]));
    if (!folder) return session.tagged(tag, 'NO', '[NONEXISTENT] No such mailbox');
    const values: Record<string, number> = {
      MESSAGES: folder.messages.length,
      UIDNEXT: folder.uidNext,
      UIDVALIDITY: folder.uidValidity,
      UNSEEN: folder.messages.filter((m) => !m.flags.has('\\Seen')).length,
      RECENT: 0,
    };
    const items = (Array.isArray(args[1]) ? args[1] : []).map((item) => asText(item).toUpperCase()).filter((item) => item in values);
    session.line(`* STATUS ${quote(folder.path)} (${items.map((item) => `${item} ${values[item]}`).join(' ')})`);
    session.tagged(tag, 'OK', 'STATUS completed');
  },
  CREATE(session, tag, args) {
    const path = asText(args[0]);
    if (findFolder(session, path)) return session.tagged(tag, 'NO', '[ALREADYEXISTS] Mailbox exists');
    session.server.folders.set(path, { path, specialUse: undefined, uidValidity: 1, uidNext: 1, messages: [] });
    session.tagged(tag, 'OK', 'CREATE completed');
  },
  SUBSCRIBE: (session, tag) => session.tagged(tag, 'OK', 'SUBSCRIBE completed'),
  APPEND(session, tag, args) {
    const folder = findFolder(session, asText(args[0]));
    if (!folder) return session.tagged(tag, 'NO', '[TRYCREATE] No such mailbox');
    const raw = args.find((arg): arg is Buffer => Buffer.isBuffer(arg));
    if (!raw) return session.tagged(tag, 'BAD', 'Message missing');
    const flags = args.find((arg): arg is ImapValue[] => Array.isArray(arg))?.map(asText) ?? [];
    const date = args.slice(1).find((arg): arg is string => typeof arg === 'string');
    const uid = session.server.addMessage(raw, {
      mailbox: folder.path, flags: keptFlags(session, flags), internalDate: date ? parseDateTime(date) : new Date(),
    });
    session.tagged(tag, 'OK', `[APPENDUID ${folder.uidValidity} ${uid}] APPEND completed`);
  },
  IDLE(session, tag) {
    if (!session.server.knobs.idle) return session.tagged(tag, 'BAD', 'Unknown command IDLE');
    session.idleTag = tag;
    session.line('+ idling');
    session.reportExists();
    session.continuation = (line) => {
      session.continuation = null;
      session.idleTag = null;
      if (line.trim().toUpperCase() === 'DONE') session.tagged(tag, 'OK', 'IDLE terminated');
      else session.tagged(tag, 'BAD', 'Expected DONE');
    };
  },
  FETCH(session, tag, args, uid) {
    const items = Array.isArray(args[1]) ? args[1].map(asText) : [asText(args[1])];
    for (const { seq, message } of selectMessages(session, asText(args[0]), uid)) {
      for (const piece of fetchResponse(session, seq, message, items.map((i) => i.toUpperCase()), uid)) session.write(piece);
    }
    session.tagged(tag, 'OK', 'FETCH completed');
  },
  SEARCH(session, tag, args, uid) {
    const criteria = asText(args[0]).toUpperCase() === 'CHARSET' ? args.slice(2) : args;
    const found = (session.selected?.messages ?? [])
      .map((message, index) => ({ message, seq: index + 1 }))
      .filter(({ message, seq }) => matchesSearch(message, seq, criteria, session))
      .map(({ message, seq }) => (uid ? message.uid : seq));
    session.line(`* SEARCH${found.map((n) => ` ${n}`).join('')}`);
    session.tagged(tag, 'OK', 'SEARCH completed');
  },
  STORE(session, tag, args, uid) {
    const operation = asText(args[1]).toUpperCase();
    const op = /^([+-]?)FLAGS(\.SILENT)?$/.exec(operation);
    if (!op) return session.tagged(tag, 'BAD', `Unsupported STORE ${operation}`);
    const given = Array.isArray(args[2]) ? args[2].map(asText) : args.slice(2).map(asText);
    const flags = keptFlags(session, given);
    for (const { seq, message } of selectMessages(session, asText(args[0]), uid)) {
      if (op[1] === '') message.flags = new Set(flags);
      for (const flag of flags) {
        if (op[1] === '+') message.flags.add(flag);
        if (op[1] === '-') message.flags.delete(flag);
      }
      if (!op[2]) session.line(`* ${seq} FETCH (${uid ? `UID ${message.uid} ` : ''}FLAGS ${flagList(message.flags)})`);
    }
    session.tagged(tag, 'OK', 'STORE completed');
  },
};
