import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formatAttendees, formatDate, formatShortDate, formatTime, formatTimeRange,
} from '../../src/replies/format.js';

describe('replies/format', () => {
  it('writes weekday and date in Dutch and English, without commas', () => {
    assert.equal(formatDate('2018-06-21', 'nl'), 'donderdag 21 juni 2018');
    assert.equal(formatDate('2018-07-03', 'nl'), 'dinsdag 3 juli 2018');
    assert.equal(formatDate('2018-06-21', 'en'), 'Thursday 21 June 2018');
    assert.equal(formatShortDate('2018-06-29', 'nl'), '29 juni');
    assert.equal(formatShortDate('2018-06-29', 'en'), '29 June');
  });

  it('keeps calendar dates whatever the host zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
        process.env.TZ = tz;
        assert.equal(formatDate('2018-06-14', 'nl'), 'donderdag 14 juni 2018', tz);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('rejects dates and times that are not', () => {
    assert.throws(() => formatDate('2018-02-30', 'nl'), /no such date/);
    assert.throws(() => formatDate('21-06-2018', 'nl'), /YYYY-MM-DD/);
    assert.throws(() => formatTime('9.30'), /HH:MM/);
  });

  it('writes times with an en dash, "uur" in Dutch only', () => {
    assert.equal(formatTime('09:30'), '9:30');
    assert.equal(formatTimeRange('14:00', '17:00', 'nl'), '14:00–17:00 uur');
    assert.equal(formatTimeRange('09:30', '12:30', 'en'), '9:30–12:30');
  });

  it('counts people', () => {
    assert.equal(formatAttendees(1, 'nl'), '1 persoon');
    assert.equal(formatAttendees(3, 'nl'), '3 personen');
    assert.equal(formatAttendees(1, 'en'), '1 person');
    assert.equal(formatAttendees(2, 'en'), '2 people');
  });
});
