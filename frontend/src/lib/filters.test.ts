import { describe, expect, it } from 'vitest';
import type { Task } from '../api/types';
import { apiQuery, comparator, EMPTY_FILTERS, filtersFromUrl, filtersToUrl, matchesQuery, viewFromPath, viewPath } from './filters';

const task = (patch: Partial<Task>): Task => ({
  id: 1,
  user_id: 'u',
  title: 'Task',
  description: '',
  completed: false,
  completed_at: null,
  priority: 'none',
  tags: [],
  due_at: null,
  due_date: null,
  time_zone: 'Europe/Berlin',
  recurrence_rule: null,
  recurrence_anchor: 'due',
  is_recurring: false,
  series_id: null,
  created_at: '2026-12-01T08:00:00Z',
  updated_at: '2026-12-01T08:00:00Z',
  version: 1,
  recurrence_text: null,
  ...patch,
});

describe('filters in the URL', () => {
  it('round-trips every filter through the query string', () => {
    const filters = {
      status: 'all' as const,
      priority: ['high' as const, 'urgent' as const],
      tags: ['home', 'work'],
      tagMode: 'any' as const,
      dueAfter: '2026-12-01',
      dueBefore: '2026-12-31',
      overdue: false,
      hasDue: true,
      search: 'rent',
      sortBy: 'priority' as const,
      sortOrder: 'asc' as const,
    };
    const url = filtersToUrl(filters);
    expect(url.toString()).toBe(
      'status=all&priority=urgent%2Chigh&tags=home%2Cwork&tag_mode=any&due_after=2026-12-01&due_before=2026-12-31&overdue=false&has_due=true&search=rent&sort_by=priority&sort_order=asc',
    );
    expect(filtersFromUrl(url)).toEqual({ ...filters, priority: ['urgent', 'high'] });
  });

  it('leaves defaults out of the URL and ignores what it does not know', () => {
    expect(filtersToUrl(EMPTY_FILTERS).toString()).toBe('');
    const parsed = filtersFromUrl(new URLSearchParams('priority=high,bogus&sort_by=colour&status=maybe&due_after=yesterday&overdue=perhaps'));
    expect(parsed).toEqual({ ...EMPTY_FILTERS, priority: ['high'] });
  });

  it('maps views to paths and back, tags included', () => {
    for (const path of ['/inbox', '/today', '/upcoming', '/completed', '/tags/road%20trip']) {
      expect(viewPath(viewFromPath(path)!)).toBe(path);
    }
    expect(viewFromPath('/tags/road%20trip')).toEqual({ kind: 'tag', tag: 'road trip' });
    expect(viewFromPath('/settings')).toBeNull();
  });
});

describe('the API query of a view', () => {
  const today = '2026-12-01';
  it('inbox: pending, newest first', () => {
    expect(apiQuery({ kind: 'inbox' }, EMPTY_FILTERS, today).toString()).toBe('status=pending&sort_by=created_at&sort_order=desc&limit=50');
  });

  it('today: due today or before, by due', () => {
    expect(apiQuery({ kind: 'today' }, EMPTY_FILTERS, today).toString()).toBe('status=pending&due_before=2026-12-01&sort_by=due&sort_order=asc&limit=50');
  });

  it('upcoming: the next 7 days', () => {
    const q = apiQuery({ kind: 'upcoming' }, EMPTY_FILTERS, today);
    expect(q.get('due_after')).toBe('2026-12-01');
    expect(q.get('due_before')).toBe('2026-12-07');
  });

  it('completed and tag views, narrowed by filters; an explicit status wins', () => {
    expect(apiQuery({ kind: 'completed' }, EMPTY_FILTERS, today).get('status')).toBe('completed');
    const q = apiQuery({ kind: 'tag', tag: 'home' }, { ...EMPTY_FILTERS, tags: ['work'], priority: ['urgent'], status: 'all', search: ' rent ' }, today);
    expect(q.get('tags')).toBe('home,work');
    expect(q.get('status')).toBeNull();
    expect(q.get('priority')).toBe('urgent');
    expect(q.get('search')).toBe('rent');
  });

  it('a chosen sort key takes its natural direction unless one is given', () => {
    expect(apiQuery({ kind: 'inbox' }, { ...EMPTY_FILTERS, sortBy: 'title' }, today).get('sort_order')).toBe('asc');
    expect(apiQuery({ kind: 'inbox' }, { ...EMPTY_FILTERS, sortBy: 'title', sortOrder: 'desc' }, today).get('sort_order')).toBe('desc');
  });
});

describe('matching and ordering a task that arrives live', () => {
  const now = Date.parse('2026-12-01T09:00:00Z');
  it('matches status, priority, tags (all/any), search and due bounds', () => {
    const t = task({ priority: 'high', tags: ['Home', 'work'], title: 'Pay rent', due_date: '2026-12-03' });
    expect(matchesQuery(t, new URLSearchParams('status=pending&priority=high,urgent'), now)).toBe(true);
    expect(matchesQuery(t, new URLSearchParams('status=completed'), now)).toBe(false);
    expect(matchesQuery(t, new URLSearchParams('tags=home,work'), now)).toBe(true);
    expect(matchesQuery(t, new URLSearchParams('tags=home,travel'), now)).toBe(false);
    expect(matchesQuery(t, new URLSearchParams('tags=home,travel&tag_mode=any'), now)).toBe(true);
    expect(matchesQuery(t, new URLSearchParams('search=RENT'), now)).toBe(true);
    expect(matchesQuery(t, new URLSearchParams('due_after=2026-12-01&due_before=2026-12-07'), now)).toBe(true);
    expect(matchesQuery(t, new URLSearchParams('due_before=2026-12-02'), now)).toBe(false);
    expect(matchesQuery(t, new URLSearchParams('has_due=false'), now)).toBe(false);
    expect(matchesQuery(task({ due_date: '2026-11-30' }), new URLSearchParams('overdue=true'), now)).toBe(true);
  });

  it('orders like the API: no due last, ties by id', () => {
    const a = task({ id: 1, due_date: '2026-12-05' });
    const b = task({ id: 2, due_at: '2026-12-02T10:00:00Z' });
    const c = task({ id: 3 });
    const d = task({ id: 4, due_date: '2026-12-05' });
    const byDue = [c, a, d, b].sort(comparator(new URLSearchParams('sort_by=due&sort_order=asc')));
    expect(byDue.map((t) => t.id)).toEqual([2, 1, 4, 3]);
    const byPriority = [task({ id: 1, priority: 'low' }), task({ id: 2, priority: 'urgent' })].sort(comparator(new URLSearchParams('sort_by=priority&sort_order=desc')));
    expect(byPriority.map((t) => t.id)).toEqual([2, 1]);
  });
});
