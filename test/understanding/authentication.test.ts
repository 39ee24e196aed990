// Authentication-Results (RFC 8601): parsing the real-world shapes, and trusting only our own
// receiving server's topmost headers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAuthenticationResults, trustedDmarc } from '../../src/understanding/authentication.js';

describe('parseAuthenticationResults', () => {
  it('reads an OpenDKIM/OpenDMARC header with comments, quoted values and folded lines', () => {
    const ar = parseAuthenticationResults('mx.vng.nl;\r\n\tdkim=pass (2048-bit key; unprotected) header.d=ede.nl header.i=@ede.nl header.b="OJMX/a+b";\r\n\tspf=pass (mx.vng.nl: domain of ede.nl designates 10.0.0.1 as permitted sender) smtp.mailfrom=ede.nl;\r\n\tdmarc=fail (p=reject dis=none) header.from=ede.nl');
    assert.equal(ar?.authservId, 'mx.vng.nl');
    assert.deepEqual(ar?.results.map((r) => [r.method, r.result]), [['dkim', 'pass'], ['spf', 'pass'], ['dmarc', 'fail']]);
    assert.equal(ar?.results[0]?.props['header.b'], 'OJMX/a+b');
    assert.equal(ar?.results[2]?.props['header.from'], 'ede.nl');
  });

  it('reads Gmail\'s header, a version number, "none", reason= and CFWS around "=" and "."', () => {
    assert.deepEqual(parseAuthenticationResults('mx.google.com; dmarc=pass (p=NONE sp=QUARANTINE dis=NONE) header.from=gmail.com')?.results[0]?.result, 'pass');
    assert.deepEqual(parseAuthenticationResults('example.org 1; none'), { authservId: 'example.org', results: [] });
    const odd = parseAuthenticationResults('"mx.vng.nl" 1 ; dmarc = fail reason="policy; p=reject" header . from = ede.nl');
    assert.equal(odd?.authservId, 'mx.vng.nl');
    assert.deepEqual(odd?.results[0], { method: 'dmarc', result: 'fail', reason: 'policy; p=reject', props: { 'header.from': 'ede.nl' } });
    assert.equal(parseAuthenticationResults('mx.vng.nl; dkim/1=pass header.d=ede.nl')?.results[0]?.method, 'dkim');
  });

  it('reads Exchange Online\'s header, which has no authserv-id', () => {
    const ar = parseAuthenticationResults('spf=pass (sender IP is 10.0.0.1) smtp.mailfrom=ede.nl; dkim=pass (signature was verified) header.d=ede.nl;dmarc=fail action=none header.from=ede.nl;compauth=fail reason=001');
    assert.equal(ar?.authservId, null);
    assert.deepEqual(ar?.results.map((r) => r.method), ['spf', 'dkim', 'dmarc', 'compauth']);
  });

  it('survives junk', () => {
    for (const junk of ['', ';;;', '(only a comment', '=====', 'a; =; b=; =c', '"unterminated', '((((', '\0\u0001;dmarc=fail']) {
      const ar = parseAuthenticationResults(junk);
      assert.ok(ar === null || Array.isArray(ar.results), JSON.stringify(junk));
    }
  });
});

describe('trustedDmarc', () => {
  const trusted = ['mx.vng.nl'];

  it('counts nothing without a trusted authserv-id', () => {
    assert.equal(trustedDmarc(['mx.vng.nl; dmarc=fail header.from=ede.nl'], []), null);
  });

  it('takes the topmost block of our server and ignores a look-alike further down', () => {
    const headers = [
      'internal.vng.nl; arc=none', // added later by our own relay: another id, skipped
      'mx.vng.nl; dmarc=pass header.from=ede.nl',
      'spf.example; dmarc=pass',
      'mx.vng.nl; dmarc=fail header.from=ede.nl', // written by the sender: below another server's header
    ];
    assert.deepEqual(trustedDmarc(headers, trusted), { result: 'pass', authservId: 'mx.vng.nl', fromDomain: 'ede.nl' });
    const forgedPass = ['MX.VNG.NL; dmarc=fail (p=reject) header.from=ede.nl', 'other.example; spf=pass', 'mx.vng.nl; dmarc=pass'];
    assert.equal(trustedDmarc(forgedPass, trusted)?.result, 'fail');
  });

  it('reads a block split over several headers (one per check) and lets a failure win', () => {
    assert.equal(trustedDmarc(['mx.vng.nl; spf=pass smtp.mailfrom=ede.nl', 'mx.vng.nl; dmarc=fail header.from=ede.nl'], trusted)?.result, 'fail');
    assert.equal(trustedDmarc(['mx.vng.nl; dmarc=pass', 'mx.vng.nl; dmarc=fail'], trusted)?.result, 'fail');
  });

  it('ignores headers of other servers and headers without an id, and gives null when DMARC was not checked', () => {
    assert.equal(trustedDmarc(['mx.google.com; dmarc=fail', 'spf=pass smtp.mailfrom=x; dmarc=fail'], trusted), null);
    assert.equal(trustedDmarc(['mx.vng.nl; spf=fail smtp.mailfrom=ede.nl'], trusted), null);
  });
});
