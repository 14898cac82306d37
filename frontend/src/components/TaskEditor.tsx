import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { ApiError, describeError } from '../api/client';
import type { AuditEntry, Priority, Reminder, Task } from '../api/types';
import { PRIORITIES } from '../api/types';
import { ago, dateIn, fullDateTime, isValidZone, knownZones, toIso, zonedToInstant } from '../lib/dates';
import { changedFields, type Conflict, conflictOf, type Draft, draftOf, FIELD_LABEL, patchOf, rebase } from '../lib/draft';
import { describeDuration } from '../lib/rrule';
import { useStore } from '../lib/store';
import { showToast } from '../state/toasts';
import { askNotificationPermission } from '../state/notifications';
import { useWorkspace } from './context';
import { AlarmIcon, CloseIcon, HistoryIcon, TrashIcon } from './Icons';
import { RecurrenceBuilder } from './RecurrenceBuilder';
import { PRIORITY_LABEL } from './TaskRow';

/** Unsaved drafts by task id: closing the editor (or an expired session) never loses typing. */
const drafts = new Map<number, { base: Draft; draft: Draft; version: number }>();

export interface TaskEditorProps {
  taskId: number;
  onClose(): void;
  onDelete(task: Task): void;
}

export function TaskEditor({ taskId, onClose, onDelete }: TaskEditorProps) {
  const { api, tasks, zone } = useWorkspace();
  const known = useStore(tasks.store).known.get(taskId);
  const [task, setTask] = useState<Task | null>(known ?? null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [state, setState] = useState<{ base: Draft; draft: Draft; version: number } | null>(() =>
    drafts.get(taskId) ?? (known ? { base: draftOf(known, zone), draft: draftOf(known, zone), version: known.version } : null),
  );
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [saving, setSaving] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const id = useId();

  // Load the freshest copy when opened.
  useEffect(() => {
    let live = true;
    api
      .get(taskId)
      .then((fresh) => {
        if (!live) return;
        tasks.accept(fresh);
        setTask(fresh);
        setState((s) => s ?? { base: draftOf(fresh, zone), draft: draftOf(fresh, zone), version: fresh.version });
      })
      .catch((e) => live && setLoadError(e instanceof ApiError && e.status === 404 ? 'This task does not exist any more.' : describeError(e)));
    return () => {
      live = false;
    };
  }, [taskId, api, tasks, zone]);

  // A newer copy arrived (live update): follow it while nothing is edited.
  useEffect(() => {
    if (!known) return;
    setTask(known);
    setState((s) => {
      if (!s) return { base: draftOf(known, zone), draft: draftOf(known, zone), version: known.version };
      if (known.version > s.version && changedFields(s.draft, s.base).length === 0) {
        return { base: draftOf(known, zone), draft: draftOf(known, zone), version: known.version };
      }
      return s;
    });
  }, [known, zone]);

  useEffect(() => {
    if (!state) return;
    if (changedFields(state.draft, state.base).length) drafts.set(taskId, state);
    else drafts.delete(taskId);
  }, [state, taskId]);

  useEffect(() => {
    titleRef.current?.focus();
  }, [taskId, state === null]);

  const dirty = state ? changedFields(state.draft, state.base).length > 0 : false;
  const setDraft = (patch: Partial<Draft>) => setState((s) => (s ? { ...s, draft: { ...s.draft, ...patch } } : s));

  const save = useCallback(async () => {
    if (!state || saving) return;
    if (state.draft.dueMode === 'datetime' && !isValidZone(state.draft.timeZone)) {
      setError(new ApiError(400, { type: '/problems/validation-failed', title: 'Your request is not valid', status: 400, errors: [{ field: 'time_zone', message: "must be an IANA time zone such as 'Europe/Berlin' or 'UTC'" }] }));
      return;
    }
    const patch = patchOf(state.draft, state.base);
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const saved = await tasks.save(taskId, patch, state.version);
      drafts.delete(taskId);
      setTask(saved);
      setConflict(null);
      setState({ base: draftOf(saved, zone), draft: draftOf(saved, zone), version: saved.version });
      showToast({ message: 'Saved', tone: 'success', duration: 2000 });
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        try {
          const server = await api.get(taskId);
          tasks.accept(server);
          setConflict(conflictOf(state.base, state.draft, server, zone));
        } catch (inner) {
          setError(inner as Error);
        }
      } else {
        setError(e as Error);
      }
    } finally {
      setSaving(false);
    }
  }, [state, saving, tasks, taskId, zone, api, onClose]);

  const keepMine = () => {
    if (!conflict || !state) return;
    const theirs = conflict.theirs;
    setState({ base: theirs, draft: rebase(state.draft, state.base, theirs), version: conflict.server.version });
    setConflict(null);
  };
  const takeTheirs = () => {
    if (!conflict) return;
    drafts.delete(taskId);
    setState({ base: conflict.theirs, draft: conflict.theirs, version: conflict.server.version });
    setTask(conflict.server);
    setConflict(null);
  };

  // After "keep mine" the rebased draft is saved right away against the server's version.
  const pendingResave = useRef(false);
  useEffect(() => {
    if (pendingResave.current && state && !conflict) {
      pendingResave.current = false;
      void save();
    }
  }, [state, conflict, save]);

  const fieldError = (field: string) => (error instanceof ApiError ? error.messageFor(field) : undefined);
  const generalError = error && !(error instanceof ApiError && error.fieldErrors().length) ? describeError(error) : null;

  if (!state) {
    return (
      <aside className="editor" aria-label="Task editor">
        <EditorHeader onClose={onClose} title="Task" />
        <div className="editor-body">{loadError ? <p role="alert">{loadError}</p> : <p className="muted">Loading…</p>}</div>
      </aside>
    );
  }
  const { draft } = state;

  return (
    <aside className="editor" aria-label="Task editor" data-testid="task-editor">
      <EditorHeader onClose={onClose} title={dirty ? 'Edit task · unsaved' : 'Edit task'} />
      <form
        className="editor-body"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            void save();
          }
        }}
      >
        {conflict && (
          <section className="conflict" role="alertdialog" aria-labelledby={`${id}-conflict`} aria-describedby={`${id}-conflict-text`}>
            <h3 id={`${id}-conflict`}>This task changed while you were editing</h3>
            <p id={`${id}-conflict-text`}>Someone (another tab, the assistant or an MCP client) saved a newer version. Choose which to keep:</p>
            <table className="conflict-table">
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Yours</th>
                  <th scope="col">Theirs</th>
                </tr>
              </thead>
              <tbody>
                {conflict.fields.map((f) => (
                  <tr key={f.field} className={f.both ? 'both' : ''}>
                    <th scope="row">{FIELD_LABEL[f.field]}</th>
                    <td>{f.mine}</td>
                    <td>{f.theirs}</td>
                  </tr>
                ))}
                {conflict.fields.length === 0 && (
                  <tr>
                    <td colSpan={3}>Only its version changed.</td>
                  </tr>
                )}
              </tbody>
            </table>
            <div className="button-row">
              <button
                type="button"
                className="button primary"
                onClick={() => {
                  pendingResave.current = true;
                  keepMine();
                }}
              >
                Keep mine
              </button>
              <button type="button" className="button" onClick={takeTheirs}>
                Take theirs
              </button>
            </div>
          </section>
        )}

        <div className="field">
          <label className="field-label" htmlFor={`${id}-title`}>
            Title
          </label>
          <input
            ref={titleRef}
            id={`${id}-title`}
            className="input title-input"
            value={draft.title}
            maxLength={500}
            aria-invalid={fieldError('title') ? true : undefined}
            aria-describedby={fieldError('title') ? `${id}-title-error` : undefined}
            onChange={(e) => setDraft({ title: e.target.value })}
          />
          {fieldError('title') && (
            <div id={`${id}-title-error`} className="field-error">
              {fieldError('title')}
            </div>
          )}
        </div>

        <div className="field">
          <label className="field-label" htmlFor={`${id}-description`}>
            Description
          </label>
          <textarea
            id={`${id}-description`}
            className="input"
            rows={3}
            value={draft.description}
            placeholder="Notes, links, details…"
            aria-invalid={fieldError('description') ? true : undefined}
            onChange={(e) => setDraft({ description: e.target.value })}
          />
          {fieldError('description') && <div className="field-error">{fieldError('description')}</div>}
        </div>

        <div className="field">
          <span className="field-label" id={`${id}-priority`}>
            Priority
          </span>
          <div className="segmented priority-picker" role="radiogroup" aria-labelledby={`${id}-priority`}>
            {PRIORITIES.map((p: Priority) => (
              <button
                key={p}
                type="button"
                role="radio"
                aria-checked={draft.priority === p}
                className={`priority-option priority-${p}${draft.priority === p ? ' active' : ''}`}
                onClick={() => setDraft({ priority: p })}
              >
                {p === 'none' ? 'None' : PRIORITY_LABEL[p]}
              </button>
            ))}
          </div>
          {fieldError('priority') && <div className="field-error">{fieldError('priority')}</div>}
        </div>

        <TagField tags={draft.tags} error={fieldError('tags')} onChange={(tags) => setDraft({ tags })} />

        <fieldset className="field due-field">
          <legend className="field-label">Due</legend>
          <div className="segmented small" role="radiogroup" aria-label="Due kind">
            {(
              [
                ['none', 'No due'],
                ['date', 'Date'],
                ['datetime', 'Date and time'],
              ] as const
            ).map(([mode, label]) => (
              <button
                key={mode}
                type="button"
                role="radio"
                aria-checked={draft.dueMode === mode}
                className={draft.dueMode === mode ? 'active' : ''}
                onClick={() => setDraft({ dueMode: mode, dueDate: draft.dueDate || dateIn(Date.now(), draft.timeZone) })}
              >
                {label}
              </button>
            ))}
          </div>
          {draft.dueMode !== 'none' && (
            <div className="inline-fields wrap">
              <label className="sr-only" htmlFor={`${id}-date`}>
                Due date
              </label>
              <input id={`${id}-date`} type="date" className="input small" value={draft.dueDate} required onChange={(e) => setDraft({ dueDate: e.target.value })} />
              {draft.dueMode === 'datetime' && (
                <>
                  <label className="sr-only" htmlFor={`${id}-time`}>
                    Due time
                  </label>
                  <input id={`${id}-time`} type="time" className="input small" value={draft.dueTime} required onChange={(e) => setDraft({ dueTime: e.target.value })} />
                  <label className="sr-only" htmlFor={`${id}-zone`}>
                    Time zone
                  </label>
                  <input id={`${id}-zone`} className="input small zone-input" list={`${id}-zones`} value={draft.timeZone} onChange={(e) => setDraft({ timeZone: e.target.value })} />
                  <ZoneList id={`${id}-zones`} />
                </>
              )}
            </div>
          )}
          {(fieldError('due_at') || fieldError('due_date') || fieldError('time_zone')) && (
            <div className="field-error">{fieldError('due_at') ?? fieldError('due_date') ?? fieldError('time_zone')}</div>
          )}
        </fieldset>

        <RecurrenceBuilder
          draft={draft}
          error={fieldError('recurrence_rule') ?? fieldError('recurrence_anchor')}
          onChange={(rule, anchor) => setDraft({ recurrenceRule: rule, anchor })}
        />

        {generalError && (
          <div className="field-error" role="alert">
            {generalError}
          </div>
        )}
        {error instanceof ApiError && error.fieldErrors().length > 0 && (
          <div className="sr-only" role="alert">
            {describeError(error)}
          </div>
        )}

        <div className="button-row sticky-actions">
          <button type="submit" className="button primary" disabled={saving || !dirty || !draft.title.trim()}>
            {saving ? 'Saving…' : 'Save'}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              drafts.delete(taskId);
              if (task) setState({ base: draftOf(task, zone), draft: draftOf(task, zone), version: task.version });
              setError(null);
              if (!dirty) onClose();
            }}
          >
            {dirty ? 'Discard changes' : 'Close'}
          </button>
          {task && (
            <button type="button" className="button danger-ghost push-right" onClick={() => onDelete(task)}>
              <TrashIcon size={15} /> Delete
            </button>
          )}
        </div>

        {task && <RemindersSection task={task} />}
        {task && <HistorySection taskId={task.id} version={task.version} />}
      </form>
    </aside>
  );
}

