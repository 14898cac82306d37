// The recurrence builder's model and its RFC 5545 RRULE text (the subset the server accepts:
// DAILY/WEEKLY/MONTHLY/YEARLY with INTERVAL, BYDAY incl. 2TU/-1FR, BYMONTHDAY, BYMONTH, COUNT,
// UNTIL). Rules the builder cannot show are kept as text ("custom").
import { parseDate, pad, weekday, zonedToInstant, toIso } from './dates';

export type Freq = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';
export const WEEKDAYS: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
export const WEEKDAY_NAMES: Record<Weekday, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};

export type End = { kind: 'never' } | { kind: 'count'; count: number } | { kind: 'until'; date: string };

export interface RecurrenceModel {
  freq: Freq;
  interval: number;
  /** WEEKLY: the days; empty = the due's weekday. */
  weekdays: Weekday[];
  /** MONTHLY/YEARLY: on a day of the month ("day", -1 = last day) or an nth weekday ("weekday"). */
  monthlyMode: 'day' | 'weekday';
  monthDay: number;
  /** 1..4 or -1 (last). */
  setPos: number;
  setWeekday: Weekday;
  /** YEARLY: month 1..12. */
  month: number;
  end: End;
}

export type Preset = 'none' | 'daily' | 'weekdays' | 'weekly' | 'monthly' | 'yearly' | 'custom';

/** 0 = Sunday (JS) to the RRULE weekday. */
export function weekdayOf(date: string): Weekday {
  return (['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as Weekday[])[weekday(date)];
}

/** Which occurrence of its weekday a date is in its month: 1..4, or -1 when it is the last. */
export function nthWeekdayOf(date: string): number {
  const { year, month, day } = parseDate(date);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day + 7 > daysInMonth) return -1;
  return Math.floor((day - 1) / 7) + 1;
}

/** A model that matches the due date (today when there is none). */
export function defaultModel(freq: Freq, dueDate: string): RecurrenceModel {
  const { month, day } = parseDate(dueDate);
  return {
    freq,
    interval: 1,
    weekdays: freq === 'WEEKLY' ? [weekdayOf(dueDate)] : [],
    monthlyMode: 'day',
    monthDay: day,
    setPos: nthWeekdayOf(dueDate),
    setWeekday: weekdayOf(dueDate),
    month,
    end: { kind: 'never' },
  };
}

export interface UntilContext {
  /** The task's due is a whole day (UNTIL is then a date) or a time (UNTIL is a UTC date-time). */
  allDay: boolean;
  timeZone: string;
}

/** The RRULE text of a model. */
export function toRRule(model: RecurrenceModel, context: UntilContext = { allDay: true, timeZone: 'UTC' }): string {
  const parts = [`FREQ=${model.freq}`];
  if (model.interval > 1) parts.push(`INTERVAL=${model.interval}`);
  if (model.freq === 'WEEKLY' && model.weekdays.length > 0) {
    const sorted = WEEKDAYS.filter((d) => model.weekdays.includes(d));
    parts.push(`BYDAY=${sorted.join(',')}`);
  }
  if (model.freq === 'MONTHLY' || model.freq === 'YEARLY') {
    if (model.freq === 'YEARLY') parts.push(`BYMONTH=${model.month}`);
    if (model.monthlyMode === 'day') parts.push(`BYMONTHDAY=${model.monthDay}`);
    else parts.push(`BYDAY=${model.setPos}${model.setWeekday}`);
  }
  if (model.end.kind === 'count') parts.push(`COUNT=${Math.max(1, Math.floor(model.end.count))}`);
  if (model.end.kind === 'until') parts.push(`UNTIL=${untilText(model.end.date, context)}`);
  return parts.join(';');
}

/** UNTIL for a date: the date itself for all-day series, else the end of that day in the task's zone, in UTC. */
export function untilText(date: string, context: UntilContext): string {
  if (context.allDay) return date.replaceAll('-', '');
  const endOfDay = zonedToInstant(date, '23:59', context.timeZone) + 59_000;
  return toIso(endOfDay).replace(/[-:]/g, '');
}

/** The builder's model of a rule; null when the builder cannot show it (kept as custom text). */
export function parseRRule(text: string | null | undefined): RecurrenceModel | null {
  if (!text) return null;
  const body = text.trim().toUpperCase().replace(/^RRULE:/, '');
  const map = new Map<string, string>();
  for (const part of body.split(';')) {
    const [name, value] = part.split('=');
    if (!name || value === undefined || map.has(name)) return null;
    map.set(name, value);
  }
  const freq = map.get('FREQ') as Freq | undefined;
  if (!freq || !['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'].includes(freq)) return null;
  const known = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'COUNT', 'UNTIL']);
  for (const name of map.keys()) if (!known.has(name)) return null;
  const interval = map.has('INTERVAL') ? Number(map.get('INTERVAL')) : 1;
  if (!Number.isInteger(interval) || interval < 1) return null;
  const model: RecurrenceModel = {
    freq,
    interval,
    weekdays: [],
    monthlyMode: 'day',
    monthDay: 1,
    setPos: 1,
    setWeekday: 'MO',
    month: 1,
    end: { kind: 'never' },
  };
  const byDay = map.get('BYDAY');
  const byMonthDay = map.get('BYMONTHDAY');
  const byMonth = map.get('BYMONTH');
  if (freq === 'DAILY' && (byDay || byMonthDay || byMonth)) return null;
  if (freq === 'WEEKLY') {
    if (byMonthDay || byMonth) return null;
    if (byDay) {
      const days = byDay.split(',');
      if (!days.every((d) => (WEEKDAYS as string[]).includes(d))) return null;
      model.weekdays = days as Weekday[];
    }
  }
  if (freq === 'MONTHLY' || freq === 'YEARLY') {
    if (freq === 'YEARLY') {
      if (!byMonth || !/^([1-9]|1[0-2])$/.test(byMonth)) return null;
      model.month = Number(byMonth);
    } else if (byMonth) return null;
    if (byMonthDay && byDay) return null;
    if (byMonthDay) {
      if (!/^(-1|[1-9]|[12][0-9]|3[01])$/.test(byMonthDay)) return null;
      model.monthDay = Number(byMonthDay);
    } else if (byDay) {
      const m = /^(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$/.exec(byDay);
      if (!m) return null;
      model.monthlyMode = 'weekday';
      model.setPos = Number(m[1]);
      model.setWeekday = m[2] as Weekday;
    } else {
      return null;
    }
  }
  const count = map.get('COUNT');
  const until = map.get('UNTIL');
  if (count && until) return null;
  if (count) {
    if (!/^[0-9]{1,4}$/.test(count) || Number(count) < 1) return null;
    model.end = { kind: 'count', count: Number(count) };
  }
  if (until) {
    const m = /^([0-9]{4})([0-9]{2})([0-9]{2})/.exec(until);
    if (!m) return null;
    model.end = { kind: 'until', date: `${m[1]}-${m[2]}-${m[3]}` };
  }
  return model;
}

