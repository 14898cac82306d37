// A small History API router: the location as a store, navigate(), and links that stay in the app.
import { createStore, useStore } from './store';

export interface Location {
  path: string;
  search: string;
}

function read(): Location {
  return { path: window.location.pathname, search: window.location.search };
}

export const locationStore = createStore<Location>(typeof window === 'undefined' ? { path: '/', search: '' } : read());

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => locationStore.set(read()));
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const current = window.location.pathname + window.location.search;
  if (to === current) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  locationStore.set(read());
}

export function useLocation(): Location {
  return useStore(locationStore);
}

/** For an anchor's onClick: handle plain left clicks in the app, let the browser do the rest. */
export function linkHandler(to: string, after?: () => void) {
  return (event: { button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean; preventDefault(): void }) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
    after?.();
  };
}
