// HTML to readable text for HTML-only mail. Small and linear on purpose: mailparser's
// html-to-text conversion costs more than everything else the bot does with a message.
// Quoted parts are kept but marked with "> " so the reply splitter treats them as quotes.

const NAMED: Record<string, string> = {
  nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ndash: '-', mdash: '-', hellip: '...',
  lsquo: "'", rsquo: "'", sbquo: "'", ldquo: '"', rdquo: '"', bdquo: '"', bull: '*', middot: '*',
  euro: '\u20ac', copy: '\u00a9', reg: '\u00ae', trade: '\u2122', laquo: '"', raquo: '"', shy: '',
  zwnj: '', zwj: '', ensp: ' ', emsp: ' ', thinsp: ' ', deg: '\u00b0', sect: '\u00a7', para: '\u00b6',
};
// Latin-1 letters by entity name: &eacute; &Uuml; &szlig; ...
const ACCENTS: Record<string, string> = { acute: '\u0301', grave: '\u0300', circ: '\u0302', uml: '\u0308', tilde: '\u0303', ring: '\u030a', cedil: '\u0327' };

function named(name: string): string | null {
  const direct = NAMED[name] ?? NAMED[name.toLowerCase()];
  if (direct !== undefined) return direct;
  if (name === 'szlig') return '\u00df';
  const m = /^([a-zA-Z])(acute|grave|circ|uml|tilde|ring|cedil)$/.exec(name);
  if (m) return (m[1]! + ACCENTS[m[2]!]!).normalize('NFC');
  return null;
}

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);?/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return whole;
      return String.fromCodePoint(code);
    }
    return named(body) ?? whole;
  });
}

// Where mail clients put the quoted message; everything from the marker on is quoted.
const QUOTE_MARKERS = [
  /<div[^>]+id=["']?(?:divRplyFwdMsg|appendonsend|mail-editor-reference-message-container)/i,
  /<div[^>]+class=["']?(?:gmail_quote|gmail_extra|yahoo_quoted|moz-cite-prefix|OutlookMessageHeader|protonmail_quote|zmail_extra)/i,
  /<blockquote[^>]+type=["']?cite/i,
  /<hr[^>]+id=["']?stopSpelling/i,
  /<div[^>]+style=["'][^"']*border-top:\s*solid\s+#(?:E1E1E1|B5C4DF)/i,
];

/** Index in the HTML where the quoted part starts, or -1. */
export function htmlQuoteStart(html: string): number {
  let best = -1;
  for (const re of QUOTE_MARKERS) {
    const m = re.exec(html);
    if (m && (best < 0 || m.index < best)) best = m.index;
  }
  return best;
}

const BLOCK = /^(?:p|div|tr|li|ul|ol|table|h[1-6]|blockquote|pre|hr|dt|dd|section|article|header|footer|center|address)$/;
const SOFT = '\u0001'; // a block edge: several in a row make one line break

function tagsToText(html: string): string {
  const out: string[] = [];
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9:]*)\b[^>]*>|([^<]+)|</g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[3] !== undefined) {
      out.push(decodeEntities(m[3].replace(/[ \t\r\n]+/g, ' ')));
      continue;
    }
    if (m[2] === undefined) { out.push('<'); continue; }
    const name = m[2].toLowerCase();
    if (name === 'br') { out.push('\n'); continue; }
    if (name === 'td' || name === 'th') { if (m[1] === '/') out.push(' '); continue; }
    if (!BLOCK.test(name)) continue;
    out.push(SOFT);
    if (name === 'li' && m[1] !== '/') out.push('- ');
  }
  // Block edges with only plain spaces between them are one break; a paragraph holding
  // just &nbsp; (Outlook's empty line) decodes to U+00A0 and stays a blank line.
  return out.join('').replace(/\u0001(?:[ ]*\u0001)*/g, '\n');
}

/** Readable text of an HTML body; the part after a client's quote marker is prefixed with "> ". */
export function htmlToText(html: string): string {
  let body = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(head|style|script|title|xml)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<o:p>\s*<\/o:p>/gi, '');
  const q = htmlQuoteStart(body);
  let quoted = '';
  if (q >= 0) {
    quoted = body.slice(q);
    body = body.slice(0, q);
  }
  const top = cleanup(tagsToText(body));
  if (!quoted) return top;
  const rest = cleanup(tagsToText(quoted));
  return top + '\n\n' + rest.split('\n').map((l) => (l.startsWith('>') ? l : l ? '> ' + l : '>')).join('\n');
}

function cleanup(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
