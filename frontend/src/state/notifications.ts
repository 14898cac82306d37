// The bell: notifications of fired and missed reminders, their unread count, and the browser's
// own notifications (after the person allowed them).
import type { TasksApi } from '../api/endpoints';
import type { Notification } from '../api/types';
import { createStore } from '../lib/store';
import { describeError } from '../api/client';
import { showToast } from './toasts';
import { fullDateTime } from '../lib/dates';

export interface NotificationState {
  items: Notification[];
  unread: number;
  loaded: boolean;
}

export const UNREAD_CAP = 200;

export function createNotificationActions(api: TasksApi) {
  const store = createStore<NotificationState>({ items: [], unread: 0, loaded: false });

  async function load(): Promise<void> {
    const [items, unread] = await Promise.all([api.notifications(false, 50), api.notifications(true, UNREAD_CAP)]);
    store.set({ items, unread: unread.length, loaded: true });
  }

  function received(notification: Notification): void {
    const known = store.get().items.some((n) => n.id === notification.id);
    if (known) return;
    store.set((s) => ({
      ...s,
      items: [notification, ...s.items].slice(0, 100),
      unread: s.unread + (notification.read_at ? 0 : 1),
    }));
    showSystemNotification(notification);
    showToast({ message: notificationText(notification), tone: notification.kind === 'missed_reminder' ? 'error' : 'info', duration: 6000 });
  }

  async function markRead(id: number): Promise<void> {
    const before = store.get();
    const target = before.items.find((n) => n.id === id);
    if (!target || target.read_at) return;
    store.set((s) => ({
      ...s,
      items: s.items.map((n) => (n.id === id ? { ...n, read_at: new Date().toISOString() } : n)),
      unread: Math.max(0, s.unread - 1),
    }));
    try {
      await api.markRead(id);
    } catch (error) {
      store.set(before);
      showToast({ message: `Could not mark it read: ${describeError(error)}`, tone: 'error' });
    }
  }

  async function markAllRead(): Promise<void> {
    const before = store.get();
    const stamp = new Date().toISOString();
    store.set((s) => ({ ...s, items: s.items.map((n) => (n.read_at ? n : { ...n, read_at: stamp })), unread: 0 }));
    try {
      await api.markAllRead();
    } catch (error) {
      store.set(before);
      showToast({ message: `Could not mark all read: ${describeError(error)}`, tone: 'error' });
    }
  }

  return { store, load, received, markRead, markAllRead };
}

export type NotificationActions = ReturnType<typeof createNotificationActions>;

export function notificationText(n: Notification): string {
  const prefix = n.kind === 'missed_reminder' ? 'Missed reminder' : 'Reminder';
  return `${prefix}: ${n.title}`;
}

export function systemNotificationsSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

export async function askNotificationPermission(): Promise<NotificationPermission | 'unsupported'> {
  if (!systemNotificationsSupported()) return 'unsupported';
  if (Notification.permission !== 'default') return Notification.permission;
  return Notification.requestPermission();
}

function showSystemNotification(n: Notification): void {
  if (!systemNotificationsSupported() || Notification.permission !== 'granted') return;
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const local = (n.body ?? '').replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z/g, (iso) => fullDateTime(iso, zone));
    const body = n.kind === 'missed_reminder' ? `Missed while the service was away. ${local}`.trim() : local;
    const shown = new Notification(notificationText(n), { body, tag: `todo-ai-${n.id}`, icon: '/favicon.svg' });
    shown.onclick = () => {
      window.focus();
      if (n.task_id) window.dispatchEvent(new CustomEvent('todo-ai:open-task', { detail: n.task_id }));
    };
  } catch {
    // some browsers only allow notifications from a service worker; the bell still shows it
  }
}
