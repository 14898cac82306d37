// Who is signed in. The token lives in memory; it is written to localStorage only when the
// person chose "keep me signed in". An expired or rejected token keeps the rest of the app (and
// everything typed) in place and asks for the password again.
import { createStore } from '../lib/store';

export interface Session {
  userId: string;
  email: string;
  token: string;
  expiresAt: string;
  keep: boolean;
}

export interface SessionState {
  session: Session | null;
  /** The session ended (token expired or rejected): sign in again to go on. */
  expired: boolean;
}

const STORAGE_KEY = 'todo-ai.session';
export const sessionStore = createStore<SessionState>({ session: null, expired: false });
let expiryTimer: ReturnType<typeof setTimeout> | undefined;

export function restoreSession(now = Date.now()): void {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return;
    const saved = JSON.parse(raw) as Session;
    if (!saved.token || !saved.userId || Date.parse(saved.expiresAt) <= now) {
      localStorage.removeItem(STORAGE_KEY);
      return;
    }
    startSession({ ...saved, keep: true });
  } catch {
    localStorage.removeItem(STORAGE_KEY);
  }
}

export function startSession(session: Session): void {
  if (session.keep) localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else localStorage.removeItem(STORAGE_KEY);
  sessionStore.set({ session, expired: false });
  scheduleExpiry(session);
}

function scheduleExpiry(session: Session): void {
  clearTimeout(expiryTimer);
  const left = Date.parse(session.expiresAt) - Date.now();
  // setTimeout cannot wait longer than ~24.8 days; a longer token is re-checked then.
  expiryTimer = setTimeout(() => {
    if (Date.parse(session.expiresAt) <= Date.now()) expireSession();
    else scheduleExpiry(session);
  }, Math.min(Math.max(left, 0), 2 ** 31 - 1));
}

/** The server rejected the token or it ran out: ask for the password, keep the screen as it is. */
export function expireSession(): void {
  const { session } = sessionStore.get();
  if (!session) return;
  localStorage.removeItem(STORAGE_KEY);
  sessionStore.set({ session: { ...session, token: '' }, expired: true });
}

export function endSession(): void {
  clearTimeout(expiryTimer);
  localStorage.removeItem(STORAGE_KEY);
  sessionStore.set({ session: null, expired: false });
}

export function currentToken(): string | null {
  const { session, expired } = sessionStore.get();
  return session && !expired && session.token ? session.token : null;
}
