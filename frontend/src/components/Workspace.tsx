import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { tasksApi } from '../api/endpoints';
import type { Task } from '../api/types';
import { browserZone, dateIn } from '../lib/dates';
import {
  activeFilterCount,
  apiQuery,
  defaultSort,
  EMPTY_FILTERS,
  type Filters,
  filtersFromUrl,
  filtersToUrl,
  type View,
  viewFromPath,
  viewPath,
  viewTitle,
} from '../lib/filters';
import { navigate, useLocation } from '../lib/router';
import { useStore } from '../lib/store';
import { onReconnect } from '../state/connectivity';
import { connectLive, type LiveConnection } from '../state/live';
import { createNotificationActions } from '../state/notifications';
import type { Session } from '../state/session';
import { createTaskActions } from '../state/tasks';
import { flushToasts } from '../state/toasts';
import { type ReminderIndex, useDebounced, useNow, type Workspace as WorkspaceValue, WorkspaceContext } from './context';
import { ShortcutsDialog } from './Dialogs';
import { SortControl } from './FilterBar';
import { FilterIcon, MenuIcon, SearchIcon, SparkIcon } from './Icons';
import { NotificationBell } from './NotificationBell';
import { QuickAdd, type QuickAddHandle } from './QuickAdd';
import { Sidebar } from './Sidebar';
import { TaskList } from './TaskList';

const LAST_VIEW_KEY = 'todo-ai.last-view';

// Loaded when first opened: the first screen needs only the list.
const TaskEditor = lazy(() => import('./TaskEditor').then((m) => ({ default: m.TaskEditor })));
const AssistantPanel = lazy(() => import('./AssistantPanel').then((m) => ({ default: m.AssistantPanel })));
const FilterBar = lazy(() => import('./FilterBar.panel').then((m) => ({ default: m.FilterBar })));
const Settings = lazy(() => import('./Settings').then((m) => ({ default: m.Settings })));

function PanelFallback({ label }: { label: string }) {
  return (
    <aside className="editor" aria-label={label} aria-busy="true">
      <div className="editor-body">
        <p className="muted">Loading…</p>
      </div>
    </aside>
  );
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable || target.closest('dialog[open]') !== null;
}

/**
 * Focuses the element that `selector` finds once `schedule` runs `focus` (after the list has
 * re-rendered), unless the user has moved into a field meanwhile, e.g. pressed `/` for the search
 * right after deleting a task: what they type must not land on a row.
 */
function focusLater(selector: string, schedule: (focus: () => void) => void): void {
  const before = document.activeElement;
  schedule(() => {
    const now = document.activeElement;
    if (now !== before && isTyping(now)) return;
    document.querySelector<HTMLElement>(selector)?.focus();
  });
}

