// Dates and times in a named IANA zone, by calendar arithmetic (never by counting 24-hour days,
// which breaks across daylight-saving changes). All text is English, 24-hour clock.
import type { Task } from '../api/types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const partFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(zone: string): Intl.DateTimeFormat {
  let format = partFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    partFormats.set(zone, format);
  }
  return format;
}

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partsCache = new Map<string, ZonedParts>();

export function zonedParts(ms: number, zone: string): ZonedParts {
  const key = `${ms}|${zone}`;
  const cached = partsCache.get(key);
  if (cached) return cached;
  const parts = computeParts(ms, zone);
  if (partsCache.size > 2000) partsCache.clear();
  partsCache.set(key, parts);
  return parts;
}

function computeParts(ms: number, zone: string): ZonedParts {
  const out: Record<string, number> = {};
  for (const part of partsFormat(zone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return {
    year: out.year,
    month: out.month,
    day: out.day,
    hour: out.hour === 24 ? 0 : out.hour,
    minute: out.minute,
    second: out.second,
  };
}

/** The zone's offset from UTC at instant `ms`, in milliseconds (east positive). */
export function offsetAt(ms: number, zone: string): number {
  const p = zonedParts(ms, zone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `YYYY-MM-DD` of an instant in a zone. */
export function dateIn(ms: number, zone: string): string {
  const p = zonedParts(ms, zone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** `HH:MM` of an instant in a zone. */
export function timeIn(ms: number, zone: string): string {
  const p = zonedParts(ms, zone);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

export function parseDate(date: string): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day };
}

/** Whole calendar days from `a` to `b` (both `YYYY-MM-DD`). */
export function daysBetween(a: string, b: string): number {
  const x = parseDate(a);
  const y = parseDate(b);
  return Math.round((Date.UTC(y.year, y.month - 1, y.day) - Date.UTC(x.year, x.month - 1, x.day)) / DAY);
}

export function addDays(date: string, days: number): string {
  const { year, month, day } = parseDate(date);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** 0 = Sunday … 6 = Saturday, of a calendar date. */
export function weekday(date: string): number {
  const { year, month, day } = parseDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/**
 * The instant of a wall-clock time in a zone. A time that does not exist (the gap when clocks
 * go forward) moves forward by the gap; a time that happens twice (clocks go back) takes the
 * earlier instant — the same rules as the server's recurrence expansion.
 */
export function zonedToInstant(date: string, time: string, zone: string): number {
  const { year, month, day } = parseDate(date);
  const [hour, minute] = time.split(':').map(Number);
  const local = Date.UTC(year, month - 1, day, hour, minute);
  const before = offsetAt(local - DAY, zone);
  const after = offsetAt(local + DAY, zone);
  const candidates = [local - before, local - after].filter((c) => {
    const p = zonedParts(c, zone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) === local;
  });
  if (candidates.length === 0) return local - before;
  return Math.min(...candidates);
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAYS_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function weekdayName(date: string, short = false): string {
  return (short ? WEEKDAYS_SHORT : WEEKDAYS)[weekday(date)];
}

/** "Dec 24", or "Dec 24, 2027" when not in `thisYear`. */
export function shortDate(date: string, thisYear?: number): string {
  const { year, month, day } = parseDate(date);
  const base = `${MONTHS[month - 1]} ${day}`;
  return thisYear === undefined || year === thisYear ? base : `${base}, ${year}`;
}

/** A calendar date relative to today: today, tomorrow, yesterday, Friday, Dec 24. */
export function relativeDay(date: string, today: string): string {
  const diff = daysBetween(today, date);
  if (diff === 0) return 'today';
  if (diff === 1) return 'tomorrow';
  if (diff === -1) return 'yesterday';
  if (diff > 1 && diff < 7) return weekdayName(date);
  return shortDate(date, parseDate(today).year);
}

export interface DueLabel {
  text: string;
  overdue: boolean;
  today: boolean;
  /** Full, unambiguous text for a tooltip / screen readers. */
  title: string;
}

/**
 * The due of a task as the person reads it in their zone: "today 18:00", "tomorrow",
 * "Friday 09:00", "Dec 24", "overdue 2 days", "overdue 3 h".
 */
export function dueLabel(task: Pick<Task, 'due_at' | 'due_date' | 'completed' | 'time_zone'>, now: number, zone: string): DueLabel | null {
  const today = dateIn(now, zone);
  if (task.due_date) {
    const diff = daysBetween(today, task.due_date);
    const overdue = !task.completed && diff < 0;
    const title = `Due ${weekdayName(task.due_date)}, ${shortDate(task.due_date, 0)} (all day)`;
    if (overdue) return { text: `overdue ${plural(-diff, 'day')}`, overdue, today: false, title };
    return { text: relativeDay(task.due_date, today), overdue: false, today: diff === 0, title };
  }
  if (task.due_at) {
    const ms = Date.parse(task.due_at);
    const date = dateIn(ms, zone);
    const time = timeIn(ms, zone);
    const diffDays = daysBetween(today, date);
    let title = `Due ${weekdayName(date)}, ${shortDate(date, 0)} ${time} (${zone})`;
    if (task.time_zone && task.time_zone !== zone) {
      title += ` — ${timeIn(ms, task.time_zone)} in ${task.time_zone}`;
    }
    if (!task.completed && ms < now) {
      if (diffDays < 0) return { text: `overdue ${plural(-diffDays, 'day')}`, overdue: true, today: false, title };
      const late = now - ms;
      const text = late < HOUR ? `overdue ${Math.max(1, Math.floor(late / MINUTE))} min` : `overdue ${Math.floor(late / HOUR)} h`;
      return { text, overdue: true, today: true, title };
    }
    return { text: `${relativeDay(date, today)} ${time}`, overdue: false, today: diffDays === 0, title };
  }
  return null;
}

export function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** "just now", "5 min ago", "3 h ago", "yesterday 18:00", "Dec 1 09:15". */
export function ago(iso: string, now: number, zone: string): string {
  const ms = Date.parse(iso);
  const diff = now - ms;
  if (diff < MINUTE) return 'just now';
  if (diff < HOUR) return `${Math.floor(diff / MINUTE)} min ago`;
  const today = dateIn(now, zone);
  const date = dateIn(ms, zone);
  if (date === today) return `${Math.floor(diff / HOUR)} h ago`;
  return `${relativeDay(date, today)} ${timeIn(ms, zone)}`;
}

/** "Tue, Dec 1 2026, 18:00" in a zone, for exact times. */
export function fullDateTime(iso: string, zone: string): string {
  const ms = Date.parse(iso);
  const date = dateIn(ms, zone);
  // shortDate with a year that never matches always writes the year: "Wed, Dec 2, 2026, 03:49"
  return `${weekdayName(date, true)}, ${shortDate(date, 0)}, ${timeIn(ms, zone)}`;
}

/** A day heading for grouped lists: "Today · Tue Dec 1", "Tomorrow · Wed Dec 2", "Thursday · Dec 3". */
export function dayHeading(date: string, today: string): string {
  const diff = daysBetween(today, date);
  const short = `${weekdayName(date, true)} ${shortDate(date)}`;
  if (diff === 0) return `Today · ${short}`;
  if (diff === 1) return `Tomorrow · ${short}`;
  if (diff < 0) return `Overdue`;
  return `${weekdayName(date)} · ${shortDate(date)}`;
}

/** The browser's IANA zone. */
export function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Every IANA zone the browser knows (for the editor's zone picker). */
export function knownZones(): string[] {
  const supported = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  const zones = supported ? supported('timeZone') : [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

/** The calendar date a task is due on, in `zone` (for grouping by day). */
export function dueDateIn(task: Pick<Task, 'due_at' | 'due_date'>, zone: string): string | null {
  if (task.due_date) return task.due_date;
  if (task.due_at) return dateIn(Date.parse(task.due_at), zone);
  return null;
}

/** Whether the browser knows `zone` as an IANA time zone. */
export function isValidZone(zone: string): boolean {
  if (!zone || !/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
