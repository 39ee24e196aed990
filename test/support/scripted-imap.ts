// An in-process IMAP4rev1 server on 127.0.0.1 with one in-memory account, for the faults a real
// Dovecot will not produce on demand: dropped connections, a changed UIDVALIDITY, no IDLE,
// refused keywords, slow answers. It answers what imapflow sends; see test/infra for the proof.
// Idea from imapflow's test/fixtures/scripted-server.ts, but stateful: messages, flags and
// UIDs behave as on a real server, so tests assert on outcomes, not on scripted replies.

import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { type ImapValue, parseArguments, readCommands, splitCommand } from './imap-syntax.js';
import { type ScriptedFolder, type ScriptedMessage, handleCommand } from './scripted-imap-commands.js';

export type { ScriptedFolder, ScriptedMessage };

export interface ScriptedImapKnobs {
  /** Advertise IDLE (and accept it). */
  idle: boolean;
  /** "\*" in PERMANENTFLAGS; without it keywords are not kept (as on Exchange). */
  keywords: boolean;
  /** A UID range "n:*" also matches the highest UID when it is below n (RFC 3501 6.4.8). */
  starIncludesLast: boolean;
  /** Wait this long before answering each command. */
  delayMs: number;
}

export interface ScriptedImapOptions extends Partial<ScriptedImapKnobs> {
  uidValidity?: number;
  /** A "Sent" folder marked \Sent (default true). */
  sentFolder?: boolean;
  /** Only these credentials log in; by default any do. */
  login?: { user: string; password: string };
}

export interface AddMessageOptions {
  mailbox?: string;
  flags?: string[];
  internalDate?: Date;
}

export interface ScriptedImapServer {
  host: string;
  port: number;
  /** Behaviour switches; changes apply to the next command. */
  knobs: ScriptedImapKnobs;
  /** Connections accepted so far. */
  readonly connections: number;
  /** Every command received, as "NAME args" without literal data, in order. */
  readonly commands: string[];
  folder(path?: string): ScriptedFolder;
  /** Stores a message (as if delivered) and tells clients that have the folder selected. */
  addMessage(raw: Buffer | string, opts?: AddMessageOptions): number;
  /** A new UIDVALIDITY for a folder, as after a server-side rebuild; UIDs are kept. */
  setUidValidity(value: number, path?: string): void;
  /** Destroys every open connection now. */
  dropConnections(): void;
  /** Destroys the connection that sends the `count`-th command from now, without answering it. */
  dropAfterCommands(count: number): void;
  close(): Promise<void>;
}

/** One client connection. */
export class ScriptedSession {
  authenticated = false;
  selected: ScriptedFolder | null = null;
  readOnly = false;
  /** The EXISTS count this client was last told. */
  knownExists = 0;
  idleTag: string | null = null;
  /** Set while the server waits for a continuation line (AUTHENTICATE, IDLE's DONE). */
  continuation: ((line: string) => void) | null = null;

  constructor(
    readonly socket: net.Socket,
    readonly server: ServerState,
  ) {}

  write(data: string | Buffer): void {
    if (!this.socket.destroyed) this.socket.write(data);
  }
  line(text: string): void {
    this.write(`${text}\r\n`);
  }
  /** Tells the client about new mail in its selected folder. */
  reportExists(): void {
    if (this.selected && this.selected.messages.length !== this.knownExists) {
      this.knownExists = this.selected.messages.length;
      this.line(`* ${this.knownExists} EXISTS`);
    }
  }
  tagged(tag: string, status: 'OK' | 'NO' | 'BAD', text: string): void {
    if (status === 'OK') this.reportExists();
    this.line(`${tag} ${status} ${text}`);
  }
}

export interface ServerState {
  knobs: ScriptedImapKnobs;
  folders: Map<string, ScriptedFolder>;
  sessions: Set<ScriptedSession>;
  login: { user: string; password: string } | null;
  capabilities(): string;
  addMessage(raw: Buffer, opts: AddMessageOptions): number;
}

