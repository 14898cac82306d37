import { useEffect, useId, useRef, useState } from 'react';
import { ago, fullDateTime } from '../lib/dates';
import { useStore } from '../lib/store';
import { askNotificationPermission, systemNotificationsSupported } from '../state/notifications';
import { useNow, useWorkspace } from './context';
import { BellIcon } from './Icons';

export function NotificationBell() {
  const { notifications, zone, openTask } = useWorkspace();
  const state = useStore(notifications.store);
  const [open, setOpen] = useState(false);
  const [permission, setPermission] = useState(() => (systemNotificationsSupported() ? Notification.permission : 'unsupported'));
  const now = useNow(30_000);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent) {
        if (event.key === 'Escape') {
          setOpen(false);
          root.current?.querySelector<HTMLButtonElement>('.bell-button')?.focus();
        }
      } else if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const count = state.unread;
  const label = count === 0 ? 'Notifications, none unread' : `Notifications, ${count >= 200 ? '200 or more' : count} unread`;
  return (
    <div className="bell" ref={root}>
      <button type="button" className="icon-button bell-button" aria-label={label} aria-expanded={open} aria-controls={`${id}-panel`} onClick={() => setOpen((o) => !o)}>
        <BellIcon size={20} />
        {count > 0 && (
          <span className="bell-count" data-testid="bell-count" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </button>
      {open && (
        <div id={`${id}-panel`} className="popover notifications-panel" role="region" aria-label="Notifications">
          <header className="popover-header">
            <h2>Notifications</h2>
            <button type="button" className="link-button" disabled={count === 0} onClick={() => void notifications.markAllRead()}>
              Mark all read
            </button>
          </header>
          {permission === 'default' && (
            <div className="permission-hint">
              <span>Get reminders as desktop notifications.</span>
              <button type="button" className="button small primary" onClick={() => void askNotificationPermission().then((p) => setPermission(p))}>
                Turn on
              </button>
            </div>
          )}
          {state.items.length === 0 ? (
            <p className="muted empty-popover">No notifications yet. Reminders you set show up here when they fire.</p>
          ) : (
            <ul className="notification-list">
              {state.items.map((n) => (
                <li key={n.id} className={`${n.read_at ? 'read' : 'unread'}${n.kind === 'missed_reminder' ? ' missed' : ''}`}>
                  <button
                    type="button"
                    className="notification-item"
                    onClick={() => {
                      void notifications.markRead(n.id);
                      if (n.task_id) openTask(n.task_id);
                      setOpen(false);
                    }}
                  >
                    <span className="notification-kind">{n.kind === 'missed_reminder' ? 'Missed reminder' : 'Reminder'}</span>
                    <span className="notification-title">{n.title}</span>
                    {n.body && <span className="notification-body">{localTimes(n.body, zone)}</span>}
                    <time className="muted small-text" dateTime={n.created_at}>
                      {ago(n.created_at, now, zone)}
                    </time>
                  </button>
                  {!n.read_at && (
                    <button type="button" className="link-button mark-read" aria-label={`Mark “${n.title}” read`} onClick={() => void notifications.markRead(n.id)}>
                      Mark read
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

/** The server writes instants in UTC (ISO 8601); show them in the person's zone. */
export function localTimes(text: string, zone: string): string {
  return text.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z/g, (iso) => fullDateTime(iso, zone));
}
