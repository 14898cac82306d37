import { useEffect } from 'react';
import { AuthScreen } from './components/AuthScreen';
import { ReauthDialog } from './components/Dialogs';
import { OfflineBanner, Toasts } from './components/Toasts';
import { Workspace } from './components/Workspace';
import { navigate, useLocation } from './lib/router';
import { useStore } from './lib/store';
import { sessionStore } from './state/session';

const AUTH_PATHS = new Set(['/signin', '/signup']);

export function App() {
  const { session } = useStore(sessionStore);
  const location = useLocation();
  const onAuthPage = AUTH_PATHS.has(location.path);

  useEffect(() => {
    if (!session && !onAuthPage) {
      const next = location.path === '/' ? '' : `?next=${encodeURIComponent(location.path + location.search)}`;
      navigate(`/signin${next}`, { replace: true });
    } else if (session && onAuthPage) {
      navigate(new URLSearchParams(location.search).get('next') ?? '/inbox', { replace: true });
    }
  }, [session, onAuthPage, location.path, location.search]);

  useEffect(() => {
    if (!session) document.title = location.path === '/signup' ? 'Create your account · Todo AI' : 'Sign in · Todo AI';
  }, [session, location.path]);

  return (
    <>
      <OfflineBanner />
      {session && !onAuthPage ? (
        <Workspace key={session.userId} session={session} />
      ) : (
        <AuthScreen
          mode={location.path === '/signup' ? 'signup' : 'signin'}
          onDone={() => {
            const next = new URLSearchParams(location.search).get('next');
            navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/inbox', { replace: true });
          }}
        />
      )}
      <ReauthDialog />
      <Toasts />
    </>
  );
}
