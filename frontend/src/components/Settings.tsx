import { useId, useState } from 'react';
import { useStore } from '../lib/store';
import { askNotificationPermission, systemNotificationsSupported } from '../state/notifications';
import { endSession } from '../state/session';
import { setTheme, themeStore, type ThemeChoice } from '../state/theme';
import { useWorkspace } from './context';

export function Settings() {
  const { session, zone } = useWorkspace();
  const theme = useStore(themeStore);
  const [permission, setPermission] = useState(() => (systemNotificationsSupported() ? Notification.permission : 'unsupported'));
  const id = useId();
  return (
    <div className="settings-page">
      <section className="settings-card" aria-labelledby={`${id}-appearance`}>
        <h2 id={`${id}-appearance`}>Appearance</h2>
        <div className="segmented" role="radiogroup" aria-label="Theme">
          {(['system', 'light', 'dark'] as ThemeChoice[]).map((choice) => (
            <button key={choice} type="button" role="radio" aria-checked={theme === choice} className={theme === choice ? 'active' : ''} onClick={() => setTheme(choice)}>
              {choice === 'system' ? 'Follow the system' : choice[0].toUpperCase() + choice.slice(1)}
            </button>
          ))}
        </div>
      </section>
      <section className="settings-card" aria-labelledby={`${id}-notifications`}>
        <h2 id={`${id}-notifications`}>Notifications</h2>
        <p className="muted">
          {permission === 'granted'
            ? 'Reminders show as desktop notifications while Todo AI is open.'
            : permission === 'denied'
              ? 'Desktop notifications are blocked for this site in your browser settings. Reminders still appear under the bell.'
              : permission === 'unsupported'
                ? 'This browser has no desktop notifications. Reminders appear under the bell.'
                : 'Allow desktop notifications to see reminders even when this tab is in the background.'}
        </p>
        {permission === 'default' && (
          <button type="button" className="button primary" onClick={() => void askNotificationPermission().then((p) => setPermission(p))}>
            Allow notifications
          </button>
        )}
      </section>
      <section className="settings-card" aria-labelledby={`${id}-account`}>
        <h2 id={`${id}-account`}>Account</h2>
        <dl className="facts">
          <dt>Email</dt>
          <dd>{session.email}</dd>
          <dt>Time zone</dt>
          <dd>{zone} (from this browser)</dd>
          <dt>Signed in</dt>
          <dd>{session.keep ? 'On this device until the session expires' : 'For this tab only'}</dd>
        </dl>
        <button type="button" className="button" onClick={() => endSession()}>
          Sign out
        </button>
      </section>
    </div>
  );
}
