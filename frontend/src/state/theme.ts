// Light and dark follow the system unless the person picked one in Settings.
import { createStore } from '../lib/store';

export type ThemeChoice = 'system' | 'light' | 'dark';
const KEY = 'todo-ai.theme';

function initial(): ThemeChoice {
  try {
    const saved = localStorage.getItem(KEY);
    return saved === 'light' || saved === 'dark' ? saved : 'system';
  } catch {
    return 'system';
  }
}

export const themeStore = createStore<ThemeChoice>(initial());

export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
}

export function setTheme(choice: ThemeChoice): void {
  if (choice === 'system') localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, choice);
  themeStore.set(choice);
  applyTheme(choice);
}
