import type { ReactElement } from 'react';
import { linkHandler } from '../lib/router';
import type { View } from '../lib/filters';
import { viewPath } from '../lib/filters';
import { useStore } from '../lib/store';
import { endSession } from '../state/session';
import { useWorkspace } from './context';
import { DoneIcon, InboxIcon, KeyboardIcon, SettingsIcon, TagIcon, TodayIcon, UpcomingIcon } from './Icons';

const NAV: { view: View; label: string; icon: () => ReactElement; key: string }[] = [
  { view: { kind: 'inbox' }, label: 'Inbox', icon: () => <InboxIcon />, key: 'i' },
  { view: { kind: 'today' }, label: 'Today', icon: () => <TodayIcon />, key: 't' },
  { view: { kind: 'upcoming' }, label: 'Upcoming', icon: () => <UpcomingIcon />, key: 'u' },
  { view: { kind: 'completed' }, label: 'Completed', icon: () => <DoneIcon />, key: 'c' },
];

export function Sidebar({ current, path, onNavigate, onShortcuts }: { current: View | null; path: string; onNavigate(): void; onShortcuts(): void }) {
  const { session, tasks } = useWorkspace();
  const tags = useStore(tasks.store).tags;
  const isCurrent = (view: View) =>
    current !== null && current.kind === view.kind && (view.kind !== 'tag' || (current.kind === 'tag' && current.tag === view.tag));
  return (
    <nav className="sidebar" aria-label="Views">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ✓
        </span>
        <span>Todo AI</span>
      </div>
      <ul className="nav-list">
        {NAV.map((item) => (
          <li key={item.label}>
            <a href={viewPath(item.view)} className={`nav-item${isCurrent(item.view) ? ' active' : ''}`} aria-current={isCurrent(item.view) ? 'page' : undefined} onClick={linkHandler(viewPath(item.view), onNavigate)}>
              {item.icon()}
              <span>{item.label}</span>
            </a>
          </li>
        ))}
      </ul>
      <h2 className="nav-heading">Tags</h2>
      {tags.length === 0 ? (
        <p className="nav-empty">Tags appear here — add one with #word.</p>
      ) : (
        <ul className="nav-list tags">
          {tags.map((tag) => {
            const view: View = { kind: 'tag', tag };
            return (
              <li key={tag}>
                <a href={viewPath(view)} className={`nav-item${isCurrent(view) ? ' active' : ''}`} aria-current={isCurrent(view) ? 'page' : undefined} onClick={linkHandler(viewPath(view), onNavigate)}>
                  <TagIcon />
                  <span>{tag}</span>
                </a>
              </li>
            );
          })}
        </ul>
      )}
      <div className="sidebar-footer">
        <a href="/settings" className={`nav-item${path === '/settings' ? ' active' : ''}`} aria-current={path === '/settings' ? 'page' : undefined} onClick={linkHandler('/settings', onNavigate)}>
          <SettingsIcon />
          <span>Settings</span>
        </a>
        <button type="button" className="nav-item" onClick={onShortcuts}>
          <KeyboardIcon />
          <span>Shortcuts</span>
        </button>
        <div className="account">
          <span className="account-email" title={session.email}>
            {session.email}
          </span>
          <button type="button" className="link-button" onClick={() => endSession()}>
            Sign out
          </button>
        </div>
      </div>
    </nav>
  );
}
