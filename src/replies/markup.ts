// The little markup of the reply templates, turned into the text/plain and the text/html part.
//
//   a blank line        starts a new paragraph (single line breaks are kept as written)
//   "- " at line start  bullet list item
//   "1. " at line start numbered list item (the number is kept as written)
//   two spaces indent   continues the list item above it
//   **text**            bold (the plain-text part drops the asterisks)
//
// Values never pass through this parser as text: the template expander leaves a slot
// (NUL, index, NUL) where a value goes, and the slot is filled after the structure is known.
// So a name like "- **x**" or "1. <b>" is shown literally and cannot open a list, bold or a tag.

const slotPattern = /\u0000(\d+)\u0000/g;

/** The slot that stands for values[index] in expanded template text. */
export function slot(index: number): string {
  return `\u0000${index}\u0000`;
}

type Block =
  | { kind: 'p'; tight: boolean; lines: string[] }
  | { kind: 'ul'; tight: boolean; items: string[][] }
  | { kind: 'ol'; tight: boolean; start: number; items: string[][] };

const bulletLine = /^- +(.*)$/;
const numberedLine = /^(\d{1,3})\. +(.*)$/;
const continuationLine = /^ {2,}(\S.*)$/;

// Values are slots, so a template's expanded text is the same for every reply of one kind,
// language and session: its blocks are parsed once (read only, never changed after).
const parsed = new Map<string, readonly Block[]>();

function parseBlocks(source: string): readonly Block[] {
  let blocks = parsed.get(source);
  if (!blocks) {
    blocks = parseSource(source);
    if (parsed.size >= 200) parsed.clear();
    parsed.set(source, blocks);
  }
  return blocks;
}

function parseSource(source: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let afterBlank = true;
  const start = (block: Block) => {
    blocks.push(block);
    current = block;
    afterBlank = false;
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      current = null;
      afterBlank = true;
      continue;
    }
    const tight = !afterBlank;
    const block = current as Block | null;
    const bullet = bulletLine.exec(line);
    const numbered = numberedLine.exec(line);
    const continued = continuationLine.exec(line);
    if (bullet) {
      if (block?.kind === 'ul') block.items.push([bullet[1] ?? '']);
      else start({ kind: 'ul', tight, items: [[bullet[1] ?? '']] });
    } else if (numbered) {
      if (block?.kind === 'ol') block.items.push([numbered[2] ?? '']);
      else start({ kind: 'ol', tight, start: Number(numbered[1]), items: [[numbered[2] ?? '']] });
    } else if (continued && block && block.kind !== 'p') {
      block.items[block.items.length - 1]?.push(continued[1] ?? '');
    } else if (block?.kind === 'p') {
      block.lines.push(line.trim());
    } else {
      start({ kind: 'p', tight, lines: [line.trim()] });
    }
  }
  return blocks;
}

const bold = /\*\*(\S(?:.*?\S)?)\*\*/g;

function fill(text: string, values: readonly string[], encode: (value: string) => string): string {
  return text.replace(slotPattern, (_, index: string) => encode(values[Number(index)] ?? ''));
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function inlineText(line: string, values: readonly string[]): string {
  return fill(line.replace(bold, '$1'), values, (v) => v);
}

function inlineHtml(line: string, values: readonly string[]): string {
  return fill(escapeHtml(line).replace(bold, '<strong>$1</strong>'), values, escapeHtml);
}

/** The text/plain part: the source as written, asterisks of bold dropped, values filled in. */
export function markupToText(source: string, values: readonly string[]): string {
  let out = '';
  for (const block of parseBlocks(source)) {
    if (out) out += block.tight ? '\n' : '\n\n';
    if (block.kind === 'p') {
      out += block.lines.map((l) => inlineText(l, values)).join('\n');
    } else {
      out += block.items
        .map((item, i) => {
          const marker = block.kind === 'ul' ? '- ' : `${block.start + i}. `;
          const indent = ' '.repeat(marker.length);
          return item.map((l, j) => (j === 0 ? marker : indent) + inlineText(l, values)).join('\n');
        })
        .join('\n');
    }
  }
  return out + '\n';
}

const style = {
  p: 'margin:0 0 1em 0;',
  list: 'margin:0 0 1em 0;padding-left:1.6em;',
  li: 'margin:0 0 0.3em 0;',
};

/** The body of the text/html part (without <html> and <body>). */
export function markupToHtml(source: string, values: readonly string[]): string {
  return parseBlocks(source)
    .map((block) => {
      if (block.kind === 'p') {
        return `<p style="${style.p}">${block.lines.map((l) => inlineHtml(l, values)).join('<br>\n')}</p>`;
      }
      const items = block.items
        .map((item) => `<li style="${style.li}">${item.map((l) => inlineHtml(l, values)).join('<br>\n')}</li>`)
        .join('\n');
      if (block.kind === 'ul') return `<ul style="${style.list}">\n${items}\n</ul>`;
      const start = block.start === 1 ? '' : ` start="${block.start}"`;
      return `<ol${start} style="${style.list}">\n${items}\n</ol>`;
    })
    .join('\n');
}

/** A complete, self-contained HTML document for a mail part: inline styles only, as mail clients want. */
export function htmlDocument(title: string, body: string, language: string): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(language)}">`,
    '<head>',
    '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    '</head>',
    '<body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;">',
    '<div style="max-width:640px;">',
    body,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