export function Workspace({ session }: { session: Session }) {
  const zone = useMemo(() => browserZone(), []);
  const api = useMemo(() => tasksApi(session.userId), [session.userId]);
  const tasks = useMemo(() => createTaskActions(api), [api]);
  const notifications = useMemo(() => createNotificationActions(api), [api]);
  const location = useLocation();
  const now = useNow(30_000);
  const [assistantOpen, setAssistantOpen] = useState(false);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [navOpen, setNavOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [reminderCounts, setReminderCounts] = useState<Map<number, number>>(new Map());
  const quickAdd = useRef<QuickAddHandle>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const openedInApp = useRef(false);
  const live = useRef<LiveConnection | null>(null);
  const state = useStore(tasks.store);

  // Which screen: a list view, the editor over the last list view, or settings.
  const editorMatch = /^\/tasks\/(\d{1,18})$/.exec(location.path);
  const editorId = editorMatch ? Number(editorMatch[1]) : null;
  const isSettings = location.path === '/settings';
  const directView = viewFromPath(location.path);
  if (directView) sessionStorage.setItem(LAST_VIEW_KEY, location.path + location.search);
  const listLocation = directView ? location.path + location.search : (sessionStorage.getItem(LAST_VIEW_KEY) ?? '/inbox');
  const listUrl = new URL(listLocation, 'http://x');
  const view: View = directView ?? viewFromPath(listUrl.pathname) ?? { kind: 'inbox' };
  const filters: Filters = filtersFromUrl(directView ? new URLSearchParams(location.search) : listUrl.searchParams);
  const unknownPath = !directView && editorId === null && !isSettings;
  const today = dateIn(now, zone);
  const query = apiQuery(view, filters, today);
  const queryKey = query.toString();

  useEffect(() => {
    if (location.path === '/') navigate('/inbox', { replace: true });
  }, [location.path]);

  useEffect(() => {
    tasks.show(new URLSearchParams(queryKey));
  }, [tasks, queryKey]);

  const refreshReminders = useCallback(() => {
    api
      .reminderIndex()
      .then((list) => {
        const counts = new Map<number, number>();
        for (const r of list) counts.set(r.task_id, (counts.get(r.task_id) ?? 0) + 1);
        setReminderCounts(counts);
      })
      .catch(() => {});
  }, [api]);
  const reminderTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const reminders: ReminderIndex = useMemo(
    () => ({
      counts: reminderCounts,
      refresh: () => {
        clearTimeout(reminderTimer.current);
        reminderTimer.current = setTimeout(refreshReminders, 500);
      },
    }),
    [reminderCounts, refreshReminders],
  );

  // Start-up: notifications, tags, reminders; the live stream; page-leave handling.
  useEffect(() => {
    // The list goes first; notifications, reminders and tags follow once it has arrived.
    let started = false;
    const secondary = () => {
      if (started) return;
      started = true;
      void notifications.load().catch(() => {});
      refreshReminders();
      setTimeout(() => void tasks.scanTags().catch(() => {}), 1000);
      // fetch the panels' code while idle, so that opening them is instant
      setTimeout(() => {
        void import('./TaskEditor');
        void import('./FilterBar.panel');
        void import('./AssistantPanel');
      }, 800);
    };
    const fallback = setTimeout(secondary, 1500);
    const unsubscribe = tasks.store.subscribe(() => {
      if (tasks.store.get().list.loaded) secondary();
    });
    const flush = () => {
      flushToasts();
      tasks.flushDeletes();
    };
    window.addEventListener('pagehide', flush);
    const open = (event: Event) => openTaskRef.current((event as CustomEvent<number>).detail);
    window.addEventListener('todo-ai:open-task', open);
    const stop = onReconnect(() => {
      tasks.refresh();
      void notifications.load().catch(() => {});
      live.current?.reconnect();
    });
    return () => {
      clearTimeout(fallback);
      unsubscribe();
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('todo-ai:open-task', open);
      stop();
      tasks.dispose();
    };
  }, [tasks, notifications, refreshReminders]);

  useEffect(() => {
    if (!session.token) return;
    const connection = connectLive((last) => api.streamUrl(last), {
      onTaskUpdate: (event) => {
        if (event.event_type === 'deleted') tasks.removed(event.task_id);
        else void tasks.changed(event.task_id);
        reminders.refresh();
      },
      onNotification: (n) => {
        notifications.received(n);
        reminders.refresh();
      },
      onResync: () => {
        tasks.refresh();
        void notifications.load().catch(() => {});
      },
    });
    live.current = connection;
    return () => connection.close();
    // reminders.refresh is stable enough through its timer ref
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, session.token, tasks, notifications]);

  const openTask = useCallback((id: number) => {
    openedInApp.current = true;
    navigate(`/tasks/${id}`);
    setSelectedId(id);
  }, []);
  const openTaskRef = useRef(openTask);
  openTaskRef.current = openTask;

  const closeEditor = useCallback(() => {
    if (openedInApp.current && window.history.length > 1) {
      openedInApp.current = false;
      window.history.back();
    } else {
      navigate(sessionStorage.getItem(LAST_VIEW_KEY) ?? '/inbox', { replace: true });
    }
    focusLater('.task-row.is-selected', (focus) => setTimeout(focus, 50));
  }, []);

  const setFilters = (next: Filters, replace = false) => {
    const params = filtersToUrl(next).toString();
    navigate(`${viewPath(view)}${params ? `?${params}` : ''}`, { replace });
  };

  const deleteTask = useCallback(
    (task: Task) => {
      const items = tasks.store.get().list.items;
      const index = items.findIndex((t) => t.id === task.id);
      const neighbour = items[index + 1] ?? items[index - 1];
      tasks.deleteWithUndo(task);
      setSelectedId(neighbour?.id ?? null);
      if (editorId === task.id) closeEditor();
    },
    [tasks, editorId, closeEditor],
  );

  const workspace: WorkspaceValue = useMemo(
    () => ({
      session,
      api,
      tasks,
      notifications,
      zone,
      reminders,
      openTask,
      openQuickAdd: () => quickAdd.current?.focus(),
      toggleAssistant: () => setAssistantOpen((o) => !o),
    }),
    [session, api, tasks, notifications, zone, reminders, openTask],
  );

  // Keyboard shortcuts.
  const pendingG = useRef(false);
  const lastIndex = useRef(0);
  useEffect(() => {
    const focusRow = (id: number) =>
      focusLater(`.task-row[data-task-id="${id}"]`, (focus) => requestAnimationFrame(() => requestAnimationFrame(focus)));
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'Escape') {
        if (document.querySelector('dialog[open]')) return;
        if (editorId !== null) {
          event.preventDefault();
          closeEditor();
        } else if (assistantOpen) setAssistantOpen(false);
        else if (filtersOpen) setFiltersOpen(false);
        return;
      }
      if (isTyping(event.target)) return;
      const items = tasks.store.get().list.items;
      const found = items.findIndex((t) => t.id === selectedId);
      // a selected task that just left the list (completed, deleted) leaves its place selected
      const index = found >= 0 ? (lastIndex.current = found) : -1;
      const selected = index >= 0 ? items[index] : null;
      if (pendingG.current) {
        pendingG.current = false;
        const target = { i: '/inbox', t: '/today', u: '/upcoming', c: '/completed' }[event.key];
        if (target) {
          event.preventDefault();
          navigate(target);
          return;
        }
      }
      switch (event.key) {
        case 'q':
          event.preventDefault();
          quickAdd.current?.focus();
          break;
        case 'j':
        case 'k': {
          event.preventDefault();
          if (!items.length) break;
          const next =
            index >= 0
              ? Math.min(items.length - 1, Math.max(0, index + (event.key === 'j' ? 1 : -1)))
              : selectedId !== null
                ? Math.min(items.length - 1, Math.max(0, lastIndex.current - (event.key === 'k' ? 1 : 0)))
                : 0;
          setSelectedId(items[next].id);
          focusRow(items[next].id);
          break;
        }
        case 'x':
          if (selected) {
            event.preventDefault();
            void tasks.toggleComplete(selected);
          }
          break;
        case 'e':
          if (selected) {
            event.preventDefault();
            openTask(selected.id);
          }
          break;
        case '#':
          if (selected) {
            event.preventDefault();
            deleteTask(selected);
            const after = tasks.store.get().list.items;
            const focus = after[Math.min(index, after.length - 1)];
            if (focus) focusRow(focus.id);
          }
          break;
        case '/':
          event.preventDefault();
          searchInput.current?.focus();
          break;
        case '?':
          event.preventDefault();
          setShortcutsOpen(true);
          break;
        case 'f':
          event.preventDefault();
          setFiltersOpen((o) => !o);
          break;
        case 'a':
          event.preventDefault();
          setAssistantOpen((o) => !o);
          break;
        case 'g':
          pendingG.current = true;
          setTimeout(() => (pendingG.current = false), 1200);
          break;
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [tasks, selectedId, editorId, assistantOpen, filtersOpen, openTask, closeEditor, deleteTask]);

  const title = isSettings ? 'Settings' : unknownPath ? 'Not found' : viewTitle(view);
  useEffect(() => {
    document.title = `${title} · Todo AI`;
  }, [title]);

  const sort = { sortBy: filters.sortBy ?? defaultSort(view).sortBy, sortOrder: filters.sortOrder ?? (filters.sortBy ? undefined : defaultSort(view).sortOrder) };
  const filterCount = activeFilterCount(filters);
  const showList = !isSettings && !unknownPath;

  return (
    <WorkspaceContext.Provider value={workspace}>
      <div className={`app${editorId !== null ? ' with-editor' : ''}${assistantOpen ? ' with-assistant' : ''}${navOpen ? ' nav-open' : ''}`}>
        <a href="#main" className="skip-link">
          Skip to the task list
        </a>
        <Sidebar current={showList ? view : null} path={location.path} onNavigate={() => setNavOpen(false)} onShortcuts={() => setShortcutsOpen(true)} />
        {navOpen && <div className="scrim" aria-hidden="true" onClick={() => setNavOpen(false)} />}
        <main className="main" id="main" tabIndex={-1}>
          <header className="topbar">
            <button type="button" className="icon-button menu-button" aria-label="Open the menu" aria-expanded={navOpen} onClick={() => setNavOpen((o) => !o)}>
              <MenuIcon />
            </button>
            <h1 className="view-title">{title}</h1>
            {showList && (
              <div className="topbar-tools">
                <SearchBox filters={filters} inputRef={searchInput} onSearch={(search) => setFilters({ ...filters, search }, true)} />
                <button
                  type="button"
                  className={`icon-button filter-button${filterCount ? ' has-filters' : ''}`}
                  aria-label={filterCount ? `Filters, ${filterCount} active` : 'Filters'}
                  aria-expanded={filtersOpen}
                  title="Filters (f)"
                  onClick={() => setFiltersOpen((o) => !o)}
                >
                  <FilterIcon />
                  {filterCount > 0 && (
                    <span className="count-dot" aria-hidden="true">
                      {filterCount}
                    </span>
                  )}
                </button>
                <SortControl
                  sortBy={sort.sortBy}
                  sortOrder={sort.sortOrder ?? (sort.sortBy === 'due' || sort.sortBy === 'title' ? 'asc' : 'desc')}
                  onChange={(sortBy, sortOrder) => setFilters({ ...filters, sortBy, sortOrder })}
                />
              </div>
            )}
            <div className="topbar-global">
              <NotificationBell />
              <button
                type="button"
                className={`icon-button assistant-button${assistantOpen ? ' active' : ''}`}
                aria-label={assistantOpen ? 'Close the assistant' : 'Open the assistant'}
                aria-pressed={assistantOpen}
                title="Assistant (a)"
                onClick={() => setAssistantOpen((o) => !o)}
              >
                <SparkIcon size={20} />
              </button>
            </div>
          </header>
          {showList && filtersOpen && (
            <Suspense fallback={null}>
              <FilterBar filters={filters} knownTags={state.tags} onChange={(f) => setFilters(f)} onClose={() => setFiltersOpen(false)} />
            </Suspense>
          )}
          {showList && filterCount > 0 && !filtersOpen && (
            <div className="active-filters">
              <span>
                {filterCount} filter{filterCount === 1 ? '' : 's'} on
              </span>
              <button type="button" className="link-button" onClick={() => setFiltersOpen(true)}>
                Change
              </button>
              <button type="button" className="link-button" onClick={() => setFilters({ ...EMPTY_FILTERS, search: filters.search, sortBy: filters.sortBy, sortOrder: filters.sortOrder })}>
                Clear
              </button>
            </div>
          )}
          {showList && <QuickAdd ref={quickAdd} extraTags={view.kind === 'tag' ? [view.tag] : []} />}
          {showList && (
            <TaskList
              key={queryKey}
              list={state.list}
              view={view}
              now={now}
              grouped={view.kind === 'upcoming' || (view.kind === 'today' && (filters.sortBy ?? 'due') === 'due')}
              selectedId={selectedId}
              filtered={filterCount > 0 || Boolean(filters.search)}
              onSelect={(task) => setSelectedId(task.id)}
              onDelete={deleteTask}
            />
          )}
          {isSettings && (
            <Suspense fallback={null}>
              <Settings />
            </Suspense>
          )}
          {unknownPath && (
            <div className="empty-state">
              <h2>There is no page here</h2>
              <p>
                <a href="/inbox" onClick={(e) => (e.preventDefault(), navigate('/inbox'))}>
                  Go to your inbox
                </a>
              </p>
            </div>
          )}
        </main>
        {editorId !== null && (
          <Suspense fallback={<PanelFallback label="Task editor" />}>
            <TaskEditor key={editorId} taskId={editorId} onClose={closeEditor} onDelete={deleteTask} />
          </Suspense>
        )}
        {assistantOpen && (
          <Suspense fallback={<PanelFallback label="Assistant" />}>
            <AssistantPanel onClose={() => setAssistantOpen(false)} />
          </Suspense>
        )}
        <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      </div>
    </WorkspaceContext.Provider>
  );
}

function SearchBox({ filters, onSearch, inputRef }: { filters: Filters; onSearch(search: string): void; inputRef: React.RefObject<HTMLInputElement | null> }) {
  const [text, setText] = useState(filters.search);
  const debounced = useDebounced(text, 250);
  const last = useRef(filters.search);
  useEffect(() => {
    if (filters.search !== last.current) {
      last.current = filters.search;
      setText(filters.search);
    }
  }, [filters.search]);
  useEffect(() => {
    if (debounced !== last.current) {
      last.current = debounced;
      onSearch(debounced);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  return (
    <div className="search-box" role="search">
      <SearchIcon size={16} />
      <label className="sr-only" htmlFor="search">
        Search tasks
      </label>
      <input
        id="search"
        ref={inputRef}
        type="search"
        className="search-input"
        placeholder="Search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            if (text) setText('');
            else (e.target as HTMLInputElement).blur();
          }
        }}
      />
    </div>
  );
}
