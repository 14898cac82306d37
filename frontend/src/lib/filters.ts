// Views and filters: what the URL says, what the API is asked, and how a task that arrives live
// is matched and placed without asking the server again.
import type { Priority, SortKey, SortOrder, StatusFilter, TagMode, Task } from '../api/types';
import { PRIORITIES, SORT_KEYS } from '../api/types';
import { addDays, dateIn, zonedToInstant } from './dates';

export type View =
  | { kind: 'inbox' }
  | { kind: 'today' }
  | { kind: 'upcoming' }
  | { kind: 'completed' }
  | { kind: 'tag'; tag: string };

export interface Filters {
  status?: StatusFilter;
  priority: Priority[];
  tags: string[];
  tagMode: TagMode;
  dueAfter?: string;
  dueBefore?: string;
  overdue?: boolean;
  hasDue?: boolean;
  search: string;
  sortBy?: SortKey;
  sortOrder?: SortOrder;
}

export const EMPTY_FILTERS: Filters = { priority: [], tags: [], tagMode: 'all', search: '' };

export const VIEW_TITLES: Record<View['kind'], string> = {
  inbox: 'Inbox',
  today: 'Today',
  upcoming: 'Upcoming',
  completed: 'Completed',
  tag: 'Tag',
};

export function viewTitle(view: View): string {
  return view.kind === 'tag' ? `#${view.tag}` : VIEW_TITLES[view.kind];
}

export function viewPath(view: View): string {
  return view.kind === 'tag' ? `/tags/${encodeURIComponent(view.tag)}` : `/${view.kind}`;
}

/** The view a path shows; null for paths that are not list views. */
export function viewFromPath(path: string): View | null {
  if (path === '/' || path === '/inbox') return { kind: 'inbox' };
  if (path === '/today') return { kind: 'today' };
  if (path === '/upcoming') return { kind: 'upcoming' };
  if (path === '/completed') return { kind: 'completed' };
  const tag = /^\/tags\/([^/]+)$/.exec(path);
  if (tag) return { kind: 'tag', tag: decodeURIComponent(tag[1]) };
  return null;
}

const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/;

function list(value: string | null): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

function bool(value: string | null): boolean | undefined {
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

/** Filters from a URL's query; unknown or malformed values are ignored. */
export function filtersFromUrl(params: URLSearchParams): Filters {
  const status = params.get('status');
  const sortBy = params.get('sort_by');
  const sortOrder = params.get('sort_order');
  const dueAfter = params.get('due_after');
  const dueBefore = params.get('due_before');
  return {
    status: status === 'pending' || status === 'completed' || status === 'all' ? status : undefined,
    priority: list(params.get('priority')).filter((p): p is Priority => (PRIORITIES as string[]).includes(p)),
    tags: [...new Set(list(params.get('tags')))],
    tagMode: params.get('tag_mode') === 'any' ? 'any' : 'all',
    dueAfter: dueAfter && DATE_OR_INSTANT.test(dueAfter) ? dueAfter : undefined,
    dueBefore: dueBefore && DATE_OR_INSTANT.test(dueBefore) ? dueBefore : undefined,
    overdue: bool(params.get('overdue')),
    hasDue: bool(params.get('has_due')),
    search: params.get('search') ?? '',
    sortBy: (SORT_KEYS as string[]).includes(sortBy ?? '') ? (sortBy as SortKey) : undefined,
    sortOrder: sortOrder === 'asc' || sortOrder === 'desc' ? sortOrder : undefined,
  };
}

/** The URL query of filters: only what differs from the defaults, in a stable order. */
export function filtersToUrl(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.priority.length) params.set('priority', PRIORITIES.filter((p) => filters.priority.includes(p)).join(','));
  if (filters.tags.length) params.set('tags', filters.tags.join(','));
  if (filters.tags.length > 1 && filters.tagMode === 'any') params.set('tag_mode', 'any');
  if (filters.dueAfter) params.set('due_after', filters.dueAfter);
  if (filters.dueBefore) params.set('due_before', filters.dueBefore);
  if (filters.overdue !== undefined) params.set('overdue', String(filters.overdue));
  if (filters.hasDue !== undefined) params.set('has_due', String(filters.hasDue));
  if (filters.search.trim()) params.set('search', filters.search.trim());
  if (filters.sortBy) params.set('sort_by', filters.sortBy);
  if (filters.sortOrder) params.set('sort_order', filters.sortOrder);
  return params;
}

export function activeFilterCount(filters: Filters): number {
  let n = 0;
  if (filters.status) n++;
  if (filters.priority.length) n++;
  if (filters.tags.length) n++;
  if (filters.dueAfter || filters.dueBefore) n++;
  if (filters.overdue !== undefined) n++;
  if (filters.hasDue !== undefined) n++;
  return n;
}

/** The sort a view uses unless the person picked one. */
export function defaultSort(view: View): { sortBy: SortKey; sortOrder: SortOrder } {
  switch (view.kind) {
    case 'today':
    case 'upcoming':
      return { sortBy: 'due', sortOrder: 'asc' };
    case 'completed':
      return { sortBy: 'updated_at', sortOrder: 'desc' };
    default:
      return { sortBy: 'created_at', sortOrder: 'desc' };
  }
}

/** The upcoming view's days: today and the next 6. */
export function upcomingRange(today: string): { from: string; to: string } {
  return { from: today, to: addDays(today, 6) };
}

/**
 * The query of GET /tasks for a view and its filters (filters narrow the view; an explicit status
 * filter wins over the view's). `today` is the person's date.
 */
