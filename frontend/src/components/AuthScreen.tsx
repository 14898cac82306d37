import { useId, useState } from 'react';
import { ApiError, describeError } from '../api/client';
import { auth } from '../api/endpoints';
import { linkHandler } from '../lib/router';
import { startSession } from '../state/session';

export function AuthScreen({ mode, onDone }: { mode: 'signin' | 'signup'; onDone(): void }) {
  return (
    <main className="auth-page">
      <div className="auth-card">
        <div className="brand large">
          <span className="brand-mark" aria-hidden="true">
            ✓
          </span>
          <span>Todo AI</span>
        </div>
        <h1>{mode === 'signin' ? 'Welcome back' : 'Create your account'}</h1>
        <p className="muted">{mode === 'signin' ? 'Sign in to your tasks.' : 'Tasks, reminders and an assistant — on your own server.'}</p>
        <CredentialsForm mode={mode} onDone={onDone} />
        <p className="auth-switch">
          {mode === 'signin' ? (
            <>
              New here?{' '}
              <a href="/signup" onClick={linkHandler('/signup')}>
                Create an account
              </a>
            </>
          ) : (
            <>
              Have an account?{' '}
              <a href="/signin" onClick={linkHandler('/signin')}>
                Sign in
              </a>
            </>
          )}
        </p>
      </div>
    </main>
  );
}

export function CredentialsForm({ mode, onDone, fixedEmail }: { mode: 'signin' | 'signup'; onDone(): void; fixedEmail?: string }) {
  const id = useId();
  const [email, setEmail] = useState(fixedEmail ?? '');
  const [password, setPassword] = useState('');
  const [keep, setKeep] = useState(false);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const response = mode === 'signin' ? await auth.login(email.trim(), password) : await auth.register(email.trim(), password);
      startSession({ userId: response.user_id, token: response.token, expiresAt: response.expires_at, email: email.trim(), keep });
      onDone();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  const emailError = error instanceof ApiError ? error.messageFor('email') : undefined;
  const passwordError = error instanceof ApiError ? error.messageFor('password') : undefined;
  const general = error && !emailError && !passwordError ? describeError(error) : null;

  return (
    <form
      className="auth-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="field">
        <label className="field-label" htmlFor={`${id}-email`}>
          Email
        </label>
        <input
          id={`${id}-email`}
          className="input"
          type="email"
          autoComplete="username"
          required
          value={email}
          readOnly={Boolean(fixedEmail)}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? `${id}-email-error` : undefined}
          onChange={(e) => setEmail(e.target.value)}
        />
        {emailError && (
          <div id={`${id}-email-error`} className="field-error">
            {emailError}
          </div>
        )}
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-password`}>
          Password
        </label>
        <input
          id={`${id}-password`}
          className="input"
          type="password"
          autoComplete={mode === 'signin' ? 'current-password' : 'new-password'}
          required
          value={password}
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={passwordError ? `${id}-password-error` : mode === 'signup' ? `${id}-password-hint` : undefined}
          onChange={(e) => setPassword(e.target.value)}
        />
        {mode === 'signup' && !passwordError && (
          <div id={`${id}-password-hint`} className="muted small-text">
            A long passphrase is best.
          </div>
        )}
        {passwordError && (
          <div id={`${id}-password-error`} className="field-error">
            {passwordError}
          </div>
        )}
      </div>
      <label className="checkbox-label">
        <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} />
        Keep me signed in on this device
      </label>
      {general && (
        <div className="field-error" role="alert">
          {general}
        </div>
      )}
      <button type="submit" className="button primary wide" disabled={busy}>
        {busy ? 'One moment…' : mode === 'signin' ? 'Sign in' : 'Create account'}
      </button>
    </form>
  );
}
