import { describe, expect, it } from 'vitest';
import { defaultModel, describeDuration, describeRule, nthWeekdayOf, parseRRule, presetOf, toRRule, type RecurrenceModel } from './rrule';

describe('the recurrence builder’s RRULEs', () => {
  const base = (patch: Partial<RecurrenceModel>): RecurrenceModel => ({ ...defaultModel('WEEKLY', '2026-12-01'), ...patch });

  it('weekly on chosen days, in weekday order', () => {
    expect(toRRule(base({ weekdays: ['FR', 'MO', 'WE'] }))).toBe('FREQ=WEEKLY;BYDAY=MO,WE,FR');
    expect(toRRule(base({ interval: 2, weekdays: ['TU'] }))).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU');
  });

  it('monthly by day of month, by last day, by “2nd Tuesday” and “last Friday”', () => {
    const monthly = defaultModel('MONTHLY', '2026-12-01');
    expect(toRRule(monthly)).toBe('FREQ=MONTHLY;BYMONTHDAY=1');
    expect(toRRule({ ...monthly, monthDay: -1 })).toBe('FREQ=MONTHLY;BYMONTHDAY=-1');
    expect(toRRule({ ...monthly, monthlyMode: 'weekday', setPos: 2, setWeekday: 'TU' })).toBe('FREQ=MONTHLY;BYDAY=2TU');
    expect(toRRule({ ...monthly, monthlyMode: 'weekday', setPos: -1, setWeekday: 'FR' })).toBe('FREQ=MONTHLY;BYDAY=-1FR');
  });

  it('yearly in a month, every N, and the three ways to end', () => {
    const yearly = defaultModel('YEARLY', '2026-12-24');
    expect(toRRule(yearly)).toBe('FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=24');
    expect(toRRule({ ...defaultModel('DAILY', '2026-12-01'), interval: 3 })).toBe('FREQ=DAILY;INTERVAL=3');
    expect(toRRule(base({ weekdays: ['MO'], end: { kind: 'count', count: 5 } }))).toBe('FREQ=WEEKLY;BYDAY=MO;COUNT=5');
    expect(toRRule(base({ weekdays: ['MO'], end: { kind: 'until', date: '2027-03-31' } }))).toBe('FREQ=WEEKLY;BYDAY=MO;UNTIL=20270331');
  });

  it('ends a timed series at the end of the until day in the task’s zone, in UTC', () => {
    const rule = toRRule(base({ weekdays: ['MO'], end: { kind: 'until', date: '2027-03-31' } }), { allDay: false, timeZone: 'Europe/Berlin' });
    expect(rule).toBe('FREQ=WEEKLY;BYDAY=MO;UNTIL=20270331T215959Z');
  });

  it('defaults match the due: its weekday, its day, its place in the month', () => {
    expect(defaultModel('WEEKLY', '2026-12-01').weekdays).toEqual(['TU']);
    expect(nthWeekdayOf('2026-12-08')).toBe(2);
    expect(nthWeekdayOf('2026-12-29')).toBe(-1);
  });

  it('reads its own rules back and leaves others to the raw editor', () => {
    for (const rule of ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH', 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=6', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', 'FREQ=DAILY;UNTIL=20270101']) {
      const model = parseRRule(rule);
      expect(model).not.toBeNull();
      expect(toRRule(model!)).toBe(rule);
    }
    expect(parseRRule('FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=1')).toBeNull();
    expect(parseRRule('FREQ=HOURLY')).toBeNull();
  });

  it('recognises the presets and describes rules in words', () => {
    expect(presetOf('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR')).toBe('weekdays');
    expect(presetOf('RRULE:FREQ=MONTHLY')).toBe('monthly');
    expect(presetOf('FREQ=MONTHLY;BYMONTHDAY=1')).toBe('custom');
    expect(describeRule('FREQ=MONTHLY;BYMONTHDAY=1')).toBe('every month on the 1st');
    expect(describeRule('FREQ=MONTHLY;BYDAY=2TU')).toBe('every month on the second Tuesday');
    expect(describeRule('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;COUNT=4')).toBe('every 2 weeks on Monday, 4 times');
    expect(describeDuration('P1D')).toBe('1 day');
    expect(describeDuration('PT15M')).toBe('15 min');
    expect(describeDuration('PT0S')).toBe('at due');
  });
});
