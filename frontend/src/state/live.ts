// The live stream (Server-Sent Events): task changes and notifications as they happen.
//
// EventSource cannot send an Authorization header, so every connection opens with a fresh stream
// ticket (POST /api/{user}/stream/tickets → stream_url with ?ticket=, good once within a minute).
// EventSource's own reconnect would reuse the spent ticket, so on any error the source is closed
// here and a new one opens after a backoff, with a new ticket and `last_event_id` to resume after
// the last event seen (the server replays what was missed, or sends `resync`).
import type { Notification, TaskUpdateEvent } from '../api/types';
import { createStore } from '../lib/store';

export interface LiveHandlers {
  onTaskUpdate(event: TaskUpdateEvent): void;
  onNotification(notification: Notification): void;
  /** Events were missed for good: re-read everything. */
  onResync(): void;
}

export const liveStore = createStore<{ connected: boolean }>({ connected: false });

/** The state in the store and on <html data-live> (for styles and the browser tests). */
function setConnected(connected: boolean): void {
  liveStore.set({ connected });
  if (typeof document !== 'undefined') document.documentElement.dataset.live = connected ? 'connected' : 'disconnected';
}

export interface LiveConnection {
  reconnect(): void;
  close(): void;
  lastEventId(): string | null;
}

/** The delay before the n-th consecutive retry: 1 s, 2 s, 4 s … 15 s, each ±20 % so that clients spread out. */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(1000 * 2 ** Math.min(Math.max(failures - 1, 0), 4), 15000);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * Keeps one stream open. `streamUrl` returns the URL of a new connection (a fresh ticket each
 * time), resuming after `lastEventId` when there is one.
 */
export function connectLive(streamUrl: (lastEventId: string | null) => Promise<string>, handlers: LiveHandlers): LiveConnection {
  let source: EventSource | null = null;
  let last: string | null = null;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  /** Bumped by every open(): a ticket that arrives for an older attempt is dropped. */
  let attempt = 0;

  const track = (event: MessageEvent) => {
    if (event.lastEventId) last = event.lastEventId;
  };

  function scheduleRetry(): void {
    if (closed) return;
    failures++;
    clearTimeout(retry);
    retry = setTimeout(() => void open(), backoffMs(failures));
  }

  async function open(): Promise<void> {
    if (closed) return;
    const mine = ++attempt;
    clearTimeout(retry);
    source?.close();
    source = null;
    let url: string;
    try {
      url = await streamUrl(last);
    } catch {
      // no ticket (offline, server down, session over): try again later
      if (mine === attempt) {
        setConnected(false);
        scheduleRetry();
      }
      return;
    }
    if (closed || mine !== attempt) return;
    const es = new EventSource(url);
    source = es;
    es.onopen = () => {
      failures = 0;
      setConnected(true);
    };
    es.onerror = () => {
      // the ticket is spent: never let EventSource retry with it
      es.close();
      if (source !== es) return;
      source = null;
      setConnected(false);
      scheduleRetry();
    };
    es.addEventListener('task-update', (event) => {
      const message = event as MessageEvent<string>;
      track(message);
      try {
        handlers.onTaskUpdate(JSON.parse(message.data) as TaskUpdateEvent);
      } catch {
        // a malformed notice is ignored; the next read brings the truth
      }
    });
    es.addEventListener('notification', (event) => {
      const message = event as MessageEvent<string>;
      track(message);
      try {
        handlers.onNotification(JSON.parse(message.data) as Notification);
      } catch {
        // ignored, as above
      }
    });
    es.addEventListener('resync', (event) => {
      // everything is read again: resume after the newest event, or from now when it has no id
      last = (event as MessageEvent<string>).lastEventId || null;
      handlers.onResync();
    });
  }

  const onOnline = () => reconnect();
  function reconnect(): void {
    failures = 0;
    void open();
  }
  window.addEventListener('online', onOnline);
  void open();
  return {
    reconnect,
    close() {
      closed = true;
      attempt++;
      clearTimeout(retry);
      window.removeEventListener('online', onOnline);
      source?.close();
      source = null;
      setConnected(false);
    },
    lastEventId: () => last,
  };
}
