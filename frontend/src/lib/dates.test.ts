import { describe, expect, it } from 'vitest';
import { addDays, ago, dateIn, daysBetween, dueLabel, fullDateTime, offsetAt, timeIn, toIso, zonedToInstant } from './dates';

const task = (due: { due_at?: string; due_date?: string }, completed = false) => ({
  due_at: due.due_at ?? null,
  due_date: due.due_date ?? null,
  completed,
  time_zone: 'Europe/Berlin',
});

describe('dueLabel', () => {
  // 2026-12-01 10:00 in Berlin (UTC+1)
  const now = Date.parse('2026-12-01T09:00:00Z');

  it('reads a timed due today and tomorrow in the person’s zone', () => {
    expect(dueLabel(task({ due_at: '2026-12-01T17:00:00Z' }), now, 'Europe/Berlin')?.text).toBe('today 18:00');
    expect(dueLabel(task({ due_at: '2026-12-02T08:30:00Z' }), now, 'Europe/Berlin')?.text).toBe('tomorrow 09:30');
  });

  it('reads the same instant in another zone as another day', () => {
    // 23:30 UTC on Dec 1 is already Dec 2 in Tokyo and still Dec 1 in New York
    const late = task({ due_at: '2026-12-01T23:30:00Z' });
    expect(dueLabel(late, now, 'Asia/Tokyo')?.text).toBe('tomorrow 08:30');
    expect(dueLabel(late, now, 'America/New_York')?.text).toBe('today 18:30');
  });

  it('names weekdays within a week and dates beyond', () => {
    expect(dueLabel(task({ due_date: '2026-12-04' }), now, 'Europe/Berlin')?.text).toBe('Friday');
    expect(dueLabel(task({ due_date: '2026-12-24' }), now, 'Europe/Berlin')?.text).toBe('Dec 24');
    expect(dueLabel(task({ due_date: '2027-01-05' }), now, 'Europe/Berlin')?.text).toBe('Jan 5, 2027');
  });

  it('marks overdue all-day and timed dues with how late they are', () => {
    const days = dueLabel(task({ due_date: '2026-11-29' }), now, 'Europe/Berlin');
    expect(days).toMatchObject({ text: 'overdue 2 days', overdue: true });
    expect(dueLabel(task({ due_date: '2026-11-30' }), now, 'Europe/Berlin')?.text).toBe('overdue 1 day');
    expect(dueLabel(task({ due_at: '2026-12-01T06:00:00Z' }), now, 'Europe/Berlin')).toMatchObject({ text: 'overdue 3 h', overdue: true, today: true });
    expect(dueLabel(task({ due_at: '2026-12-01T08:50:00Z' }), now, 'Europe/Berlin')?.text).toBe('overdue 10 min');
  });

  it('does not call a completed task overdue', () => {
    expect(dueLabel(task({ due_date: '2026-11-29' }, true), now, 'Europe/Berlin')).toMatchObject({ overdue: false });
  });

  it('counts calendar days across a daylight-saving change, not 24-hour blocks', () => {
    // Berlin springs forward on 2027-03-28: 23 hours between the two midnights
    const beforeChange = Date.parse('2027-03-27T22:30:00Z'); // 23:30 on Mar 27 in Berlin
    expect(dueLabel(task({ due_date: '2027-03-28' }), beforeChange, 'Europe/Berlin')?.text).toBe('tomorrow');
    expect(dueLabel(task({ due_date: '2027-03-26' }), Date.parse('2027-03-28T21:30:00Z'), 'Europe/Berlin')?.text).toBe('overdue 2 days');
    // New York falls back on 2027-11-07: a timed due at 09:00 local reads 09:00 on both sides
    expect(dueLabel(task({ due_at: '2027-11-08T14:00:00Z' }), Date.parse('2027-11-06T14:00:00Z'), 'America/New_York')?.text).toBe('Monday 09:00');
  });
});

describe('zonedToInstant', () => {
  it('converts a wall time in a zone to its instant', () => {
    expect(toIso(zonedToInstant('2026-12-01', '18:00', 'Europe/Berlin'))).toBe('2026-12-01T17:00:00Z');
    expect(toIso(zonedToInstant('2026-07-01', '18:00', 'Europe/Berlin'))).toBe('2026-07-01T16:00:00Z');
    expect(toIso(zonedToInstant('2026-12-01', '09:00', 'Asia/Kolkata'))).toBe('2026-12-01T03:30:00Z');
  });

  it('moves a time inside the spring-forward gap forward by the gap', () => {
    // 02:30 does not exist in Berlin on 2027-03-28; it becomes 03:30 CEST = 01:30Z
    expect(toIso(zonedToInstant('2027-03-28', '02:30', 'Europe/Berlin'))).toBe('2027-03-28T01:30:00Z');
    // New York 2027-03-14 02:30 -> 03:30 EDT = 07:30Z
    expect(toIso(zonedToInstant('2027-03-14', '02:30', 'America/New_York'))).toBe('2027-03-14T07:30:00Z');
  });

  it('takes the earlier instant of a repeated fall-back time', () => {
    // 01:30 happens twice in New York on 2027-11-07: first at EDT (05:30Z)
    expect(toIso(zonedToInstant('2027-11-07', '01:30', 'America/New_York'))).toBe('2027-11-07T05:30:00Z');
    // 02:30 twice in Berlin on 2027-10-31: first at CEST (00:30Z)
    expect(toIso(zonedToInstant('2027-10-31', '02:30', 'Europe/Berlin'))).toBe('2027-10-31T00:30:00Z');
  });

  it('round-trips through dateIn and timeIn', () => {
    for (const zone of ['Europe/Berlin', 'America/Los_Angeles', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC']) {
      const ms = zonedToInstant('2027-06-15', '07:45', zone);
      expect([dateIn(ms, zone), timeIn(ms, zone)]).toEqual(['2027-06-15', '07:45']);
    }
  });
});

describe('calendar helpers', () => {
  it('adds days and counts them across month, year and DST boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-27', 2)).toBe('2027-03-29');
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(daysBetween('2026-12-31', '2026-12-01')).toBe(-30);
  });

  it('knows the offset of a zone at an instant', () => {
    expect(offsetAt(Date.parse('2026-12-01T00:00:00Z'), 'Europe/Berlin')).toBe(3600_000);
    expect(offsetAt(Date.parse('2026-07-01T00:00:00Z'), 'Europe/Berlin')).toBe(7200_000);
  });

  it('says how long ago something happened', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    expect(ago('2026-12-01T11:59:30Z', now, 'UTC')).toBe('just now');
    expect(ago('2026-12-01T11:45:00Z', now, 'UTC')).toBe('15 min ago');
    expect(ago('2026-12-01T09:00:00Z', now, 'UTC')).toBe('3 h ago');
    expect(ago('2026-11-30T18:05:00Z', now, 'UTC')).toBe('yesterday 18:05');
  });
});

describe('fullDateTime', () => {
  it('writes weekday, date with its year once, and time in the zone', () => {
    expect(fullDateTime('2026-12-02T01:49:00Z', 'Europe/Berlin')).toBe('Wed, Dec 2, 2026, 02:49');
    expect(fullDateTime('2026-12-31T23:30:00Z', 'Asia/Tokyo')).toBe('Fri, Jan 1, 2027, 08:30');
  });
});
