// Whether the API can be reached. A request that gets no answer turns the banner on; the app then
// checks the liveness endpoint until it answers and turns it off.
import { createStore } from '../lib/store';

export const connectivityStore = createStore<{ online: boolean }>({ online: true });
let probe: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

/** Called whenever the API answered again after being unreachable. */
export function onReconnect(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function markReachable(): void {
  if (probe) {
    clearInterval(probe);
    probe = undefined;
  }
  if (!connectivityStore.get().online) {
    connectivityStore.set({ online: true });
    listeners.forEach((l) => l());
  }
}

export function markUnreachable(): void {
  if (connectivityStore.get().online) connectivityStore.set({ online: false });
  if (!probe) {
    probe = setInterval(checkNow, 3000);
  }
}

export async function checkNow(): Promise<void> {
  try {
    const response = await fetch('/health/liveness', { cache: 'no-store' });
    if (response.ok) markReachable();
  } catch {
    // still unreachable
  }
}

if (typeof window !== 'undefined') {
  window.addEventListener('offline', () => markUnreachable());
  window.addEventListener('online', () => void checkNow());
}
