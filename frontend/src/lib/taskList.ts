// Pure operations on a loaded task list (keyset pages so far): placing a changed task where the
// server would list it, removing it, and optimistic changes with their rollback.
import type { Task } from '../api/types';
import { comparator, matchesQuery } from './filters';

export interface TaskList {
  /** The API query (without cursor) the list was loaded with. */
  query: URLSearchParams;
  items: Task[];
  /** Cursor of the next page; null when every page is loaded. */
  cursor: string | null;
  loading: boolean;
  error: string | null;
  /** A first page has arrived. */
  loaded: boolean;
}

export function emptyList(query: URLSearchParams): TaskList {
  return { query, items: [], cursor: null, loading: true, error: null, loaded: false };
}

/**
 * The list with `task` where the server would put it: replaced in place or inserted in sort
 * order when it matches the query, removed when it no longer does. A task that sorts after the
 * last loaded item while more pages exist is left for those pages.
 */
export function placeTask(list: TaskList, task: Task, now: number, keep: ReadonlySet<number> = new Set()): TaskList {
  const index = list.items.findIndex((t) => t.id === task.id);
  const matches = matchesQuery(task, list.query, now) || keep.has(task.id);
  if (!matches) {
    return index < 0 ? list : { ...list, items: list.items.filter((t) => t.id !== task.id) };
  }
  const compare = comparator(list.query);
  const rest = index < 0 ? list.items : list.items.filter((t) => t.id !== task.id);
  if (index >= 0 && list.items[index].version > task.version) return list;
  let at = rest.findIndex((t) => compare(task, t) < 0);
  if (at < 0) {
    if (list.cursor !== null && index < 0) return list;
    at = rest.length;
  }
  const items = [...rest.slice(0, at), task, ...rest.slice(at)];
  return { ...list, items };
}

export function removeTask(list: TaskList, id: number): TaskList {
  return list.items.some((t) => t.id === id) ? { ...list, items: list.items.filter((t) => t.id !== id) } : list;
}

/** Replaces a task in place, whatever the query says (optimistic changes keep their row). */
export function replaceTask(list: TaskList, task: Task): TaskList {
  const index = list.items.findIndex((t) => t.id === task.id);
  if (index < 0) return list;
  const items = list.items.slice();
  items[index] = task;
  return { ...list, items };
}

/** Appends a page, skipping tasks already present (a live insert may have brought them). */
export function appendPage(list: TaskList, page: Task[], cursor: string | null): TaskList {
  const seen = new Set(list.items.map((t) => t.id));
  return {
    ...list,
    items: [...list.items, ...page.filter((t) => !seen.has(t.id))],
    cursor,
    loading: false,
    loaded: true,
    error: null,
  };
}
