import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configureClient } from './api/client';
import { App } from './App';
import { markReachable, markUnreachable } from './state/connectivity';
import { currentToken, expireSession, restoreSession } from './state/session';
import { applyTheme, themeStore } from './state/theme';
import './styles.css';

applyTheme(themeStore.get());
configureClient({
  token: currentToken,
  onUnauthorized: expireSession,
  onReachable: markReachable,
  onUnreachable: markUnreachable,
});
restoreSession();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
