import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Task } from '../api/types';
import { dateIn, dayHeading, dueDateIn } from '../lib/dates';
import type { View } from '../lib/filters';
import type { TaskList as TaskListState } from '../lib/taskList';
import { useWorkspace } from './context';
import { DoneIcon, SearchIcon, SparkIcon, TagIcon, UpcomingIcon } from './Icons';
import { TaskRow } from './TaskRow';

type Row = { kind: 'header'; key: string; label: string } | { kind: 'task'; key: string; task: Task };

export interface TaskListProps {
  list: TaskListState;
  view: View;
  now: number;
  grouped: boolean;
  selectedId: number | null;
  filtered: boolean;
  onSelect(task: Task): void;
  onDelete(task: Task): void;
}

let firstRenderMarked = false;

/**
 * A row's height as its resize observer reports it (the observer reports every row once it is laid
 * out). When a row mounts there is no report yet: it keeps the size known so far instead of reading
 * the layout, which would force one in the middle of scrolling.
 */
export function measureRow(element: Element, entry: ResizeObserverEntry | undefined): number {
  const box = entry?.borderBoxSize?.[0];
  if (box) return Math.round(box.blockSize);
  return Number((element as HTMLElement).dataset.size) || element.getBoundingClientRect().height;
}

/**
 * The expected height of a row: 44 px for a title alone, 18 more with a description, 24 more with a
 * due, tags, priority, repeat or reminders (one line of details); day headings 48 px. A task row
 * whose details wrap (many tags on a narrow screen) is taller: its real height comes from a resize
 * observer (see `measureRow`), so scrolling never forces a layout to measure rows.
 */
export function rowHeight(row: Row | undefined, reminders: Map<number, number>): number {
  if (!row) return 64;
  if (row.kind === 'header') return 48;
  const t = row.task;
  const meta = Boolean(t.due_at || t.due_date || t.tags.length || t.priority !== 'none' || t.is_recurring || reminders.get(t.id));
  return 44 + (t.description?.trim() ? 18 : 0) + (meta ? 24 : 0);
}

export function TaskList({ list, view, now, grouped, selectedId, filtered, onSelect, onDelete }: TaskListProps) {
  const { tasks, zone, openTask, reminders, openQuickAdd } = useWorkspace();
  const scroller = useRef<HTMLDivElement>(null);
  const today = dateIn(now, zone);
  const onOpen = useCallback((task: Task) => openTask(task.id), [openTask]);

  const rows = useMemo<Row[]>(() => {
    if (!grouped) return list.items.map((task) => ({ kind: 'task', key: `t${task.id}`, task }));
    const out: Row[] = [];
    let current: string | null | undefined;
    for (const task of list.items) {
      const day = dueDateIn(task, zone);
      const label = day === null ? 'No date' : day < today ? 'Overdue' : dayHeading(day, today);
      if (label !== current) {
        out.push({ kind: 'header', key: `h${label}`, label });
        current = label;
      }
      out.push({ kind: 'task', key: `t${task.id}`, task });
    }
    return out;
  }, [list.items, grouped, zone, today]);

  // stable functions: the virtualiser recomputes every row's offset when they change
  const estimateSize = useCallback((i: number) => rowHeight(rows[i], reminders.counts), [rows, reminders.counts]);
  const getItemKey = useCallback((i: number) => rows[i]?.key ?? i, [rows]);
  const getScrollElement = useCallback(() => scroller.current, []);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement, estimateSize, overscan: 6, getItemKey, measureElement: measureRow });

  const items = virtualizer.getVirtualItems();
  const last = items.length ? items[items.length - 1].index : -1;
  useEffect(() => {
    if (last >= rows.length - 15 && list.cursor && !list.loading) void tasks.loadMore();
  }, [last, rows.length, list.cursor, list.loading, tasks]);

  useEffect(() => {
    if (selectedId === null) return;
    const index = rows.findIndex((r) => r.kind === 'task' && r.task.id === selectedId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [selectedId, rows, virtualizer]);

  useEffect(() => {
    if (!firstRenderMarked && list.items.length > 0) {
      firstRenderMarked = true;
      performance.mark('todo-ai:first-list-render');
    }
  }, [list.items.length]);

  if (!list.loaded && list.loading) {
    return (
      <div className="task-scroller" aria-busy="true">
        <div className="skeleton-list" aria-label="Loading tasks">
          {Array.from({ length: 6 }, (_, i) => (
            <div key={i} className="skeleton-row">
              <span className="skeleton-circle" />
              <span className="skeleton-line" style={{ width: `${40 + ((i * 17) % 45)}%` }} />
            </div>
          ))}
        </div>
      </div>
    );
  }

  if (list.error && list.items.length === 0) {
    return (
      <div className="task-scroller">
        <div className="empty-state" role="alert">
          <h2>Could not load your tasks</h2>
          <p>{list.error}</p>
          <button type="button" className="button primary" onClick={() => tasks.refresh()}>
            Try again
          </button>
        </div>
      </div>
    );
  }

  if (list.loaded && list.items.length === 0) {
    return (
      <div className="task-scroller">
        <EmptyState view={view} filtered={filtered} onAdd={openQuickAdd} />
      </div>
    );
  }

  return (
    <div className="task-scroller" ref={scroller} data-testid="task-scroller">
      <div role="list" aria-label="Tasks" aria-busy={list.loading} className="task-list" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows[item.index];
          return (
            <div
              key={item.key}
              data-index={item.index}
              className="virtual-row"
              role="listitem"
              data-size={item.size}
              ref={row.kind === 'task' ? virtualizer.measureElement : undefined}
              style={{ transform: `translateY(${item.start}px)`, ...(row.kind === 'header' ? { height: item.size } : { minHeight: estimateSize(item.index) }) }}
            >
              {row.kind === 'header' ? (
                <h3 className={`day-header${row.label === 'Overdue' ? ' overdue' : ''}`}>{row.label}</h3>
              ) : (
                <TaskRow
                  task={row.task}
                  now={now}
                  zone={zone}
                  selected={row.task.id === selectedId}
                  reminders={reminders.counts.get(row.task.id) ?? 0}
                  onToggle={tasks.toggleComplete}
                  onOpen={onOpen}
                  onDelete={onDelete}
                  onSelect={onSelect}
                />
              )}
            </div>
          );
        })}
      </div>
      {list.loading && list.loaded && <div className="list-footer">Loading more…</div>}
      {list.error && list.items.length > 0 && (
        <div className="list-footer error" role="alert">
          {list.error}{' '}
          <button type="button" className="link-button" onClick={() => void tasks.loadMore()}>
            Retry
          </button>
        </div>
      )}
    </div>
  );
}

