import { useStore } from '../lib/store';
import { act, dismiss, toastStore } from '../state/toasts';
import { connectivityStore } from '../state/connectivity';
import { CloseIcon, OfflineIcon } from './Icons';

export function Toasts() {
  const toasts = useStore(toastStore);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast ${t.tone}`} role={t.tone === 'error' ? 'alert' : undefined}>
          <span className="toast-message">{t.message}</span>
          {t.action && (
            <button type="button" className="toast-action" onClick={() => act(t.id)}>
              {t.action.label}
            </button>
          )}
          <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
            <CloseIcon size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}

export function OfflineBanner() {
  const { online } = useStore(connectivityStore);
  if (online) return null;
  return (
    <div className="offline-banner" role="alert" data-testid="offline-banner">
      <OfflineIcon size={16} />
      <span>
        <strong>You are offline.</strong> The server cannot be reached — nothing you typed is lost; retry once it is back.
      </span>
    </div>
  );
}