export async function startScriptedImap(options: ScriptedImapOptions = {}): Promise<ScriptedImapServer> {
  const knobs: ScriptedImapKnobs = {
    idle: options.idle ?? true,
    keywords: options.keywords ?? true,
    starIncludesLast: options.starIncludesLast ?? true,
    delayMs: options.delayMs ?? 0,
  };
  const folders = new Map<string, ScriptedFolder>();
  const newFolder = (path: string, specialUse?: string): ScriptedFolder => ({
    path, specialUse, uidValidity: options.uidValidity ?? 1, uidNext: 1, messages: [],
  });
  folders.set('INBOX', newFolder('INBOX'));
  if (options.sentFolder ?? true) folders.set('Sent', newFolder('Sent', '\\Sent'));

  const sessions = new Set<ScriptedSession>();
  const commands: string[] = [];
  let connections = 0;
  let dropCountdown: number | null = null;

  const state: ServerState = {
    knobs,
    folders,
    sessions,
    login: options.login ?? null,
    capabilities: () =>
      `IMAP4rev1 LITERAL+ ID ENABLE NAMESPACE UIDPLUS SPECIAL-USE AUTH=PLAIN${knobs.idle ? ' IDLE' : ''}`,
    addMessage(raw, opts) {
      const folder = folders.get(opts.mailbox ?? 'INBOX');
      if (!folder) throw new Error(`no folder ${opts.mailbox}`);
      const uid = folder.uidNext++;
      folder.messages.push({ uid, flags: new Set(opts.flags ?? []), internalDate: opts.internalDate ?? new Date(), raw });
      // An idling client hears at once; others at their next command (as real servers do).
      for (const session of sessions) if (session.selected === folder && session.idleTag) session.reportExists();
      return uid;
    },
  };

  const server = net.createServer((socket) => {
    connections++;
    const session = new ScriptedSession(socket, state);
    sessions.add(session);
    socket.setNoDelay(true);
    socket.on('error', () => {});
    socket.on('close', () => sessions.delete(session));
    session.line(`* OK [CAPABILITY ${state.capabilities()}] scripted IMAP ready`);
    let queue = Promise.resolve();
    readCommands(socket, (command) => {
      queue = queue.then(() => onCommand(session, command)).catch(() => {
        socket.destroy();
      });
    });
  });

  async function onCommand(session: ScriptedSession, command: Buffer): Promise<void> {
    if (session.socket.destroyed) return;
    if (session.continuation) {
      session.continuation(command.toString('latin1'));
      return;
    }
    const { tag, name, rest } = splitCommand(command);
    commands.push(name === 'LOGIN' || name === 'AUTHENTICATE' ? name : `${name} ${describe(rest)}`.trim());
    if (dropCountdown !== null && --dropCountdown <= 0) {
      dropCountdown = null;
      session.socket.destroy();
      return;
    }
    // unref: a slow answer still pending when a test ends must not keep the process alive
    if (knobs.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, knobs.delayMs).unref());
    let args: ImapValue[];
    try {
      args = parseArguments(rest);
    } catch (err) {
      session.tagged(tag, 'BAD', `Could not parse command: ${(err as Error).message}`);
      return;
    }
    await handleCommand(session, tag, name, args);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });

  const folder = (path = 'INBOX'): ScriptedFolder => {
    const found = folders.get(path);
    if (!found) throw new Error(`no folder ${path}`);
    return found;
  };

  return {
    host: '127.0.0.1',
    port: (server.address() as AddressInfo).port,
    knobs,
    get connections() {
      return connections;
    },
    commands,
    folder,
    addMessage(raw, opts = {}) {
      return state.addMessage(Buffer.isBuffer(raw) ? raw : Buffer.from(raw), opts);
    },
    setUidValidity(value, path = 'INBOX') {
      folder(path).uidValidity = value;
    },
    dropConnections() {
      for (const session of sessions) session.socket.destroy();
    },
    dropAfterCommands(count) {
      dropCountdown = count;
    },
    close() {
      for (const session of sessions) session.socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

// The command log leaves out literal data (message bodies).
function describe(rest: Buffer): string {
  const text = rest.toString('latin1');
  const cut = text.search(/\{\d+\+?\}\r\n/);
  return (cut >= 0 ? `${text.slice(0, cut)}{...}` : text).slice(0, 200);
}