function EditorHeader({ title, onClose }: { title: string; onClose(): void }) {
  return (
    <header className="panel-header">
      <h2>{title}</h2>
      <button type="button" className="icon-button" aria-label="Close the editor" title="Close (Esc)" onClick={onClose}>
        <CloseIcon />
      </button>
    </header>
  );
}

let zoneOptions: string[] | null = null;
function ZoneList({ id }: { id: string }) {
  zoneOptions ??= knownZones();
  return (
    <datalist id={id}>
      {zoneOptions.map((z) => (
        <option key={z} value={z} />
      ))}
    </datalist>
  );
}

function TagField({ tags, error, onChange }: { tags: string[]; error?: string; onChange(tags: string[]): void }) {
  const { tasks } = useWorkspace();
  const known = useStore(tasks.store).tags;
  const [text, setText] = useState('');
  const id = useId();
  const add = (raw: string) => {
    const tag = raw.trim().replace(/^#/, '');
    if (tag && !tags.includes(tag)) onChange([...tags, tag]);
    setText('');
  };
  const suggestions = known.filter((t) => !tags.includes(t));
  return (
    <div className="field">
      <label className="field-label" htmlFor={`${id}-tag`}>
        Tags
      </label>
      <div className="tag-input">
        {tags.map((tag) => (
          <span key={tag} className="chip removable">
            #{tag}
            <button type="button" aria-label={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((t) => t !== tag))}>
              <CloseIcon size={12} />
            </button>
          </span>
        ))}
        <input
          id={`${id}-tag`}
          className="input bare"
          list={`${id}-tags`}
          value={text}
          placeholder={tags.length ? 'Add another…' : 'Add a tag…'}
          onChange={(e) => {
            if (suggestions.includes(e.target.value)) add(e.target.value);
            else setText(e.target.value);
          }}
          onKeyDown={(e) => {
            if ((e.key === 'Enter' || e.key === ',' || e.key === ' ') && text.trim()) {
              e.preventDefault();
              add(text);
            } else if (e.key === 'Backspace' && !text && tags.length) {
              onChange(tags.slice(0, -1));
            }
          }}
          onBlur={() => text.trim() && add(text)}
        />
        <datalist id={`${id}-tags`}>
          {suggestions.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </div>
      {error && <div className="field-error">{error}</div>}
    </div>
  );
}

const REMINDER_PRESETS: { label: string; before: string }[] = [
  { label: 'At due', before: 'PT0S' },
  { label: '15 min before', before: 'PT15M' },
  { label: '1 hour before', before: 'PT1H' },
  { label: '1 day before', before: 'P1D' },
];

function RemindersSection({ task }: { task: Task }) {
  const { api, zone, reminders: index } = useWorkspace();
  const [items, setItems] = useState<Reminder[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [at, setAt] = useState('');
  const id = useId();
  const hasDue = Boolean(task.due_at || task.due_date);

  const load = useCallback(() => {
    api
      .reminders(task.id)
      .then(setItems)
      .catch((e) => setError(describeError(e)));
  }, [api, task.id]);
  useEffect(load, [load, task.version]);

  const add = async (input: { before_due?: string; remind_at?: string }) => {
    setError(null);
    try {
      await api.addReminder(task.id, input);
      void askNotificationPermission();
      load();
      index.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? (e.messageFor('before_due') ?? e.messageFor('remind_at') ?? describeError(e)) : describeError(e));
    }
  };
  const remove = async (reminder: Reminder) => {
    const before = items;
    setItems((list) => list?.filter((r) => r.id !== reminder.id) ?? null);
    try {
      await api.deleteReminder(task.id, reminder.id);
      index.refresh();
    } catch (e) {
      setItems(before);
      setError(describeError(e));
    }
  };
  const scheduled = (items ?? []).filter((r) => r.status === 'scheduled');
  const past = (items ?? []).filter((r) => r.status !== 'scheduled');

  return (
    <section className="editor-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        <AlarmIcon size={16} /> Reminders
      </h3>
      <div className="preset-buttons" role="group" aria-label="Add a reminder before the due">
        {REMINDER_PRESETS.map((p) => (
          <button key={p.before} type="button" className="button small" disabled={!hasDue} title={hasDue ? undefined : 'Give the task a due first'} onClick={() => void add({ before_due: p.before })}>
            {p.label}
          </button>
        ))}
      </div>
      <div className="inline-fields">
        <label htmlFor={`${id}-at`} className="sr-only">
          Remind me at
        </label>
        <input id={`${id}-at`} type="datetime-local" className="input small" value={at} onChange={(e) => setAt(e.target.value)} />
        <button
          type="button"
          className="button small"
          disabled={!at}
          onClick={() => {
            const [date, time] = at.split('T');
            void add({ remind_at: toIso(zonedToInstant(date, time.slice(0, 5), zone)) });
            setAt('');
          }}
        >
          Add at this time
        </button>
      </div>
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
      {items && scheduled.length === 0 && <p className="muted small-text">No reminders scheduled.</p>}
      <ul className="reminder-list">
        {scheduled.map((r) => (
          <li key={r.id}>
            <AlarmIcon size={14} />
            <span>
              {when(r.remind_at, zone)}
              {r.before_due && <span className="muted"> · {describeDuration(r.before_due) === 'at due' ? 'at due' : `${describeDuration(r.before_due)} before`}</span>}
            </span>
            <button type="button" className="icon-button" aria-label={`Delete the reminder at ${when(r.remind_at, zone)}`} onClick={() => void remove(r)}>
              <TrashIcon size={14} />
            </button>
          </li>
        ))}
        {past.slice(0, 5).map((r) => (
          <li key={r.id} className="muted">
            <AlarmIcon size={14} />
            <span>
              {when(r.remind_at, zone)} · {r.status}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** When a reminder fires; a relative one without a due has no time yet. */
function when(remindAt: string | null, zone: string): string {
  return remindAt ? fullDateTime(remindAt, zone) : 'when the task gets a due';
}

const EVENT_LABEL: Record<string, string> = {
  created: 'Created',
  updated: 'Changed',
  completed: 'Completed',
  uncompleted: 'Reopened',
  deleted: 'Deleted',
};

function HistorySection({ taskId, version }: { taskId: number; version: number }) {
  const { api, zone } = useWorkspace();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const id = useId();
  const now = useMemo(() => Date.now(), [entries]);

  useEffect(() => {
    let live = true;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout>;
    // The audit trail is written by a consumer of the task's events, a moment after the change:
    // read again (a few times) until it has caught up with this version.
    const load = () => {
      setLoading(true);
      api
        .audit(taskId, null, 10)
        .then((page) => {
          if (!live) return;
          setEntries(page.items);
          setCursor(page.cursor);
          const newest = page.items[0]?.task?.version;
          if ((newest === undefined || newest < version) && attempt++ < 6) timer = setTimeout(load, 700);
        })
        .catch((e) => live && setError(describeError(e)))
        .finally(() => live && setLoading(false));
    };
    timer = setTimeout(load, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, taskId, version]);

  const more = async () => {
    if (!cursor) return;
    setLoading(true);
    try {
      const page = await api.audit(taskId, cursor, 10);
      setEntries((list) => [...list, ...page.items]);
      setCursor(page.cursor);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setLoading(false);
    }
  };

  return (
    <section className="editor-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        <HistoryIcon size={16} /> History
      </h3>
      {error && <div className="field-error">{error}</div>}
      {entries.length === 0 && !loading && !error && <p className="muted small-text">No history yet.</p>}
      <ol className="history-list">
        {entries.map((entry) => (
          <li key={entry.event_id}>
            <span className={`history-dot event-${entry.event_type}`} aria-hidden="true" />
            <div>
              <div>
                <strong>{EVENT_LABEL[entry.event_type] ?? entry.event_type}</strong>
                {entry.changed_fields.length > 0 && entry.event_type === 'updated' && <span className="muted"> · {entry.changed_fields.join(', ')}</span>}
              </div>
              <time className="muted small-text" dateTime={entry.occurred_at} title={fullDateTime(entry.occurred_at, zone)}>
                {ago(entry.occurred_at, now, zone)}
              </time>
            </div>
          </li>
        ))}
      </ol>
      {cursor && (
        <button type="button" className="button small" disabled={loading} onClick={() => void more()}>
          {loading ? 'Loading…' : 'Show older'}
        </button>
      )}
    </section>
  );
}