export function apiQuery(view: View, filters: Filters, today: string, limit = 50): URLSearchParams {
  const params = new URLSearchParams();
  const sort = defaultSort(view);
  let status: StatusFilter = view.kind === 'completed' ? 'completed' : 'pending';
  if (filters.status) status = filters.status;
  if (status !== 'all') params.set('status', status);
  const tags = view.kind === 'tag' ? [...new Set([view.tag, ...filters.tags])] : filters.tags;
  if (filters.priority.length) params.set('priority', filters.priority.join(','));
  if (tags.length) params.set('tags', tags.join(','));
  if (tags.length > 1 && filters.tagMode === 'any' && view.kind !== 'tag') params.set('tag_mode', 'any');
  let dueAfter = filters.dueAfter;
  let dueBefore = filters.dueBefore;
  if (view.kind === 'today') dueBefore = minDate(dueBefore, today);
  if (view.kind === 'upcoming') {
    const range = upcomingRange(today);
    dueAfter = maxDate(dueAfter, range.from);
    dueBefore = minDate(dueBefore, range.to);
  }
  if (dueAfter) params.set('due_after', dueAfter);
  if (dueBefore) params.set('due_before', dueBefore);
  if (filters.overdue !== undefined) params.set('overdue', String(filters.overdue));
  if (filters.hasDue !== undefined) params.set('has_due', String(filters.hasDue));
  if (filters.search.trim()) params.set('search', filters.search.trim());
  params.set('sort_by', filters.sortBy ?? sort.sortBy);
  params.set('sort_order', filters.sortOrder ?? (filters.sortBy ? naturalOrder(filters.sortBy) : sort.sortOrder));
  params.set('limit', String(limit));
  return params;
}

export function naturalOrder(key: SortKey): SortOrder {
  return key === 'due' || key === 'title' ? 'asc' : 'desc';
}

function minDate(a: string | undefined, b: string): string {
  return a && a.length === 10 && a < b ? a : b;
}

function maxDate(a: string | undefined, b: string): string {
  return a && a.length === 10 && a > b ? a : b;
}

const PRIORITY_RANK: Record<Priority, number> = { none: 0, low: 1, medium: 2, high: 3, urgent: 4 };

/** The instant a task is due (all-day dues: the start of their day in the task's zone). */
export function dueInstant(task: Pick<Task, 'due_at' | 'due_date' | 'time_zone'>): number | null {
  if (task.due_at) return Date.parse(task.due_at);
  if (task.due_date) return zonedToInstant(task.due_date, '00:00', task.time_zone || 'UTC');
  return null;
}

function boundMatches(task: Task, bound: string, side: 'after' | 'before'): boolean {
  const due = dueInstant(task);
  if (due === null) return false;
  if (bound.length === 10) {
    const day = task.due_date ?? dateIn(due, task.time_zone || 'UTC');
    return side === 'after' ? day >= bound : day <= bound;
  }
  const limit = Date.parse(bound);
  return side === 'after' ? due >= limit : due <= limit;
}

/** Whether a task belongs in a list asked for with `query` (the API's filter semantics). */
export function matchesQuery(task: Task, query: URLSearchParams, now: number): boolean {
  const status = query.get('status');
  if (status === 'pending' && task.completed) return false;
  if (status === 'completed' && !task.completed) return false;
  const priorities = list(query.get('priority'));
  if (priorities.length && !priorities.includes(task.priority)) return false;
  const tags = list(query.get('tags')).map((t) => t.toLowerCase());
  if (tags.length) {
    const own = task.tags.map((t) => t.toLowerCase());
    const any = query.get('tag_mode') === 'any';
    if (any ? !tags.some((t) => own.includes(t)) : !tags.every((t) => own.includes(t))) return false;
  }
  const after = query.get('due_after');
  if (after && !boundMatches(task, after, 'after')) return false;
  const before = query.get('due_before');
  if (before && !boundMatches(task, before, 'before')) return false;
  const hasDue = query.get('has_due');
  const due = dueInstant(task);
  if (hasDue === 'true' && due === null) return false;
  if (hasDue === 'false' && due !== null) return false;
  const overdue = query.get('overdue');
  if (overdue) {
    const isOverdue = !task.completed && isTaskOverdue(task, now);
    if ((overdue === 'true') !== isOverdue) return false;
  }
  const search = query.get('search');
  if (search) {
    const needle = search.toLowerCase();
    if (!task.title.toLowerCase().includes(needle) && !(task.description ?? '').toLowerCase().includes(needle)) return false;
  }
  return true;
}

export function isTaskOverdue(task: Pick<Task, 'due_at' | 'due_date' | 'time_zone'>, now: number): boolean {
  if (task.due_at) return Date.parse(task.due_at) < now;
  if (task.due_date) return task.due_date < dateIn(now, task.time_zone || 'UTC');
  return false;
}

/** The list order the API uses for `sort_by`/`sort_order` (ties by id the same way; no due last). */
export function comparator(query: URLSearchParams): (a: Task, b: Task) => number {
  const key = (query.get('sort_by') ?? 'created_at') as SortKey;
  const order = (query.get('sort_order') ?? naturalOrder(key)) as SortOrder;
  const sign = order === 'asc' ? 1 : -1;
  return (a, b) => {
    let c = 0;
    switch (key) {
      case 'due': {
        const x = dueInstant(a);
        const y = dueInstant(b);
        if (x === null && y === null) c = 0;
        else if (x === null) return 1;
        else if (y === null) return -1;
        else c = x - y;
        break;
      }
      case 'priority':
        c = PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority];
        break;
      case 'title':
        c = a.title.localeCompare(b.title);
        break;
      case 'updated_at':
        c = Date.parse(a.updated_at) - Date.parse(b.updated_at);
        break;
      default:
        c = Date.parse(a.created_at) - Date.parse(b.created_at);
    }
    if (c === 0) c = a.id - b.id;
    return sign * c;
  };
}
