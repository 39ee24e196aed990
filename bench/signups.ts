// What the whole-worker bench feeds the worker: signups as municipalities write them, and a
// catalogue of the six sessions moved into the future (the worker judges by the real clock),
// with seats for everyone, so every message takes the longest path: a registration, a
// confirmation with its calendar invite, a Sent copy and a keyword.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const places = [
  { city: 'Utrecht', municipality: 'Renkum', domain: 'renkum.nl' },
  { city: 'Haarlem', municipality: 'Zandvoort', domain: 'zandvoort.nl' },
  { city: 'Arnhem', municipality: 'Ede', domain: 'ede.nl' },
  { city: 'Assen', municipality: 'Emmen', domain: 'emmen.nl' },
  { city: 'Venlo', municipality: 'Venray', domain: 'venray.nl' },
  { city: 'Breda', municipality: 'Tilburg', domain: 'tilburg.nl' },
];

/** Signup number `n` (distinct sender, one of six sessions, one to three people). */
export function signup(n: number, tag: string): string {
  const p = places[n % places.length]!;
  const people = 1 + (n % 3);
  return [
    `From: "Griffier ${n}" <griffie${n}@${p.domain}>`,
    'To: D-Loket <D-Loket@VNG.nl>',
    `Subject: Aanmelding ontwerpsessie ${p.city}`,
    `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <bench-${tag}-${n}@${p.domain}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Beste organisatie,',
    '',
    `Graag meld ik mij aan voor de ontwerpsessie in ${p.city}. Wij komen met ${people} ${people === 1 ? 'persoon' : 'personen'}.`,
    '',
    'Met vriendelijke groet,',
    `Griffier ${n}`,
    `Gemeente ${p.municipality}`,
    '',
  ].join('\r\n');
}

/** Writes the bench catalogue into `dir`: the 2018 sessions 60 to 80 days from now, 100,000 seats each. */
export function writeCatalogue(root: string, dir: string): string {
  const catalogue = JSON.parse(readFileSync(join(root, 'src/catalogue/sessions-2018.json'), 'utf8')) as {
    sessions: Array<{ date: string; capacity: number; signupDeadline?: string }>;
  };
  const first = Date.parse(`${catalogue.sessions[0]!.date}T00:00:00Z`);
  const shift = Date.now() + 60 * 86_400_000 - first;
  for (const s of catalogue.sessions) {
    s.date = new Date(Date.parse(`${s.date}T00:00:00Z`) + shift).toISOString().slice(0, 10);
    s.capacity = 100_000;
    delete s.signupDeadline;
  }
  const file = join(dir, 'sessions.json');
  writeFileSync(file, JSON.stringify(catalogue, null, 2));
  return file;
}
