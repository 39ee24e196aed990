// A compiled nodemailer message (MailComposer's compile(): the tree of MIME nodes with their
// headers) written out in one go, for messages whose every part is a string or a Buffer in memory,
// as the bot's replies and notices are.
//
// Why: nodemailer's own build() streams the tree: a PassThrough with a pipeline of transforms,
// an encoder stream per part, a setImmediate per node and per child, and a newline transform
// over the whole output. For a reply of about 8 kB that cost about 0.65 ms of CPU and a lot of
// short-lived objects, paid for every answered message. The headers, the transfer encodings and
// the encoders are still nodemailer's (buildHeaders, qp, base64), and the layout is that of its
// MimeNode.stream(); a test compares the bytes with build()'s for every kind of reply.
import { encode as base64Encode, wrap as base64Wrap } from 'nodemailer/lib/base64';
import type MimeNode from 'nodemailer/lib/mime-node';
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp';

/** The parts of MimeNode this relies on (some are not in its typings). */
interface Node {
  content?: unknown;
  _raw?: unknown;
  multipart?: string | false;
  boundary?: string;
  contentType?: string;
  childNodes: Node[];
  buildHeaders(): string;
  getTransferEncoding(): string | false;
}

/** The message as build() would give it; null when a part is not in memory (a stream, a file, a URL): use build() then. */
export function buildInMemory(root: MimeNode): Buffer | null {
  const node = root as unknown as Node;
  if (!inMemory(node)) return null;
  const out: string[] = [];
  write(node, out);
  let text = out.join('');
  // As build() does: the message ends with a line break (a single part may not)...
  if (!text.endsWith('\n')) text += text.endsWith('\r') ? '\n' : '\r\n';
  // ...and, with newline: 'windows', every bare LF becomes CRLF.
  return Buffer.from(text.replace(/(?<!\r)\n/g, '\r\n'), 'latin1');
}

function inMemory(node: Node): boolean {
  if (node._raw) return false;
  const c = node.content;
  if (c !== undefined && c !== null && c !== '' && typeof c !== 'string' && !Buffer.isBuffer(c)) return false;
  return node.childNodes.every(inMemory);
}

/** MimeNode.stream(): the headers, the content in its transfer encoding, then the children between boundaries. */
function write(node: Node, out: string[]): void {
  const encoding = node.getTransferEncoding();
  out.push(`${node.buildHeaders()}\r\n\r\n`);
  if (node.content) {
    const bytes = typeof node.content === 'string' ? Buffer.from(node.content, 'utf8') : node.content as Buffer;
    if (encoding === 'base64') {
      out.push(base64Wrap(base64Encode(bytes), 76));
    } else if (encoding === 'quoted-printable') {
      // nodemailer encodes parts other than text/* as binary (a lone CR or LF is data): not written here.
      if (!/^text\//i.test(node.contentType ?? '')) throw new Error(`buildInMemory: quoted-printable ${node.contentType} is not supported`);
      out.push(qpWrap(qpEncode(bytes), 76));
    } else {
      // 7bit text: as it is. Headers and encoded parts are ASCII; this is the one place for other bytes.
      out.push(bytes.toString('latin1'));
    }
  }
  if (node.multipart) {
    node.childNodes.forEach((child, i) => {
      out.push(`${i > 0 ? '\r\n' : ''}--${node.boundary}\r\n`);
      write(child, out);
    });
    out.push(`\r\n--${node.boundary}--\r\n`);
  }
}
