import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffDelay, createBackoff } from '../../src/mailbox/backoff.js';

describe('backoffDelay', () => {
  const table: Array<[attempt: number, random: number, expected: number]> = [
    [0, 0, 2000],
    [1, 0, 3000],
    [2, 0, 4500],
    [3, 0, 6750],
    [4, 0, 10125],
    [5, 0, 15188], // 15187.5 rounded
    [6, 0, 22781],
    [7, 0, 30000], // capped
    [50, 0, 30000],
    [10_000, 0, 30000], // a long outage stays finite
    [0, 0.5, 2500],
    [7, 0.999, 30999], // jitter comes on top of the cap
  ];
  for (const [attempt, random, expected] of table) {
    it(`attempt ${attempt}, random ${random} -> ${expected} ms`, () => {
      assert.equal(backoffDelay(attempt, { random: () => random }), expected);
    });
  }

  it('takes its own numbers', () => {
    assert.equal(backoffDelay(2, { initialMs: 10, factor: 2, maxMs: 35, jitterMs: 0 }), 35);
    assert.equal(backoffDelay(1, { initialMs: 10, factor: 2, maxMs: 35, jitterMs: 0 }), 20);
  });
});

describe('createBackoff', () => {
  it('grows with every failure and resets only after a healthy connection', () => {
    const backoff = createBackoff({ random: () => 0, healthyAfterMs: 60_000 });
    assert.deepEqual([backoff.nextDelay(), backoff.nextDelay(), backoff.nextDelay()], [2000, 3000, 4500]);
    assert.equal(backoff.attempts, 3);
    backoff.connectionUptime(59_999); // logged in, then dropped: not proof of health
    assert.equal(backoff.nextDelay(), 6750);
    backoff.connectionUptime(60_000);
    assert.equal(backoff.attempts, 0);
    assert.equal(backoff.nextDelay(), 2000);
  });

  it('uses Math.random for jitter by default, within bounds', () => {
    const backoff = createBackoff();
    for (let i = 0; i < 20; i++) {
      const delay = backoff.nextDelay();
      const base = Math.min(30_000, 2000 * 1.5 ** i);
      assert.ok(delay >= Math.round(base) && delay <= base + 1000, `attempt ${i}: ${delay}`);
    }
  });
});