const EXAMPLES: Record<View['kind'], { title: string; text: string; example: string }> = {
  inbox: {
    title: 'Your inbox is clear',
    text: 'Add a task in plain words — dates, repeats, priorities and tags are understood as you type.',
    example: 'call mom tomorrow 5pm #family',
  },
  today: {
    title: 'Nothing due today',
    text: 'Enjoy the calm, or plan something for today.',
    example: 'water the plants today 18:00 p3',
  },
  upcoming: {
    title: 'A free week ahead',
    text: 'Tasks due in the next 7 days show up here, grouped by day.',
    example: 'dentist friday 9am remind me 1 hour before',
  },
  completed: {
    title: 'Nothing completed yet',
    text: 'Completed tasks collect here. Tick a circle to complete a task.',
    example: 'pay rent every month on the 1st p1 #home',
  },
  tag: {
    title: 'No tasks with this tag',
    text: 'Tag a task by typing # and a word.',
    example: 'book flights #travel next monday',
  },
};

function EmptyState({ view, filtered, onAdd }: { view: View; filtered: boolean; onAdd(): void }) {
  if (filtered) {
    return (
      <div className="empty-state">
        <div className="empty-illustration" aria-hidden="true">
          <SearchIcon size={30} />
        </div>
        <h2>No tasks match</h2>
        <p>Try fewer filters or another search.</p>
      </div>
    );
  }
  const copy = EXAMPLES[view.kind];
  return (
    <div className="empty-state">
      <div className="empty-illustration" aria-hidden="true">
        {view.kind === 'completed' ? <DoneIcon size={30} /> : view.kind === 'upcoming' ? <UpcomingIcon size={30} /> : view.kind === 'tag' ? <TagIcon size={30} /> : <SparkIcon size={30} />}
      </div>
      <h2>{copy.title}</h2>
      <p>{copy.text}</p>
      <p className="example">
        Try: <kbd className="example-text">{copy.example}</kbd>
      </p>
      <button type="button" className="button primary" onClick={onAdd}>
        Add a task
      </button>
    </div>
  );
}
