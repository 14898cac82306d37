// What every screen of a signed-in person needs, handed down once.
import { createContext, useContext, useEffect, useState } from 'react';
import type { TasksApi } from '../api/endpoints';
import type { Session } from '../state/session';
import type { TaskActions } from '../state/tasks';
import type { NotificationActions } from '../state/notifications';

export interface ReminderIndex {
  /** Scheduled reminders per task id. */
  counts: Map<number, number>;
  refresh(): void;
}

export interface Workspace {
  session: Session;
  api: TasksApi;
  tasks: TaskActions;
  notifications: NotificationActions;
  /** The person's zone (the browser's). */
  zone: string;
  reminders: ReminderIndex;
  openTask(id: number): void;
  openQuickAdd(): void;
  toggleAssistant(): void;
}

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside the workspace');
  return workspace;
}

/** The current time, refreshed every `everyMs` (relative dates stay right on a long-open tab). */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}
