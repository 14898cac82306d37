import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import type { TasksApi } from '../api/endpoints';
import type { Task } from '../api/types';
import { toastStore } from './toasts';
import { COMPLETED_LINGER_MS, createTaskActions, UNDO_DELETE_MS } from './tasks';

const task = (id: number, patch: Partial<Task> = {}): Task => ({
  id,
  user_id: 'u',
  title: `Task ${id}`,
  description: '',
  completed: false,
  completed_at: null,
  priority: 'none',
  tags: [],
  due_at: null,
  due_date: null,
  time_zone: 'UTC',
  recurrence_rule: null,
  recurrence_anchor: 'due',
  is_recurring: false,
  series_id: null,
  created_at: `2026-12-01T08:00:0${id}Z`,
  updated_at: '2026-12-01T08:00:00Z',
  version: 1,
  recurrence_text: null,
  ...patch,
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function fakeApi(initial: Task[]) {
  const complete = vi.fn<(id: number, completed: boolean) => Promise<Task>>();
  const remove = vi.fn<(id: number) => Promise<void>>(() => Promise.resolve());
  const api = {
    list: vi.fn(() => Promise.resolve({ items: initial, cursor: null })),
    complete,
    remove,
    get: vi.fn(),
  } as unknown as TasksApi;
  return { api, complete, remove };
}

const pending = new URLSearchParams('status=pending&sort_by=created_at&sort_order=desc&limit=50');

describe('optimistic updates', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    toastStore.set([]);
  });
  afterEach(() => vi.useRealTimers());

  async function loaded(initial: Task[]) {
    const fake = fakeApi(initial);
    const actions = createTaskActions(fake.api);
    actions.show(pending);
    await vi.runAllTimersAsync();
    return { ...fake, actions };
  }

  it('completing shows the row completed at once, before the server answers', async () => {
    const { actions, complete } = await loaded([task(2), task(1)]);
    const answer = deferred<Task>();
    complete.mockReturnValueOnce(answer.promise);

    const done = actions.toggleComplete(task(1));

    const row = actions.store.get().list.items.find((t) => t.id === 1)!;
    expect(row.completed).toBe(true);
    expect(complete).toHaveBeenCalledWith(1, true);
    answer.resolve(task(1, { completed: true, version: 2 }));
    await done;
    // it lingers, completed, then leaves the pending list
    expect(actions.store.get().list.items.map((t) => t.id)).toEqual([2, 1]);
    await vi.advanceTimersByTimeAsync(COMPLETED_LINGER_MS + 10);
    expect(actions.store.get().list.items.map((t) => t.id)).toEqual([2]);
  });

  it('a failed completion rolls the row back and says why', async () => {
    const { actions, complete } = await loaded([task(1)]);
    complete.mockRejectedValueOnce(new ApiError(409, { type: '/problems/x', title: 'Conflict', status: 409, detail: 'no way' }));

    await actions.toggleComplete(task(1));

    expect(actions.store.get().list.items[0].completed).toBe(false);
    expect(actions.store.get().known.get(1)?.completed).toBe(false);
    expect(toastStore.get().at(-1)).toMatchObject({ tone: 'error' });
    expect(toastStore.get().at(-1)?.message).toContain('no way');
  });

  it('delete removes the row at once and sends the delete only when the undo time is over', async () => {
    const { actions, remove } = await loaded([task(2), task(1)]);

    actions.deleteWithUndo(task(2));

    expect(actions.store.get().list.items.map((t) => t.id)).toEqual([1]);
    await vi.advanceTimersByTimeAsync(UNDO_DELETE_MS - 100);
    expect(remove).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(remove).toHaveBeenCalledWith(2, false);
  });

  it('undo puts the row back where it was and sends nothing', async () => {
    const { actions, remove } = await loaded([task(3), task(2), task(1)]);

    actions.deleteWithUndo(task(2));
    const toast = toastStore.get().at(-1)!;
    toast.action!.run();
    await vi.advanceTimersByTimeAsync(UNDO_DELETE_MS + 100);

    expect(actions.store.get().list.items.map((t) => t.id)).toEqual([3, 2, 1]);
    expect(remove).not.toHaveBeenCalled();
  });

  it('a failed delete brings the task back', async () => {
    const { actions, remove } = await loaded([task(1)]);
    remove.mockRejectedValueOnce(new ApiError(500, null));

    actions.deleteWithUndo(task(1));
    await vi.advanceTimersByTimeAsync(UNDO_DELETE_MS + 100);

    expect(actions.store.get().list.items.map((t) => t.id)).toEqual([1]);
  });

  it('a task that changed elsewhere is placed in sort order, or left out when it no longer matches', async () => {
    const { actions } = await loaded([task(3), task(1)]);

    actions.accept(task(2));
    expect(actions.store.get().list.items.map((t) => t.id)).toEqual([3, 2, 1]);
    actions.accept(task(3, { completed: true, version: 2 }));
    expect(actions.store.get().list.items.map((t) => t.id)).toEqual([2, 1]);
    // an older copy never replaces a newer one
    actions.accept(task(2, { title: 'new', version: 3 }));
    actions.accept(task(2, { title: 'old', version: 2 }));
    expect(actions.store.get().list.items.find((t) => t.id === 2)?.title).toBe('new');
  });

  it('a new search cancels the request of the previous one', async () => {
    const fake = fakeApi([]);
    const signals: AbortSignal[] = [];
    (fake.api.list as ReturnType<typeof vi.fn>).mockImplementation((_q: URLSearchParams, _c: string | null, signal: AbortSignal) => {
      signals.push(signal);
      return new Promise(() => {});
    });
    const actions = createTaskActions(fake.api);
    actions.show(new URLSearchParams('search=r'));
    actions.show(new URLSearchParams('search=re'));

    expect(signals[0].aborted).toBe(true);
    expect(signals[1].aborted).toBe(false);
  });
});
