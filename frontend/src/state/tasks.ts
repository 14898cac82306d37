// The task list on screen and every change to tasks: paging, live changes, optimistic complete
// (rolled back on error), delete with undo, create and save.
import { ApiError, describeError, isAbort } from '../api/client';
import type { TasksApi } from '../api/endpoints';
import type { Task, TaskInput, TaskPatch } from '../api/types';
import { createStore, type Store } from '../lib/store';
import { appendPage, emptyList, placeTask, removeTask, replaceTask, type TaskList } from '../lib/taskList';
import { showToast } from './toasts';

/** How long a just-completed task stays in a list that no longer matches it. */
export const COMPLETED_LINGER_MS = 1500;
export const UNDO_DELETE_MS = 5000;
export const NEXT_PAGE_SIZE = 200;

export interface TaskState {
  list: TaskList;
  /** Every task seen, by id (the editor opens from here before its own fetch returns). */
  known: Map<number, Task>;
  /** Tags seen on any task, for the sidebar and autocomplete. */
  tags: string[];
}

export interface TaskActions {
  store: Store<TaskState>;
  show(query: URLSearchParams): void;
  refresh(): void;
  loadMore(): Promise<void>;
  /** A task changed elsewhere (live update, assistant): re-read and place it. */
  changed(id: number): Promise<void>;
  removed(id: number): void;
  accept(task: Task): void;
  toggleComplete(task: Task): Promise<void>;
  deleteWithUndo(task: Task): void;
  create(input: TaskInput, idempotencyKey: string): Promise<Task>;
  save(id: number, patch: TaskPatch, version: number): Promise<Task>;
  flushDeletes(): void;
  scanTags(): Promise<void>;
  dispose(): void;
}

