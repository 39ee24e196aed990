// The classify command: one JSON line per file, errors per file, --now and --sessions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eml, signed } from '../understanding/mail.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function run(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'classify', ...args], { encoding: 'utf8', cwd: root });
  const lines = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { status: r.status, lines, stderr: r.stderr };
}

test('classify prints one JSON object per file and goes on past unreadable files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'classify-'));
  try {
    const signup = join(dir, 'signup.eml');
    const junk = join(dir, 'junk.eml');
    writeFileSync(signup, eml({ subject: 'Aanmelding', text: signed('Graag aanmelden voor de sessie in Venlo.') }));
    writeFileSync(junk, Buffer.from([0, 1, 2, 3]));
    const { status, lines, stderr } = run([signup, join(dir, 'missing.eml'), junk, dir]);
    assert.equal(status, 0, stderr);
    assert.equal(lines.length, 4);
    assert.equal(lines[0]!.file, signup);
    assert.equal(lines[0]!.intent, 'register');
    assert.equal(lines[0]!.session, 'venlo');
    assert.equal(lines[0]!.attendees, 1);
    assert.equal(lines[0]!.municipality, 'Tilburg');
    assert.ok(Array.isArray(lines[0]!.evidence) && typeof lines[0]!.confidence === 'number');
    for (const l of lines.slice(1)) {
      assert.equal(typeof l.error, 'string');
      assert.equal(l.intent, undefined);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--now judges as of that instant and --sessions reads another catalogue', () => {
  const dir = mkdtempSync(join(tmpdir(), 'classify-'));
  try {
    const file = join(dir, 'a.eml');
    writeFileSync(file, eml({ subject: 'Aanmelding', text: signed('Graag aanmelden voor Venlo.') }));
    assert.equal(run(['--now', '2018-07-01T12:00:00+02:00', file]).lines[0]!.intent, 'alternatives');
    const catalogue = join(dir, 'sessions.json');
    writeFileSync(catalogue, JSON.stringify({
      series: 'Test', timezone: 'Europe/Amsterdam',
      sessions: [{ slug: 'zwolle', region: 'Oost', city: 'Zwolle', date: '2018-09-06', start: '14:00', end: '17:00', venue: 'Stadhuis', address: 'Grote Kerkplein 15, Zwolle', capacity: 40 }],
    }));
    const zwolle = join(dir, 'z.eml');
    writeFileSync(zwolle, eml({ subject: 'Aanmelding', text: signed('Graag aanmelden voor Zwolle.') }));
    const out = run(['--sessions', catalogue, zwolle, file]).lines;
    assert.equal(`${out[0]!.intent}/${out[0]!.session}`, 'register/zwolle');
    assert.equal(out[1]!.intent, 'alternatives'); // Venlo is no session in that catalogue
    assert.notEqual(run(['--now', 'not-a-date', file]).status, 0);
    const bad = run(['--sessions', join(dir, 'missing.json'), file]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /cannot read/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
