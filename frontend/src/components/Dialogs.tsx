import { useEffect, useRef, type ReactNode } from 'react';
import { endSession, sessionStore } from '../state/session';
import { useStore } from '../lib/store';
import { CredentialsForm } from './AuthScreen';
import { CloseIcon } from './Icons';

/** A modal on the native <dialog> element: focus stays inside, Esc closes. */
export function Modal({ open, onClose, title, children, closable = true, labelId }: { open: boolean; onClose(): void; title: string; children: ReactNode; closable?: boolean; labelId: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={labelId}
      onCancel={(e) => {
        e.preventDefault();
        if (closable) onClose();
      }}
    >
      <header className="panel-header">
        <h2 id={labelId}>{title}</h2>
        {closable && (
          <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
            <CloseIcon />
          </button>
        )}
      </header>
      <div className="modal-body">{children}</div>
    </dialog>
  );
}

export const SHORTCUTS: [string, string][] = [
  ['q', 'Quick add a task'],
  ['j / k', 'Move down / up the list'],
  ['x', 'Complete or reopen the selected task'],
  ['e or Enter', 'Edit the selected task'],
  ['#', 'Delete the selected task (undo for 5 s)'],
  ['/', 'Search'],
  ['f', 'Show or hide filters'],
  ['a', 'Open or close the assistant'],
  ['g then i / t / u / c', 'Go to Inbox / Today / Upcoming / Completed'],
  ['Esc', 'Close the editor or a dialog'],
  ['Ctrl + Enter', 'Save in the editor'],
  ['?', 'This list'],
];

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  return (
    <Modal open={open} onClose={onClose} title="Keyboard shortcuts" labelId="shortcuts-title">
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                {keys.split(' ').map((k, i) => (k === '/' && keys !== '/') || k === 'or' || k === 'then' || k === '+' ? <span key={i}> {k} </span> : <kbd key={i}>{k}</kbd>)}
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}

/** The session ended: sign in again here; the screen behind (and what was typed) stays. */
export function ReauthDialog() {
  const { session, expired } = useStore(sessionStore);
  if (!session) return null;
  return (
    <Modal open={expired} onClose={() => {}} closable={false} title="Your session has ended" labelId="reauth-title">
      <p className="muted">Sign in again to go on. Nothing you typed is lost.</p>
      <CredentialsForm mode="signin" fixedEmail={session.email} onDone={() => {}} />
      <button type="button" className="link-button" onClick={() => endSession()}>
        Sign in as someone else
      </button>
    </Modal>
  );
}
