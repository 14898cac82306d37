// Short messages at the bottom of the screen, some with an action (Undo).
import { createStore } from '../lib/store';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error' | 'success';
  action?: { label: string; run: () => void };
  /** Milliseconds until it goes away on its own. */
  duration: number;
  /** Runs when the toast ends without its action being taken. */
  onExpire?: () => void;
}

export const toastStore = createStore<Toast[]>([]);
let nextId = 1;
const timers = new Map<number, ReturnType<typeof setTimeout>>();

export function showToast(toast: Omit<Toast, 'id' | 'duration' | 'tone'> & Partial<Pick<Toast, 'duration' | 'tone'>>): number {
  const id = nextId++;
  const full: Toast = { tone: 'info', duration: 4000, ...toast, id };
  toastStore.set((list) => [...list.slice(-3), full]);
  timers.set(
    id,
    setTimeout(() => expire(id), full.duration),
  );
  return id;
}

function expire(id: number): void {
  const toast = toastStore.get().find((t) => t.id === id);
  dismiss(id);
  toast?.onExpire?.();
}

export function dismiss(id: number): void {
  clearTimeout(timers.get(id));
  timers.delete(id);
  toastStore.set((list) => list.filter((t) => t.id !== id));
}

/** Runs the toast's action instead of its expiry. */
export function act(id: number): void {
  const toast = toastStore.get().find((t) => t.id === id);
  dismiss(id);
  toast?.action?.run();
}

/** Ends every toast now, running their expiry (e.g. before the page goes away). */
export function flushToasts(): void {
  for (const toast of toastStore.get()) expire(toast.id);
}
