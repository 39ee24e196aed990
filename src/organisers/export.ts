// Attendee lists for organisers: CSV that opens right in Dutch Excel, and an XLSX workbook with
// a summary sheet and one sheet per session. Both are built from the same rows and columns.
import { stringify } from 'csv-stringify/sync';
import type { AttendeeRow } from '../db/attendees.js';
import type { SessionSeats } from '../db/sessions.js';
import { cleanValue } from '../replies/view.js';

const statusText: Record<string, string> = { confirmed: 'bevestigd', waitlisted: 'wachtlijst', cancelled: 'afgemeld' };

/** Wall-clock "YYYY-MM-DD HH:MM" in the series' zone: what Excel reads as a date and time. */
export function localDateTime(d: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(d);
  const get = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

// One line of text per cell: a line break or tab in a name must not split a row in Excel.
const cell = (value: string | null | undefined) => cleanValue(value ?? '', 500);

function source(r: AttendeeRow): string {
  if (r.addedBy) return `handmatig (${r.addedBy})`;
  return r.messageId ?? '';
}

interface Column {
  header: string;
  width: number;
  value(r: AttendeeRow, timezone: string): string | number;
}

const columns: Column[] = [
  { header: 'sessie', width: 14, value: (r) => cell(r.city) },
  { header: 'datum', width: 11, value: (r) => r.date },
  { header: 'status', width: 11, value: (r) => statusText[r.status] ?? r.status },
  { header: 'naam', width: 26, value: (r) => (r.purged ? '(verwijderd)' : cell(r.name)) },
  { header: 'e-mailadres', width: 32, value: (r) => (r.purged ? '' : cell(r.email)) },
  { header: 'gemeente', width: 18, value: (r) => cell(r.municipality) },
  { header: 'personen', width: 9, value: (r) => r.attendees },
  { header: 'namen', width: 30, value: (r) => cell(r.names.join(', ')) },
  { header: 'aangemeld op', width: 17, value: (r, tz) => localDateTime(r.createdAt, tz) },
  { header: 'bericht', width: 40, value: (r) => cell(source(r)) },
  { header: 'onderwerp', width: 40, value: (r) => cell(r.subject) },
];

/**
 * CSV for Dutch Excel: ';' between fields (Excel's list separator with a Dutch locale), a UTF-8
 * byte order mark (else Excel reads ANSI and breaks "é"), every field quoted, CRLF lines, and
 * values that Excel would run as a formula ("=HYPERLINK(…)", "+", "-", "@") prefixed with "'".
 */
export function attendeesCsv(rows: AttendeeRow[], timezone: string): Buffer {
  const text = stringify(rows.map((r) => columns.map((c) => c.value(r, timezone))), {
    header: true, columns: columns.map((c) => c.header), delimiter: ';', bom: true, quoted: true, quoted_empty: true,
    record_delimiter: 'windows', escape_formulas: true,
  });
  return Buffer.from(text, 'utf8');
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'sessie';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 27)} (${i})`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * XLSX: a summary sheet, then one sheet per session with its attendees. Text goes in as text
 * cells, never as formulas, so a name such as "=HYPERLINK(…)" stays inert.
 */
export async function attendeesXlsx(rows: AttendeeRow[], sessions: SessionSeats[], timezone: string): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'dloket-bot';
  const taken = new Set<string>();

  const summary = workbook.addWorksheet(sheetName('Overzicht', taken), { views: [{ state: 'frozen', ySplit: 1 }] });
  summary.columns = [
    { header: 'sessie', width: 14 }, { header: 'datum', width: 11 }, { header: 'tijd', width: 12 }, { header: 'locatie', width: 30 },
    { header: 'capaciteit', width: 11 }, { header: 'bezet', width: 8 }, { header: 'vrij', width: 8 },
    { header: 'bevestigde aanmeldingen', width: 14 }, { header: 'wachtlijst (personen)', width: 12 },
  ];
  for (const s of sessions) {
    summary.addRow([cell(s.city), s.date, `${s.start}-${s.end}`, cell(s.venue), s.capacity, s.taken,
      Math.max(0, s.capacity - s.taken), s.registrations, s.waitlisted]);
  }
  summary.getRow(1).font = { bold: true };

  for (const s of sessions) {
    const sheet = workbook.addWorksheet(sheetName(s.city, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
    for (const r of rows.filter((x) => x.session === s.slug)) {
      sheet.addRow(columns.map((c) => c.value(r, timezone)));
    }
    sheet.getRow(1).font = { bold: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