export function createTaskActions(api: TasksApi, now: () => number = Date.now): TaskActions {
  const store = createStore<TaskState>({ list: emptyList(new URLSearchParams()), known: new Map(), tags: [] });
  let controller: AbortController | null = null;
  let generation = 0;
  const lingering = new Set<number>();
  const pendingDeletes = new Map<number, { task: Task; toast: number }>();
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const later = (fn: () => void, ms: number) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  function remember(tasks: Task[]): void {
    store.set((s) => {
      const known = new Map(s.known);
      const tags = new Set(s.tags);
      let changed = false;
      for (const task of tasks) {
        known.set(task.id, task);
        for (const tag of task.tags) {
          if (!tags.has(tag)) {
            tags.add(tag);
            changed = true;
          }
        }
      }
      return { ...s, known, tags: changed ? [...tags].sort((a, b) => a.localeCompare(b)) : s.tags };
    });
  }

  function setList(update: (list: TaskList) => TaskList): void {
    store.set((s) => {
      const list = update(s.list);
      return list === s.list ? s : { ...s, list };
    });
  }

  async function fetchFirst(query: URLSearchParams, gen: number): Promise<void> {
    controller?.abort();
    const ctrl = new AbortController();
    controller = ctrl;
    try {
      const page = await api.list(query, null, ctrl.signal);
      if (gen !== generation) return;
      remember(page.items);
      setList((list) => {
        const fresh = appendPage({ ...emptyList(query) }, page.items, page.cursor);
        // keep tasks that are still pending deletion out of the list
        return list.query === query || list.query.toString() === query.toString()
          ? { ...fresh, items: fresh.items.filter((t) => !pendingDeletes.has(t.id)) }
          : list;
      });
    } catch (error) {
      if (isAbort(error) || gen !== generation) return;
      setList((list) => ({ ...list, loading: false, error: describeError(error) }));
    }
  }

  const actions: TaskActions = {
    store,
    show(query) {
      const current = store.get().list;
      if (current.query.toString() === query.toString() && (current.loaded || current.loading) && !current.error) return;
      generation++;
      setList(() => emptyList(query));
      void fetchFirst(query, generation);
    },
    refresh() {
      generation++;
      const query = store.get().list.query;
      setList((list) => ({ ...list, loading: true, error: null }));
      void fetchFirst(query, generation);
    },
    async loadMore() {
      const { list } = store.get();
      if (list.loading || list.cursor === null || !list.loaded) return;
      const gen = generation;
      setList((l) => ({ ...l, loading: true }));
      try {
        // later pages are larger: a long list fills in a few requests
        const query = new URLSearchParams(list.query);
        query.set('limit', String(NEXT_PAGE_SIZE));
        const page = await api.list(query, list.cursor);
        if (gen !== generation) return;
        remember(page.items);
        setList((l) => appendPage(l, page.items.filter((t) => !pendingDeletes.has(t.id)), page.cursor));
      } catch (error) {
        if (gen !== generation) return;
        setList((l) => ({ ...l, loading: false, error: describeError(error) }));
      }
    },
    async changed(id) {
      if (pendingDeletes.has(id)) return;
      try {
        const task = await api.get(id);
        actions.accept(task);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) actions.removed(id);
      }
    },
    removed(id) {
      store.set((s) => {
        const known = new Map(s.known);
        known.delete(id);
        return { ...s, known, list: removeTask(s.list, id) };
      });
    },
    accept(task) {
      remember([task]);
      if (pendingDeletes.has(task.id)) return;
      setList((list) => placeTask(list, task, now(), lingering));
    },
    async toggleComplete(task) {
      const before = store.get().known.get(task.id) ?? task;
      const completed = !before.completed;
      const optimistic: Task = { ...before, completed, completed_at: completed ? new Date(now()).toISOString() : null };
      lingering.add(task.id);
      store.set((s) => {
        const known = new Map(s.known);
        known.set(task.id, optimistic);
        return { ...s, known, list: replaceTask(s.list, optimistic) };
      });
      try {
        const saved = await api.complete(task.id, completed);
        remember([saved]);
        setList((list) => replaceTask(list, saved));
        later(() => {
          lingering.delete(task.id);
          const latest = store.get().known.get(task.id) ?? saved;
          setList((list) => placeTask(list, latest, now()));
        }, COMPLETED_LINGER_MS);
        if (completed) {
          showToast({
            message: saved.is_recurring ? `Completed “${saved.title}” — the next one is on its way` : `Completed “${saved.title}”`,
            tone: 'success',
            action: { label: 'Undo', run: () => void actions.toggleComplete(saved) },
          });
        }
      } catch (error) {
        lingering.delete(task.id);
        store.set((s) => {
          const known = new Map(s.known);
          known.set(task.id, before);
          return { ...s, known, list: replaceTask(s.list, before) };
        });
        showToast({ message: `Could not ${completed ? 'complete' : 'reopen'} “${before.title}”: ${describeError(error)}`, tone: 'error' });
      }
    },
    deleteWithUndo(task) {
      if (pendingDeletes.has(task.id)) return;
      const index = store.get().list.items.findIndex((t) => t.id === task.id);
      setList((list) => removeTask(list, task.id));
      const toast = showToast({
        message: `Deleted “${task.title}”`,
        duration: UNDO_DELETE_MS,
        action: {
          label: 'Undo',
          run: () => {
            pendingDeletes.delete(task.id);
            setList((list) => {
              if (list.items.some((t) => t.id === task.id)) return list;
              const items = list.items.slice();
              items.splice(index < 0 ? items.length : Math.min(index, items.length), 0, task);
              return { ...list, items };
            });
          },
        },
        onExpire: () => void sendDelete(task.id, false),
      });
      pendingDeletes.set(task.id, { task, toast });
    },
    async create(input, key) {
      const task = await api.create(input, key);
      actions.accept(task);
      return task;
    },
    async save(id, patch, version) {
      const task = await api.patch(id, patch, version);
      actions.accept(task);
      return task;
    },
    flushDeletes() {
      for (const id of [...pendingDeletes.keys()]) void sendDelete(id, true);
    },
    async scanTags() {
      // No tag endpoint: learn the tags from the first pages of every task (newest first).
      let cursor: string | null = null;
      const query = new URLSearchParams({ limit: '200', sort_by: 'updated_at' });
      for (let i = 0; i < 2; i++) {
        const page = await api.list(query, cursor);
        remember(page.items);
        cursor = page.cursor;
        if (!cursor) break;
      }
    },
    dispose() {
      controller?.abort();
      timers.forEach(clearTimeout);
      timers.clear();
    },
  };
  return actions;

  async function sendDelete(id: number, keepalive: boolean): Promise<void> {
    const entry = pendingDeletes.get(id);
    if (!entry) return;
    pendingDeletes.delete(id);
    try {
      await api.remove(id, keepalive);
      store.set((s) => {
        const known = new Map(s.known);
        known.delete(id);
        return { ...s, known };
      });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return;
      showToast({ message: `Could not delete “${entry.task.title}”: ${describeError(error)}`, tone: 'error' });
      setList((list) => placeTask(list, entry.task, now()));
    }
  }
}