/** The preset a rule is, for the builder's first choice. */
export function presetOf(rule: string | null | undefined): Preset {
  if (!rule) return 'none';
  const r = rule.toUpperCase().replace(/^RRULE:/, '');
  if (r === 'FREQ=DAILY') return 'daily';
  if (r === 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR') return 'weekdays';
  if (r === 'FREQ=WEEKLY') return 'weekly';
  if (r === 'FREQ=MONTHLY') return 'monthly';
  if (r === 'FREQ=YEARLY') return 'yearly';
  return 'custom';
}

/** The rule text of a preset (the server's presets; plain FREQ follows the due's own day). */
export function presetRule(preset: Preset): string | null {
  switch (preset) {
    case 'daily':
      return 'FREQ=DAILY';
    case 'weekdays':
      return 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR';
    case 'weekly':
      return 'FREQ=WEEKLY';
    case 'monthly':
      return 'FREQ=MONTHLY';
    case 'yearly':
      return 'FREQ=YEARLY';
    default:
      return null;
  }
}

export function ordinal(n: number): string {
  if (n === -1) return 'last';
  return ['first', 'second', 'third', 'fourth'][n - 1] ?? `${n}th`;
}

export function dayOfMonthText(n: number): string {
  if (n === -1) return 'last day';
  const suffix = n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

export { pad };

/** A short English description of a rule, for previews before the server's text is known. */
export function describeRule(rule: string): string {
  const preset = presetOf(rule);
  const simple: Partial<Record<Preset, string>> = {
    daily: 'every day',
    weekdays: 'every weekday',
    weekly: 'every week',
    monthly: 'every month',
    yearly: 'every year',
  };
  if (simple[preset]) return simple[preset]!;
  const model = parseRRule(rule);
  if (!model) return rule;
  const unit = { DAILY: 'day', WEEKLY: 'week', MONTHLY: 'month', YEARLY: 'year' }[model.freq];
  let text = model.interval > 1 ? `every ${model.interval} ${unit}s` : `every ${unit}`;
  if (model.freq === 'WEEKLY' && model.weekdays.length) {
    const days = WEEKDAYS.filter((d) => model.weekdays.includes(d));
    text = days.join(',') === 'MO,TU,WE,TH,FR' && model.interval === 1 ? 'every weekday' : `${text} on ${days.map((d) => WEEKDAY_NAMES[d]).join(', ')}`;
  }
  if (model.freq === 'MONTHLY' || model.freq === 'YEARLY') {
    const month = model.freq === 'YEARLY' ? ` of ${MONTH_NAMES[model.month - 1]}` : '';
    text +=
      model.monthlyMode === 'day'
        ? ` on the ${dayOfMonthText(model.monthDay)}${month}`
        : ` on the ${ordinal(model.setPos)} ${WEEKDAY_NAMES[model.setWeekday]}${month}`;
  }
  if (model.end.kind === 'count') text += `, ${model.end.count} times`;
  if (model.end.kind === 'until') text += `, until ${model.end.date}`;
  return text;
}

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "15 min", "1 hour", "1 day", "at due" for an ISO-8601 duration such as PT15M or P1D. */
export function describeDuration(iso: string): string {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso.toUpperCase());
  if (!m) return iso;
  const [, w, d, h, min, s] = m.map((x) => (x === undefined ? 0 : Number(x))) as number[];
  const parts: string[] = [];
  if (w) parts.push(`${w} week${w === 1 ? '' : 's'}`);
  if (d) parts.push(`${d} day${d === 1 ? '' : 's'}`);
  if (h) parts.push(`${h} hour${h === 1 ? '' : 's'}`);
  if (min) parts.push(`${min} min`);
  if (s) parts.push(`${s} s`);
  return parts.length ? parts.join(' ') : 'at due';
}
